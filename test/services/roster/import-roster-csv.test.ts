import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importRosterCsv } from '../../../src/services/roster/import-roster-csv';
import { openRosterTestStore, type RosterTestStore } from './roster-test-store';

const fixture = (name: string) => readFileSync(path.join(__dirname, '../../fixtures/roster', name), 'utf8');
const HEADER = 'id,name,role,title,email,aadObjectId,committees';
const JOE_AAD = '00000000-0000-4000-8000-000000000001';
/** Who applies the change: the audit log records it. */
const OPERATOR = { actor: { id: 'cli:tester', via: 'cli' } } as const;

describe('importRosterCsv', () => {
  let t: RosterTestStore;
  beforeEach(async () => {
    t = await openRosterTestStore();
  });
  afterEach(() => t.close());

  it('creates every member of a good file, with quoted values, seats and defaults as written', async () => {
    const report = await importRosterCsv(fixture('roster.csv'), t.store, { by: OPERATOR });
    expect(report).toEqual({
      ok: true, dryRun: false, rows: 5, created: 5, updated: 0, unchanged: 0,
      members: [
        { line: 2, id: 'cllr-joe-orson', outcome: 'created' },
        { line: 3, id: 'cllr-alan-pearson', outcome: 'created' },
        { line: 4, id: 'cllr-sian-oneill', outcome: 'created' },
        { line: 5, id: 'andrew-cotton', outcome: 'created' },
        { line: 6, id: 'sarah-morgan', outcome: 'created' },
      ],
    });
    expect((await t.store.members.get('cllr-alan-pearson'))?.value).toEqual({
      id: 'cllr-alan-pearson', name: 'Cllr Alan Pearson', role: 'councillor',
      title: 'Portfolio Holder for Housing and Communities, and Deputy Leader', email: 'alan.pearson@demo-council.gov.uk',
      committees: [{ committeeId: 'cabinet', seat: 'Portfolio Holder for Housing and Communities' }, { committeeId: 'full-council', seat: 'Member' }],
    });
    expect((await t.store.members.get('cllr-sian-oneill'))?.value).toEqual({
      id: 'cllr-sian-oneill', name: 'O\'Neill, Siân "Sia"', role: 'councillor', title: 'Chair of Scrutiny Committee',
      email: 'Sian.ONeill@demo-council.gov.uk',
      committees: [{ committeeId: 'scrutiny', seat: 'Chair' }, { committeeId: 'full-council', seat: 'Member' }],
    });
    expect((await t.store.members.get('andrew-cotton'))?.value.committees).toEqual([]);
    expect((await t.store.members.findByAadObjectId(JOE_AAD))?.value.id).toBe('cllr-joe-orson');
    expect((await t.store.members.listByCommittee('cabinet')).map((m) => m.id).sort()).toEqual(['cllr-alan-pearson', 'cllr-joe-orson']);
  });

  it('counts a second import of the same file as all unchanged, and an edited file as created, updated and unchanged', async () => {
    await importRosterCsv(fixture('roster.csv'), t.store, { by: OPERATOR });
    const before = await t.store.members.get('andrew-cotton');
    const again = await importRosterCsv(fixture('roster.csv'), t.store, { by: OPERATOR });
    expect(again).toMatchObject({ ok: true, rows: 5, created: 0, updated: 0, unchanged: 5 });
    // Unchanged rows are not rewritten: the etag stays.
    expect((await t.store.members.get('andrew-cotton'))?.etag).toBe(before?.etag);

    const edited = [
      HEADER,
      // committees in another order is the same membership
      `cllr-joe-orson,Cllr Joe Orson,councillor,Leader of the Council,joe.orson@demo-council.gov.uk,${JOE_AAD},full-council:Member;cabinet:Leader`,
      'andrew-cotton,Andrew Cotton,officer,Chief Executive,andrew.cotton@demo-council.gov.uk,,',
      'cllr-new,Cllr New Member,councillor,,new.member@demo-council.gov.uk,,full-council',
    ].join('\n');
    const report = await importRosterCsv(edited, t.store, { by: OPERATOR });
    expect(report).toEqual({
      ok: true, dryRun: false, rows: 3, created: 1, updated: 1, unchanged: 1,
      members: [
        { line: 2, id: 'cllr-joe-orson', outcome: 'unchanged' },
        { line: 3, id: 'andrew-cotton', outcome: 'updated' },
        { line: 4, id: 'cllr-new', outcome: 'created' },
      ],
    });
    expect((await t.store.members.get('andrew-cotton'))?.value.title).toBe('Chief Executive');
    // Members not in the file are kept: the import never deletes.
    expect(await t.store.members.list()).toHaveLength(6);
  });

  it('sets an end date from the endsOn column, erasing chats when it has come, and never clears one from a file without it', async () => {
    const withDates = `${HEADER},endsOn\ncllr-a,Cllr A,councillor,,,,cabinet:Member,2026-05-07\ncllr-b,Cllr B,councillor,,,,cabinet:Member,\n`;
    await t.store.conversations.upsert({ id: 'a:1personal-a', kind: 'personal', memberId: 'cllr-a', reference: {}, reachable: true, updatedAt: '2026-01-01T00:00:00.000Z' });
    expect(await importRosterCsv(withDates, t.store, { by: OPERATOR })).toMatchObject({ ok: true, created: 2 });
    expect((await t.store.members.get('cllr-a'))?.value.endsOn).toBe('2026-05-07');
    expect((await t.store.members.get('cllr-b'))?.value.endsOn).toBeUndefined();
    expect(await t.store.conversations.get('a:1personal-a')).toBeUndefined();

    const oldFile = `${HEADER}\ncllr-a,Cllr A,councillor,,,,cabinet:Member\n`;
    expect(await importRosterCsv(oldFile, t.store, { by: OPERATOR })).toMatchObject({ ok: true, unchanged: 1 });
    expect((await t.store.members.get('cllr-a'))?.value.endsOn).toBe('2026-05-07');

    const badDate = await importRosterCsv(`${HEADER},endsOn\ncllr-c,Cllr C,councillor,,,,,7 May 2026\n`, t.store, { by: OPERATOR });
    expect(badDate).toMatchObject({ ok: false, problems: [expect.objectContaining({ line: 2, field: 'endsOn' })] });
  });

  it('writes nothing on a dry run but reports what would happen', async () => {
    const report = await importRosterCsv(fixture('roster.csv'), t.store, { dryRun: true, by: OPERATOR });
    expect(report).toMatchObject({ ok: true, dryRun: true, rows: 5, created: 5, updated: 0, unchanged: 0 });
    expect(await t.store.members.list()).toEqual([]);
  });

  it('lists every problem of a bad file by line and writes nothing, not even the good rows', async () => {
    const report = await importRosterCsv(fixture('roster-with-problems.csv'), t.store, { by: OPERATOR });
    expect(report).toEqual({
      ok: false, dryRun: false, rows: 6,
      problems: [
        { line: 3, field: 'role', message: "Invalid enum value. Expected 'councillor' | 'officer' | 'admin', received 'mayor'" },
        { line: 4, field: 'committees', message: 'committee "planning" does not exist (known committees: cabinet, full-council, scrutiny)' },
        { line: 5, field: 'id', message: 'member cllr-joe-orson is also on line 2; give each member one row' },
        { line: 6, field: 'name', message: 'is required' },
        { line: 7, field: 'email', message: 'JOE.ORSON@demo-council.gov.uk is also the email of member cllr-joe-orson (Cllr Joe Orson), on line 2; each Teams identity belongs to one member' },
      ],
    });
    expect(await t.store.members.list()).toEqual([]);
  });

  it('reports a broken quote with its line and writes nothing', async () => {
    const text = `${HEADER}\ncllr-a,Cllr A,councillor,,,,\ncllr-b,"Cllr B,councillor,,,,\ncllr-c,Cllr C,councillor,,,,\n`;
    const report = await importRosterCsv(text, t.store, { by: OPERATOR });
    expect(report).toEqual({
      ok: false, dryRun: false, rows: 0,
      problems: [{ line: 3, message: 'the file cannot be read as CSV: a quoted value is never closed; check for a missing closing "; nothing after this point could be checked' }],
    });
    expect(await t.store.members.list()).toEqual([]);
  });

  it('refuses an identity already held by a stored member the file does not mention', async () => {
    await t.store.members.create({ id: 'sarah-morgan', name: 'Sarah Morgan', role: 'admin', email: 'sarah.morgan@demo-council.gov.uk', committees: [] });
    const report = await importRosterCsv(`${HEADER}\nsmorgan,S Morgan,officer,,Sarah.Morgan@demo-council.gov.uk,,\n`, t.store, { by: OPERATOR });
    expect(report).toEqual({
      ok: false, dryRun: false, rows: 1,
      problems: [{ line: 2, field: 'email', message: 'Sarah.Morgan@demo-council.gov.uk is also the email of member sarah-morgan (Sarah Morgan), already on the roster; each Teams identity belongs to one member' }],
    });
    expect(await t.store.members.get('smorgan')).toBeUndefined();
  });

  it('allows an email to move from one member to another within the same file', async () => {
    await importRosterCsv(`${HEADER}\na,A,officer,,shared@demo-council.gov.uk,,\nb,B,officer,,,,\n`, t.store, { by: OPERATOR });
    const report = await importRosterCsv(`${HEADER}\na,A,officer,,a@demo-council.gov.uk,,\nb,B,officer,,shared@demo-council.gov.uk,,\n`, t.store, { by: OPERATOR });
    expect(report).toMatchObject({ ok: true, updated: 2 });
    expect((await t.store.members.findByEmail('shared@demo-council.gov.uk'))?.value.id).toBe('b');
  });

  it('keeps an Entra object id learned from Teams when the file leaves the cell empty, and replaces it when the file gives one', async () => {
    await importRosterCsv(`${HEADER}\na,A,councillor,,a@demo-council.gov.uk,,\n`, t.store, { by: OPERATOR });
    const stored = await t.store.members.get('a');
    await t.store.members.replace({ ...stored!.value, aadObjectId: JOE_AAD }, stored!.etag);

    expect(await importRosterCsv(`${HEADER}\na,A,councillor,,a@demo-council.gov.uk,,\n`, t.store, { by: OPERATOR })).toMatchObject({ ok: true, unchanged: 1 });
    expect((await t.store.members.get('a'))?.value.aadObjectId).toBe(JOE_AAD);

    const other = '11111111-2222-4333-8444-555555555555';
    expect(await importRosterCsv(`${HEADER}\na,A,councillor,,a@demo-council.gov.uk,${other},\n`, t.store, { by: OPERATOR })).toMatchObject({ ok: true, updated: 1 });
    expect((await t.store.members.get('a'))?.value.aadObjectId).toBe(other);
  });

  it('sets the ModernGov member id from the modernGovMemberId column, digits only; an empty cell keeps the one stored', async () => {
    const file = (id: string) => `${HEADER},modernGovMemberId\na,A,councillor,,a@demo-council.gov.uk,,,${id}\n`;
    expect(await importRosterCsv(file('192'), t.store, { by: OPERATOR })).toMatchObject({ ok: true, created: 1 });
    expect((await t.store.members.get('a'))?.value.modernGovMemberId).toBe('192');
    expect(await importRosterCsv(file(''), t.store, { by: OPERATOR })).toMatchObject({ ok: true, unchanged: 1 });
    expect((await t.store.members.get('a'))?.value.modernGovMemberId).toBe('192');
    expect(await importRosterCsv(file('207'), t.store, { by: OPERATOR })).toMatchObject({ ok: true, updated: 1 });
    expect((await t.store.members.get('a'))?.value.modernGovMemberId).toBe('207');
    const bad = await importRosterCsv(file('Cllr 207'), t.store, { by: OPERATOR });
    expect(bad).toMatchObject({ ok: false, problems: [expect.objectContaining({ line: 2, field: 'modernGovMemberId', message: expect.stringMatching(/digits/) })] });
    expect((await t.store.members.get('a'))?.value.modernGovMemberId).toBe('207');
  });

  it('keeps the ModernGov member id the officer API set when the file has no column for it', async () => {
    await importRosterCsv(`${HEADER}\na,A,councillor,,a@demo-council.gov.uk,,\n`, t.store, { by: OPERATOR });
    const stored = await t.store.members.get('a');
    await t.store.members.replace({ ...stored!.value, modernGovMemberId: '192' }, stored!.etag);
    expect(await importRosterCsv(`${HEADER}\na,A,councillor,Chair,a@demo-council.gov.uk,,\n`, t.store, { by: OPERATOR })).toMatchObject({ ok: true, updated: 1 });
    expect((await t.store.members.get('a'))?.value).toMatchObject({ title: 'Chair', modernGovMemberId: '192' });
  });
});
