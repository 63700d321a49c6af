import { parsePage, type PageRequest } from '../../src/import/parse-page';
import { createPageReaderPool, type PageReaderPool } from '../../src/parse-pool/page-reader-pool';
import { expectDomainError } from '../contract/expectations';
import { moderngovFixture, xmlFixture } from '../import/fixtures';

describe('the page reader pool: pages parsed in worker threads within a time budget', () => {
  let pool: PageReaderPool;
  beforeAll(() => {
    pool = createPageReaderPool({ timeBudgetMs: 2000, maxThreads: 1 });
  });
  afterAll(async () => pool.close());

  // Every kind the import and the ModernGov sync read, answered exactly as the pure parser answers on this thread.
  const requests: Array<[string, PageRequest]> = [
    ['an import draft of any page', { kind: 'import-draft', text: moderngovFixture('melton_cabinet_agenda_item_community_safety.txt'), mediaType: 'text/plain' }],
    ['an agenda item page', { kind: 'agenda-item-text', text: moderngovFixture('melton_cabinet_agenda_item_community_safety.txt') }],
    ['a decision details page', { kind: 'decision-details', text: moderngovFixture('lgsf_modgov_decision_detail.html'), sourceUrl: 'https://democracy.example.gov.uk/ieDecisionDetails.aspx?ID=1' }],
    ['a decisions list', { kind: 'decisions-list', text: moderngovFixture('lgsf_modgov_decisions_list.html') }],
    ['a GetMeeting answer', { kind: 'meeting-xml', text: xmlFixture('getmeeting_cabinet.xml') }],
  ];
  it.each(requests)('reads %s as the parser does', async (_what, request) => {
    const answer = await pool.read(request);
    expect(answer.ok).toBe(true);
    expect(answer).toEqual(parsePage(request));
  });

  it('answers a parser error as a value, as the parser does', async () => {
    const request: PageRequest = { kind: 'meeting-xml', text: xmlFixture('getmeeting_malformed.xml') };
    expect(await pool.read(request)).toEqual(parsePage(request));
  });

  it('refuses a page that takes longer than the budget as invalid, naming the budget, and reads the next one', async () => {
    const err = await expectDomainError(pool.read({ kind: 'decision-details', text: '<div>'.repeat(90_000) }), 'invalid');
    expect(err.message).toMatch(/could not be read within 2 s/);
    expect(err.details).toMatchObject({ where: 'page', budgetMs: 2000 });
    expect((await pool.read({ kind: 'agenda-item-text', text: 'Agenda item\n\nTITLE\n\nMinutes:\n\nText.' })).ok).toBe(true);
  });

  it('counts the budget from when a thread begins the page, not while one starts', async () => {
    // A new thread loads the parsers (through tsx here: far longer than 300 ms); a small page then takes milliseconds.
    const fresh = createPageReaderPool({ timeBudgetMs: 300, maxThreads: 1 });
    try {
      expect((await fresh.read({ kind: 'agenda-item-text', text: 'Agenda item\n\nTITLE\n\nMinutes:\n\nText.' })).ok).toBe(true);
    } finally {
      await fresh.close();
    }
  });

  it('refuses a read that waits too long for a thread as unavailable, not as a bad page', async () => {
    const busy = createPageReaderPool({ timeBudgetMs: 5000, waitLimitMs: 1, maxThreads: 1 });
    try {
      const err = await expectDomainError(busy.read({ kind: 'agenda-item-text', text: 'x' }), 'unavailable');
      expect(err.message).toMatch(/busy/);
    } finally {
      await busy.close();
    }
  });

  it('is unavailable once closed', async () => {
    const closing = createPageReaderPool({ timeBudgetMs: 1000, maxThreads: 1 });
    await closing.close();
    await expectDomainError(closing.read({ kind: 'agenda-item-text', text: 'x' }), 'unavailable');
  });
});
