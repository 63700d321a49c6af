import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cardsIn, cardText, ConversationHarness, eventually } from '../support/conversation-harness';
import type { TestApp } from '../support/start-test-app';

const OFFICER_TOKEN = 'officer-token-for-several-instances';
/** A page in the Melton format about something the demo council has never heard of (made here from the Melton fixture). */
const HEDGEHOG_PAGE = readFileSync(path.resolve(__dirname, '../fixtures/moderngov/melton_cabinet_agenda_item_community_safety.txt'), 'utf8')
  .replace('APPROVAL OF THE COMMUNITY SAFETY PARTNERSHIP STRATEGIC PLAN', 'APPROVAL OF THE HEDGEHOG HIGHWAY CORRIDORS PLAN');

jest.setTimeout(30_000);

/** Two instances of the app behind one load balancer, sharing one embedded store. */
describe('several app instances on one store', () => {
  const h = new ConversationHarness();
  let b: TestApp;
  beforeAll(async () => {
    await h.start({ OFFICER_API_TOKEN: OFFICER_TOKEN });
    b = await h.startInstance();
  });
  afterAll(async () => {
    await b.stop();
    await h.stop();
  });

  it('an item imported on instance A is found by "status" on instance B within the search freshness window (5 s)', async () => {
    // B has built its index before the import, so only its freshness check can bring the item in.
    const before = await h.postTo(b, h.message('housing', 'status hedgehog highway corridors'));
    expect(before.sent[0]?.text).toMatch(/^I found no decision matching "hedgehog highway corridors"/);

    const imported = await fetch(`${h.app.url}/api/v1/imports?sourceUrl=${encodeURIComponent('https://democracy.melton.gov.uk/mgAi.aspx?ID=54321')}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${OFFICER_TOKEN}`, 'content-type': 'text/plain; charset=utf-8' },
      body: HEDGEHOG_PAGE,
    });
    expect(imported.status).toBe(201);
    const importedAt = Date.now();

    const found = await eventually(async () => {
      const { sent } = await h.postTo(b, h.message('housing', 'status hedgehog highway corridors'));
      const card = cardsIn(sent)[0];
      return card && cardText(card);
    }, 8000, 250);
    expect(Date.now() - importedAt).toBeLessThan(8000);
    expect(found).toContain('Decision of Cabinet');
    expect(found).toContain('Approval of the Hedgehog Highway Corridors Plan');
    expect(found).toContain('Recommended to Council');
  });

  it('the same activity (same id) posted to A and then to B is answered once in total', async () => {
    const message = h.message('housing', 'help');
    const first = await h.postTo(h.app, message);
    const second = await h.postTo(b, message);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(cardsIn(first.sent)).toHaveLength(1);
    expect(cardText(cardsIn(first.sent)[0])).toContain('Hello Cllr Alan Pearson');
    expect(second.sent).toHaveLength(0);
  });

  it('and the same when both instances get it at once', async () => {
    const message = h.message('leader', 'help');
    const before = h.connector.sentActivities.length;
    const answers = await Promise.all([h.postTo(h.app, message), h.postTo(b, message)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    // Both turns have ended with their answers: whatever either sent is recorded.
    expect(h.connector.sentActivities.slice(before)).toHaveLength(1);
  });
});
