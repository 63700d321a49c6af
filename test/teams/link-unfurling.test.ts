import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_IDS } from '../../src/services/demo/demo-council';
import { importPage } from '../../src/services/import-page';
import { cardText, ConversationHarness, invokeBody } from '../support/conversation-harness';
import { inProcessPageReader as pages } from '../support/in-process-page-reader';

const FIXTURES = path.resolve(__dirname, '../fixtures');
const MELTON_ITEM = readFileSync(path.join(FIXTURES, 'moderngov/melton_cabinet_agenda_item_community_safety.txt'));
const COUNCIL_DECISION = readFileSync(path.join(FIXTURES, 'moderngov-html/full_council_community_safety_strategy.html'));
const CABINET_MEETING_XML = readFileSync(path.join(FIXTURES, 'moderngov-xml/getmeeting_cabinet.xml'));

/** The council's ModernGov site, and the other name it is known by (as MODERNGOV_DOMAINS lists them). */
const SITE = 'https://democracy.melton.gov.uk';
const OTHER_NAME = 'https://melton.moderngov.co.uk';
/** Another council's ModernGov site: the same ids mean different items there. */
const ELSEWHERE = 'https://democracy.othercouncil.gov.uk';

interface ExtensionAnswer {
  composeExtension: { type: string; attachments: Array<{ contentType: string; content: Record<string, unknown> }> };
}

/**
 * Link unfurling, as Teams invokes it (composeExtension/queryLink, fixture 08) when a ModernGov address is pasted:
 * only pages of this council's site unfurl, and decisions unfurl in both of ModernGov's link forms.
 */
describe('link unfurling: this council\'s ModernGov pages only, decisions in both forms', () => {
  const h = new ConversationHarness();
  beforeAll(async () => {
    await h.start({ MODERNGOV_DOMAINS: 'democracy.melton.gov.uk, melton.moderngov.co.uk' });
    const now = new Date();
    await h.withStore(async (store) => {
      const common = { dryRun: false, importedBy: 'test-officer', now };
      // Agenda item 12345 with its Cabinet decision (keyed by the item), imported with its address.
      await importPage({ ...common, body: MELTON_ITEM, contentType: 'text/plain; charset=utf-8', sourceUrl: `${SITE}/mgAi.aspx?ID=12345` }, { store, pages });
      // Full Council's decision 4321, imported from its decision-details page.
      await importPage({ ...common, body: COUNCIL_DECISION, contentType: 'text/html', meetingId: DEMO_IDS.nextCouncil, sourceUrl: `${SITE}/ieDecisionDetails.aspx?ID=4321` }, { store, pages });
      // A meeting from the web service: its items (17236 "Apologies for absence", ...) come with no address of their own.
      await importPage({ ...common, body: CABINET_MEETING_XML, contentType: 'application/xml' }, { store, pages });
    });
  });
  afterAll(() => h.stop());

  const unfurl = async (url: string): Promise<string[]> => {
    const res = await h.post(h.activity('08_invoke_composeExtension_queryLink', 'housing', { value: { url } }));
    expect(res.status).toBe(200);
    const body = invokeBody<ExtensionAnswer>(res);
    expect(body.composeExtension.type).toBe('result');
    return body.composeExtension.attachments.map((a) => cardText(a.content));
  };

  it('unfurls an agenda item from the site it was imported from, and from the council\'s other host name', async () => {
    for (const site of [SITE, OTHER_NAME]) {
      const [card, ...more] = await unfurl(`${site}/mgAi.aspx?ID=12345`);
      expect(more).toEqual([]);
      expect(card).toMatch(/^AGENDA ITEM · Cabinet Approval of the Community Safety Partnership Strategic Plan /);
    }
  });

  it('unfurls nothing for another council\'s page with the same ModernGov id', async () => {
    expect(await unfurl(`${ELSEWHERE}/mgAi.aspx?ID=12345`)).toEqual([]);
    expect(await unfurl(`${ELSEWHERE}/ieDecisionDetails.aspx?ID=4321`)).toEqual([]);
    expect(await unfurl(`${ELSEWHERE}/ieDecisionDetails.aspx?AIId=12345`)).toEqual([]);
    expect(await unfurl(`${ELSEWHERE}/mgAi.aspx?ID=17236`)).toEqual([]);
  });

  it('unfurls a decision linked by its own id (ieDecisionDetails.aspx?ID=)', async () => {
    const [card, ...more] = await unfurl(`${SITE}/ieDecisionDetails.aspx?ID=4321`);
    expect(more).toEqual([]);
    expect(card).toMatch(/^DECISION · Full Council /);
  });

  it('unfurls a decision linked by its agenda item (ieDecisionDetails.aspx?AIId=): the decision recorded on that item', async () => {
    const [card, ...more] = await unfurl(`${SITE}/ieDecisionDetails.aspx?AIId=12345`);
    expect(more).toEqual([]);
    expect(card).toMatch(/^DECISION · Cabinet Approval of the Community Safety Partnership Strategic Plan /);
    expect(await unfurl(`${SITE}/ieDecisionDetails.aspx?AIId=99999`)).toEqual([]);
  });

  it('unfurls an item imported without its address only from the council\'s own hosts (MODERNGOV_DOMAINS)', async () => {
    const [card] = await unfurl(`${SITE}/mgAi.aspx?ID=17236`);
    expect(card).toBe('AGENDA ITEM · Cabinet · Tue 12 October 2021, 4.30pm Apologies for Absence Open on the council website');
    expect(await unfurl(`https://democracy.melton.gov.uk.example.org/mgAi.aspx?ID=17236`)).toEqual([]);
  });
});
