import type { PageKind, PageRequestOf, PageValues } from '../import/parse-page';
import type { ParseResult } from '../import/parse-result';

/**
 * The port through which use cases read ModernGov pages. Parsing a large or hostile page can take far longer
 * than a Teams turn may wait, so the bot reads pages off the event loop that answers Teams (a worker pool, in
 * src/parse-pool/) within a time budget. A page that cannot be read within it is `DomainError('invalid')`
 * saying so; a reader that is shut down or overloaded is `DomainError('unavailable')`.
 */
export interface PageReader {
  read<K extends PageKind>(request: PageRequestOf<K>): Promise<ParseResult<PageValues[K]>>;
}
