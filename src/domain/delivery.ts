import { z } from 'zod';
import { Id, Instant } from './common';
import { ConversationRecord } from './conversation';
import { DomainError } from './errors';

/**
 * One recipient's delivery of a notification: the outbox record. Its lifecycle, and what each kind of answer from
 * Teams does to it, live here in one function each.
 *
 *   pending -> sending (claimed with a lease) -> sent | failed | blocked | unreachable
 *   pending | sending -> pending (retry later: throttled, or a fault that may pass)
 *   pending -> cancelled (the officer cancelled before it was sent)
 *   sending whose lease ran out (the sender stopped mid-send) is due again, like pending.
 */
export const DeliveryStatus = z.enum(['pending', 'sending', 'sent', 'failed', 'blocked', 'unreachable', 'cancelled']);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

export const DELIVERY_STATUSES: readonly { readonly status: DeliveryStatus; readonly final: boolean }[] = [
  { status: 'pending', final: false },
  { status: 'sending', final: false },
  { status: 'sent', final: true },
  { status: 'failed', final: true },
  { status: 'blocked', final: true },
  { status: 'unreachable', final: true },
  { status: 'cancelled', final: true },
];

export const isFinalDelivery = (status: DeliveryStatus): boolean => DELIVERY_STATUSES.some((s) => s.status === status && s.final);

/** Why a member could not be reached; each has advice for the officer (services/notifications/unreachable-advice.ts). */
export const UnreachableReason = z.enum([
  /** The roster has no Entra object id for them, so Teams cannot be asked. */
  'no-teams-account',
  /** No chat with the bot, and none could be opened (not in a team with the bot; no app installation). */
  'no-chat',
  /** They blocked or removed the bot (Teams answered 403). */
  'blocked',
  /** Their chat with the bot no longer exists (Teams answered 404). */
  'chat-gone',
  /** Installing the app for them through Microsoft Graph failed. */
  'install-failed',
  /** A former member: their end date (Member.endsOn) had come when their turn came, so nothing is sent to them. */
  'left',
]);
export type UnreachableReason = z.infer<typeof UnreachableReason>;

/**
 * A recipient who cannot be reached is final as blocked when they blocked or removed the bot, however that was learnt
 * (Teams' 403 at this send, or their chat already closed on the bot by an earlier one or an uninstall), and as
 * unreachable for every other reason: one situation, counted one way.
 */
export const unreachableStatus = (reason: UnreachableReason): Extract<DeliveryStatus, 'blocked' | 'unreachable'> =>
  reason === 'blocked' ? 'blocked' : 'unreachable';

export const DeliveryRecipient = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('member'), memberId: Id, name: z.string().min(1).max(300) }),
  z.object({ kind: z.literal('channel'), conversationId: ConversationRecord.shape.id, name: z.string().min(1).max(300) }),
]);
export type DeliveryRecipient = z.infer<typeof DeliveryRecipient>;

/** The key of a delivery within its notification: the member's id, or a hash for a channel or a card to redraw. */
export const DeliveryKey = Id;

export const Delivery = z.object({
  notificationId: Id,
  key: DeliveryKey,
  recipient: DeliveryRecipient,
  /** send: a new message. update: redraw a card already sent (targetActivityId) in place. */
  action: z.enum(['send', 'update']),
  /** Where it goes; for members, filled in when their chat is found or opened. */
  conversationId: ConversationRecord.shape.id.optional(),
  targetActivityId: z.string().min(1).max(200).optional(),
  /** For an update: the notification whose card it redraws (the card is drawn again as that one was). */
  redraw: z.object({ notificationId: Id }).optional(),
  /** What the card shows ("item:<id>", "meeting:<id>", "decision:<id>"): finds cards to redraw when a record changes. */
  subjectKeys: z.array(z.string().max(220)).max(60).default([]),
  status: DeliveryStatus,
  /** Every try, throttled ones included. */
  attempts: z.number().int().min(0),
  /** Tries that failed with a fault that may pass (5xx, timeout, network): bounded by MAX_FAULTS. */
  faults: z.number().int().min(0).default(0),
  /** pending: not before this; sending: the claim's lease runs out at this. Absent once final. */
  dueAt: Instant.optional(),
  lastError: z.string().max(1000).optional(),
  unreachable: z.object({ reason: UnreachableReason, detail: z.string().max(1000).optional() }).optional(),
  /** The Teams activity id of what was sent, so it can be redrawn in place later. */
  activityId: z.string().min(1).max(200).optional(),
  sentAt: Instant.optional(),
  updatedAt: Instant,
});
export type Delivery = z.infer<typeof Delivery>;

