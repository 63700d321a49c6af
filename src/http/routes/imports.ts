import { DomainError } from '../../domain/errors';
import { importPage, importResponseBody } from '../../services/import-page';
import { unsupportedMediaType } from '../problem';
import { booleanQuery } from '../request-values';
import type { ApiRoute } from '../server';
import type { RouteDeps } from './route-deps';

/**
 * POST /api/v1/imports: a ModernGov page as the body (text/plain, text/html or application/xml); ?committeeId= places
 * a GetMeeting answer, which names no committee.
 * 201 with what was stored and the warnings; with ?dryRun=true, 200 and nothing stored. A page naming a committee the
 * bot does not know is shown on a dry run with a warning, and stored with ?createCommittee=true (which creates it).
 */
export const importRoutes = ({ store, search, notifications, pages, config }: RouteDeps): ApiRoute[] => [
  {
    method: 'post',
    path: '/api/v1/imports',
    role: 'Officer',
    handle: async ({ query, contentType, rawBody, principal }) => {
      const dryRun = booleanQuery(query.get('dryRun'), 'dryRun');
      const createCommittee = booleanQuery(query.get('createCommittee'), 'createCommittee');
      const body = await rawBody();
      try {
        const result = await importPage(
          {
            body,
            contentType,
            meetingId: query.get('meetingId') ?? undefined,
            committeeId: query.get('committeeId') ?? undefined,
            sourceUrl: query.get('sourceUrl') ?? undefined,
            dryRun,
            createCommittee,
            defaultCallInWorkingDays: config.callInWorkingDays,
            importedBy: principal.id,
            now: new Date(),
          },
          { store, pages, notifications },
        );
        if (!dryRun) {
          result.agendaItems.forEach((item) => search.upsertItem(item, result.meeting ?? undefined));
          if (result.decision) search.upsertDecision(result.decision);
          result.councilLinked.forEach((decision) => search.upsertDecision(decision));
        }
        return { status: dryRun ? 200 : 201, body: importResponseBody(result) };
      } catch (err) {
        // The use case names an unsupported content type as such; HTTP has a status of its own for it.
        if (err instanceof DomainError && err.details && 'contentType' in err.details) throw unsupportedMediaType(err.message);
        throw err;
      }
    },
  },
];
