import { apiAuditContext } from '../audit-context';
import { z } from 'zod';
import { DeliveryStatus, DomainError, Id, Instant, MemberRole, NotificationKind, NotificationStatus, UnreachableReason } from '../../domain';
import { listDeliveries } from '../../services/notifications/list-deliveries';
import { Paging, pageBody, parseQuery } from '../query-values';
import { cancelNotification } from '../../services/notifications/cancel-notification';
import { listNotifications } from '../../services/notifications/list-notifications';
import { plannedNotificationId } from '../../services/notifications/notification-ids';
import { notificationReport, type NotificationReport } from '../../services/notifications/notification-report';
import { PushRequest, pushNotification } from '../../services/notifications/push-notification';
import { sendHeldNotification } from '../../services/notifications/send-held-notification';
import { previewNotification } from '../../services/notifications/preview-notification';
import { NotificationAnswer } from '../answers';
import { IdParams, JSON_TYPE } from '../contract';
import { badRequest } from '../problem';
import { booleanQuery } from '../request-values';
import type { ApiRoute } from '../server';
import type { RouteDeps } from './route-deps';

/** An Idempotency-Key makes a retried POST the same notification, never a second one. */
export const IDEMPOTENCY_KEY = /^[\w.:-]{1,100}$/;

export const notificationLocation = (id: string) => `/api/v1/notifications/${encodeURIComponent(id)}`;

/** What the API answers for a notification: its status, counts and who could not be reached (and every recipient when asked). */
export const statusBody = (report: NotificationReport) => ({
  id: report.notification.id,
  kind: report.notification.kind,
  status: report.notification.status,
  about: report.about,
  sendAt: report.notification.sendAt,
  urgent: report.notification.urgent,
  ...(report.notification.message ? { message: report.notification.message } : {}),
  createdBy: report.notification.createdBy,
  createdAt: report.notification.createdAt,
  ...(report.notification.completedAt ? { completedAt: report.notification.completedAt } : {}),
  ...(report.notification.cancelledAt ? { cancelledAt: report.notification.cancelledAt, cancelledBy: report.notification.cancelledBy } : {}),
  counts: report.counts,
  unreachable: report.unreachable,
  failed: report.failed,
  ...(report.recipients ? { recipients: report.recipients } : {}),
});

export const SendBody = z.object({ sendAt: Instant.optional(), urgent: z.boolean().optional() }).strict();

/** services/notifications/notification-report.ts RecipientState. */
const RecipientAnswer = z
  .object({
    key: Id,
    kind: z.enum(['member', 'channel']),
    memberId: Id.optional(),
    conversationId: z.string().optional(),
    name: z.string(),
    action: z.enum(['send', 'update']),
    status: z.enum(['pending', 'sending', 'sent', 'failed', 'blocked', 'unreachable', 'cancelled']),
    attempts: z.number().int().min(0),
    lastError: z.string().optional(),
    sentAt: Instant.optional(),
    unreachable: z.object({ reason: UnreachableReason, why: z.string(), advice: z.string(), detail: z.string().optional() }).strict().optional(),
  })
  .strict()
  .openapi('Recipient');

/** `statusBody`: a notification's status, what it is about, its counts and who could not be reached. */
const statusShape = {
  id: Id,
  kind: NotificationKind,
  status: NotificationStatus,
  about: z.object({ kind: z.enum(['item', 'meeting', 'decision', 'member', 'gone']), title: z.string(), committeeName: z.string().optional(), startsAt: Instant.optional() }).strict(),
  sendAt: Instant,
  urgent: z.boolean(),
  message: z.string().optional(),
  createdBy: z.string(),
  createdAt: Instant,
  completedAt: Instant.optional(),
  cancelledAt: Instant.optional(),
  cancelledBy: z.string().optional(),
  counts: z
    .object({
      total: z.number().int().min(0), pending: z.number().int().min(0), sent: z.number().int().min(0), failed: z.number().int().min(0),
      blocked: z.number().int().min(0), unreachable: z.number().int().min(0), cancelled: z.number().int().min(0), acknowledged: z.number().int().min(0),
    })
    .strict(),
  unreachable: z.array(RecipientAnswer),
  failed: z.array(RecipientAnswer),
  /** Every recipient, with ?recipients=true. */
  recipients: z.array(RecipientAnswer).optional(),
};
export const NotificationStatusAnswer = z.object(statusShape).strict().openapi('NotificationStatus');
// Its own object, not an extension of the strict one: a JSON Schema allOf of two closed objects admits nothing.
const CancelledAnswer = z.object({ ...statusShape, cancelledDeliveries: z.number().int().min(0) }).strict().openapi('NotificationCancelled');
const NotificationsAnswer = z.object({ notifications: z.array(NotificationAnswer), continuation: z.string().optional() }).strict().openapi('Notifications');
const ListQuery = z
  .object({
    ...Paging,
    committeeId: Id.optional().openapi({ description: 'Only this committee\'s notifications.' }),
    agendaItemId: Id.optional().openapi({ description: 'Only those about this agenda item (its card, reminders of it).' }),
    meetingId: Id.optional().openapi({ description: 'Only those about this meeting (its digest, its items, reminders, notices).' }),
  })
  .strict();
