import { z } from 'zod';
import { DomainError, Id, Member } from '../../domain';
import { exportRosterCsv } from '../../services/roster/export-roster-csv';
import { apiAuditContext } from '../audit-context';
import { importRosterCsv } from '../../services/roster/import-roster-csv';
import { describeProblem, type RosterProblem } from '../../services/roster/roster-problem';
import { decodeRosterFile } from '../../services/roster/roster-text';
import { upsertMember } from '../../services/roster/upsert-member';
import { DEMO_IDS, DEMO_PEOPLE } from '../../services/demo/demo-council';
import { MemberAnswer } from '../answers';
import { CSV_TYPE, IdParams, JSON_TYPE } from '../contract';
import { HttpProblem, unsupportedMediaType } from '../problem';
import { acceptsCsv, csvResult, parseQuery } from '../query-values';
import { rosterReach } from '../../services/roster/roster-reach';
import { booleanQuery, httpEtag, ifMatchOf, putBodyFor, putResult } from '../request-values';
import type { ApiRoute } from '../server';
import type { RouteDeps } from './route-deps';

/**
 * The roster: members, their roles and committee seats. Officers manage it (the Officer app role is enough;
 * Admin implies it). Single members are written with ETag concurrency; the CSV import is all-or-nothing.
 */
export const memberRoutes = ({ store, notifications }: Pick<RouteDeps, 'store' | 'notifications'>): ApiRoute[] => [
  {
    method: 'get',
    path: '/api/v1/members',
    role: 'Officer',
    contract: {
      summary: 'List the roster',
      description:
        'As JSON, or with Accept: text/csv as the roster file that POST /api/v1/members/import (and `members import`) reads back unchanged. '
        + 'With reach=true (JSON), each member with `reach`: whether the bot can reach them in Teams now, and why not in words.',
      tag: 'Members',
      query: MembersQuery,
      headers: ['Accept'],
      responses: {
        200: { description: 'Every member, former members included.', content: { [JSON_TYPE]: MembersAnswer, [CSV_TYPE]: z.string() }, headers: ['Vary', 'Content-Disposition'] },
      },
      refusals: [400],
      examples: [
        { name: 'all', summary: 'The demo council\'s roster', status: 200 },
        { name: 'reach', summary: 'The roster, with who can be reached in Teams', query: { reach: 'true' }, status: 200 },
        { name: 'csv', summary: 'The roster as a file to edit and import back', headers: { Accept: CSV_TYPE }, status: 200 },
      ],
    },
    handle: async ({ header, query }) => {
      const { reach } = parseQuery(MembersQuery, query);
      const members = await store.members.list();
      if (acceptsCsv(header('accept'))) return csvResult(exportRosterCsv(members), 'roster.csv');
      if (reach !== 'true') return { status: 200, body: { members } satisfies z.input<typeof MembersAnswer>, headers: { Vary: 'Accept' } };
      const reaches = await rosterReach(members, store, notifications.now());
      return { status: 200, body: { members: members.map((m) => ({ ...m, reach: reaches.get(m.id) })) } satisfies z.input<typeof MembersAnswer>, headers: { Vary: 'Accept' } };
    },
  },
  {
    method: 'get',
    path: '/api/v1/members/:id',
    role: 'Officer',
    contract: {
      summary: 'Read a member',
      tag: 'Members',
      params: IdParams,
      responses: { 200: { description: 'The member.', content: { [JSON_TYPE]: MemberAnswer }, headers: ['ETag'] } },
      refusals: [404],
      examples: [
        { name: 'councillor', summary: 'Cllr Alan Pearson', params: { id: DEMO_PEOPLE.housing.id }, status: 200 },
        { name: 'unknown', summary: 'Someone not on the roster', params: { id: 'nobody' }, status: 404 },
      ],
    },
    handle: async ({ params }) => {
      const id = params.id ?? '';
      const found = await store.members.get(id);
      if (!found) throw new DomainError('not-found', `There is no member ${id} on the roster.`, { id });
      return { status: 200, body: found.value, headers: { ETag: httpEtag(found.etag) } };
    },
  },
  {
    method: 'put',
    path: '/api/v1/members/:id',
    role: 'Officer',
    contract: {
      summary: 'Create or replace a member',
      description:
        'The id is the path\'s (an id in the body must be the same). Committees must exist; a Teams identity (aadObjectId, email) must be the member\'s own. '
        + 'An end date (endsOn) makes them a former member from that day. With If-Match, a member changed since is refused (412).',
      tag: 'Members',
      params: IdParams,
      headers: ['If-Match'],
      body: { content: { [JSON_TYPE]: Member.partial({ id: true }) } },
      responses: {
        200: { description: 'Replaced.', content: { [JSON_TYPE]: MemberAnswer }, headers: ['ETag'] },
        201: { description: 'Created.', content: { [JSON_TYPE]: MemberAnswer }, headers: ['ETag', 'Location'] },
      },
      refusals: [400, 412, 415, 422],
      examples: [
        {
          name: 'create', summary: 'Add a councillor to Cabinet', params: { id: 'cllr-new-member' }, status: 201,
          body: { contentType: JSON_TYPE, value: { name: 'Cllr New Member', role: 'councillor', committees: [{ committeeId: DEMO_IDS.cabinet, seat: 'Member' }] } },
        },
        {
          name: 'unknownCommittee', summary: 'A seat on a committee the bot does not know', params: { id: 'cllr-new-member' }, status: 422,
          body: { contentType: JSON_TYPE, value: { name: 'Cllr New Member', role: 'councillor', committees: [{ committeeId: 'planning' }] } },
        },
        { name: 'notJson', summary: 'A body that is not JSON', params: { id: 'cllr-new-member' }, body: { contentType: 'text/plain', value: 'Cllr New Member' }, status: 415 },
      ],
    },
    handle: async (ctx) => {
      const { id, body } = await putBodyFor(ctx);
      const ifMatch = ifMatchOf(ctx);
      const result = await upsertMember({ member: body, ...(ifMatch !== undefined ? { ifMatch } : {}) }, store, apiAuditContext(ctx));
      ctx.logger.info({ memberId: id, created: result.created }, result.created ? 'roster member created' : 'roster member replaced');
      return putResult(result, result.member, `/api/v1/members/${encodeURIComponent(id)}`);
    },
  },
  {
    method: 'post',
    path: '/api/v1/members/import',
    role: 'Officer',
    contract: {
      summary: 'Import the roster spreadsheet',
      description:
        'The roster as CSV (UTF-8, a header row: id,name,role,title,email,aadObjectId,committees ...). All or nothing: a file with one bad row changes nothing '
        + 'and is refused (422) with every problem by line (`problems`, `problemCount`). Members missing from the file are left as they are.',
      tag: 'Members',
      query: RosterImportQuery,
      body: { content: { [CSV_TYPE]: z.string() } },
      responses: { 200: { description: 'Imported (or, with dryRun=true, checked): what changed, member by member.', content: { [JSON_TYPE]: RosterImportAnswer } } },
      refusals: [400, 413, 415, 422],
      examples: [
        { name: 'dryRun', summary: 'Check a roster file', query: { dryRun: 'true' }, body: { contentType: CSV_TYPE, value: EXAMPLE_ROSTER }, status: 200 },
        { name: 'badRole', summary: 'A row with a role the bot does not know', query: { dryRun: 'true' }, body: { contentType: CSV_TYPE, value: 'id,name,role\ncllr-x,Cllr X,mayor\n' }, status: 422 },
      ],
    },
    handle: async (ctx) => {
      const type = ctx.contentType.split(';')[0]?.trim().toLowerCase();
      if (type !== 'text/csv') throw unsupportedMediaType('Send the roster file as text/csv (Content-Type: text/csv), saved from the spreadsheet as "CSV UTF-8".');
      const dryRun = booleanQuery(ctx.query.get('dryRun'), 'dryRun');
      const text = decodeRosterFile(await ctx.rawBody());
      const report = await importRosterCsv(text, store, { dryRun, by: apiAuditContext(ctx) });
      if (!report.ok) {
        // A file of thousands of bad rows gets the first few hundred listed and the count, not a body of megabytes.
        const listed = report.problems.slice(0, MAX_LISTED_PROBLEMS);
        throw new HttpProblem({
          status: 422,
          title: 'Not valid',
          detail: importFailureDetail(report.problems),
          errors: listed.map((p) => ({ where: [p.line !== undefined ? `line ${p.line}` : 'file', p.field].filter(Boolean).join(', '), message: p.message })),
          problems: listed,
          problemCount: report.problems.length,
          ...(report.problems.length > listed.length ? { listedProblems: listed.length } : {}),
        });
      }
      ctx.logger.info({ dryRun, created: report.created, updated: report.updated, unchanged: report.unchanged }, dryRun ? 'roster import checked' : 'roster imported');
      return { status: 200, body: report };
    },
  },
];

