/**
 * The card gallery: every card rendered with its sample data by the adaptivecards renderer, in a Teams-like light
 * and dark theme, for designers and for the end-to-end test that screenshots them into docs/cards/.
 *
 *   npm run cards:preview            (http://localhost:3979)
 *   CARDS_PREVIEW_PORT=4000 npm run cards:preview
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { cardNames, renderCard, type AdaptiveCard, type CardName } from '../src/cards';
import { sampleDataPath } from '../src/cards/templates';

const ROOT = path.resolve(__dirname, '..');
const BUNDLE = path.join(ROOT, 'node_modules/adaptivecards/dist/adaptivecards.min.js');

const titles: Record<CardName, string> = {
  'agenda-item': 'Agenda item',
  'meeting-digest': 'Meeting digest',
  decision: 'Decision',
  'action-plan': 'Action plan',
  'acknowledgement-report': 'Acknowledgement report',
  'search-results': 'Search results',
  'link-preview': 'Link preview (Adaptive Cards 1.3)',
  help: 'Help and welcome',
  error: 'Error',
};

/** Cards are rendered on each request, so edits to templates and sample data show on reload. */
const galleryCards = (): { name: CardName; title: string; card: AdaptiveCard }[] =>
  cardNames.map((name) => ({
    name,
    title: titles[name],
    card: renderCard(name, JSON.parse(readFileSync(sampleDataPath(name), 'utf8')) as never),
  }));

/** Colours live in the host config, as in Teams; the cards themselves name only semantic colours. */
const palette = (theme: 'light' | 'dark') =>
  theme === 'light'
    ? { bg: '#FFFFFF', emphasis: '#F5F5F5', good: '#E7F2DA', warning: '#FBF6D9', attention: '#FCF4F6', accentBg: '#E8EBFA',
        text: '#242424', subtle: '#616161', accent: '#5B5FC7', goodFg: '#237B4B', warningFg: '#835C00', attentionFg: '#C4314B' }
    : { bg: '#292929', emphasis: '#1F1F1F', good: '#0D2E0D', warning: '#463100', attention: '#3E1F25', accentBg: '#2F2F4A',
        text: '#FFFFFF', subtle: '#ADADAD', accent: '#7F85F5', goodFg: '#92C353', warningFg: '#F8D22A', attentionFg: '#F9526B' };

const hostConfig = (theme: 'light' | 'dark') => {
  const p = palette(theme);
  const fg = {
    default: { default: p.text, subtle: p.subtle },
    dark: { default: '#242424', subtle: '#616161' },
    light: { default: '#FFFFFF', subtle: '#ADADAD' },
    accent: { default: p.accent, subtle: p.accent },
    good: { default: p.goodFg, subtle: p.goodFg },
    warning: { default: p.warningFg, subtle: p.warningFg },
    attention: { default: p.attentionFg, subtle: p.attentionFg },
  };
  const style = (backgroundColor: string) => ({ backgroundColor, foregroundColors: fg });
  return {
    fontFamily: "'Segoe UI', system-ui, -apple-system, sans-serif",
    supportsInteractivity: true,
    spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
    separator: { lineThickness: 1, lineColor: theme === 'light' ? '#E0E0E0' : '#3D3D3D' },
    fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
    fontWeights: { lighter: 300, default: 400, bolder: 600 },
    containerStyles: {
      default: style(p.bg),
      emphasis: style(p.emphasis),
      good: style(p.good),
      warning: style(p.warning),
      attention: style(p.attention),
      accent: style(p.accentBg),
    },
    actions: { maxActions: 6, spacing: 'default', buttonSpacing: 8, actionsOrientation: 'horizontal', actionAlignment: 'left', showCard: { actionMode: 'inline', inlineTopMargin: 8 } },
    inputs: { label: { requiredInputs: { suffix: ' *' }, optionalInputs: {} } },
  };
};

