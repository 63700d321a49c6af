import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConversationHarness, cardsIn, cardText } from '../support/conversation-harness';

const ROOT = path.resolve(__dirname, '../..');

/** `cabinet-bot notify` in a child process, on the store of a running bot (the bot sends; the command waits). */
function cli(args: string[], dataDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), USER: 'test-officer', DATA_DIR: dataDir, LOG_LEVEL: 'silent', QUIET_HOURS: 'off' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('cabinet-bot notify', () => {
  const h = new ConversationHarness();
  beforeAll(async () => {
    // The bot looks for work written by others (this command) every half second here; every 10 s in production.
    await h.start({}, { sender: { idlePollMs: 500 } });
    await h.install('housing');
  });
  afterAll(() => h.stop());

  it('pushes an item through the running bot, follows it in plain lines when not on a terminal, and names who could not be reached', async () => {
    const run = await cli(['notify', '--item', 'item-safer-streets', '--message', 'Papers for Thursday', '--wait'], h.app.dataDir);
    expect(run.stderr).toBe('');
    // Joe Orson has never opened the bot and shares no team with it.
    expect(run.code).toBe(3);
    const lines = run.stdout.trim().split('\n');
    expect(lines.at(-3)).toMatch(/^Notification n-[\w-]+: Safer Streets Fund: Town Centre Lighting and CCTV \(Cabinet\)$/);
    expect(lines.at(-2)).toBe('  completed: 1 of 2 delivered, 0 to go, 1 cannot be reached, 0 failed; 0 acknowledged');
    expect(lines.at(-1)).toMatch(/^ {2}cannot be reached: Cllr Joe Orson \(has not opened the bot\)\. They have never opened Cabinet bot/);
    const toHousing = h.connector.sentActivities.filter(
      (a) => (a.conversation as { id: string }).id === h.personalConversationId('housing') && cardsIn([a]).some((c) => cardText(c).includes('Safer Streets')),
    );
    expect(toHousing.map((a) => cardText(cardsIn([a])[0]))).toEqual([expect.stringContaining('Safer Streets Fund')]);
    expect(toHousing[0]!.text).toMatch(/From democratic services: Papers for Thursday$/);
  });

  it('refuses what the API refuses, with the reason, and exit code 1', async () => {
    const run = await cli(['notify', '--item', 'item-land-disposal', '--channel', '19:x@thread.tacv2'], h.app.dataDir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^Not sent: This item is exempt \(Part 2\): it is never posted to a channel/);
    const both = await cli(['notify', '--item', 'item-safer-streets', '--meeting', 'cabinet-next'], h.app.dataDir);
    expect(both).toMatchObject({ code: 1, stdout: expect.stringMatching(/^Not sent: agendaItemId: name either agendaItemId/) });
    const badTime = await cli(['notify', '--item', 'item-safer-streets', '--at', 'tomorrow'], h.app.dataDir);
    expect(badTime).toMatchObject({ code: 1, stdout: expect.stringMatching(/^--at "tomorrow" is not a time/) });
  });

  it('without --wait, says how to follow the notification with a command that exists', async () => {
    const at = new Date(Date.now() + 3_600_000).toISOString();
    const run = await cli(['notify', '--item', 'item-safer-streets', '--at', at], h.app.dataDir);
    expect(run.code).toBe(0);
    const hint = /follow it with: cabinet-bot (notifications status (n-[\w-]+))$/.exec(run.stdout.trim().split('\n').at(-1)!);
    expect(hint).not.toBeNull();
    const followed = await cli(hint![1]!.split(' '), h.app.dataDir);
    expect(followed).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Notification n-[\w-]+: Safer Streets Fund/) });
    expect((await cli(['notifications', 'cancel', hint![2]!], h.app.dataDir)).code).toBe(0);
  });

  it('schedules for later, then cancels, from the command line', async () => {
    const at = new Date(Date.now() + 3_600_000).toISOString();
    const scheduled = await cli(['notify', '--meeting', 'cabinet-next', '--at', at, '--json'], h.app.dataDir);
    expect(scheduled.code).toBe(0);
    const { id, status } = JSON.parse(scheduled.stdout) as { id: string; status: string };
    expect(status).toBe('scheduled');
    const cancelled = await cli(['notifications', 'cancel', id], h.app.dataDir);
    expect(cancelled.code).toBe(0);
    expect(cancelled.stdout).toMatch(/^Cancelled: 0 not yet sent will not be sent\.\nNotification .*\n {2}cancelled: 0 of 2 delivered/);
    const status2 = await cli(['notifications', 'status', id, '--json'], h.app.dataDir);
    expect(JSON.parse(status2.stdout)).toMatchObject({ notification: { id, status: 'cancelled' } });
  });
});
