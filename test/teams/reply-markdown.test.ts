import { bulletList, paragraphs } from '../../src/teams/commands/reply';
import { linesStayApart } from '../support/markdown';


describe('text replies as Teams shows them (Markdown)', () => {
  it('keeps paragraphs apart with a blank line and a list one item a line after a blank line', () => {
    const text = paragraphs('I found nothing.', 'The nearest titles:', bulletList(['Safer Streets Fund', 'Housing\nRevenue Account']), '');
    expect(text).toBe('I found nothing.\n\nThe nearest titles:\n\n- Safer Streets Fund\n- Housing Revenue Account');
    expect(linesStayApart(text)).toBe(true);
  });

  it('catches lines that Teams would run together', () => {
    expect(linesStayApart('The nearest titles:\n- Safer Streets Fund')).toBe(false);
    expect(linesStayApart('Words I know: "housing".\nThe nearest titles:')).toBe(false);
    expect(linesStayApart('- a\n- b')).toBe(true);
  });
});