const page = (): string => `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Cabinet bot: card gallery</title>
<link rel="icon" href="data:,">
<style>
  body { font-family: 'Segoe UI', system-ui, sans-serif; margin: 24px; background: #EBEBEB; color: #242424; }
  h1 { font-size: 22px; } h2 { font-size: 18px; margin: 0 0 8px; }
  .card-section { display: inline-block; vertical-align: top; padding: 12px; margin: 0 0 24px; background: #EBEBEB; }
  .themes { display: flex; gap: 16px; align-items: flex-start; }
  .host { width: 380px; border-radius: 6px; overflow: hidden; box-shadow: 0 1px 3px rgba(0,0,0,.25); }
  .host.light { background: #FFFFFF; } .host.dark { background: #292929; }
  .theme-label { font-size: 12px; color: #616161; margin: 0 0 4px; }
  .render-error { color: #C4314B; font-weight: 600; white-space: pre-wrap; }
  #action-log { position: fixed; bottom: 0; right: 0; max-width: 40%; background: #242424; color: #fff; font: 12px monospace; padding: 8px; }
  .ac-pushButton { border-radius: 4px; padding: 5px 12px; font-weight: 600; cursor: pointer; }
  .light .ac-pushButton { background: #FFFFFF; border: 1px solid #D1D1D1; color: #242424; }
  .dark .ac-pushButton { background: #292929; border: 1px solid #666666; color: #FFFFFF; }
  .ac-pushButton.style-positive { background: #5B5FC7 !important; color: #FFFFFF !important; border-color: #5B5FC7 !important; }
  .ac-input, .ac-textInput, .ac-numberInput, .ac-multichoiceInput { font: inherit; padding: 4px; }
</style>
<script src="/adaptivecards.min.js"></script>
</head>
<body>
<h1>Cabinet bot: card gallery</h1>
<p>Each card rendered from <code>cards/&lt;name&gt;.json</code> with <code>cards/&lt;name&gt;.data.json</code>, in a Teams-like light and dark theme.</p>
<div id="gallery"></div>
<div id="action-log" hidden></div>
<script>
window.__renderErrors = [];
window.__renderDone = false;
const hostConfigs = ${JSON.stringify({ light: hostConfig('light'), dark: hostConfig('dark') })};

function report(name, theme, message) {
  window.__renderErrors.push({ card: name, theme: theme, message: message });
  const el = document.createElement('div');
  el.className = 'render-error';
  el.textContent = name + ' (' + theme + '): ' + message;
  return el;
}

function renderOne(name, theme, payload) {
  const card = new AdaptiveCards.AdaptiveCard();
  card.hostConfig = new AdaptiveCards.HostConfig(hostConfigs[theme]);
  card.onExecuteAction = function (action) {
    const log = document.getElementById('action-log');
    log.hidden = false;
    log.textContent = action.getJsonTypeName() + ' ' + (action.verb || '') + ' ' + JSON.stringify(action.data || action.url || '');
  };
  const context = new AdaptiveCards.SerializationContext();
  card.parse(payload, context);
  const messages = [];
  for (let i = 0; i < context.eventCount; i++) messages.push(context.getEventAt(i).message);
  for (const e of card.validateProperties().validationEvents) messages.push(e.message);
  const rendered = card.render();
  if (!rendered) messages.push('render() returned nothing');
  return { rendered: rendered, messages: messages };
}

fetch('/cards.json').then(function (r) { return r.json(); }).then(function (cards) {
  const gallery = document.getElementById('gallery');
  for (const entry of cards) {
    const section = document.createElement('section');
    section.className = 'card-section';
    section.dataset.card = entry.name;
    const h = document.createElement('h2');
    h.textContent = entry.title;
    section.appendChild(h);
    const themes = document.createElement('div');
    themes.className = 'themes';
    for (const theme of ['light', 'dark']) {
      const column = document.createElement('div');
      const label = document.createElement('div');
      label.className = 'theme-label';
      label.textContent = theme === 'light' ? 'Light' : 'Dark';
      const host = document.createElement('div');
      host.className = 'host ' + theme;
      try {
        const result = renderOne(entry.name, theme, entry.card);
        for (const m of result.messages) host.appendChild(report(entry.name, theme, m));
        if (result.rendered) host.appendChild(result.rendered);
      } catch (e) {
        host.appendChild(report(entry.name, theme, String(e && e.stack || e)));
      }
      column.appendChild(label);
      column.appendChild(host);
      themes.appendChild(column);
    }
    section.appendChild(themes);
    gallery.appendChild(section);
  }
  window.__renderDone = true;
}).catch(function (e) {
  document.body.appendChild(report('gallery', '-', String(e)));
  window.__renderDone = true;
});
</script>
</body>
</html>`;

export interface CardsPreview {
  readonly url: string;
  close(): Promise<void>;
}

export const startCardsPreview = async (options: { port?: number; host?: string } = {}): Promise<CardsPreview> => {
  const server: Server = createServer((req, res) => {
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    try {
      const route = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (route === '/') return send(200, 'text/html; charset=utf-8', page());
      if (route === '/adaptivecards.min.js') return send(200, 'text/javascript; charset=utf-8', readFileSync(BUNDLE));
      if (route === '/cards.json') return send(200, 'application/json; charset=utf-8', JSON.stringify(galleryCards()));
      return send(404, 'text/plain; charset=utf-8', 'not found');
    } catch (error) {
      // A broken template or sample file should be visible in the page, not a hung request.
      return send(500, 'text/plain; charset=utf-8', String(error instanceof Error ? error.stack : error));
    }
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/`,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
};

if (require.main === module) {
  startCardsPreview({ port: Number(process.env.CARDS_PREVIEW_PORT ?? 3979) })
    .then(({ url }) => console.log(`Card gallery: ${url}`))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
