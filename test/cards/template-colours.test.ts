import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cardNames, renderCard, type CardName } from '../../src/cards';
import { CARDS_DIR, sampleDataPath } from '../../src/cards/templates';

/**
 * Teams maps the semantic colours to each theme (light, dark, high contrast); a hard-coded colour is right in one
 * theme at best and unreadable in high contrast. So templates name only the Adaptive Cards semantic colours.
 */
const SEMANTIC_COLOURS = ['default', 'dark', 'light', 'accent', 'good', 'warning', 'attention'];

/** #RGB, #RGBA, #RRGGBB, #RRGGBBAA, or a CSS colour function. */
const HARD_CODED_COLOUR = /#(?:[0-9a-f]{8}|[0-9a-f]{6}|[0-9a-f]{3,4})\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\s*\(/i;

/** A whole-value binding such as "${ragColour}": its value comes from the view model, checked on the rendered card. */
const BINDING = /^\$\{[^}]+\}$/;

interface Entry {
  readonly at: string;
  readonly key: string;
  readonly value: unknown;
}

/** Every property in the JSON, with a readable path such as body[2].items[0].color. */
const entries = (node: unknown, at = ''): Entry[] => {
  if (Array.isArray(node)) return node.flatMap((v, i) => entries(v, `${at}[${i}]`));
  if (node && typeof node === 'object') {
    return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) => {
      const here = at ? `${at}.${key}` : key;
      return [{ at: here, key, value }, ...entries(value, here)];
    });
  }
  return [];
};

const isColourKey = (key: string): boolean => /colou?r$/i.test(key);

/** Problems with colours in a template (bindings allowed) or in a rendered card (bindings not allowed). */
const colourProblems = (json: unknown, { bindingsAllowed }: { bindingsAllowed: boolean }): string[] =>
  entries(json).flatMap(({ at, key, value }) => {
    const problems: string[] = [];
    if (typeof value === 'string' && HARD_CODED_COLOUR.test(value)) problems.push(`${at}: hard-coded colour in ${JSON.stringify(value)}`);
    if (isColourKey(key)) {
      const ok =
        (typeof value === 'string' && SEMANTIC_COLOURS.includes(value.toLowerCase())) ||
        (bindingsAllowed && typeof value === 'string' && BINDING.test(value));
      if (!ok) problems.push(`${at}: ${key} ${JSON.stringify(value)} is not one of ${SEMANTIC_COLOURS.join(', ')}`);
    }
    return problems;
  });

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const templateFiles = readdirSync(CARDS_DIR)
  .filter((f) => f.endsWith('.json') && !f.endsWith('.data.json'))
  .sort();

describe('colours in card templates', () => {
  it('checks every template in cards/', () => {
    expect(templateFiles).toEqual([...cardNames].map((n) => `${n}.json`).sort());
  });

  it.each(templateFiles)('cards/%s names only semantic colours', (file) => {
    expect(colourProblems(readJson(path.join(CARDS_DIR, file)), { bindingsAllowed: true })).toEqual([]);
  });

  it.each([...cardNames])('cards/%s.data.json holds no hard-coded colour', (name: CardName) => {
    expect(colourProblems(readJson(sampleDataPath(name)), { bindingsAllowed: false })).toEqual([]);
  });

  it.each([...cardNames])('the %s card rendered from its sample data has only semantic colours', (name: CardName) => {
    const card = renderCard(name, readJson(sampleDataPath(name)) as never);
    expect(colourProblems(card, { bindingsAllowed: false })).toEqual([]);
  });

  describe('the check itself', () => {
    it.each([
      [{ type: 'TextBlock', text: 'x', color: '#FF0000' }, 'color'],
      [{ type: 'TextBlock', text: 'x', color: 'red' }, 'not one of'],
      [{ type: 'TextRun', text: 'x', color: 'rgb(255, 0, 0)' }, 'hard-coded'],
      [{ type: 'Container', style: 'emphasis', backgroundColor: '#abc' }, 'hard-coded'],
      [{ type: 'TextBlock', text: 'x', color: '${colour} ' }, 'not one of'],
    ])('rejects %j', (element, expected) => {
      expect(colourProblems({ type: 'AdaptiveCard', body: [element] }, { bindingsAllowed: true }).join('\n')).toContain(expected);
    });

    it.each([
      [{ type: 'TextBlock', text: 'Item #5 of 12', color: 'Attention' }],
      [{ type: 'TextRun', text: 'x', color: '${ragColour}' }],
      [{ type: 'TextBlock', text: 'See https://example.org/page#section', isSubtle: true }],
    ])('accepts %j', (element) => {
      expect(colourProblems({ type: 'AdaptiveCard', body: [element] }, { bindingsAllowed: true })).toEqual([]);
    });
  });
});
