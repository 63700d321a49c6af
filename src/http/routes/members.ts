import { apiAuditContext } from '../audit-context';
import { DomainError } from '../../domain';
import { importRosterCsv } from '../../services/roster/import-roster-csv';
import { describeProblem, type RosterProblem } from '../../services/roster/roster-problem';
import { decodeRosterFile } from '../../services/roster/roster-text';
import { upsertMember } from '../../services/roster/upsert-member';
import { HttpProblem, unsupportedMediaType } from '../problem';
import { booleanQuery, httpEtag, ifMatchOf, putBodyFor, putResult } from '../request-values';
import type { ApiRoute } from '../server';
import type { RouteDeps } from './route-deps';

/**
 * The roster: members, their roles and committee seats. Officers manage it (the Officer app role is enough;
 * Admin implies it). Single members are written with ETag concurrency; the CSV import is all-or-nothing.
 */
export const memberRoutes = ({ store }: Pick<RouteDeps, 'store'>): ApiRoute[] => [
  {
    method: 'get',
    path: '/api/v1/members',
    role: 'Officer',
    handle: async () => ({ status: 200, body: { members: await store.members.list() } }),
  },
  {
    method: 'get',
    path: '/api/v1/members/:id',
    role: 'Officer',
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

/** At most this many problems are listed in a refusal; `problemCount` says how many there were. */
const MAX_LISTED_PROBLEMS = 100;

/** A readable summary; `errors` and `problems` list the first MAX_LISTED_PROBLEMS, so the detail shows the first few. */
function importFailureDetail(problems: readonly RosterProblem[]): string {
  const shown = problems.slice(0, 5).map(describeProblem).join('; ');
  const more = problems.length > 5 ? `; and ${problems.length - 5} more` : '';
  return `The roster file has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was written. ${shown}${more}.`;
}

