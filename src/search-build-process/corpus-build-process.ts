import { fork, type ChildProcess, type StdioOptions } from 'node:child_process';
import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AgendaItem, Decision } from '../domain';
import type { BuildCorpusElsewhere, BuildSettings } from '../services/search/build-elsewhere';
import { CORPUS_FD, type BuildAnswer, type BuildRequest } from './build-protocol';

/** How much of what the build's process wrote to stderr is kept, for the reason of a crash (a stack, V8's OOM note). */
const STDERR_TAIL_CHARS = 2000;

/**
 * The child's file next to this one: through tsx from the TypeScript sources (tests, dev), plain from dist/. Its own
 * execArgv rather than the bot's: the bot's flags (telemetry preloads, heap size for the bot) are not the build's.
 */
const childFile = (): { file: string; execArgv: string[] } => {
  const extension = path.extname(__filename);
  const file = path.join(__dirname, `corpus-build-child${extension}`);
  return extension === '.ts' ? { file, execArgv: ['--require', require.resolve('tsx/cjs')] } : { file, execArgv: [] };
};

/** A temporary file for the corpus, opened and then unlinked (build-protocol.ts, CORPUS_FD). */
const openCorpusFile = async (): Promise<{ handle: FileHandle; remove: () => Promise<void> }> => {
  let dir: string | undefined;
  let handle: FileHandle;
  try {
    dir = await mkdtemp(path.join(tmpdir(), 'cabinet-corpus-'));
    handle = await open(path.join(dir, 'corpus'), 'w+');
  } catch (err) {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`the search index build could not make its temporary file in ${tmpdir()} (TMPDIR): ${reason}`, { cause: err });
  }
  const made = dir;
  const remove = (): Promise<void> => rm(made, { recursive: true, force: true });
  // Unlinked while open where the system allows it (Linux, macOS); elsewhere removed when the build is over.
  await remove().catch(() => undefined);
  return { handle, remove };
};

/** The corpus the child wrote, in one allocation of its size (see CORPUS_FD for why). */
const readCorpus = async (handle: FileHandle, byteLength: number): Promise<Uint8Array> => {
  const bytes = Buffer.allocUnsafeSlow(byteLength);
  for (let at = 0; at < byteLength;) {
    const { bytesRead } = await handle.read(bytes, at, byteLength - at, at);
    if (bytesRead === 0) throw new Error(`the search index build's corpus file ended at ${at} of ${byteLength} bytes`);
    at += bytesRead;
  }
  return bytes;
};

/** What the child is sent, in order, before `done`: the first page is read while the child starts. */
async function* buildRequests(
  settings: BuildSettings, itemPages: AsyncIterable<readonly AgendaItem[]>, decisionPages: AsyncIterable<readonly Decision[]>,
): AsyncGenerator<BuildRequest> {
  yield { kind: 'start', settings };
  for await (const records of itemPages) yield { kind: 'items', records };
  for await (const records of decisionPages) yield { kind: 'decisions', records };
}

/**
 * Sends the requests one ahead of their answers: the next is read and sent before the answer to the one before is
 * awaited, never two ahead. The bot reads a page (and the channel copies it) while the child indexes the one before,
 * each on a core of its own, and pages do not pile up in the pipe or the child's heap. Rejects with the first failed
 * answer at once, even while the next request is still being read: a build whose child has died or been stopped does
 * not wait for a slow store read first.
 */
export const sendOneAhead = async <R>(requests: AsyncIterable<R>, send: (request: R) => Promise<unknown>): Promise<void> => {
  const iterator = requests[Symbol.asyncIterator]();
  const failureOf = (answered: Promise<unknown>): Promise<never> => answered.then(() => new Promise<never>(() => undefined));
  let unanswered: Promise<unknown> = Promise.resolve();
  try {
    for (;;) {
      const reading = iterator.next();
      reading.catch(() => undefined); // (a failed read is thrown below, unless a failed answer was first)
      const read = await Promise.race([reading, failureOf(unanswered)]);
      if (read.done === true) break;
      const answered = send(read.value);
      answered.catch(() => undefined); // (a failure is thrown when it is awaited, below or on the next turn)
      await unanswered;
      unanswered = answered;
    }
    await unanswered;
  } finally {
    // Ends the requests' reading, when this ended before they did.
    iterator.return?.().catch(() => undefined);
  }
};

