import type { AgendaItem, Decision } from '../../src/domain';
import {
  agendaItem, cabinet, cabinetJuly, communitySafetyDecision, communitySafetyItem, decision, fullCouncil, meeting, scrutiny,
} from './council-fixtures';
import { anEtag, expectDomainError } from './expectations';
import type { CurrentStore } from './store.contract';

export const describeBusinessRecords = (current: CurrentStore): void => {
  describe('committees', () => {
    it('creates once: a second create answers the first record and writes nothing', async () => {
      const { store } = current();
      const first = await store.committees.create(cabinet);
      expect(first).toEqual({ created: true, record: { value: cabinet, etag: anEtag } });

      const second = await store.committees.create({ ...cabinet, name: 'The Cabinet' });
      expect(second).toEqual({ created: false, existing: { value: cabinet, etag: first.created ? first.record.etag : '' } });
      expect(await store.committees.get('cabinet')).toEqual({ value: cabinet, etag: second.created ? '' : second.existing.etag });
    });

    it('answers undefined for a committee that does not exist', async () => {
      expect(await current().store.committees.get('planning')).toBeUndefined();
    });

    it('replaces with the current ETag and gives a new one', async () => {
      const { store } = current();
      const created = await store.committees.create(scrutiny);
      if (!created.created) throw new Error('not created');
      const renamed = { ...scrutiny, name: 'Scrutiny Committee (Overview)' };
      const replaced = await store.committees.replace(renamed, created.record.etag);
      expect(replaced).toEqual({ value: renamed, etag: anEtag });
      expect(replaced.etag).not.toBe(created.record.etag);
      expect(await store.committees.get('scrutiny')).toEqual(replaced);
    });

    it('refuses a replace of a committee that was never created', async () => {
      const error = await expectDomainError(current().store.committees.replace(fullCouncil, 'some-etag'), 'not-found');
      expect(error.message).toBe('committee council was not found');
    });

    it('lists every committee by name', async () => {
      const { store } = current();
      for (const c of [scrutiny, cabinet, fullCouncil]) await store.committees.create(c);
      expect(await store.committees.list()).toEqual([cabinet, fullCouncil, scrutiny]);
    });

    it('refuses an invalid committee and stores nothing', async () => {
      const { store } = current();
      const bad = { ...cabinet, id: 'cabinet/2021', name: '' };
      const error = await expectDomainError(store.committees.create(bad), 'invalid');
      expect(error.message).toMatch(/^The committee is not valid: id: must be letters, digits/);
      expect(await store.committees.list()).toEqual([]);
    });
  });

  describe('meetings', () => {
    const july = cabinetJuly;
    // Written with a +01:00 offset: as a string it would sort after 17:30Z, as an instant it is 16:30Z.
    const september = meeting({ id: 'cabinet-2021-09-08', startsAt: '2021-09-08T17:30:00+01:00' });
    const septemberLate = meeting({ id: 'cabinet-2021-09-08-extra', startsAt: '2021-09-08T17:00:00.000Z', status: 'cancelled' });
    const october = meeting({ id: 'cabinet-2021-10-13', startsAt: '2021-10-13T17:00:00.000Z' });
    const councilJuly = meeting({ id: 'council-2021-07-22', committeeId: 'council', startsAt: '2021-07-22T18:00:00.000Z' });

    it('creates, reads and replaces a meeting in its committee', async () => {
      const { store } = current();
      const created = await store.meetings.create(july);
      expect(created).toEqual({ created: true, record: { value: july, etag: anEtag } });
      expect(await store.meetings.get('cabinet', july.id)).toEqual({ value: july, etag: anEtag });
      expect(await store.meetings.get('council', july.id)).toBeUndefined();
      expect(await store.meetings.findById(july.id)).toEqual({ value: july, etag: anEtag });
      expect(await store.meetings.findById('meeting-none')).toBeUndefined();

      const again = await store.meetings.create({ ...july, venue: 'Elsewhere' });
      expect(again).toEqual({ created: false, existing: { value: july, etag: anEtag } });

      const held = { ...july, status: 'held' as const };
      const replaced = await store.meetings.replace(held, created.created ? created.record.etag : '');
      expect((await store.meetings.get('cabinet', july.id))?.value).toEqual(held);
      expect(replaced.value).toEqual(held);
    });

    it('lists upcoming meetings of one committee from an instant, soonest first, up to the limit', async () => {
      const { store } = current();
      for (const m of [october, july, septemberLate, councilJuly, september]) await store.meetings.create(m);
      const from = new Date('2021-09-08T16:30:00.000Z'); // exactly when `september` starts: included
      expect(await store.meetings.listUpcoming('cabinet', from, 10)).toEqual([september, septemberLate, october]);
      expect(await store.meetings.listUpcoming('cabinet', from, 2)).toEqual([september, septemberLate]);
      expect(await store.meetings.listUpcoming('cabinet', new Date('2021-10-14T00:00:00Z'), 5)).toEqual([]);
      expect(await store.meetings.listUpcoming('council', new Date('2021-01-01T00:00:00Z'), 5)).toEqual([councilJuly]);
      await expectDomainError(store.meetings.listUpcoming('cabinet', from, 0), 'invalid');
    });

    it('lists every meeting of a committee in time order', async () => {
      const { store } = current();
      for (const m of [october, july, septemberLate, councilJuly, september]) await store.meetings.create(m);
      expect(await store.meetings.listByCommittee('cabinet')).toEqual([july, september, septemberLate, october]);
    });

    it('lists every meeting of every committee with its ETag (the meeting mirror\'s load)', async () => {
      const { store } = current();
      expect(await store.meetings.listVersioned()).toEqual([]);
      for (const m of [october, july, septemberLate, councilJuly, september]) await store.meetings.create(m);
      const listed = await store.meetings.listVersioned();
      const byId = (x: { value: { id: string } } | undefined, y: { value: { id: string } } | undefined) => ((x?.value.id ?? '') < (y?.value.id ?? '') ? -1 : 1);
      const expected = await Promise.all([october, july, septemberLate, councilJuly, september].map((m) => store.meetings.get(m.committeeId, m.id)));
      expect(expected.every((m) => m?.etag !== undefined)).toBe(true);
      expect([...listed].sort(byId)).toEqual([...expected].sort(byId));
    });

    it('pages meetings soonest first, each exactly once, of one committee or all, within from and to', async () => {
      const { store } = current();
      for (const m of [october, july, septemberLate, councilJuly, september]) await store.meetings.create(m);
      const everyPage = async (filter: Parameters<typeof store.meetings.listPage>[0]) => {
        const seen: string[] = [];
        let continuation: string | undefined;
        let pages = 0;
        do {
          const page = await store.meetings.listPage(filter, continuation, 2);
          expect(page.items.length).toBeLessThanOrEqual(2);
          seen.push(...page.items.map((m) => m.id));
          continuation = page.continuation;
          pages++;
        } while (continuation !== undefined && pages < 20);
        return seen;
      };
      expect(await everyPage({})).toEqual([july.id, councilJuly.id, september.id, septemberLate.id, october.id]);
      expect(await everyPage({ committeeId: 'cabinet' })).toEqual([july.id, september.id, septemberLate.id, october.id]);
      // from is inclusive, to exclusive: september starts at exactly 16:30Z, october is after the end.
      expect(await everyPage({ from: new Date('2021-09-08T16:30:00.000Z'), to: new Date('2021-10-13T17:00:00.000Z') })).toEqual([september.id, septemberLate.id]);
      expect(await everyPage({ committeeId: 'council', from: new Date('2021-08-01T00:00:00Z') })).toEqual([]);
      await expectDomainError(store.meetings.listPage({}, undefined, 0), 'invalid');
      await expectDomainError(store.meetings.listPage({ from: new Date('nonsense') }), 'invalid');
    });
  });

  describe('agenda items', () => {
    const item = communitySafetyItem;
    const leisure = agendaItem({ id: 'ai-leisure', number: '10', title: 'Leisure Centre Contract', titleAsPublished: 'LEISURE CENTRE CONTRACT' });
    const minutes = agendaItem({ id: 'ai-minutes', number: '2', title: 'Minutes', titleAsPublished: 'MINUTES', forDecision: false });
    const housing = agendaItem({
      id: 'ai-housing-allocations',
      number: '5a',
      title: 'Housing Allocations Policy',
      titleAsPublished: 'HOUSING ALLOCATIONS POLICY',
      exempt: true,
      exemptReason: 'Paragraph 3, Schedule 12A, Local Government Act 1972',
    });
    const otherMeeting = agendaItem({ id: 'ai-budget', meetingId: 'cabinet-2021-09-08', number: '4', title: 'Budget Monitoring', titleAsPublished: 'BUDGET MONITORING' });
    const councilItem = agendaItem({
      id: 'ai-council-community-safety',
      committeeId: 'council',
      meetingId: 'council-2021-07-22',
      number: '7',
      source: { kind: 'moderngov-agenda-item', url: 'https://democracy.example.gov.uk/ieIssueDetails.aspx?IId=31600', externalId: '31600' },
    });

    it('creates once and reads by committee and id', async () => {
      const { store } = current();
      const created = await store.agendaItems.create(item);
      expect(created).toEqual({ created: true, record: { value: item, etag: anEtag } });
      const again = await store.agendaItems.create({ ...item, title: 'Changed' });
      expect(again).toEqual({ created: false, existing: { value: item, etag: created.created ? created.record.etag : '' } });
      expect(await store.agendaItems.get('cabinet', item.id)).toEqual({ value: item, etag: anEtag });
      expect(await store.agendaItems.get('council', item.id)).toBeUndefined();
    });

    it('finds an item by id alone, whatever its committee', async () => {
      const { store } = current();
      await store.agendaItems.create(item);
      await store.agendaItems.create(councilItem);
      expect(await store.agendaItems.findById(councilItem.id)).toEqual({ value: councilItem, etag: anEtag });
      expect(await store.agendaItems.findById(item.id)).toEqual({ value: item, etag: anEtag });
      expect(await store.agendaItems.findById('ai-unknown')).toBeUndefined();
    });

    it('lists a meeting agenda in agenda order (2, 5, 5a, 10)', async () => {
      const { store } = current();
      for (const i of [leisure, item, otherMeeting, housing, minutes, councilItem]) await store.agendaItems.create(i);
      expect(await store.agendaItems.listByMeeting('cabinet', cabinetJuly.id)).toEqual([minutes, item, housing, leisure]);
      expect(await store.agendaItems.listByMeeting('cabinet', 'cabinet-2021-09-08')).toEqual([otherMeeting]);
      expect(await store.agendaItems.listByMeeting('council', cabinetJuly.id)).toEqual([]);
    });

    it('finds the item imported from a source, by url or by ModernGov id', async () => {
      const { store } = current();
      for (const i of [leisure, item, councilItem]) await store.agendaItems.create(i);
      const byUrl = await store.agendaItems.findBySource({ url: 'https://democracy.example.gov.uk/ieIssueDetails.aspx?IId=31542' });
      expect(byUrl).toEqual({ value: item, etag: anEtag });
      expect(await store.agendaItems.findBySource({ externalId: '31600' })).toEqual({ value: councilItem, etag: anEtag });
      expect(await store.agendaItems.findBySource({ url: 'https://elsewhere.example/x', externalId: '31542' })).toEqual({ value: item, etag: anEtag });
      // ModernGov's id is the stable key: it wins over a URL that matches another item.
      expect(await store.agendaItems.findBySource({ url: item.source?.url ?? '', externalId: '31600' })).toEqual({ value: councilItem, etag: anEtag });
      expect(await store.agendaItems.findBySource({ url: item.source?.url ?? '', externalId: '99999' })).toEqual({ value: item, etag: anEtag });
      expect(await store.agendaItems.findBySource({ url: 'https://democracy.example.gov.uk/ieIssueDetails.aspx?IId=1' })).toBeUndefined();
      await expectDomainError(store.agendaItems.findBySource({}), 'invalid');
    });

    it('keeps the first of two writers who read the same ETag; the second gets a conflict', async () => {
      const { store } = current();
      await store.agendaItems.create(item);
      const read = await store.agendaItems.get('cabinet', item.id);
      if (read === undefined) throw new Error('not stored');
      const officer = { ...read.value, summary: 'Revised summary from the officer.', updatedAt: '2021-07-07T08:00:00.000Z' };
      const importer = { ...read.value, summary: 'Summary from a re-import.', updatedAt: '2021-07-07T08:00:01.000Z' };

      const first = await store.agendaItems.replace(officer, read.etag);
      const error = await expectDomainError(store.agendaItems.replace(importer, read.etag), 'conflict');
      expect(error.message).toBe(`agenda item ${item.id} was changed by someone else; reload it and try again`);
      expect(await store.agendaItems.get('cabinet', item.id)).toEqual({ value: officer, etag: first.etag });
    });

    it('pages through every item with continuation tokens, each item exactly once', async () => {
      const { store } = current();
      const all = [item, leisure, minutes, housing, otherMeeting, councilItem];
      for (const i of all) await store.agendaItems.create(i);
      const seen: AgendaItem[] = [];
      let continuation: string | undefined;
      let pages = 0;
      do {
        const page = await store.agendaItems.listAll(continuation, 2);
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items);
        continuation = page.continuation;
        pages++;
      } while (continuation !== undefined && pages < 20);
      expect(pages).toBeGreaterThanOrEqual(3);
      expect(continuation).toBeUndefined();
      expect(seen.map((i) => i.id).sort()).toEqual(all.map((i) => i.id).sort());
      expect(seen).toEqual(expect.arrayContaining(all));

      const everything = await store.agendaItems.listAll();
      expect(everything.continuation).toBeUndefined();
      expect(everything.items).toHaveLength(all.length);
      await expectDomainError(store.agendaItems.listAll(undefined, 0), 'invalid');
    });
  });

  describe('decisions', () => {
    const d = communitySafetyDecision;
    const leisureDecision = decision({ id: 'dec-leisure', agendaItemId: 'ai-leisure', title: 'Leisure Centre Contract', type: 'key', subjectToCallIn: true, decidedOn: '2021-09-08', publishedOn: '2021-09-10' });
    const councilDecision = decision({
      id: 'dec-council-community-safety',
      committeeId: 'council',
      agendaItemId: 'ai-council-community-safety',
      decisionMaker: 'Council',
      decidedOn: '2021-07-22',
      source: { kind: 'moderngov-decision', externalId: '2900' },
    });
    const undated = decision({ id: 'dec-undated', agendaItemId: 'ai-x', title: 'Delegated decision', decisionMaker: 'Director for Housing and Communities' });
    delete (undated as Partial<Decision>).decidedOn;

    it('creates once, reads, replaces and finds by id alone', async () => {
      const { store } = current();
      const created = await store.decisions.create(d);
      expect(created).toEqual({ created: true, record: { value: d, etag: anEtag } });
      expect(await store.decisions.create({ ...d, title: 'x' })).toEqual({ created: false, existing: { value: d, etag: anEtag } });
      expect(await store.decisions.get('cabinet', d.id)).toEqual({ value: d, etag: anEtag });
      await store.decisions.create(councilDecision);
      expect(await store.decisions.findById(councilDecision.id)).toEqual({ value: councilDecision, etag: anEtag });
      expect(await store.decisions.findById('dec-none')).toBeUndefined();

      const approved = {
        ...d,
        outcomes: d.outcomes.map((o) => (o.number === 2 ? { ...o, status: 'approved-by-council' as const, councilDecisionId: councilDecision.id } : o)),
      };
      const replaced = await store.decisions.replace(approved, created.created ? created.record.etag : '');
      expect(await store.decisions.get('cabinet', d.id)).toEqual(replaced);
      await expectDomainError(store.decisions.replace(d, created.created ? created.record.etag : ''), 'conflict');
    });

    it('finds the decision on an agenda item, and by source', async () => {
      const { store } = current();
      for (const x of [d, leisureDecision, councilDecision]) await store.decisions.create(x);
      expect(await store.decisions.findByAgendaItem('cabinet', communitySafetyItem.id)).toEqual({ value: d, etag: anEtag });
      expect(await store.decisions.findByAgendaItem('council', communitySafetyItem.id)).toBeUndefined();
      expect(await store.decisions.findBySource({ url: 'https://democracy.example.gov.uk/ieDecisionDetails.aspx?ID=2871' })).toEqual({ value: d, etag: anEtag });
      expect(await store.decisions.findBySource({ externalId: '2900' })).toEqual({ value: councilDecision, etag: anEtag });
      expect(await store.decisions.findBySource({ externalId: '9999' })).toBeUndefined();
    });

    it('lists decisions decided on or after a date, newest first, across committees', async () => {
      const { store } = current();
      for (const x of [d, leisureDecision, councilDecision, undated]) await store.decisions.create(x);
      expect(await store.decisions.listDecidedSince('2021-07-14')).toEqual([leisureDecision, councilDecision, d]);
      expect(await store.decisions.listDecidedSince('2021-07-15')).toEqual([leisureDecision, councilDecision]);
      expect(await store.decisions.listDecidedSince('2022-01-01')).toEqual([]);
      await expectDomainError(store.decisions.listDecidedSince('14/07/2021'), 'invalid');
    });

    it('pages through every decision', async () => {
      const { store } = current();
      const all = [d, leisureDecision, councilDecision, undated];
      for (const x of all) await store.decisions.create(x);
      const first = await store.decisions.listAll(undefined, 3);
      expect(first.continuation).toEqual(expect.any(String));
      const second = await store.decisions.listAll(first.continuation, 3);
      const rest = second.continuation === undefined ? [] : (await store.decisions.listAll(second.continuation, 3)).items;
      expect([...first.items, ...second.items, ...rest].map((x) => x.id).sort()).toEqual(all.map((x) => x.id).sort());
    });

    it('pages decisions by id, of one committee or all, decided on or after a date', async () => {
      const { store } = current();
      for (const x of [d, leisureDecision, councilDecision, undated]) await store.decisions.create(x);
      const everyPage = async (filter: Parameters<typeof store.decisions.listPage>[0]) => {
        const seen: string[] = [];
        let continuation: string | undefined;
        let pages = 0;
        do {
          const page = await store.decisions.listPage(filter, continuation, 1);
          expect(page.items.length).toBeLessThanOrEqual(1);
          seen.push(...page.items.map((x) => x.id));
          continuation = page.continuation;
          pages++;
        } while (continuation !== undefined && pages < 20);
        return seen;
      };
      const byId = (xs: Decision[]) => xs.map((x) => x.id).sort();
      expect(await everyPage({})).toEqual(byId([d, leisureDecision, councilDecision, undated]));
      expect(await everyPage({ committeeId: 'cabinet' })).toEqual(byId([d, leisureDecision, undated]));
      expect(await everyPage({ since: '2021-07-15' })).toEqual(byId([leisureDecision, councilDecision]));
      expect(await everyPage({ committeeId: 'council', since: '2021-07-15' })).toEqual([councilDecision.id]);
      await expectDomainError(store.decisions.listPage({ since: '15/07/2021' }), 'invalid');
    });
  });
};
