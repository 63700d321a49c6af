import { z } from 'zod';
import { DomainError, Id, Instant, isWithdrawn, notFound, UnreachableReason } from '../../domain';
import { remindOutstanding, type ReminderPlan } from '../../services/conversation/remind-outstanding';
import { officerViewer } from '../../services/action-plans/officer-viewer';
import type { ExemptViews } from '../../services/audit/exempt-views';
import { plannedNotificationId } from '../../services/notifications/notification-ids';
import { notificationReport } from '../../services/notifications/notification-report';
import { badRequest } from '../problem';
import { IDEMPOTENCY_KEY, NotificationStatusAnswer, notificationLocation, statusBody } from './notifications';
import { agendaItemRecord } from '../../services/records/agenda-item-record';
import { londonToday } from '../../services/conversation/conversation-deps';
import { itemAcknowledgements, itemAcknowledgementsCsv } from '../../services/records/item-acknowledgements';
import { DEMO_IDS } from '../../services/demo/demo-council';
import { AgendaItemAnswer, DecisionViewAnswer, MeetingAnswer } from '../answers';
import { CSV_TYPE, IdParams, JSON_TYPE } from '../contract';
import { officerReader } from '../../services/records/record-reader';
import { apiAuditContext } from '../audit-context';
import { acceptsCsv, csvResult } from '../query-values';
import { httpEtag } from '../request-values';
import type { ApiRoute } from '../server';
import type { RouteDeps } from './route-deps';
import { ItemAcknowledgementsAnswer } from './meetings';

/** An item with its meeting and its decision (each outcome's status as of today), where there are. */
export const AgendaItemRecordAnswer = AgendaItemAnswer.extend({ meeting: MeetingAnswer.optional(), decision: DecisionViewAnswer.optional() }).openapi('AgendaItemRecord');

const ReminderItem = z.object({ id: Id, committeeId: Id, committeeName: z.string(), title: z.string() }).strict();
const Person = z.object({ memberId: Id, name: z.string() }).strict();

/** services/conversation/remind-outstanding.ts: the reminder queued, to whom, and who can be reached in Teams now. */
export const ReminderQueuedAnswer = z
  .object({
    item: ReminderItem,
    /** True when this answers a request made before under the same Idempotency-Key: nothing new was queued. */
    repeated: z.boolean(),
    /** Who has still to acknowledge the item now, with their seat on its committee. */
    outstanding: z.array(Person.extend({ seat: z.string().optional() }).strict()),
    /** Of those reminded: who has a chat with the bot, whom the bot will try to reach, and who cannot be reached (why, in words). */
    reach: z
      .object({ reachable: z.array(Person), toTry: z.array(Person), unreachable: z.array(Person.extend({ reason: UnreachableReason, why: z.string() }).strict()) })
      .strict(),
    /** When it goes: later than now during quiet hours. */
    sendsAt: Instant,
    notification: NotificationStatusAnswer,
  })
  .strict()
  .openapi('ReminderQueued');

/** Everyone who should read the item has acknowledged it: nothing queued. */
export const NobodyToRemindAnswer = z
  .object({ item: ReminderItem, outstanding: z.array(Person).max(0), detail: z.string() })
  .strict()
  .openapi('NobodyToRemind');

/** The API's caller is shown exempt business as an API read, in the audit log (the Teams use case records a Teams view). */
const apiViews = (views: ExemptViews, context: ReturnType<typeof apiAuditContext>): ExemptViews => ({
  shown: (_viewer, records) => views.read(context, records),
  read: views.read,
});

const reminderItem = (plan: ReminderPlan) => ({
  id: plan.details.item.id, committeeId: plan.details.item.committeeId, committeeName: plan.details.committee.name, title: plan.details.item.title,
});

const seatOn = (member: { committees: ReadonlyArray<{ committeeId: string; seat: string }> }, committeeId: string) =>
  member.committees.find((c) => c.committeeId === committeeId)?.seat;

