import type { AgendaItem, Decision } from '../domain';
import type { BuildSettings } from '../services/search/build-elsewhere';

/** What the bot sends the build's child: the settings first, then the pages in order, then `done`. */
export type BuildRequest =
  | { readonly kind: 'start'; readonly settings: BuildSettings }
  | { readonly kind: 'items'; readonly records: readonly AgendaItem[] }
  | { readonly kind: 'decisions'; readonly records: readonly Decision[] }
  | { readonly kind: 'done' };

/**
 * One answer to each request: `ack` (indexed: the bot may send the page after the next), `built` at `done` (the serialised corpus is in the corpus file,
 * this long), or why the request failed.
 */
export type BuildAnswer =
  | { readonly kind: 'ack' }
  | { readonly kind: 'built'; readonly byteLength: number }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * The child's file descriptor for the corpus file: a temporary file the bot opened and unlinked at once, so that
 * nothing is left of it once both processes have closed it, whatever happens to either. The built corpus goes
 * through it rather than the IPC channel: the channel would hand the bot its tens of MB in 64 KB reads, each a malloc
 * that the allocator keeps (fragmented) after the bytes are gone, where reading the file takes one allocation the
 * size of the corpus, given back to the system when it is collected (as a restart's read of the snapshot is).
 */
export const CORPUS_FD = 4;
