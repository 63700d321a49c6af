import type * as Restify from 'restify';

/**
 * restify, loaded once without its one load-time deprecation warning. restify 11 (the newest that declares Node 20
 * and 22) requires spdy, whose http-deceiver reads `process.binding('http_parser')` as it loads: Node prints DEP0111
 * on stderr at every start, about code our HTTP/1.1 server never runs. Only that load is quietened; any other
 * deprecation, before or after, still prints.
 */
const loadQuietly = (): typeof Restify => {
  const before = process.noDeprecation;
  process.noDeprecation = true;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a load that must run between two statements
    return require('restify') as typeof Restify;
  } finally {
    process.noDeprecation = before;
  }
};

const restify = loadQuietly();
export default restify;
export type { Request, Response, Server } from 'restify';
