import { readFileSync } from 'node:fs';
import { allVerbs, cardNames, renderCard, type CardName, type CardViews } from '../../src/cards';
import { expandTemplate, sampleDataPath } from '../../src/cards/templates';
import { actionsOfType, allObjects, cardProblems, unexpandedBindings } from './support/card-checks';
import { edgeViews } from './fixtures/views';

const sampleData = (name: CardName): CardViews[CardName] => JSON.parse(readFileSync(sampleDataPath(name), 'utf8'));

const cases: [CardName, string, CardViews[CardName]][] = cardNames.flatMap((name) => [
  [name, 'sample data', sampleData(name)] as [CardName, string, CardViews[CardName]],
  ...edgeViews[name].map((e) => [name, e.name, e.view] as [CardName, string, CardViews[CardName]]),
]);

const LOCATORS = new Set(['committeeId', 'agendaItemId', 'decisionId', 'actionPlanId', 'actionId']);

describe.each(cases)('%s card with %s', (name, _label, view) => {
  const card = renderCard(name, view as never);

  it('binds only fields the view model has', () => {
    expect(expandTemplate(name, view).undefinedPaths).toEqual([]);
  });

  it('validates against the 1.5 schema, parses in the SDK, leaves no ${ and fits in 28 KB', () => {
    expect(cardProblems(card)).toEqual([]);
  });

  it('is version 1.5 with no hard-coded colours', () => {
    expect(card.version).toBe('1.5');
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
      if (action.verb === 'refreshItem') continue;
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
});
