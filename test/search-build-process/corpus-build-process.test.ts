import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AgendaItem, Decision } from '../../src/domain';
import type { BuildAnswer, BuildRequest } from '../../src/search-build-process/build-protocol';
import { buildCorpusInChildProcess, sendOneAhead } from '../../src/search-build-process/corpus-build-process';
import { deserialiseCorpus } from '../../src/services/search';
import { meltonCommunitySafety, otherDecisions, otherItems } from '../services/search/corpus';

const childFile = path.resolve(__dirname, '../../src/search-build-process/corpus-build-child.ts');
const processFile = path.resolve(__dirname, '../../src/search-build-process/corpus-build-process.ts');
const tsx = ['--require', require.resolve('tsx/cjs')];

/** The live processes whose parent is `parent` and whose command line names `file` (Linux: /proc). */
const childrenOf = (parent: number, file: string): number[] =>
  readdirSync('/proc').filter((name) => /^\d+$/.test(name)).flatMap((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      return ppid === parent && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(file) ? [Number(pid)] : [];
    } catch {
      return [];
    }
  });

const isLive = (pid: number): boolean => {
  try {
    // A zombie (ended, not yet reaped by its parent) has no command line left.
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').length > 0;
  } catch {
    return false;
  }
};

const eventually = async (check: () => boolean, ms = 20_000): Promise<void> => {
  for (const until = Date.now() + ms; !check(); await new Promise((resolve) => setTimeout(resolve, 20))) {
    if (Date.now() > until) throw new Error('not within the time');
  }
};

/**
 * Runs `script` in a stand-in bot (a node process through tsx) whose TMPDIR is `temporary` once tsx has started
 * (tsx keeps its cache there), where `fs`, `build(items, decisions)`
 * (a build in a child process, with no meetings or committees) and `pages(...pages)` are at hand; answers each line it
 * printed, as JSON.
 */