/** services/roster/roster-reach.ts RosterReach. */
const RosterReachAnswer = z
  .object({ status: z.enum(['reachable', 'to-try', 'blocked', 'no-teams-account', 'left']), why: z.string() })
  .strict()
  .openapi('MemberReach');
export const MembersAnswer = z.object({ members: z.array(MemberAnswer.extend({ reach: RosterReachAnswer.optional() })) }).strict().openapi('Members');
const MembersQuery = z.object({ reach: z.enum(['true', 'false']).optional().openapi({ description: 'Say of each member whether the bot can reach them in Teams now.' }) }).strict();

const RosterImportQuery = z.object({ dryRun: z.enum(['true', 'false']).optional().openapi({ description: 'Check the file, writing nothing.' }) }).strict();

/** services/roster/import-roster-csv.ts, a file that could be imported. */
export const RosterImportAnswer = z
  .object({
    ok: z.literal(true),
    dryRun: z.boolean(),
    rows: z.number().int().min(0),
    created: z.number().int().min(0),
    updated: z.number().int().min(0),
    unchanged: z.number().int().min(0),
    members: z.array(z.object({ line: z.number().int().min(1), id: Id, outcome: z.enum(['created', 'updated', 'unchanged']) }).strict()),
  })
  .strict()
  .openapi('RosterImport');

const EXAMPLE_ROSTER = 'id,name,role,title,email,aadObjectId,committees\ncllr-new-member,Cllr New Member,councillor,,,,cabinet\n';

/** At most this many problems are listed in a refusal; `problemCount` says how many there were. */
const MAX_LISTED_PROBLEMS = 100;

/** A readable summary; `errors` and `problems` list the first MAX_LISTED_PROBLEMS, so the detail shows the first few. */
function importFailureDetail(problems: readonly RosterProblem[]): string {
  const shown = problems.slice(0, 5).map(describeProblem).join('; ');
  const more = problems.length > 5 ? `; and ${problems.length - 5} more` : '';
  return `The roster file has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was written. ${shown}${more}.`;
}

