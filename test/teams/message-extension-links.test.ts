import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_IDS, strategyYears } from '../../src/services/demo/demo-council';
import { importPage } from '../../src/services/import-page';
import { teamsActivity } from '../support/activities';
import { cardText, ConversationHarness, invokeBody } from '../support/conversation-harness';
import { inProcessPageReader as pages } from '../support/in-process-page-reader';

const MELTON_ITEM = readFileSync(path.resolve(__dirname, '../fixtures/moderngov/melton_cabinet_agenda_item_community_safety.txt'));
const LINK = 'https://democracy.melton.gov.uk/mgAi.aspx?ID=12345';
const CSP_TITLE = 'Approval of the Community Safety Partnership Strategic Plan';
const CARD = 'application/vnd.microsoft.card.adaptive';

const THUMBNAIL = 'application/vnd.microsoft.card.thumbnail';

interface ExtensionAnswer {
  composeExtension: {
    type: string;
    attachmentLayout: string;
    attachments: Array<{ contentType: string; content: Record<string, unknown>; preview: { contentType: string; content: Record<string, unknown> } }>;
  };
}

/** A Thumbnail card as a search result's preview: title, subtitle and text, and no buttons or images. */
const expectThumbnailPreview = (preview: { contentType: string; content: Record<string, unknown> }): { title: string; subtitle: string; text: string } => {
  expect(preview.contentType).toBe(THUMBNAIL);
  const { title, subtitle, text, buttons = [], images = [] } = preview.content as Record<string, unknown>;
  expect({ buttons, images }).toEqual({ buttons: [], images: [] });
  expect([typeof title, typeof subtitle, typeof text]).toEqual(['string', 'string', 'string']);
  return { title, subtitle, text } as { title: string; subtitle: string; text: string };
};
/**
 * A line of the search list: a Thumbnail card (the attachment and its preview the same) whose `tap` asks for the
 * full card (composeExtension/selectItem) with the locators of its record.
 */
const expectListLine = (attachment: ExtensionAnswer['composeExtension']['attachments'][number]): { line: ReturnType<typeof expectThumbnailPreview>; pick: Record<string, string> } => {
  expect(attachment.contentType).toBe(THUMBNAIL);
  expect(attachment.content).toEqual(attachment.preview.content);
  const line = expectThumbnailPreview(attachment.preview);
  const tap = attachment.preview.content.tap as { type: string; value: Record<string, string> };
  expect(tap.type).toBe('invoke');
  expect(Object.keys(tap.value).sort()).toEqual(expect.arrayContaining(['committeeId']));
  return { line, pick: tap.value };
};
const EMPTY: ExtensionAnswer = { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [] } };

