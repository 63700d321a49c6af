import {
  backoffMs, cancelDelivery, claimDelivery, countDeliveries, DEFAULT_QUIET_HOURS, DEFAULT_RETRY_POLICY, deliveryAfterAttempt, DomainError, isDue,
  nextLondonWallTime, outsideQuietHours, parseQuietHours, sendableFrom, transitionNotification, type Delivery, type NotificationStatus,
} from '../../src/domain';

const t0 = new Date('2026-06-01T09:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const pending: Delivery = {
  notificationId: 'n-1', key: 'cllr-a', recipient: { kind: 'member', memberId: 'cllr-a', name: 'Cllr A' }, action: 'send', conversationId: 'a:chat',
  subjectKeys: [], status: 'pending', attempts: 0, faults: 0, dueAt: t0.toISOString(), updatedAt: t0.toISOString(),
};
const policy = DEFAULT_RETRY_POLICY;

describe('notification lifecycle', () => {
  it.each<[NotificationStatus, 'release' | 'start' | 'complete' | 'cancel', NotificationStatus | 'refused']>([
    ['held', 'release', 'scheduled'],
    ['held', 'cancel', 'cancelled'],
    ['held', 'start', 'refused'],
    ['scheduled', 'start', 'sending'],
    ['scheduled', 'cancel', 'cancelled'],
    ['scheduled', 'complete', 'refused'],
    ['sending', 'complete', 'completed'],
    ['sending', 'cancel', 'cancelled'],
    ['completed', 'cancel', 'refused'],
    ['cancelled', 'release', 'refused'],
  ])('%s --%s--> %s', (from, event, to) => {
    if (to === 'refused') expect(() => transitionNotification(from, event)).toThrow(DomainError);
    else expect(transitionNotification(from, event)).toBe(to);
  });
});

describe('delivery lifecycle', () => {
  const claimed = claimDelivery(pending, t0, policy);

  it('a claim counts an attempt and holds the delivery for the claim lease; a lapsed claim is due again', () => {
    expect(claimed).toMatchObject({ status: 'sending', attempts: 1, dueAt: at(policy.claimLeaseMs).toISOString() });
    expect(isDue(claimed, at(policy.claimLeaseMs - 1))).toBe(false);
    expect(isDue(claimed, at(policy.claimLeaseMs))).toBe(true);
    expect(() => claimDelivery(pending, at(-1), policy)).toThrow(DomainError); // not due yet
  });

  it('sent: final, with the activity id kept for redrawing it later, and no due time', () => {
    const sent = deliveryAfterAttempt(claimed, { kind: 'sent', activityId: '1:abc' }, at(80), policy, 0.5);
    expect(sent).toMatchObject({ status: 'sent', activityId: '1:abc', sentAt: at(80).toISOString() });
    expect(sent.dueAt).toBeUndefined();
  });

  it("throttled: waits Retry-After when Teams says, else backs off; neither counts as a fault", () => {
    expect(deliveryAfterAttempt(claimed, { kind: 'throttled', retryAfterMs: 2000, detail: '429' }, t0, policy, 0.5)).toMatchObject({
      status: 'pending', faults: 0, dueAt: at(2000).toISOString(), lastError: '429',
    });
    expect(deliveryAfterAttempt(claimed, { kind: 'throttled', detail: '429' }, t0, policy, 0)).toMatchObject({ status: 'pending', dueAt: at(500).toISOString() });
  });

  it('a fault (5xx, timeout) is retried with growing, jittered delays, and fails for good after ten', () => {
    let d = pending;
    const delays: number[] = [];
    for (let i = 0; i < 9; i++) {
      const now = new Date(Date.parse(d.dueAt!));
      const after = deliveryAfterAttempt(claimDelivery(d, now, policy), { kind: 'fault', detail: '503' }, now, policy, 1);
      expect(after.status).toBe('pending');
      delays.push(Date.parse(after.dueAt!) - now.getTime());
      d = after;
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 64000, 128000, 256000]);
    const now = new Date(Date.parse(d.dueAt!));
    const failed = deliveryAfterAttempt(claimDelivery(d, now, policy), { kind: 'fault', detail: '503 Service Unavailable' }, now, policy, 1);
    expect(failed).toMatchObject({ status: 'failed', faults: 10, attempts: 10, lastError: 'gave up after 10 failed tries: 503 Service Unavailable' });
  });

  it('backoff is capped and jitter spreads it between half and all of the exponential delay', () => {
    expect(backoffMs(30, policy, 1)).toBe(policy.maxDelayMs);
    expect(backoffMs(3, policy, 0)).toBe(2000);
    expect(backoffMs(3, policy, 0.999)).toBe(3998);
  });

  it('blocked (403) and gone (404) are final at once and say why; other refusals fail; nothing needed is cancelled', () => {
    expect(deliveryAfterAttempt(claimed, { kind: 'blocked', detail: 'MessageWritesBlocked' }, t0, policy, 0.5)).toMatchObject({ status: 'blocked', unreachable: { reason: 'blocked' } });
    expect(deliveryAfterAttempt(claimed, { kind: 'gone', detail: '404' }, t0, policy, 0.5)).toMatchObject({ status: 'unreachable', unreachable: { reason: 'chat-gone' } });
    expect(deliveryAfterAttempt(claimed, { kind: 'rejected', detail: '413 too large' }, t0, policy, 0.5)).toMatchObject({ status: 'failed', lastError: '413 too large' });
    expect(deliveryAfterAttempt(claimed, { kind: 'not-needed', detail: 'read already' }, t0, policy, 0.5)).toMatchObject({ status: 'cancelled' });
    expect(() => deliveryAfterAttempt(pending, { kind: 'sent' }, t0, policy, 0.5)).toThrow(DomainError); // not claimed
  });

  it('a member known to have blocked the bot is blocked, as a 403 makes them; who cannot be reached for another reason is unreachable', () => {
    const known = deliveryAfterAttempt(claimed, { kind: 'unreachable', reason: 'blocked' }, t0, policy, 0.5);
    const refused = deliveryAfterAttempt(claimed, { kind: 'blocked', detail: 'MessageWritesBlocked' }, t0, policy, 0.5);
    expect([known, refused].map((d) => [d.status, d.unreachable?.reason])).toEqual([['blocked', 'blocked'], ['blocked', 'blocked']]);
    for (const reason of ['no-teams-account', 'no-chat', 'chat-gone', 'install-failed'] as const) {
      expect(deliveryAfterAttempt(claimed, { kind: 'unreachable', reason }, t0, policy, 0.5)).toMatchObject({ status: 'unreachable', unreachable: { reason } });
    }
  });

  it('cancelling takes only what has not been sent', () => {
    expect(cancelDelivery(pending, t0)).toMatchObject({ status: 'cancelled' });
    expect(cancelDelivery(claimed, t0)).toBeUndefined();
    // A claim that lapsed (its sender stopped mid-send) is nobody's any more: cancelled, saying it may have gone.
    const lapsed = at(policy.claimLeaseMs + 1);
    expect(cancelDelivery(claimed, lapsed)).toMatchObject({ status: 'cancelled', lastError: expect.stringContaining('may have reached them') });
    expect(cancelDelivery(claimed, lapsed)).not.toHaveProperty('dueAt');
    expect(cancelDelivery({ ...pending, status: 'sent', dueAt: undefined }, lapsed)).toBeUndefined();
  });

  it('counts what is still to go as pending, whether waiting or being sent', () => {
    expect(countDeliveries([pending, claimed, { ...pending, status: 'sent' }, { ...pending, status: 'blocked' }])).toEqual({
      total: 4, pending: 2, sent: 1, failed: 0, blocked: 1, unreachable: 0, cancelled: 0,
    });
  });
});

