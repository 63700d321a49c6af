import { readFileSync } from 'node:fs';
import { expandTemplate, sampleDataPath } from '../../src/cards';

const sample = (): Record<string, unknown> => JSON.parse(readFileSync(sampleDataPath('decision'), 'utf8')) as Record<string, unknown>;

describe('card expansions kept', () => {
  it('expands the same template and data once, and gives every caller the same frozen card', () => {
    const first = expandTemplate('decision', sample());
    const again = expandTemplate('decision', sample()); // equal data, another object
    expect(again).toBe(first);
    expect(Object.isFrozen(first.card)).toBe(true);
    expect(() => {
      (first.card.body as unknown[]).push({ type: 'TextBlock', text: 'changed' });
    }).toThrow(TypeError);
  });

  it('expands other data afresh', () => {
    const data = sample();
    const first = expandTemplate('decision', data);
    const other = expandTemplate('decision', { ...data, title: 'Another decision altogether' });
    expect(other).not.toBe(first);
    expect(JSON.stringify(other.card)).toContain('Another decision altogether');
    expect(JSON.stringify(first.card)).not.toContain('Another decision altogether');
  });
});