/** The search message extension and link unfurling, as Teams invokes them from the compose box. */
describe('Teams message extension and link unfurling', () => {
  const h = new ConversationHarness();
  let importedItemId: string;
  beforeAll(async () => {
    await h.start();
    // The Melton page, imported with its address. The demo already holds a hand-entered copy of the same item
    // (no source): the link must find the imported one.
    const result = await h.withStore((store) =>
      importPage({ body: MELTON_ITEM, contentType: 'text/plain; charset=utf-8', sourceUrl: LINK, dryRun: false, importedBy: 'test-officer', now: new Date() }, { store, pages }),
    );
    importedItemId = result.agendaItem!.id;
    expect(importedItemId).not.toBe(DEMO_IDS.cspItem);
  });
  afterAll(() => h.stop());

  /** Picks a result from the list, as Teams does when it is tapped: the full card, with its line as the preview. */
  const pickResult = async (pick: Record<string, string>) => {
    const res = await h.post(h.activity('07b_invoke_composeExtension_query_modern_envelope', 'housing', { name: 'composeExtension/selectItem', value: pick }));
    expect(res.status).toBe(200);
    const body = invokeBody<ExtensionAnswer>(res);
    expect(body.composeExtension).toMatchObject({ type: 'result', attachmentLayout: 'list' });
    expect(body.composeExtension.attachments).toHaveLength(1);
    return body.composeExtension.attachments[0]!;
  };

  const queryLink = (url: string) => h.activity('08_invoke_composeExtension_queryLink', 'housing', { value: { url } });

  describe('composeExtension/queryLink', () => {
    it.each([
      ['the address as imported', LINK],
      ['the address in other letter cases (MGAI.ASPX?id=)', 'https://democracy.melton.gov.uk/MGAI.ASPX?id=12345'],
    ])('unfurls %s into one 1.3 adaptive card with a preview', async (_name, url) => {
      const res = await h.post(queryLink(url));
      expect(res.status).toBe(200);
      const body = invokeBody<ExtensionAnswer>(res);
      expect(body.composeExtension.type).toBe('result');
      expect(body.composeExtension.attachmentLayout).toBe('list');
      expect(body.composeExtension.attachments).toHaveLength(1);
      const [attachment] = body.composeExtension.attachments;
      expect(attachment!.contentType).toBe(CARD);
      expect(attachment!.content.version).toBe('1.3');
      expect(attachment!.preview.contentType).toBe(CARD);
      expect(attachment!.preview.content.version).toBe('1.3');
      const text = cardText(attachment!.content);
      expect(text.startsWith(`AGENDA ITEM · Cabinet ${CSP_TITLE} The Portfolio Holder for Housing and Communities to submit a report`)).toBe(true);
      expect(text.endsWith('… Open on the council website')).toBe(true);
      expect(attachment!.content.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open on the council website', url }]);
      expect(cardText(attachment!.preview.content)).toContain(CSP_TITLE);
      // Nothing was posted to the conversation: the unfurl is the invoke's answer.
      expect(res.sent).toHaveLength(0);
    });

    it.each([
      ['an unknown ModernGov id', 'https://democracy.melton.gov.uk/mgAi.aspx?ID=99999'],
      ['an address that is not a ModernGov page', 'https://www.melton.gov.uk/news/community-safety'],
      ['the fixture\'s own address', String((teamsActivity('08_invoke_composeExtension_queryLink').value as { url: string }).url)],
    ])('answers %s with no attachments', async (_name, url) => {
      expect(invokeBody<ExtensionAnswer>(await h.post(queryLink(url)))).toEqual(EMPTY);
    });
  });

  describe('composeExtension/anonymousQueryLink (08b: a user the bot does not know)', () => {
    const anonymous = (url: string) => ({ ...teamsActivity('08b_invoke_composeExtension_anonymousQueryLink'), id: `f:anonymous-${url.length}`, serviceUrl: h.connector.url, value: { url } });

    it('unfurls a known ModernGov address the same way', async () => {
      const body = invokeBody<ExtensionAnswer>(await h.post(anonymous(LINK)));
      expect(body.composeExtension.attachments).toHaveLength(1);
      expect(body.composeExtension.attachments[0]!.content.version).toBe('1.3');
      expect(cardText(body.composeExtension.attachments[0]!.content)).toContain(CSP_TITLE);
    });

    it('answers the fixture\'s own (unknown) address with no attachments', async () => {
      expect(invokeBody<ExtensionAnswer>(await h.post(anonymous('https://test.test.com/test')))).toEqual(EMPTY);
    });
  });

  describe('composeExtension/query with no words yet', () => {
    it.each([
      ['initialRun', [{ name: 'initialRun', value: 'true' }]],
      ['an empty query', [{ name: 'query', value: '' }]],
    ])('%s offers the recent decisions: the current strategy decision card, with a Thumbnail card preview', async (_name, parameters) => {
      const res = await h.post(h.activity('07b_invoke_composeExtension_query_modern_envelope', 'housing', {
        value: { commandId: 'searchDecisions', parameters, queryOptions: { skip: 0, count: 25 } },
      }));
      const body = invokeBody<ExtensionAnswer>(res);
      expect(body.composeExtension.type).toBe('result');
      // The imported copy and the demo's real item were decided in 2021: only the demo's current decision is recent.
      expect(body.composeExtension.attachments).toHaveLength(1);
      const [listed] = body.composeExtension.attachments;
      const { line, pick } = expectListLine(listed!);
      const attachment = await pickResult(pick);
      expect(attachment.contentType).toBe(CARD);
      const text = cardText(attachment.content);
      const current = `Community Safety Strategy ${strategyYears(new Date())}`;
      expect(text).toContain('Decision of Cabinet');
      expect(text).toContain(current);
      expect(text).toContain('Recommended to Council: awaiting Full Council');
      expect(line.title).toBe(current);
      expect(line.subtitle).toBe('DECISION · Cabinet');
      expect(line.text).toMatch(/^⏳ Call-in open/u);
      expect(expectThumbnailPreview(attachment.preview)).toEqual(line);
    });
  });

  describe('composeExtension/query with words (Teams\' own payload, 07)', () => {
    /** Microsoft's published query (07), re-addressed to this bot and asked as Cllr Pearson. */
    const search = (words: string, queryOptions: Record<string, unknown>) => {
      const published = teamsActivity('07_invoke_composeExtension_query');
      const value = published.value as { commandId: string; parameters: Array<{ name: string; value: string }> };
      return h.activity('07_invoke_composeExtension_query', 'housing', {
        value: { ...value, parameters: [{ name: value.parameters[0]!.name, value: words }], queryOptions },
        conversation: published.conversation,
      });
    };
    const titlesOf = (body: ExtensionAnswer) => body.composeExtension.attachments.map((a) => expectListLine(a).line.title);

    it('lists each result from the index as a Thumbnail card, and gives its full Adaptive Card when picked, its line the same as the store\'s', async () => {
      const res = await h.post(search('community safety', { skip: 0, count: 25 }));
      expect(res.status).toBe(200);
      const body = invokeBody<ExtensionAnswer>(res);
      expect(body.composeExtension).toMatchObject({ type: 'result', attachmentLayout: 'list' });
      expect(body.composeExtension.attachments.length).toBeGreaterThanOrEqual(2);
      for (const listed of body.composeExtension.attachments) {
        const { line, pick } = expectListLine(listed);
        expect(line.subtitle).toMatch(/^(DECISION|AGENDA ITEM) · /);
        const attachment = await pickResult(pick);
        expect(attachment.contentType).toBe(CARD);
        expect(attachment.content.version).toBe('1.5');
        expect(cardText(attachment.content)).toContain(line.title);
        // The line drawn from the index says what the line drawn from the stored records says (status, dates and all).
        expect(expectThumbnailPreview(attachment.preview)).toEqual(line);
      }
      expect(res.sent).toHaveLength(0);
    });

    it('lists an agenda item not yet decided (its number, meeting time) as the stored records would', async () => {
      const body = invokeBody<ExtensionAnswer>(await h.post(search('safer streets lighting cctv', { skip: 0, count: 5 })));
      const lines = body.composeExtension.attachments.map(expectListLine);
      const item = lines.find(({ line }) => line.subtitle.startsWith('AGENDA ITEM'));
      expect(item?.line.title).toBe('Safer Streets Fund: Town Centre Lighting and CCTV');
      expect(item!.line.text).toMatch(/Item 6/);
      expect(expectThumbnailPreview((await pickResult(item!.pick)).preview)).toEqual(item!.line);
    });

    it('honours queryOptions: pages of `count` after `skip` add up to the whole list, in order', async () => {
      const whole = titlesOf(invokeBody<ExtensionAnswer>(await h.post(search('community safety', { skip: 0, count: 25 }))));
      expect(whole.length).toBeGreaterThanOrEqual(2);
      const pages: string[] = [];
      for (let skip = 0; skip <= whole.length; skip += 1) {
        pages.push(...titlesOf(invokeBody<ExtensionAnswer>(await h.post(search('community safety', { skip, count: 1 })))));
      }
      expect(pages).toEqual(whole);
      // Past the end: an empty page, which tells Teams there is no more.
      expect(titlesOf(invokeBody<ExtensionAnswer>(await h.post(search('community safety', { skip: whole.length, count: 5 }))))).toEqual([]);
    });
  });
});
