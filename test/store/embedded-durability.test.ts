import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkEmbeddedStoreIntegrity, createEmbeddedStore } from '../../src/store/embedded';

const ROOT = join(__dirname, '..', '..');
const WRITER = join(__dirname, 'support', 'ack-writer.ts');
/** Enough committed writes that the kill lands mid-stream, with more writes in flight. */
const KILL_AFTER = 300;

describe('embedded store durability', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'cabinet-durability-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps every acknowledgement reported as committed when the writer is killed with SIGKILL', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const committed: [string, string][] = [];
    let stderr = '';
    let partial = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));

    const exit = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    await new Promise<void>((resolve, reject) => {
      child.on('exit', (code) => reject(new Error(`writer exited (${code}) before it was killed: ${stderr}`)));
      child.stdout.on('data', (chunk: Buffer) => {
        const lines = (partial + chunk.toString()).split('\n');
        partial = lines.pop() ?? ''; // a line cut short by the kill was never fully reported
        for (const line of lines) committed.push(line.split(' ') as [string, string]);
        if (committed.length >= KILL_AFTER && child.exitCode === null && !child.killed) {
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    expect(await exit).toBe('SIGKILL');
    expect(committed.length).toBeGreaterThanOrEqual(KILL_AFTER);

    expect(checkEmbeddedStoreIntegrity({ dataDir })).toEqual([]);
    const store = createEmbeddedStore({ dataDir });
    try {
      const missing: string[] = [];
      for (const [memberId, agendaItemId] of committed) {
        const ack = await store.acknowledgements.get(memberId, agendaItemId);
        if (ack?.memberId !== memberId || ack.agendaItemId !== agendaItemId) missing.push(`${memberId}/${agendaItemId}`);
      }
      expect(missing).toEqual([]);
      await expect(store.ping()).resolves.toBeUndefined();
    } finally {
      await store.close();
    }
  }, 60_000);
});
