/**
 * The card gallery: every card rendered with its sample data by the adaptivecards renderer, in Teams-like light,
 * dark and high-contrast themes, for designers and for the end-to-end test that screenshots them into docs/cards/.
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
  'action-plan-form': 'Start an action plan (officer)',
  'acknowledgement-report': 'Acknowledgement report',
  'search-results': 'Search results',
  'link-preview': 'Link preview (Adaptive Cards 1.3)',
  help: 'Help and welcome',
  error: 'Error',
  'notification-confirm': 'Send a notification (officer)',
  'notification-progress': 'Notification progress (officer)',
};

/** Cards are rendered on each request, so edits to templates and sample data show on reload. */
const galleryCards = (): { name: CardName; title: string; card: AdaptiveCard }[] =>
  cardNames.map((name) => ({
    name,
    title: titles[name],
    card: renderCard(name, JSON.parse(readFileSync(sampleDataPath(name), 'utf8')) as never),
  }));

/** The themes a Teams user can choose, in the order the gallery shows them. */
export const themes = ['light', 'dark', 'high-contrast'] as const;
export type Theme = (typeof themes)[number];

export const themeLabels: Record<Theme, string> = { light: 'Light', dark: 'Dark', 'high-contrast': 'High contrast' };

interface Palette {
  /** Container backgrounds, by container style. */
  readonly bg: string;
  readonly emphasis: string;
  readonly good: string;
  readonly warning: string;
  readonly attention: string;
  readonly accentBg: string;
  /** Foregrounds. `dark` and `light` are absolute colours in light and dark themes (as in Teams), not in high contrast. */
  readonly text: string;
  readonly subtle: string;
  readonly accent: string;
  readonly goodFg: string;
  readonly warningFg: string;
  readonly attentionFg: string;
  readonly darkFg: { default: string; subtle: string };
  readonly lightFg: { default: string; subtle: string };
  readonly separator: string;
  /** Container borders, by container style: only high contrast, where every container is black, draws them. */
  readonly borders?: Partial<Record<'emphasis' | 'good' | 'warning' | 'attention' | 'accent', string>>;
}

/**
 * Teams' high-contrast theme (the Fluent "teams high contrast" palette): white text on black, yellow #FFFF01 for
 * links and warnings, cyan #1AEBFF for the brand colour, green #3FF23F, red #FF0000. Nothing is dimmed: subtle
 * text is the same white, and every container is black, told apart by a coloured border instead of a tint.
 */
const HC = { black: '#000000', white: '#FFFFFF', yellow: '#FFFF01', cyan: '#1AEBFF', green: '#3FF23F', red: '#FF0000' };

/** Colours live in the host config, as in Teams; the cards themselves name only semantic colours.
 * Dark attention is Fluent's Teams dark danger foreground (#E37D80): the older #F9526B is 4.47:1 on the dark
 * background, short of WCAG AA's 4.5:1. */
export const palette = (theme: Theme): Palette => {
  switch (theme) {
    case 'light':
      return {
        bg: '#FFFFFF', emphasis: '#F5F5F5', good: '#E7F2DA', warning: '#FBF6D9', attention: '#FCF4F6', accentBg: '#E8EBFA',
        text: '#242424', subtle: '#616161', accent: '#5B5FC7', goodFg: '#237B4B', warningFg: '#835C00', attentionFg: '#C4314B',
        darkFg: { default: '#242424', subtle: '#616161' }, lightFg: { default: '#FFFFFF', subtle: '#ADADAD' }, separator: '#E0E0E0',
      };
    case 'dark':
      return {
        bg: '#292929', emphasis: '#1F1F1F', good: '#0D2E0D', warning: '#463100', attention: '#3E1F25', accentBg: '#2F2F4A',
        text: '#FFFFFF', subtle: '#ADADAD', accent: '#7F85F5', goodFg: '#92C353', warningFg: '#F8D22A', attentionFg: '#E37D80',
        darkFg: { default: '#242424', subtle: '#616161' }, lightFg: { default: '#FFFFFF', subtle: '#ADADAD' }, separator: '#3D3D3D',
      };
    case 'high-contrast':
      return {
        bg: HC.black, emphasis: HC.black, good: HC.black, warning: HC.black, attention: HC.black, accentBg: HC.black,
        text: HC.white, subtle: HC.white, accent: HC.cyan, goodFg: HC.green, warningFg: HC.yellow, attentionFg: HC.red,
        // On black, "dark" text would vanish: high contrast has no dark or light, only its foreground.
        darkFg: { default: HC.white, subtle: HC.white }, lightFg: { default: HC.white, subtle: HC.white }, separator: HC.white,
        borders: { emphasis: HC.white, good: HC.green, warning: HC.yellow, attention: HC.red, accent: HC.cyan },
      };
  }
};