describe('quiet hours (London time, British Summer Time included)', () => {
  const q = parseQuietHours('21:00-08:00')!;
  const iso = (d: Date) => d.toISOString();

  it.each<[string, string, string]>([
    ['a winter evening waits until 8am GMT the next day', '2026-12-01T21:30:00.000Z', '2026-12-02T08:00:00.000Z'],
    ['a summer evening waits until 8am BST (7am UTC)', '2026-07-01T20:30:00.000Z', '2026-07-02T07:00:00.000Z'],
    ['just after midnight waits until 8am the same day', '2026-12-02T00:10:00.000Z', '2026-12-02T08:00:00.000Z'],
    ['8am itself is not quiet', '2026-12-02T08:00:00.000Z', '2026-12-02T08:00:00.000Z'],
    ['8.59pm is not quiet', '2026-12-02T20:59:00.000Z', '2026-12-02T20:59:00.000Z'],
    // The clocks go forward at 01:00 UTC on Sun 28 March 2027: 9.30pm GMT on the Saturday waits until 8am BST.
    ['the night the clocks go forward', '2027-03-27T21:30:00.000Z', '2027-03-28T07:00:00.000Z'],
    // They go back at 01:00 UTC on Sun 25 October 2026: 9.30pm BST on the Saturday waits until 8am GMT.
    ['the night the clocks go back', '2026-10-24T20:30:00.000Z', '2026-10-25T08:00:00.000Z'],
  ])('%s', (_what, when, sendable) => {
    expect(iso(outsideQuietHours(new Date(when), q))).toBe(sendable);
  });

  it('an empty value is no value: the default 21:00 to 08:00, as configuration reads an empty QUIET_HOURS; only "off" is none', () => {
    expect(parseQuietHours(DEFAULT_QUIET_HOURS)).toEqual({ startMinute: 21 * 60, endMinute: 8 * 60 });
    for (const empty of ['', '   ']) expect(parseQuietHours(empty)).toEqual(parseQuietHours(DEFAULT_QUIET_HOURS));
    for (const off of ['off', ' OFF ']) expect(parseQuietHours(off)).toBeUndefined();
  });

  it('urgent pushes go at once; "off" means no quiet hours; bad windows are refused', () => {
    expect(iso(sendableFrom(new Date('2026-12-01T23:00:00.000Z'), true, q))).toBe('2026-12-01T23:00:00.000Z');
    expect(parseQuietHours('off')).toBeUndefined();
    expect(outsideQuietHours(new Date('2026-12-01T23:00:00.000Z'), undefined).toISOString()).toBe('2026-12-01T23:00:00.000Z');
    for (const bad of ['21-08', '25:00-08:00', '21:00', '08:00-08:00']) expect(() => parseQuietHours(bad)).toThrow(DomainError);
    const daytime = parseQuietHours('12:00-13:30')!;
    expect(iso(outsideQuietHours(new Date('2026-12-01T12:15:00.000Z'), daytime))).toBe('2026-12-01T13:30:00.000Z');
  });

  it('the daily sweep time is 9am London, today or tomorrow, across the clock change', () => {
    expect(iso(nextLondonWallTime(new Date('2026-10-24T10:00:00.000Z'), '09:00'))).toBe('2026-10-25T09:00:00.000Z'); // GMT again
    expect(iso(nextLondonWallTime(new Date('2027-03-27T10:00:00.000Z'), '09:00'))).toBe('2027-03-28T08:00:00.000Z'); // BST
    expect(iso(nextLondonWallTime(new Date('2026-12-01T06:00:00.000Z'), '09:00'))).toBe('2026-12-01T09:00:00.000Z');
  });
});