const standInBot = async (script: string, temporary: string): Promise<unknown[]> => {
  const bot = spawn(process.execPath, [...tsx, '-e', `
    const fs = require('node:fs');
    process.env.TMPDIR = ${JSON.stringify(temporary)};
    const { buildCorpusInChildProcess } = require(${JSON.stringify(processFile)});
    const build = (items, decisions) => buildCorpusInChildProcess(items, decisions, { meetings: [], committees: [] }, new AbortController().signal);
    async function* pages(...all) { for (const page of all) yield page; }
    ${script}
  `], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  bot.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  expect(await exited(bot)).toEqual({ code: 0, signal: null });
  return out.trim().split('\n').map((line) => JSON.parse(line) as unknown);
};

async function* pagesOf<T>(...pages: T[][]): AsyncGenerator<readonly T[]> {
  for (const page of pages) yield page;
}

const exited = (child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> =>
  new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

describe('buildCorpusInChildProcess', () => {
  it('answers the corpus serialised, built from every page it was given', async () => {
    const csp = meltonCommunitySafety();
    const items: AgendaItem[] = [csp.item, ...otherItems()];
    const decisions: Decision[] = [csp.decision, ...otherDecisions()];
    const bytes = await buildCorpusInChildProcess(
      pagesOf(items.slice(0, 2), items.slice(2)), pagesOf(decisions), { meetings: [], committees: [] }, new AbortController().signal,
    );
    const corpus = deserialiseCorpus(bytes);
    expect(corpus.itemUpdatedAt(csp.item.id)).toBe(csp.item.updatedAt);
    expect(corpus.decisionUpdatedAt(csp.decision.id)).toBe(csp.decision.updatedAt);
    expect(corpus.search('community safety', { role: 'officer', committees: [] })[0]?.itemId).toBe(csp.item.id);
  });

  // These two run a build in a stand-in bot of their own, whose TMPDIR they choose (jest gives a test a copy of the
  // environment, which node:os does not read). Its child inherits that TMPDIR.
  it('leaves nothing in the temporary directory, during the build or after', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'build-tmp-'));
    try {
      const said = await standInBot(`
        const corpusFiles = () => fs.readdirSync(process.env.TMPDIR).filter((name) => name.startsWith('cabinet-corpus-'));
        async function* items() { yield []; console.log(JSON.stringify({ during: corpusFiles() })); }
        build(items(), pages()).then((bytes) => console.log(JSON.stringify({ built: bytes.byteLength, after: corpusFiles() })));
      `, dir);
      // During: the corpus file is open in both processes by then, and already unlinked.
      expect(said).toEqual([{ during: [] }, { built: expect.any(Number), after: [] }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails with a clear reason, starting nothing, when it cannot make its temporary file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'build-tmp-'));
    const notADirectory = path.join(dir, 'a-file');
    writeFileSync(notADirectory, '');
    try {
      const said = await standInBot(`
        build(pages(), pages()).then(() => console.log('{}'), (err) => console.log(JSON.stringify({ failed: err.message })));
      `, notADirectory);
      expect(said).toEqual([{ failed: expect.stringMatching(/^the search index build could not make its temporary file in .*a-file \(TMPDIR\): ENOTDIR/) }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails at once, starting nothing, when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stopping'));
    await expect(buildCorpusInChildProcess(pagesOf(), pagesOf(), { meetings: [], committees: [] }, controller.signal)).rejects.toThrow('stopping');
    expect(childrenOf(process.pid, 'corpus-build-child')).toEqual([]);
  });

  it('does not outlive the bot: when the bot\'s process is killed outright, the build\'s child exits too', async () => {
    // A stand-in bot: starts a build whose store never answers its first page, then waits.
    const bot = spawn(process.execPath, [...tsx, '-e', `
      const { buildCorpusInChildProcess } = require(${JSON.stringify(processFile)});
      async function* never() { await new Promise(() => undefined); }
      buildCorpusInChildProcess(never(), never(), { meetings: [], committees: [] }, new AbortController().signal);
      setInterval(() => undefined, 1000);
    `], { stdio: 'ignore' });
    const botExited = exited(bot);
    let build: number | undefined;
    await eventually(() => (build = childrenOf(bot.pid!, 'corpus-build-child')[0]) !== undefined);
    bot.kill('SIGKILL'); // no exit handler runs: only the child's own watch on its channel can end it
    await botExited;
    await eventually(() => !isLive(build!), 10_000);
  });
});

describe('corpus-build-child', () => {
  it('exits by itself when the bot lets go of its channel', async () => {
    const child = fork(childFile, [], { execArgv: tsx, serialization: 'advanced', stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    const ended = exited(child);
    const answered = new Promise<BuildAnswer>((resolve) => child.once('message', resolve));
    child.send({ kind: 'start', settings: { meetings: [], committees: [] } } satisfies BuildRequest);
    expect(await answered).toEqual({ kind: 'ack' });
    child.disconnect();
    expect(await ended).toEqual({ code: 0, signal: null });
  });

  it('answers a request out of order as a failure, saying so, and goes on running', async () => {
    const child = fork(childFile, [], { execArgv: tsx, serialization: 'advanced', stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    const ended = exited(child);
    const answered = new Promise<BuildAnswer>((resolve) => child.once('message', resolve));
    child.send({ kind: 'items', records: [] } satisfies BuildRequest);
    expect(await answered).toEqual({ kind: 'failed', message: "'items' came before 'start'" });
    child.disconnect();
    await ended;
  });
});

describe('sendOneAhead', () => {
  /** Requests 1 to `count`, each read when asked for, sent to a fake child that answers only when told to. */
  const sending = (count: number, fails?: number) => {
    const events: string[] = [];
    const answer: Array<() => void> = [];
    async function* requests(): AsyncGenerator<number> {
      for (let n = 1; n <= count; n += 1) {
        events.push(`read ${n}`);
        yield n;
      }
    }
    const send = (n: number): Promise<void> => {
      events.push(`sent ${n}`);
      return new Promise<void>((resolve, reject) => answer.push(() => {
        events.push(`answered ${n}`);
        if (n === fails) reject(new Error(`${n} failed`));
        else resolve();
      }));
    };
    return { events, answer, done: sendOneAhead(requests(), send) };
  };
  const settled = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

  it('reads and sends the next request while the one before is answered, and never two ahead', async () => {
    const { events, answer, done } = sending(3);
    await settled();
    expect(events).toEqual(['read 1', 'sent 1', 'read 2', 'sent 2']);
    answer[0]!();
    await settled();
    expect(events.slice(4)).toEqual(['answered 1', 'read 3', 'sent 3']);
    answer[1]!();
    answer[2]!();
    await done;
    expect(events.slice(7)).toEqual(['answered 2', 'answered 3']);
  });

  it('rejects with a failed answer at once, while the next request is still being read', async () => {
    const sent: number[] = [];
    async function* requests(): AsyncGenerator<number> {
      yield 1;
      await new Promise(() => undefined); // a store read that never ends
      yield 2;
    }
    const done = sendOneAhead(requests(), async (n) => {
      sent.push(n);
      throw new Error(`${n} failed`);
    });
    await expect(done).rejects.toThrow('1 failed');
    expect(sent).toEqual([1]);
  });

  it('rejects with a failed answer, sending nothing more', async () => {
    const { events, answer, done } = sending(3, 1);
    await settled();
    answer[0]!();
    await expect(done).rejects.toThrow('1 failed');
    expect(events).toEqual(['read 1', 'sent 1', 'read 2', 'sent 2', 'answered 1']);
  });
});
