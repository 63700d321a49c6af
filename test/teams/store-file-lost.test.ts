import { rmSync } from 'node:fs';
import path from 'node:path';
import { DEMO_IDS } from '../../src/services/demo/demo-council';
import { startTestApp } from '../support/start-test-app';
import { cardText, ConversationHarness, invokeBody } from '../support/conversation-harness';

/**
 * Issue 9: the embedded store's file deleted while the bot runs. The bot must never answer "Acknowledged by you"
 * for a record it cannot keep, and must not come back after a restart with an empty store in its place.
 */
describe('the embedded store file deleted while the bot runs', () => {
  const h = new ConversationHarness();
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  it('answers an Acknowledge press with the error card, not "Acknowledged by you", and refuses to restart on the lost store', async () => {
    const file = path.join(h.app.dataDir, 'cabinet.db');
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });

    const press = await h.post(h.cardAction('housing', 'acknowledge', { committeeId: DEMO_IDS.cabinet, agendaItemId: 'item-safer-streets' }));
    expect(press.status).toBe(200);
    const text = cardText(invokeBody(press).value);
    expect(text).not.toContain('Acknowledged by you');
    expect(text).toContain('The service is busy or unavailable');
    expect((await fetch(`${h.app.url}/readyz`)).status).toBe(503);

    // A typed message claims the activity first (a write): refused too, with the error card as the reply.
    const message = await h.post(h.message('housing', 'pending'));
    expect(message.sent.map((a) => cardText((a.attachments as Array<{ content: unknown }>)[0]?.content))).toEqual([
      expect.stringContaining('The service is busy or unavailable'),
    ]);

    // After a restart the store is not recreated empty (the acknowledgement would be silently gone): start fails.
    await expect(startTestApp({}, { dataDir: h.app.dataDir })).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining(`The embedded store ${file} is missing`),
    });
  });
});