/** What one try at a delivery came to, as the Messenger port reports it. */
export type AttemptResult =
  | { readonly kind: 'sent'; readonly activityId?: string; readonly conversationId?: string }
  /** 429: Teams asks us to slow down; `retryAfterMs` from Retry-After when it said. */
  | { readonly kind: 'throttled'; readonly retryAfterMs?: number; readonly detail: string }
  /** 403: the user blocked or removed the bot. Never retried. */
  | { readonly kind: 'blocked'; readonly detail: string }
  /** 404: the conversation is gone. Never retried. */
  | { readonly kind: 'gone'; readonly detail: string }
  /** 5xx, timeout, connection refused: may pass; retried with backoff a bounded number of times. */
  | { readonly kind: 'fault'; readonly detail: string }
  /** Any other refusal (400, 401, 413 ...): retrying would not help. */
  | { readonly kind: 'rejected'; readonly detail: string }
  /** No conversation could be found or opened for the member. */
  | { readonly kind: 'unreachable'; readonly reason: UnreachableReason; readonly detail?: string }
  /** Nothing left to say to them when their turn came (a reminder to someone who has since read everything). */
  | { readonly kind: 'not-needed'; readonly detail: string };

export interface RetryPolicy {
  /** Faults before a delivery fails for good: Company Communicator's ten tries. */
  readonly maxFaults: number;
  /** Every try, throttled ones included: a ceiling so that nothing is retried for ever. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** How long a claim holds a delivery; a sender that stops mid-send leaves it due again after this. */
  readonly claimLeaseMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxFaults: 10,
  maxAttempts: 40,
  baseDelayMs: 1000,
  maxDelayMs: 5 * 60_000,
  claimLeaseMs: 30_000,
};

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so retries of many deliveries that
 * failed together spread out instead of arriving together. `random` is in [0, 1) (Math.random, or fixed in tests).
 */
export const backoffMs = (faults: number, policy: RetryPolicy, random: number): number => {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, faults - 1));
  return Math.round(exponential / 2 + (exponential / 2) * random);
};

const later = (now: Date, ms: number): string => new Date(now.getTime() + ms).toISOString();

/** A delivery is due for a try: pending and its time has come, or claimed by a sender whose lease ran out. */
export const isDue = (d: Pick<Delivery, 'status' | 'dueAt'>, now: Date): boolean =>
  (d.status === 'pending' || d.status === 'sending') && d.dueAt !== undefined && Date.parse(d.dueAt) <= now.getTime();

/** Claims a due delivery for one try: it counts as an attempt whether or not the sender lives to record it. */
export const claimDelivery = (d: Delivery, now: Date, policy: RetryPolicy): Delivery => {
  if (!isDue(d, now)) throw new DomainError('invalid', `Delivery ${d.notificationId}/${d.key} is ${d.status} and not due`);
  return { ...d, status: 'sending', attempts: d.attempts + 1, dueAt: later(now, policy.claimLeaseMs), updatedAt: now.toISOString() };
};

const final = (d: Delivery, now: Date, changes: Partial<Delivery>): Delivery => {
  const { dueAt: _due, ...rest } = d;
  return { ...rest, ...changes, updatedAt: now.toISOString() };
};

/**
 * The one function that says what a try's result does to a claimed delivery. Pure: the caller supplies the time and
 * a random number for the jitter.
 */
