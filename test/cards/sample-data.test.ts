import { readFileSync, writeFileSync } from 'node:fs';
import { cardNames } from '../../src/cards';
import { sampleDataPath } from '../../src/cards/templates';
import { sampleViews } from './fixtures/views';

/**
 * cards/<name>.data.json is what the Adaptive Cards Designer and the gallery show. It must be exactly what the
 * view-model builder makes of the sample domain objects, so a designer never works from a shape the code does not
 * produce. After changing a builder, regenerate with: UPDATE_CARD_SAMPLES=1 npx jest test/cards/sample-data
 */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('sample data files', () => {
  it.each(cardNames)('cards/%s.data.json is what the builder makes of the sample', (name) => {
    if (process.env.UPDATE_CARD_SAMPLES === '1') {
      writeFileSync(sampleDataPath(name), `${JSON.stringify(sampleViews[name], null, 2)}\n`);
    }
    expect(JSON.parse(readFileSync(sampleDataPath(name), 'utf8'))).toEqual(asJson(sampleViews[name]));
  });
});
