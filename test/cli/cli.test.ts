import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEmbeddedStore } from '../../src/store/embedded';
import { storedCounts } from '../services/import-test-store';

const ROOT = path.resolve(__dirname, '../..');
const MELTON = path.resolve(ROOT, 'test/fixtures/moderngov/melton_cabinet_agenda_item_community_safety.txt');
const STACK_LINE = /^\s+at /m;

interface Run { code: number | null; stdout: string; stderr: string }
interface StoredRecord { id: string; outcomes?: Array<{ status: string }> }
interface ImportJson {
  agendaItem: StoredRecord;
  decision: StoredRecord;
  warnings: Array<{ code: string }>;
  dryRun: boolean;
  writes: Array<{ record: string; id: string; action: string }>;
}

/** Runs a node command in the project, with only the environment given (no inherited bot or store settings). */
function runNode(args: string[], env: Record<string, string>, timeoutMs = 60_000, command = process.execPath): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), USER: 'test-officer', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const cli = (args: string[], env: Record<string, string>): Promise<Run> => runNode(['--import', 'tsx', 'src/cli/main.ts', ...args], env);

describe('the officer CLI, run as a child process (node --import tsx src/cli/main.ts)', () => {
  let dataDir: string;
  let env: Record<string, string>;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'cabinet-cli-'));
    env = { DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('demo-seed loads the demo council, and a second run creates nothing', async () => {
    const first = await cli(['demo-seed'], env);
    expect(first).toEqual({ code: 0, stdout: 'Demo council loaded: 20 records created, 0 already there.\n', stderr: '' });
    const second = await cli(['demo-seed'], env);
    expect(second).toEqual({ code: 0, stdout: 'Demo council loaded: 0 records created, 20 already there.\n', stderr: '' });

    const store = createEmbeddedStore({ dataDir });
    try {
      expect((await store.committees.list()).map((c) => c.id).sort()).toEqual(['cabinet', 'full-council', 'scrutiny']);
      expect(await storedCounts(store)).toEqual({ agendaItems: 5, decisions: 2, meetings: 4 });
    } finally {
      await store.close();
    }
  });

  it('import --dry-run prints what was understood, the title and the warning, stores nothing and exits 0', async () => {
    expect((await cli(['demo-seed'], env)).code).toBe(0);
    const run = await cli(['import', MELTON, '--dry-run'], env);

    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Dry run: nothing was stored.');
    expect(lines).toContain('Committee:      Cabinet');
    expect(lines).toContain('Title:          Approval of the Community Safety Partnership Strategic Plan');
    expect(lines).toContain('Decision type:  non-key');
    expect(lines).toContain('  2) RECOMMENDED to Council [awaiting-council]: that the proposed Community Safety Strategy 2021-24 be approved.');
    expect(lines).toContain('Warnings (1):');
    expect(lines.at(-1)).toMatch(/^ {2}! summary \(line 5\); decision outcome 2 \(line 17\): "Community Safety Strategy" is named with different years: .* \[document-year-mismatch\]$/);
    expect(lines.filter((l) => l.startsWith('Would have created: '))).toEqual([
      expect.stringMatching(/^Would have created: agenda-item ai-[0-9a-f]{24}$/),
      expect.stringMatching(/^Would have created: decision dec-[0-9a-f]{24}$/),
    ]);

    const store = createEmbeddedStore({ dataDir });
    try {
      expect(await storedCounts(store)).toEqual({ agendaItems: 5, decisions: 2, meetings: 4 });
    } finally {
      await store.close();
    }
  });

  it('import --json prints the result as JSON with the decision outcomes, and stores it; a second import changes nothing', async () => {
    expect((await cli(['demo-seed'], env)).code).toBe(0);
    const url = 'https://democracy.melton.gov.uk/mgAi.aspx?ID=17241';
    const run = await cli(['import', MELTON, '--json', '--source-url', url], env);

    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout) as ImportJson;
    expect(Object.keys(result)).toEqual(['agendaItem', 'decision', 'warnings', 'notifications', 'dryRun', 'writes']);
    expect(result.dryRun).toBe(false);
    expect(result.agendaItem).toMatchObject({ committeeId: 'cabinet', title: 'Approval of the Community Safety Partnership Strategic Plan', source: { url } });
    expect(result.decision).toMatchObject({ committeeId: 'cabinet', decisionMaker: 'Cabinet', type: 'non-key', agendaItemId: result.agendaItem.id });
    expect(result.decision.outcomes).toEqual([
      {
        number: 1, verb: 'NOTED', status: 'noted',
        text: 'the report and the ongoing contribution of the Community Safety Partnership to ASB issues across the borough and the direction of travel for the Community Safety Partnership',
      },
      { number: 2, verb: 'RECOMMENDED', target: 'Council', status: 'awaiting-council', councilMeetingId: 'council-next', text: 'that the proposed Community Safety Strategy 2021-24 be approved.' },
    ]);
    expect(result.warnings.map((w) => w.code)).toEqual(['document-year-mismatch']);
    expect(result.writes).toEqual([
      { record: 'agenda-item', id: result.agendaItem.id, action: 'created' },
      { record: 'decision', id: result.decision.id, action: 'created' },
    ]);

    const again = JSON.parse((await cli(['import', MELTON, '--json', '--source-url', url], env)).stdout) as ImportJson;
    expect(again.writes.map((w) => w.action)).toEqual(['unchanged', 'unchanged']);

    const store = createEmbeddedStore({ dataDir });
    try {
      expect((await store.decisions.findBySource({ url }))?.value.outcomes.map((o) => o.status)).toEqual(['noted', 'awaiting-council']);
      expect(await storedCounts(store)).toEqual({ agendaItems: 6, decisions: 3, meetings: 4 });
    } finally {
      await store.close();
    }
  });

  it('import of a page it cannot place exits 1 with the reason', async () => {
    // No demo council: there is no Cabinet committee.
    const run = await cli(['import', MELTON], env);
    expect(run).toEqual({
      code: 1,
      stdout: 'Not imported: No committee named Cabinet. Create it first (PUT /api/v1/committees/cabinet with {"name":"Cabinet","kind":"cabinet"}), or import again with ?createCommittee=true (cabinet-bot import --create-committee), which creates it as that; or pass meetingId (--meeting) naming a meeting you created with PUT /api/v1/meetings/{id}.\n',
      stderr: '',
    });
  });

  it('import --create-committee on an empty install creates the committee the page names, then the records', async () => {
    const run = await cli(['import', MELTON, '--create-committee', '--json'], env);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as ImportJson;
    expect(result.warnings.map((w) => w.code)).toContain('committee-unknown');
    expect(result.writes.map((w) => [w.record, w.id, w.action])[0]).toEqual(['committee', 'cabinet', 'created']);
    const store = createEmbeddedStore({ dataDir });
    try {
      expect((await store.committees.list()).map((c) => c.id)).toEqual(['cabinet']);
      expect(await storedCounts(store)).toEqual({ agendaItems: 1, decisions: 1, meetings: 0 });
    } finally {
      await store.close();
    }
  });

  it('import of a file with an unknown extension exits 2 with the usage', async () => {
    const pdf = path.join(dataDir, 'agenda.pdf');
    writeFileSync(pdf, '%PDF-1.4');
    const run = await cli(['import', pdf], env);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe(
      `Cannot tell what kind of page "${pdf}" is: save it as .txt (agenda-item page), .html (decision details) or .xml (GetMeeting).\n` +
      'Usage: import <file.txt|file.html|file.xml> [--meeting <id>] [--committee <id>] [--source-url <url>] [--create-committee] [--dry-run] [--json]\n',
    );
    const json = await cli(['import', pdf, '--json'], env);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({ error: { code: 'usage', message: expect.stringContaining('Cannot tell what kind of page') } });
  });

  it('import of a file that does not exist exits 2', async () => {
    const run = await cli(['import', path.join(dataDir, 'missing.txt')], env);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`Cannot read "${path.join(dataDir, 'missing.txt')}": ENOENT.`);
  });

  it('an unknown command exits 2', async () => {
    const run = await cli(['frobnicate'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown command 'frobnicate'");
  });

  it('a configuration error exits 2 listing every problem, with no stack trace', async () => {
    const run = await cli(['demo-seed'], { ...env, STORE: 'cosmos', COSMOS_KEY: 'k', COSMOS_MANAGED_IDENTITY_CLIENT_ID: 'id' });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'Configuration is not valid:\n' +
      '  - COSMOS_ENDPOINT: is required when STORE=cosmos\n' +
      '  - COSMOS_KEY: set COSMOS_KEY or COSMOS_MANAGED_IDENTITY_CLIENT_ID, not both\n',
    );

    const fields = await cli(['demo-seed'], { ...env, LOG_LEVEL: 'loud', MAX_BODY_BYTES: '12' });
    expect(fields.code).toBe(2);
    expect(fields.stderr).toMatch(/^Configuration is not valid:\n {2}- LOG_LEVEL: .*'loud'\n {2}- MAX_BODY_BYTES: .*1024.*\n$/);
    expect(fields.stderr).not.toMatch(STACK_LINE);
  });
});

describe('the installed bin (bin/cabinet-bot.js runs the compiled dist/)', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'cabinet-bin-'));
    const build = await runNode(['run', 'build'], {}, 120_000, 'npm');
    if (build.code !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
  }, 150_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('--help lists the commands and exits 0', async () => {
    const run = await runNode(['bin/cabinet-bot.js', '--help'], {});
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Usage: cabinet-bot \[options\] \[command\]\n/);
    for (const command of ['demo-seed', 'import [options] <file>', 'members', 'help [command]']) expect(run.stdout).toContain(`  ${command}`);
  });

  it('runs a command against the store', async () => {
    const run = await runNode(['bin/cabinet-bot.js', 'demo-seed'], { DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    expect(run).toEqual({ code: 0, stdout: 'Demo council loaded: 20 records created, 0 already there.\n', stderr: '' });
  });
});
