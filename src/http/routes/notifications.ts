import { apiAuditContext } from '../audit-context';
import { z } from 'zod';
import { DomainError, Instant } from '../../domain';
import { cancelNotification } from '../../services/notifications/cancel-notification';
import { listNotifications } from '../../services/notifications/list-notifications';
import { plannedNotificationId } from '../../services/notifications/notification-ids';
import { notificationReport, type NotificationReport } from '../../services/notifications/notification-report';
import { PushRequest, pushNotification } from '../../services/notifications/push-notification';
import { sendHeldNotification } from '../../services/notifications/send-held-notification';
import { badRequest } from '../problem';
import { booleanQuery } from '../request-values';
import type { ApiRoute } from '../server';
import type { RouteDeps } from './route-deps';

const PAGE_SIZE = z.coerce.number().int().min(1).max(200);
/** An Idempotency-Key makes a retried POST the same notification, never a second one. */
const IDEMPOTENCY_KEY = /^[\w.:-]{1,100}$/;

const location = (id: string) => `/api/v1/notifications/${encodeURIComponent(id)}`;

/** What the API answers for a notification: its status, counts and who could not be reached (and every recipient when asked). */
const statusBody = (report: NotificationReport) => ({
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

const SendBody = z.object({ sendAt: Instant.optional(), urgent: z.boolean().optional() }).strict();

/**
 * Notifications (the outbox): officers push an agenda item or a meeting's digest to members' Teams chats, follow each
 * recipient's delivery, cancel what has not gone, and send what the bot held for them. Sending happens in the
 * background: a push answers 202 at once.
 */
export const notificationRoutes = ({ store, notifications }: Pick<RouteDeps, 'store' | 'notifications'>): ApiRoute[] => [
  {
    method: 'post',
    path: '/api/v1/notifications',
    role: 'Officer',
    handle: async (ctx) => {
      const request = PushRequest.parse(await ctx.jsonBody());
      const key = ctx.header('idempotency-key');
      if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) throw badRequest('Idempotency-Key must be 1 to 100 letters, digits, dots, colons, dashes or underscores.');
      const { notification, created } = await pushNotification(request, apiAuditContext(ctx), notifications, {
        ...(key !== undefined ? { id: plannedNotificationId(`api|${ctx.principal.id}|${key}`) } : {}),
      });
      ctx.logger.info({ notificationId: notification.id, created, recipients: notification.recipientCount }, created ? 'notification pushed' : 'notification push repeated');
      const report = await notificationReport(notification.id, store);
      return { status: 202, body: statusBody(report), headers: { Location: location(notification.id) } };
    },
  },
  {
    method: 'get',
    path: '/api/v1/notifications',
    role: 'Officer',
    handle: async ({ query }) => {
      const size = query.get('pageSize');
      const parsed = PAGE_SIZE.safeParse(size ?? 50);
      if (!parsed.success) throw badRequest('pageSize must be a whole number from 1 to 200.');
      const page = await listNotifications(store, query.get('continuation') ?? undefined, parsed.data);
      return { status: 200, body: { notifications: page.items, ...(page.continuation ? { continuation: page.continuation } : {}) } };
    },
  },
  {
    method: 'get',
    path: '/api/v1/notifications/:id',
    role: 'Officer',
    handle: async ({ params, query }) => {
      const report = await notificationReport(params.id ?? '', store, { recipients: booleanQuery(query.get('recipients'), 'recipients') });
      return { status: 200, body: statusBody(report) };
    },
  },
  {
    method: 'del',
    path: '/api/v1/notifications/:id',
    role: 'Officer',
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
      return { status: 202, body: statusBody(await notificationReport(released.id, store)), headers: { Location: location(released.id) } };
    },
  },
];
