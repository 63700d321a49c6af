import path from 'node:path';
import { Expression } from 'adaptive-expressions';

/**
 * package.json overrides adaptive-expressions' fast-xml-parser (4) with the project's own (5): one copy in the tree.
 * adaptive-expressions uses it only for the xml() function, through XMLBuilder, which version 5 keeps as it was.
 */
describe('adaptive-expressions on the project\'s fast-xml-parser', () => {
  it('resolves the same single copy the importer uses', () => {
    const fromExpressions = require.resolve('fast-xml-parser', { paths: [path.dirname(require.resolve('adaptive-expressions'))] });
    expect(fromExpressions).toBe(require.resolve('fast-xml-parser'));
  });

  it('still builds XML with xml()', () => {
    const { value, error } = Expression.parse('xml(json(\'{"person": {"name": "Sophia Owen", "age": 3}}\'))').tryEvaluate({});
    expect(error).toBeUndefined();
    expect(value).toBe('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<person>\n  <name>Sophia Owen</name>\n  <age>3</age>\n</person>');
  });
});