export const deliveryAfterAttempt = (d: Delivery, result: AttemptResult, now: Date, policy: RetryPolicy, random: number): Delivery => {
  if (d.status !== 'sending') throw new DomainError('invalid', `Delivery ${d.notificationId}/${d.key} is ${d.status}, not being sent`);
  switch (result.kind) {
    case 'sent': {
      const { lastError: _e, ...rest } = d;
      return final(rest, now, {
        status: 'sent',
        sentAt: now.toISOString(),
        ...(result.activityId !== undefined && d.action === 'send' ? { activityId: result.activityId } : {}),
        ...(result.conversationId !== undefined ? { conversationId: result.conversationId } : {}),
      });
    }
    case 'throttled': {
      if (d.attempts >= policy.maxAttempts) return final(d, now, { status: 'failed', lastError: `gave up after ${d.attempts} tries: ${result.detail}` });
      const wait = result.retryAfterMs ?? backoffMs(d.attempts, policy, random);
      return { ...d, status: 'pending', dueAt: later(now, wait), lastError: result.detail, updatedAt: now.toISOString() };
    }
    case 'fault': {
      const faults = d.faults + 1;
      if (faults >= policy.maxFaults || d.attempts >= policy.maxAttempts) {
        return final(d, now, { status: 'failed', faults, lastError: `gave up after ${faults} failed tries: ${result.detail}` });
      }
      return { ...d, status: 'pending', faults, dueAt: later(now, backoffMs(faults, policy, random)), lastError: result.detail, updatedAt: now.toISOString() };
    }
    case 'rejected':
      return final(d, now, { status: 'failed', lastError: result.detail });
    case 'blocked':
      return final(d, now, { status: 'blocked', lastError: result.detail, unreachable: { reason: 'blocked', detail: result.detail } });
    case 'gone':
      return final(d, now, { status: 'unreachable', lastError: result.detail, unreachable: { reason: 'chat-gone', detail: result.detail } });
    case 'not-needed':
      return final(d, now, { status: 'cancelled', lastError: `no longer needed: ${result.detail}` });
    case 'unreachable':
      return final(d, now, {
        status: unreachableStatus(result.reason),
        unreachable: { reason: result.reason, ...(result.detail !== undefined ? { detail: result.detail } : {}) },
      });
  }
};

/**
 * An officer's cancel: a delivery not yet sent is cancelled, and so is one whose claim has lapsed (the sender that
 * claimed it stopped mid-send, so nobody will record what Teams answered: it may have reached them). One being sent
 * now, under a live claim, is left to its sender; a final one stays as it is.
 */
export const cancelDelivery = (d: Delivery, now: Date): Delivery | undefined =>
  d.status === 'pending' || (d.status === 'sending' && isDue(d, now))
    ? final(d, now, { status: 'cancelled', ...(d.status === 'sending' ? { lastError: 'cancelled after a send that was cut short: it may have reached them' } : {}) })
    : undefined;

export interface DeliveryCounts {
  readonly total: number;
  /** Not yet final: waiting, being sent, or waiting to retry. */
  readonly pending: number;
  readonly sent: number;
  readonly failed: number;
  readonly blocked: number;
  readonly unreachable: number;
  readonly cancelled: number;
}

/** The counts an officer reads, from how many deliveries are in each status: waiting and being sent are both pending. */
export const deliveryCounts = (byStatus: Readonly<Record<DeliveryStatus, number>>): DeliveryCounts => ({
  total: DeliveryStatus.options.reduce((sum, status) => sum + byStatus[status], 0),
  pending: byStatus.pending + byStatus.sending,
  sent: byStatus.sent,
  failed: byStatus.failed,
  blocked: byStatus.blocked,
  unreachable: byStatus.unreachable,
  cancelled: byStatus.cancelled,
});

export const countDeliveries = (deliveries: readonly Pick<Delivery, 'status'>[]): DeliveryCounts => {
  const byStatus = Object.fromEntries(DeliveryStatus.options.map((status) => [status, 0])) as Record<DeliveryStatus, number>;
  for (const d of deliveries) byStatus[d.status] += 1;
  return deliveryCounts(byStatus);
};