/** services/notifications/preview-notification.ts NotificationPreview. */
const PreviewAnswer = z
  .object({
    kind: z.enum(['agenda-item', 'meeting-digest']),
    recipients: z.object({ total: z.number().int().min(0), members: z.number().int().min(0), channels: z.number().int().min(0) }).strict(),
    sendAt: Instant.openapi({ description: 'When it was asked to go: now, or its schedule.' }),
    sendsAt: Instant.openapi({ description: 'When it would go: later than sendAt during quiet hours, unless urgent.' }),
    heldBy: z.enum(['nothing', 'schedule', 'quiet-hours']),
    audiences: z.array(
      z
        .object({
          audience: z.enum(['member', 'channel']),
          drawnFor: z.object({ memberId: Id.optional(), conversationId: z.string().optional(), name: z.string() }).strict(),
          text: z.string().optional().openapi({ description: 'The message\'s words (plain text), as Teams shows them in its notification and chat list.' }),
          cards: z.array(z.record(z.unknown()).openapi({ description: 'An Adaptive Card (JSON), as sent.' })),
        })
        .strict(),
    ),
  })
  .strict()
  .openapi('NotificationPreview');
const DeliveriesQuery = z.object({ ...Paging }).strict();

/** services/notifications/list-deliveries.ts DeliveryView. */
const DeliveryAnswer = z
  .object({
    key: Id,
    kind: z.enum(['member', 'channel']),
    memberId: Id.optional(),
    conversationId: z.string().optional(),
    name: z.string(),
    role: MemberRole.optional(),
    seat: z.string().optional(),
    status: DeliveryStatus,
    state: z.string().openapi({ description: 'Where it stands, in words: delivered, waiting to try again after 3 tries ..., cannot be reached: has not opened the bot.' }),
    attempts: z.number().int().min(0),
    at: Instant.openapi({ description: 'When it last changed.' }),
    sentAt: Instant.optional(),
    unreachable: z.object({ reason: UnreachableReason, why: z.string(), advice: z.string(), detail: z.string().optional() }).strict().optional(),
    lastError: z.string().optional(),
  })
  .strict()
  .openapi('Delivery');
const DeliveriesAnswer = z.object({ deliveries: z.array(DeliveryAnswer), continuation: z.string().optional() }).strict().openapi('Deliveries');
const RecipientsQuery = z.object({ recipients: z.enum(['true', 'false']).optional().openapi({ description: 'List every recipient too.' }) });

/** An example push, scheduled for tomorrow so that nothing goes before the cancel example; its id follows from the local officer and its key. */
const EXAMPLE_KEY = 'example-push';
const EXAMPLE_PUSH_ID = plannedNotificationId(`api|local-officer|${EXAMPLE_KEY}`);
const tomorrowMorning = (): string => `${new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)}T09:00:00Z`;

/**
 * Notifications (the outbox): officers push an agenda item or a meeting's digest to members' Teams chats, follow each
 * recipient's delivery, cancel what has not gone, and send what the bot held for them. Sending happens in the
 * background: a push answers 202 at once.
 */
