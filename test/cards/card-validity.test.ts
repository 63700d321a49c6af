import { readFileSync } from 'node:fs';
import { allVerbs, cardNames, renderCard, type CardName, type CardViews } from '../../src/cards';
import { expandTemplate, sampleDataPath } from '../../src/cards/templates';
import { actionsOfType, allObjects, cardProblems, sdkErrors, unexpandedBindings } from './support/card-checks';
import { edgeViews } from './fixtures/views';

const sampleData = (name: CardName): CardViews[CardName] => JSON.parse(readFileSync(sampleDataPath(name), 'utf8'));

const cases: [CardName, string, CardViews[CardName]][] = cardNames.flatMap((name) => [
  [name, 'sample data', sampleData(name)] as [CardName, string, CardViews[CardName]],
  ...edgeViews[name].map((e) => [name, e.name, e.view] as [CardName, string, CardViews[CardName]]),
]);

/** Teams unfurls links and shows message-extension previews only with cards of version 1.3 or earlier. */
const versions: Record<CardName, string> = {
  'agenda-item': '1.5',
  'meeting-digest': '1.5',
  decision: '1.5',
  'action-plan': '1.5',
  'action-plan-form': '1.5',
  'acknowledgement-report': '1.5',
  'search-results': '1.5',
  'link-preview': '1.3',
  help: '1.5',
  error: '1.5',
  'notification-confirm': '1.5',
  'notification-progress': '1.5',
};

// `view` says which view of a plan to answer with (the whole plan or the viewer's own actions), and `version` which
// state of an action the card was drawn from (a stale update is refused): no identity, no record.
const LOCATORS = new Set(['committeeId', 'agendaItemId', 'decisionId', 'actionPlanId', 'actionId', 'meetingId', 'notificationId', 'view', 'version']);

describe.each(cases)('%s card with %s', (name, _label, view) => {
  const card = renderCard(name, view as never);

  it('binds only fields the view model has', () => {
    expect(expandTemplate(name, view).undefinedPaths).toEqual([]);
  });

  it('validates against the schema, parses in the SDK as its own version, leaves no ${ and fits in 28 KB', () => {
    expect(cardProblems(card)).toEqual([]);
  });

  it(`is version ${versions[name]} with no hard-coded colours`, () => {
    expect(card.version).toBe(versions[name]);
    expect(JSON.stringify(card)).not.toMatch(/#[0-9a-f]{3,8}\b/i);
    for (const o of allObjects(card)) {
      if ('color' in o) expect(['default', 'dark', 'light', 'accent', 'good', 'warning', 'attention']).toContain(o.color);
      if ('style' in o && o.type === 'Container') expect(['default', 'emphasis', 'good', 'attention', 'warning', 'accent']).toContain(o.style);
    }
  });

  it('uses named verbs, carries locators only, and falls back to Action.Submit with the same data', () => {
    for (const action of actionsOfType(card, 'Action.Execute')) {
      expect(allVerbs).toContain(action.verb);
      const data = (action.data ?? {}) as Record<string, unknown>;
      for (const key of Object.keys(data)) expect(LOCATORS).toContain(key);
      const fallback = action.fallback as Record<string, unknown> | undefined;
      // The refresh action is run by the client itself and has no button to fall back from.
      if (action === (card.refresh as { action?: unknown } | undefined)?.action) continue;
      expect(fallback).toMatchObject({ type: 'Action.Submit', title: action.title, data: { ...data, verb: action.verb } });
    }
  });
});

describe('the checks themselves', () => {
  it('catch a card that breaks the schema, the SDK, a binding and the size limit', () => {
    const bad = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'TextBlock', text: '${oops}', size: 'enormous' },
        { type: 'Input.Text' },
        { type: 'TextBlock', text: 'x'.repeat(30 * 1024) },
      ],
    };
    const problems = cardProblems(bad);
    expect(problems.some((p) => p.startsWith('schema:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('sdk:'))).toBe(true);
    expect(problems).toContain('unexpanded: ${oops}');
    expect(problems.some((p) => p.startsWith('size:'))).toBe(true);
    expect(unexpandedBindings({ text: 'fine' })).toEqual([]);
  });

  it('accept a 1.3 card, but not one that uses features newer than the version it declares', () => {
    const body = [{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'x' }] }];
    const openUrl = { type: 'Action.OpenUrl', title: 'Open', url: 'https://example.gov.uk/' };
    expect(cardProblems({ type: 'AdaptiveCard', version: '1.3', body, actions: [openUrl] })).toEqual([]);
    const newer = {
      type: 'AdaptiveCard',
      version: '1.3',
      body: [...body, { type: 'TextBlock', text: 'Heading', style: 'heading' }],
      actions: [{ type: 'Action.Execute', title: 'Open', verb: 'viewItem' }],
    };
    expect(sdkErrors(newer)).toEqual([
      expect.stringContaining('"style" is supported in version 1.5'),
      expect.stringContaining('Unknown action type "Action.Execute"'),
    ]);
    expect(sdkErrors({ ...newer, version: '1.5' })).toEqual([]);
  });
});