export const hostConfig = (theme: Theme) => {
  const p = palette(theme);
  const fg = {
    default: { default: p.text, subtle: p.subtle },
    dark: p.darkFg,
    light: p.lightFg,
    accent: { default: p.accent, subtle: p.accent },
    good: { default: p.goodFg, subtle: p.goodFg },
    warning: { default: p.warningFg, subtle: p.warningFg },
    attention: { default: p.attentionFg, subtle: p.attentionFg },
  };
  const style = (backgroundColor: string, borderColor?: string) => ({ backgroundColor, foregroundColors: fg, ...(borderColor ? { borderColor } : {}) });
  return {
    fontFamily: "'Segoe UI', system-ui, -apple-system, sans-serif",
    supportsInteractivity: true,
    spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
    separator: { lineThickness: 1, lineColor: p.separator },
    fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
    fontWeights: { lighter: 300, default: 400, bolder: 600 },
    containerStyles: {
      default: style(p.bg),
      emphasis: style(p.emphasis, p.borders?.emphasis),
      good: style(p.good, p.borders?.good),
      warning: style(p.warning, p.borders?.warning),
      attention: style(p.attention, p.borders?.attention),
      accent: style(p.accentBg, p.borders?.accent),
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
  .host.high-contrast { background: #000000; box-shadow: 0 0 0 1px #FFFFFF; }
  .theme-label { font-size: 12px; color: #616161; margin: 0 0 4px; }
  .render-error { color: #C4314B; font-weight: 600; white-space: pre-wrap; }
  #action-log { position: fixed; bottom: 0; right: 0; max-width: 40%; background: #242424; color: #fff; font: 12px monospace; padding: 8px; }
  .ac-pushButton { border-radius: 4px; padding: 5px 12px; font-weight: 600; cursor: pointer; }
  .light .ac-pushButton { background: #FFFFFF; border: 1px solid #D1D1D1; color: #242424; }
  .dark .ac-pushButton { background: #292929; border: 1px solid #666666; color: #FFFFFF; }
  .high-contrast .ac-pushButton { background: #000000; border: 1px solid #FFFFFF; color: #FFFFFF; }
  .ac-pushButton.style-positive { background: #5B5FC7 !important; color: #FFFFFF !important; border-color: #5B5FC7 !important; }
  .high-contrast .ac-pushButton.style-positive { background: #1AEBFF !important; color: #000000 !important; border-color: #1AEBFF !important; }
  .high-contrast a { color: #FFFF01; }
  .high-contrast .ac-input, .high-contrast .ac-input select, .high-contrast .ac-input input, .high-contrast .ac-input textarea { background: #000000; color: #FFFFFF; border: 1px solid #FFFFFF; }
  .ac-input, .ac-textInput, .ac-numberInput, .ac-multichoiceInput { font: inherit; padding: 4px; }
</style>
<script src="/adaptivecards.min.js"></script>
</head>
<body>
<h1>Cabinet bot: card gallery</h1>
<p>Each card rendered from <code>cards/&lt;name&gt;.json</code> with <code>cards/&lt;name&gt;.data.json</code>, in Teams-like light, dark and high-contrast themes.</p>
<div id="gallery"></div>
<div id="action-log" hidden></div>
<script>
window.__renderErrors = [];
window.__renderDone = false;
const themeNames = ${JSON.stringify(themes)};
const themeLabels = ${JSON.stringify(themeLabels)};
const hostConfigs = ${JSON.stringify(Object.fromEntries(themes.map((t) => [t, hostConfig(t)])))};

function report(name, theme, message) {
  window.__renderErrors.push({ card: name, theme: theme, message: message });
  const el = document.createElement('div');
  el.className = 'render-error';
  el.textContent = name + ' (' + theme + '): ' + message;
  return el;
}

/**
 * The renderer ignores a container style's borderColor; Teams' high-contrast theme, where every container is black,
 * outlines a styled container instead. An inset shadow draws it without moving anything.
 */
function applyBorders(element, hostConfig) {
  if (element.hasExplicitStyle && element.renderedElement) {
    const definition = hostConfig.containerStyles.getStyleByName(element.style);
    if (definition && definition.borderColor) element.renderedElement.style.boxShadow = 'inset 0 0 0 2px ' + definition.borderColor;
  }
  if (typeof element.getItemCount === 'function') {
    for (let i = 0; i < element.getItemCount(); i++) applyBorders(element.getItemAt(i), hostConfig);
  }
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
  else applyBorders(card, card.hostConfig);
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
    for (const theme of themeNames) {
      const column = document.createElement('div');
      const label = document.createElement('div');
      label.className = 'theme-label';
      label.textContent = themeLabels[theme];
      const host = document.createElement('div');
      host.className = 'host ' + theme;
      host.dataset.theme = theme;
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
