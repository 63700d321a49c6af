import { parsePage } from '../../src/import/parse-page';
import type { PageReader } from '../../src/services/page-reader';

/**
 * The real parsers, on the test's own thread: for use-case tests that are about what an import stores, not
 * where it parses (the worker pool has tests of its own, test/parse-pool/, and the HTTP tests run through it).
 */
export const inProcessPageReader: PageReader = { read: async (request) => parsePage(request) };
