import { loadHtml, textOf } from './moderngov-html';
import { normaliseSpaces } from './plain-text';

/** Stands for a <br> while spacing is normalised: the source's own line breaks are only wrapping. */
const LINE_BREAK = '\uE000';

/** Elements whose text is a paragraph of its own. */
const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, td, th';

/**
 * Plain text of the Word-generated HTML ModernGov puts in its web service answers (agendatext,
 * minutesnonemptyhtmlbody, decisionnonemptyhtmlbody, already unescaped by the XML parser): one paragraph per
 * block element, blank lines between them, spacing normalised. Markup never reaches a card.
 */
export function wordHtmlToText(html: string | undefined): string {
  if (!html || html.trim() === '') return '';
  const $ = loadHtml(html);
  $('script, style').remove();
  $('br').replaceWith(LINE_BREAK);
  // Innermost blocks only: a <td> holding <p>s reads as those paragraphs, not once more as a whole.
  const leaves = $(BLOCKS).filter((_, el) => $(el).find(BLOCKS).length === 0);
  const paragraphs = leaves.length > 0
    ? leaves.map((_, el) => $(el).text().split(LINE_BREAK).map(normaliseSpaces).filter((l) => l !== '').join('\n')).get()
    : [textOf($, $.root()).split(LINE_BREAK).map(normaliseSpaces).filter((l) => l !== '').join('\n')];
  return paragraphs.filter((p) => p !== '').join('\n\n');
}