const describeEnd = (code: number | null, signal: NodeJS.Signals | null): string =>
  signal !== null ? `killed by ${signal}` : `exit code ${code}`;

/**
 * The search index's build, in a child process (BuildCorpusElsewhere, services/search/build-elsewhere.ts): the pages
 * are read here (the store is the bot's) and sent one ahead of the child's indexing (each acknowledged before the one
 * after the next is sent), so that reading and indexing share the two cores and no more pile up in the pipe; the
 * child indexes them and answers the corpus serialised, in a file (CORPUS_FD says why). Everything the build
 * allocates (the records, their words, the open postings, the allocator's arenas, the corpus's serialisation) goes back to the
 * system when the process ends: a first start then idles at what a restart from the snapshot does. A worker thread
 * was not enough: its heap went, but the native memory it had used stayed with the bot's process.
 *
 * The child never outlives the build: it is killed when the build is over, whatever the outcome, when the signal is
 * aborted (the bot stopping), and when the bot's process exits; and it exits by itself if the bot's end of the IPC
 * channel goes (the bot killed outright).
 */
export const buildCorpusInChildProcess: BuildCorpusElsewhere = async (itemPages, decisionPages, settings, signal) => {
  signal.throwIfAborted();
  const { file, execArgv } = childFile();
  const corpusFile = await openCorpusFile();
  // stderr kept for the reason of a crash; stdout as the bot's; the corpus file as the child's CORPUS_FD.
  const stdio: StdioOptions = ['ignore', 'inherit', 'pipe', 'ipc'];
  stdio[CORPUS_FD] = corpusFile.handle.fd;
  let child: ChildProcess;
  try {
    child = fork(file, [], { execArgv, serialization: 'advanced', stdio });
  } catch (err) {
    await corpusFile.handle.close();
    await corpusFile.remove();
    throw err;
  }
  let stderrTail = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderrTail = (stderrTail + chunk).slice(-STDERR_TAIL_CHARS);
  });
  const gone = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const killChild = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.once('exit', killChild);

  /** Who waits for an answer, in the order of the requests (the child answers them in that order). */
  const waiting: Array<(a: BuildAnswer) => void> = [];
  let failure: Error | undefined;
  const fail = (err: Error): void => {
    failure ??= err;
    for (const answer of waiting.splice(0)) answer({ kind: 'failed', message: failure.message });
  };
  child.on('message', (a: BuildAnswer) => waiting.shift()?.(a));
  child.on('error', (err) => fail(new Error(`the search index build's process failed: ${err.message}`)));
  child.once('close', (code, endSignal) => {
    const said = stderrTail.trim();
    fail(new Error(`the search index build's process ended before it answered (${describeEnd(code, endSignal)})${said ? `: ${said}` : ''}`));
  });
  // Stopping the bot stops a build at once: the child is killed, and the build rejects with the reason.
  const abort = (): void => {
    fail(new Error('the search index build was stopped'));
    killChild();
  };
  signal.addEventListener('abort', abort, { once: true });

  const next = (request: BuildRequest): Promise<BuildAnswer> => {
    if (failure) return Promise.reject(failure);
    const answered = new Promise<BuildAnswer>((resolve) => waiting.push(resolve));
    // A child that is gone cannot be sent anything: its `close` gives the reason, which says more than the send's.
    if (child.connected) {
      child.send(request, (err) => {
        if (err && child.connected) fail(new Error(`the search index build's process could not be sent a page: ${err.message}`));
      });
    }
    return answered.then((a) => {
      if (a.kind === 'failed') throw failure ?? new Error(`the search index build failed: ${a.message}`);
      return a;
    });
  };
  try {
    await sendOneAhead(buildRequests(settings, itemPages, decisionPages), next);
    const built = await next({ kind: 'done' });
    if (built.kind !== 'built') throw new Error('the search index build\'s process answered out of turn');
    return await readCorpus(corpusFile.handle, built.byteLength);
  } finally {
    signal.removeEventListener('abort', abort);
    child.removeAllListeners('message');
    killChild();
    if (child.pid !== undefined) await gone; // (a child that never started has nothing to wait for)
    process.removeListener('exit', killChild);
    await corpusFile.handle.close();
    await corpusFile.remove();
  }
};
