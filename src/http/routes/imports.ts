import { z } from 'zod';
import { Id, Outcome } from '../../domain';
import { DomainError } from '../../domain/errors';
import { ImportWarning } from '../../import/import-warning';
import { ImportPageInput, importPage, importResponseBody } from '../../services/import-page';
import { AgendaItemAnswer, DecisionAnswer, MeetingAnswer, NotificationAnswer } from '../answers';
import { JSON_TYPE } from '../contract';
import { unsupportedMediaType } from '../problem';
import { booleanQuery } from '../request-values';
import type { ApiRoute } from '../server';
import type { RouteDeps } from './route-deps';

/** The page as published: its text, HTML or XML. */
const PageBody = z.string().min(1);

const TrueOrFalse = z.enum(['true', 'false']);
/** The query the handler reads; where the use case validates a value, its own schema from ImportPageInput. */
export const ImportQuery = z.object({
  dryRun: TrueOrFalse.optional().openapi({ description: 'Check the page and show what would be stored, storing nothing.' }),
  createCommittee: TrueOrFalse.optional().openapi({ description: 'Create the committee the page names when the bot does not know it.' }),
  meetingId: ImportPageInput.shape.meetingId,
  committeeId: ImportPageInput.shape.committeeId,
  sourceUrl: ImportPageInput.shape.sourceUrl,
}).strict();

/** services/import-page.ts `importResponseBody`. */
export const ImportAnswer = z
  .object({
    // A union with null, not .nullable(): zod-to-openapi 7 would make the shared component itself nullable, and every
    // other use of it (a meetings list) an allOf with an empty object that the generated client types cannot satisfy.
    agendaItem: z.union([AgendaItemAnswer, z.null()]),
    decision: z.union([DecisionAnswer, z.null()]),
    warnings: z.array(ImportWarning.openapi('ImportWarning')),
    /** A GetMeeting answer's meeting and items. */
    meeting: z.union([MeetingAnswer, z.null()]).optional(),
    agendaItems: z.array(AgendaItemAnswer).optional(),
    /** Cabinet decisions whose recommendations this Full Council decision decided. */
    councilLinked: z.array(z.object({ id: Id, title: z.string(), committeeId: Id, outcomes: z.array(Outcome) }).strict()).optional(),
    /** A real import's notifications (services/notifications/plan-after-import.ts). */
    notifications: z
      .object({
        planned: z.array(z.object({ id: Id, kind: NotificationAnswer.shape.kind, status: NotificationAnswer.shape.status, sendAt: z.string() }).strict()),
        problem: z.string().optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .openapi('ImportResult');

const EXAMPLE_SOURCE = 'https://democracy.example.gov.uk/mgAi.aspx?ID=9101';
const EXAMPLE_PAGE = [
  'Agenda item 8', '', 'PARKS AND OPEN SPACES STRATEGY', '',
  'Decision:', '', 'Cabinet', '', '1) APPROVED the Parks and Open Spaces Strategy 2027-30.',
].join('\n');

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
    contract: {
      summary: 'Import a ModernGov page',
      description:
        'The body is the page: an agenda-item page as text (text/plain), a decision-details page (text/html) or a GetMeeting answer (application/xml). '
        + 'A dry run (dryRun=true) stores nothing and answers 200; a real import answers 201 with what was stored and the notifications it planned. '
        + 'A page naming a committee the bot does not know is shown on a dry run with a warning, and stored with createCommittee=true.',
      tag: 'Imports',
      query: ImportQuery,
      body: { content: { 'text/plain': PageBody, 'text/html': PageBody, 'application/xml': PageBody } },
      responses: {
        200: { description: 'A dry run: what the import would store, and the warnings.', content: { [JSON_TYPE]: ImportAnswer } },
        201: { description: 'Imported: what was stored, the warnings and the notifications planned.', content: { [JSON_TYPE]: ImportAnswer } },
      },
      refusals: [400, 404, 409, 413, 415, 422, 503],
      examples: [
        { name: 'dryRun', summary: 'Check an agenda-item page without storing it', query: { dryRun: 'true' }, body: { contentType: 'text/plain', value: EXAMPLE_PAGE }, status: 200 },
        { name: 'import', summary: 'Import an agenda-item page with its decision', query: { sourceUrl: EXAMPLE_SOURCE }, body: { contentType: 'text/plain', value: EXAMPLE_PAGE }, status: 201 },
        { name: 'notAPage', summary: 'A body that is not a ModernGov page', query: { dryRun: 'true' }, body: { contentType: 'text/plain', value: 'Shopping list: milk, bread.' }, status: 422 },
        { name: 'wrongType', summary: 'A body in a media type the importer does not read', query: { dryRun: 'true' }, body: { contentType: 'application/pdf', value: '%PDF-1.7' }, status: 415 },
      ],
    },
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