export const notificationRoutes = ({ store, notifications, renderMessage }: Pick<RouteDeps, 'store' | 'notifications' | 'renderMessage'>): ApiRoute[] => [
  {
    method: 'post',
    path: '/api/v1/notifications/preview',
    role: 'Officer',
    contract: {
      summary: 'Preview a push: the card as it will appear, to how many, and when',
      description:
        'The same body as POST /api/v1/notifications, checked and refused the same way; nothing is stored or sent. Answers the words and the Adaptive Card JSON the outbox '
        + 'would send to each audience (members\' personal chats, drawn for one of them; team channels), the number of recipients, and when it would go '
        + '(held by its schedule or by quiet hours).',
      tag: 'Notifications',
      body: { content: { [JSON_TYPE]: PushRequest } },
      responses: { 200: { description: 'What the push would send; nothing stored.', content: { [JSON_TYPE]: PreviewAnswer } } },
      refusals: [400, 404, 415, 422],
      examples: [
        {
          name: 'item', summary: 'The Safer Streets item to Cabinet tomorrow morning', status: 200,
          body: { contentType: JSON_TYPE, value: { agendaItemId: 'item-safer-streets', sendAt: tomorrowMorning(), message: 'Please read before Thursday.' } },
        },
        { name: 'digest', summary: 'The next Cabinet\'s digest, now', body: { contentType: JSON_TYPE, value: { meetingId: 'cabinet-next' } }, status: 200 },
        { name: 'unknownItem', summary: 'An agenda item the bot does not hold', body: { contentType: JSON_TYPE, value: { agendaItemId: 'item-none' } }, status: 404 },
      ],
    },
    handle: async (ctx) => {
      const request = PushRequest.parse(await ctx.jsonBody());
      return { status: 200, body: await previewNotification(request, apiAuditContext(ctx), { ...notifications, render: renderMessage }) };
    },
  },
  {
    method: 'post',
    path: '/api/v1/notifications',
    role: 'Officer',
    contract: {
      summary: 'Push an agenda item or a meeting\'s digest',
      description:
        'To the committee\'s members (or the audience named), now or at sendAt. Sending happens in the background: the answer is 202 with the status at once. '
        + 'An Idempotency-Key makes a retried request the same notification, never a second one.',
      tag: 'Notifications',
      headers: ['Idempotency-Key'],
      body: { content: { [JSON_TYPE]: PushRequest } },
      responses: { 202: { description: 'Recorded; sending in the background.', content: { [JSON_TYPE]: NotificationStatusAnswer }, headers: ['Location'] } },
      refusals: [400, 404, 409, 415, 422],
      examples: [
        {
          name: 'schedule', summary: 'Send the Safer Streets item to Cabinet tomorrow morning', headers: { 'Idempotency-Key': EXAMPLE_KEY }, status: 202,
          body: { contentType: JSON_TYPE, value: { agendaItemId: 'item-safer-streets', sendAt: tomorrowMorning(), message: 'Please read before Thursday.' } },
        },
        { name: 'unknownItem', summary: 'An agenda item the bot does not hold', body: { contentType: JSON_TYPE, value: { agendaItemId: 'item-none' } }, status: 404 },
      ],
    },
    handle: async (ctx) => {
      const request = PushRequest.parse(await ctx.jsonBody());
      const key = ctx.header('idempotency-key');
      if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) throw badRequest('Idempotency-Key must be 1 to 100 letters, digits, dots, colons, dashes or underscores.');
      const { notification, created } = await pushNotification(request, apiAuditContext(ctx), notifications, {
        ...(key !== undefined ? { id: plannedNotificationId(`api|${ctx.principal.id}|${key}`) } : {}),
      });
      ctx.logger.info({ notificationId: notification.id, created, recipients: notification.recipientCount }, created ? 'notification pushed' : 'notification push repeated');
      const report = await notificationReport(notification.id, store);
      return { status: 202, body: statusBody(report), headers: { Location: notificationLocation(notification.id) } };
    },
  },
  {
    method: 'get',
    path: '/api/v1/notifications',
    role: 'Officer',
    contract: {
      summary: 'List notifications, newest first',
      tag: 'Notifications',
      query: ListQuery,
      responses: { 200: { description: 'A page of notifications; continuation when there are more.', content: { [JSON_TYPE]: NotificationsAnswer } } },
      refusals: [400],
      examples: [
        { name: 'recent', summary: 'The ten newest', query: { pageSize: '10' }, status: 200 },
        { name: 'aboutItem', summary: 'Those about the Safer Streets item', query: { agendaItemId: 'item-safer-streets' }, status: 200 },
        { name: 'badPageSize', summary: 'A page size out of range', query: { pageSize: '1000' }, status: 400 },
      ],
    },
    handle: async ({ query }) => {
      const { pageSize, continuation, committeeId, agendaItemId, meetingId } = parseQuery(ListQuery, query);
      const page = await listNotifications(store, continuation, pageSize, {
        ...(committeeId !== undefined ? { committeeId } : {}), ...(agendaItemId !== undefined ? { agendaItemId } : {}), ...(meetingId !== undefined ? { meetingId } : {}),
      });
      return { status: 200, body: pageBody('notifications', page) };
    },
  },
  {
    method: 'get',
    path: '/api/v1/notifications/:id/deliveries',
    role: 'Officer',
    contract: {
      summary: 'Each recipient\'s delivery',
      description:
        'Every recipient, a page at a time (by key): member id, name, role and seat on the notification\'s committee, the delivery\'s status and its state in words, '
        + 'tries, when it last changed, and for those not reached why (in words), what to do, and what Teams said. Before the notification is prepared (at its time), '
        + 'its recorded recipients, each waiting to be sent.',
      tag: 'Notifications',
      params: IdParams,
      query: DeliveriesQuery,
      responses: { 200: { description: 'A page of deliveries; continuation when there are more.', content: { [JSON_TYPE]: DeliveriesAnswer } } },
      refusals: [400, 404],
      examples: [
        { name: 'examplePush', summary: 'The example push\'s recipients', params: { id: EXAMPLE_PUSH_ID }, query: { pageSize: '50' }, status: 200 },
        { name: 'unknown', summary: 'A notification that does not exist', params: { id: 'n-none' }, status: 404 },
      ],
    },
    handle: async ({ params, query }) => {
      const { pageSize, continuation } = parseQuery(DeliveriesQuery, query);
      const page = await listDeliveries(params.id ?? '', { pageSize, ...(continuation !== undefined ? { continuation } : {}) }, store);
      return { status: 200, body: pageBody('deliveries', page) };
    },
  },
  {
    method: 'get',
    path: '/api/v1/notifications/:id',
    role: 'Officer',
    contract: {
      summary: 'Follow a notification',
      tag: 'Notifications',
      params: IdParams,
      query: RecipientsQuery,
      responses: { 200: { description: 'Its status, counts and who could not be reached.', content: { [JSON_TYPE]: NotificationStatusAnswer } } },
      refusals: [400, 404],
      examples: [
        { name: 'withRecipients', summary: 'The example push, with every recipient', params: { id: EXAMPLE_PUSH_ID }, query: { recipients: 'true' }, status: 200 },
        { name: 'unknown', summary: 'A notification that does not exist', params: { id: 'n-none' }, status: 404 },
      ],
    },
    handle: async ({ params, query }) => {
      const report = await notificationReport(params.id ?? '', store, { recipients: booleanQuery(query.get('recipients'), 'recipients') });
      return { status: 200, body: statusBody(report) };
    },
  },
  {
    method: 'del',
    path: '/api/v1/notifications/:id',
    role: 'Officer',
    contract: {
      summary: 'Cancel what has not gone',
      tag: 'Notifications',
      params: IdParams,
      responses: { 200: { description: 'Cancelled: its status, and how many deliveries were cancelled.', content: { [JSON_TYPE]: CancelledAnswer } } },
      refusals: [404, 422],
      examples: [
        { name: 'cancel', summary: 'Cancel the example push', params: { id: EXAMPLE_PUSH_ID }, status: 200 },
        { name: 'unknown', summary: 'A notification that does not exist', params: { id: 'n-none' }, status: 404 },
      ],
    },
    handle: async (ctx) => {
      const { cancelledDeliveries } = await cancelNotification(ctx.params.id ?? '', apiAuditContext(ctx), notifications);
      ctx.logger.info({ notificationId: ctx.params.id, cancelledDeliveries }, 'notification cancelled');
      return { status: 200, body: { ...statusBody(await notificationReport(ctx.params.id ?? '', store)), cancelledDeliveries } };
    },
  },
  {
    method: 'post',
    path: '/api/v1/notifications/:id/send',
    role: 'Officer',
    contract: {
      summary: 'Send a notification the bot held',
      description: 'For a committee set to "hold": it goes now, or at sendAt, to its audience as it stands then. The body is optional.',
      tag: 'Notifications',
      params: IdParams,
      body: { content: { [JSON_TYPE]: SendBody }, required: false },
      responses: { 202: { description: 'Released; sending in the background.', content: { [JSON_TYPE]: NotificationStatusAnswer }, headers: ['Location'] } },
      refusals: [400, 404, 415, 422],
      examples: [
        { name: 'notHeld', summary: 'The example push, cancelled: nothing to release', params: { id: EXAMPLE_PUSH_ID }, status: 422 },
        { name: 'unknown', summary: 'A notification that does not exist', params: { id: 'n-none' }, body: { contentType: JSON_TYPE, value: { urgent: true } }, status: 404 },
      ],
    },
    handle: async (ctx) => {
      const raw = ctx.contentType === '' ? {} : await ctx.jsonBody();
      const body = SendBody.parse(raw);
      const released = await sendHeldNotification(
        ctx.params.id ?? '',
        { ...(body.sendAt ? { sendAt: new Date(body.sendAt) } : {}), ...(body.urgent !== undefined ? { urgent: body.urgent } : {}) },
        apiAuditContext(ctx),
        notifications,
      );
      if (!released) throw new DomainError('not-found', `Notification ${ctx.params.id} was not found`);
      ctx.logger.info({ notificationId: released.id }, 'held notification sent');
      return { status: 202, body: statusBody(await notificationReport(released.id, store)), headers: { Location: notificationLocation(released.id) } };
    },
  },
];
