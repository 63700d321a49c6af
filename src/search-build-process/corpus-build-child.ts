import { writeFileSync } from 'node:fs';
import { startCorpusBuild, type CorpusBuild } from '../services/search/build-elsewhere';
import { CORPUS_FD, type BuildAnswer, type BuildRequest } from './build-protocol';

/**
 * The child process of buildCorpusInChildProcess: indexes the pages it is sent, one at a time (each acknowledged:
 * the bot keeps at most one page waiting behind the one being indexed), and at `done` writes the built corpus, serialised, to the corpus file
 * (build-protocol.ts, CORPUS_FD) and answers its length. Everything it allocates goes back to the system when the bot
 * ends it, as it does once the answer is in.
 */
const send = process.send?.bind(process);
if (!send) throw new Error('corpus-build-child runs as a child process with an IPC channel (corpus-build-process.ts)');
const answer = (a: BuildAnswer): void => {
  send(a);
};

// The bot went (killed outright, or it let go of the build): nobody will ask for this corpus now.
process.on('disconnect', () => process.exit(0));

let build: CorpusBuild | undefined;
process.on('message', (request: BuildRequest) => {
  try {
    if (request.kind === 'start') build = startCorpusBuild(request.settings);
    else if (!build) throw new Error(`'${request.kind}' came before 'start'`);
    else if (request.kind === 'items') build.addItems(request.records);
    else if (request.kind === 'decisions') build.addDecisions(request.records);
    else {
      const bytes = build.finish();
      build = undefined;
      writeFileSync(CORPUS_FD, bytes);
      answer({ kind: 'built', byteLength: bytes.byteLength });
      return;
    }
    answer({ kind: 'ack' });
  } catch (err) {
    answer({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
});
