/**
 * Teams renders a text reply as Markdown: a lone line break is folded into a space, so two lines run together
 * unless a blank line parts them or the second is a list item ("- ") of a list that a blank line opened.
 */
export const linesStayApart = (text: string): boolean => {
  const lines = text.split('\n');
  // A line follows a blank line, or continues a list that a blank line opened.
  return lines.every((line, i) => i === 0 || line === '' || lines[i - 1] === '' || (line.startsWith('- ') && lines[i - 1]!.startsWith('- ')));
};