/** Agenda items as the bot holds them: each with its meeting, its decision (statuses as of today) and their history. */
export const agendaItemRoutes = ({ store, notifications, views, search }: Pick<RouteDeps, 'store' | 'notifications' | 'views' | 'search'>): ApiRoute[] => [
  {
    method: 'get',
    path: '/api/v1/agenda-items/:id',
    role: 'Officer',
    contract: {
      summary: 'Read an agenda item with its decision and history',
      tag: 'Agenda items',
      params: IdParams,
      responses: { 200: { description: 'The item, its meeting and its decision.', content: { [JSON_TYPE]: AgendaItemRecordAnswer }, headers: ['ETag'] } },
      refusals: [404],
      examples: [
        { name: 'decided', summary: 'The Community Safety item and its decision', params: { id: DEMO_IDS.cspItem }, status: 200 },
        { name: 'unknown', summary: 'An item that does not exist', params: { id: 'item-none' }, status: 404 },
      ],
    },
    handle: async ({ params, principal, requestId }) => {
      const record = await agendaItemRecord(params.id ?? '', officerReader(views, apiAuditContext({ principal, requestId })), store, londonToday(notifications.now()));
      return {
        status: 200,
        body: { ...record.item, ...(record.meeting ? { meeting: record.meeting } : {}), ...(record.decision ? { decision: record.decision } : {}) },
        headers: { ETag: httpEtag(record.etag) },
      };
    },
  },
  {
    method: 'get',
    path: '/api/v1/agenda-items/:id/acknowledgements',
    role: 'Officer',
    contract: {
      summary: 'Who has read an agenda item',
      description: 'Who acknowledged it (role, seat, when, how) and who is outstanding; with Accept: text/csv, a spreadsheet (UTF-8 with BOM, cells a spreadsheet would run as a formula neutralised).',
      tag: 'Agenda items',
      params: IdParams,
      headers: ['Accept'],
      responses: {
        200: { description: 'The acknowledgement record.', content: { [JSON_TYPE]: ItemAcknowledgementsAnswer, [CSV_TYPE]: z.string() }, headers: ['Vary', 'Content-Disposition'] },
      },
      refusals: [404],
      examples: [
        { name: 'json', summary: 'The exempt land disposal item', params: { id: 'item-land-disposal' }, status: 200 },
        { name: 'csv', summary: 'The same as a spreadsheet', params: { id: 'item-land-disposal' }, headers: { Accept: CSV_TYPE }, status: 200 },
        { name: 'unknown', summary: 'An item that does not exist', params: { id: 'item-none' }, status: 404 },
      ],
    },
    handle: async ({ params, header, principal, requestId }) => {
      const record = await itemAcknowledgements(params.id ?? '', officerReader(views, apiAuditContext({ principal, requestId })), store);
      if (acceptsCsv(header('accept'))) return csvResult(itemAcknowledgementsCsv(record), `acknowledgements-${record.item.id}.csv`);
      return { status: 200, body: record, headers: { Vary: 'Accept' } };
    },
  },
  {
    method: 'post',
    path: '/api/v1/agenda-items/:id/reminders',
    role: 'Officer',
    contract: {
      summary: 'Remind those who have not acknowledged an agenda item',
      description:
        'The Teams "Remind" button\'s use case: the committee\'s councillors who have not acknowledged the item get its card in their personal chat, '
        + 'through the outbox (each once, within Teams\' limits, quiet hours kept). 202 with the reminder queued and who can be reached; 200 when everyone has '
        + 'acknowledged it. An Idempotency-Key makes a retried request the same reminder. No body.',
      tag: 'Agenda items',
      params: IdParams,
      headers: ['Idempotency-Key'],
      responses: {
        200: { description: 'Everyone has acknowledged it: nobody needs a reminder, nothing queued.', content: { [JSON_TYPE]: NobodyToRemindAnswer } },
        202: { description: 'Queued; sending in the background.', content: { [JSON_TYPE]: ReminderQueuedAnswer }, headers: ['Location'] },
      },
      refusals: [400, 404, 409, 422],
      examples: [
        { name: 'remind', summary: 'Remind Cabinet about the housing revenue account item', params: { id: 'item-hra-budget-monitoring' }, headers: { 'Idempotency-Key': 'example-remind' }, status: 202 },
        { name: 'sameKeyOtherItem', summary: 'The same key for another item', params: { id: 'item-safer-streets' }, headers: { 'Idempotency-Key': 'example-remind' }, status: 409 },
        { name: 'unknown', summary: 'An item that does not exist', params: { id: 'item-none' }, status: 404 },
      ],
    },
    handle: async (ctx) => {
      const key = ctx.header('idempotency-key');
      if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) throw badRequest('Idempotency-Key must be 1 to 100 letters, digits, dots, colons, dashes or underscores.');
      const found = (await store.agendaItems.findById(ctx.params.id ?? ''))?.value;
      if (!found) throw notFound('Agenda item', ctx.params.id ?? '');
      if (isWithdrawn(found)) {
        throw new DomainError('invalid', `"${found.title}" was withdrawn from its agenda: nobody is to read it, so nobody is reminded of it.`);
      }
      const by = apiAuditContext(ctx);
      const plan = await remindOutstanding(
        { committeeId: found.committeeId, agendaItemId: found.id },
        await officerViewer(ctx.principal, store),
        { store, search, now: notifications.now, views: apiViews(views, by), notifications },
        { by, ...(key !== undefined ? { id: plannedNotificationId(`api-remind|${ctx.principal.id}|${key}`) } : {}) },
      );
      if (!plan.notification) {
        return {
          status: 200,
          body: { item: reminderItem(plan), outstanding: [], detail: `Everyone on ${plan.details.committee.name} has acknowledged "${plan.details.item.title}": nobody needs a reminder.` },
        };
      }
      ctx.logger.info({ notificationId: plan.notification.id, outstanding: plan.outstanding.length, repeated: plan.repeated }, plan.repeated ? 'reminder repeated' : 'reminder queued');
      const person = (m: { id: string; name: string }) => ({ memberId: m.id, name: m.name });
      return {
        status: 202,
        body: {
          item: reminderItem(plan),
          repeated: plan.repeated,
          outstanding: plan.outstanding.map((m) => {
            const seat = seatOn(m, plan.details.item.committeeId);
            return { ...person(m), ...(seat !== undefined ? { seat } : {}) };
          }),
          reach: {
            reachable: plan.reach.reachable.map(person),
            toTry: plan.reach.toTry.map(person),
            unreachable: plan.reach.unreachable.map((u) => ({ ...person(u.member), reason: u.reason, why: u.why })),
          },
          sendsAt: (plan.sendsAt ?? new Date(plan.notification.sendAt)).toISOString(),
          notification: statusBody(await notificationReport(plan.notification.id, store)),
        },
        headers: { Location: notificationLocation(plan.notification.id) },
      };
    },
  },
];
