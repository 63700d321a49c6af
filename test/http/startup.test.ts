import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { collect, logLines, startEntryPoint, waitFor, type LogLine } from '../support/entry-point';

const STACK_LINE = /^\s+at /m;

describe('node --import tsx src/index.ts with a bad environment', () => {
  const BAD = { PORT: 'eighty', STORE: 'cosmos', LOG_LEVEL: 'loud' };

  it('exits 1 listing the field problems at once, with no stack trace and no log output', async () => {
    const { exited } = collect(startEntryPoint(BAD));
    const run = await exited;
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^Cabinet bot cannot start\.\nConfiguration is not valid:\n/);
    expect(run.stderr).toContain('  - PORT: Expected number, received nan\n');
    expect(run.stderr).toContain("  - LOG_LEVEL: Invalid enum value. Expected 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent', received 'loud'\n");
    expect(run.stderr).toMatch(/See \.env\.example for every setting\.\n$/);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  // One bad value must never hide another problem: the cross-key rules run on whatever parsed.
  it('lists the cross-field problem (COSMOS_ENDPOINT) together with the field problems', async () => {
    const { exited } = collect(startEntryPoint(BAD));
    const run = await exited;
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('  - PORT: ');
    expect(run.stderr).toContain('  - LOG_LEVEL: ');
    expect(run.stderr).toContain('  - COSMOS_ENDPOINT: is required when STORE=cosmos\n');
  });

  it('exits 1 naming COSMOS_ENDPOINT when STORE=cosmos is the only problem', async () => {
    const { exited } = collect(startEntryPoint({ STORE: 'cosmos' }));
    const run = await exited;
    expect(run).toEqual({
      code: 1, signal: null, stdout: '',
      stderr: 'Cabinet bot cannot start.\nConfiguration is not valid:\n  - COSMOS_ENDPOINT: is required when STORE=cosmos\nSee .env.example for every setting.\n',
    });
  });
});

describe('node --import tsx src/index.ts with a good environment', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'cabinet-startup-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('logs the LOCAL MODE warning, serves /healthz and /readyz, and on SIGTERM exits 0 after logging stopped', async () => {
    // No HOST: local mode listens on the loopback address only (issue 9).
    const child = startEntryPoint({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info', LOG_PRETTY: 'false' });
    const { output, exited } = collect(child);
    try {
      const listening = await waitFor(() => {
        const lines = output().stdout.split('\n').filter((l) => l.includes('"listening on http://'));
        return lines[0] ? (JSON.parse(lines[0]) as LogLine) : undefined;
      }, 'the listening log line');
      const address = /^listening on (http:\/\/127\.0\.0\.1:(\d+)) /.exec(listening.msg);
      expect(address).not.toBeNull();
      const port = Number(address![2]);
      expect(port).toBeGreaterThan(0);
      expect(listening).toMatchObject({ level: 30, port });

      const logs = logLines(output().stdout);
      // DATA_DIR held no store: it was created, and the log says so.
      expect(logs.filter((l) => l.msg.startsWith('created a new, empty embedded store'))).toEqual([
        expect.objectContaining({ level: 40, file: path.join(dataDir, 'cabinet.db') }),
      ]);
      expect(logs[0]).toMatchObject({ level: 30, msg: 'starting Cabinet bot', config: { port: 0, localMode: true, store: { kind: 'embedded', dataDir } } });
      expect(logs.filter((l) => l.msg.includes('LOCAL MODE'))).toEqual([
        expect.objectContaining({ level: 40, msg: expect.stringMatching(/^\*\*\* LOCAL MODE: MicrosoftAppId is not set, so requests to \/api\/messages are NOT authenticated\./) }),
      ]);

      const base = address![1]!;
      const health = await fetch(`${base}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok' });
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready' });

      child.kill('SIGTERM');
      const run = await exited;
      expect(run.code).toBe(0);
      expect(run.signal).toBeNull();
      expect(run.stderr).toBe('');
      const messages = logLines(run.stdout).map((l) => l.msg);
      expect(messages.slice(-3)).toEqual(['signal received', 'shutting down: finishing requests in flight', 'stopped']);
      expect(logLines(run.stdout).find((l) => l.msg === 'signal received')).toMatchObject({ signal: 'SIGTERM' });
      await expect(fetch(`${base}/healthz`)).rejects.toMatchObject({ cause: { code: 'ECONNREFUSED' } });
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    }
  });
});

describe('node --import tsx src/index.ts when the store it expects is missing', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'cabinet-startup-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('exits 1 with a message naming the missing file, the marker and what to do, and creates nothing', async () => {
    // The marker a store leaves beside itself is here, the store is not: a volume not mounted, a file deleted.
    writeFileSync(path.join(dataDir, 'cabinet.db.expected'), 'a store was created here\n');
    const run = await collect(startEntryPoint({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent' })).exited;
    expect(run.code).toBe(1);
    const file = path.join(dataDir, 'cabinet.db');
    expect(run.stderr).toBe(
      `Cabinet bot failed to start: The embedded store ${file} is missing, but ${file}.expected says one was created here. ` +
        `Restore ${file} from a backup (or check that DATA_DIR points at the right folder and its volume is mounted); ` +
        `to start with an empty store instead, delete ${file}.expected.\n`,
    );
    expect(run.stderr).not.toMatch(STACK_LINE);
  });
});
