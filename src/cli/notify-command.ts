import { cliAuditContext } from './operator';
import cliProgress from 'cli-progress';
import { DomainError, Instant } from '../domain';
import { formatDateTime } from '../cards/format-date';
import { cancelNotification } from '../services/notifications/cancel-notification';
import type { NotificationDeps } from '../services/notifications/notification-deps';
import { notificationReport, type NotificationReport } from '../services/notifications/notification-report';
import { PushRequest, pushNotification } from '../services/notifications/push-notification';
import { sendHeldNotification } from '../services/notifications/send-held-notification';

export interface NotifyCommandDeps extends NotificationDeps {
  readonly out: (line: string) => void;
  /** A terminal gets a progress bar; anything else (a log, a pipe) plain lines. */
  readonly isTerminal: boolean;
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface NotifyArgs {
  readonly item?: string;
  readonly meeting?: string;
  readonly committees: readonly string[];
  readonly members: readonly string[];
  readonly channels: readonly string[];
  readonly at?: string;
  readonly message?: string;
  readonly urgent: boolean;
  readonly wait: boolean;
  readonly json: boolean;
}

export const EXIT_OK = 0;
export const EXIT_REFUSED = 1;
/** --wait: the notification finished, but some recipients could not be reached or failed. */
export const EXIT_NOT_ALL_DELIVERED = 3;

/** How long --wait goes without any delivery moving before it says the bot may not be running. */
const QUIET_WARNING_MS = 30_000;


const summary = (r: NotificationReport): string =>
  `${r.counts.sent} of ${r.counts.total} delivered, ${r.counts.pending} to go, ${r.counts.unreachable + r.counts.blocked} cannot be reached, ${r.counts.failed} failed` +
  `${r.counts.cancelled > 0 ? `, ${r.counts.cancelled} cancelled` : ''}; ${r.counts.acknowledged} acknowledged`;

function printReport(r: NotificationReport, out: (line: string) => void): void {
  const n = r.notification;
  out(`Notification ${n.id}: ${r.about.title}${r.about.committeeName ? ` (${r.about.committeeName})` : ''}`);
  out(`  ${n.status}${n.status === 'scheduled' ? `, to go ${formatDateTime(n.sendAt)}` : ''}: ${summary(r)}`);
  for (const u of r.unreachable) out(`  cannot be reached: ${u.name} (${u.unreachable?.why ?? u.status}). ${u.unreachable?.advice ?? ''}`.trimEnd());
  for (const f of r.failed) out(`  failed: ${f.name}: ${f.lastError ?? 'no reason recorded'}`);
}

/**
 * `cabinet-bot notify --item <id> | --meeting <id> [--committee <id>]... [--member <id>]... [--channel <id>]...
 * [--at <ISO time>] [--message <note>] [--urgent] [--wait] [--json]`: the officer's push from the command line, the
 * same use case as the officer API. The running bot sends it (its sender polls the store); --wait follows it to the
 * end with a progress bar on a terminal, plain lines otherwise.
 */
export async function runNotifyCommand(args: NotifyArgs, deps: NotifyCommandDeps): Promise<number> {
  const { out } = deps;
  if (args.at !== undefined && !Instant.safeParse(args.at).success) {
    out(`--at "${args.at}" is not a time: write it like 2027-01-14T09:00:00Z (or with an offset, +01:00).`);
    return EXIT_REFUSED;
  }
  const parsed = PushRequest.safeParse({
    ...(args.item !== undefined ? { agendaItemId: args.item } : {}),
    ...(args.meeting !== undefined ? { meetingId: args.meeting } : {}),
    ...(args.committees.length + args.members.length > 0 ? { audience: { committeeIds: [...args.committees], memberIds: [...args.members] } } : {}),
    ...(args.channels.length > 0 ? { channelIds: [...args.channels] } : {}),
    ...(args.at !== undefined ? { sendAt: args.at } : {}),
    ...(args.message !== undefined ? { message: args.message } : {}),
    ...(args.urgent ? { urgent: true } : {}),
  });
  if (!parsed.success) {
    out(`Not sent: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; ')}.`);
    return EXIT_REFUSED;
  }
  let id: string;
  try {
    id = (await pushNotification(parsed.data, cliAuditContext(), deps)).notification.id;
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    out(`Not sent: ${err.message}`);
    return EXIT_REFUSED;
  }
  const report = await notificationReport(id, deps.store);
  if (!args.wait) {
    if (args.json) out(JSON.stringify({ id, status: report.notification.status, counts: report.counts }));
    else {
      printReport(report, out);
      out(`The bot sends it${report.notification.status === 'scheduled' && Date.parse(report.notification.sendAt) > deps.now().getTime() ? ' at its time' : ' now'}; follow it with: cabinet-bot notifications status ${id}`);
    }
    return EXIT_OK;
  }
  return follow(id, args.json, deps);
}

/** Follows a notification until every delivery is final. */
async function follow(id: string, json: boolean, deps: NotifyCommandDeps): Promise<number> {
  const { out } = deps;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let report = await notificationReport(id, deps.store);
  const bar = deps.isTerminal && !json ? new cliProgress.SingleBar({ format: 'Sending [{bar}] {value}/{total} done | {detail}', hideCursor: true }, cliProgress.Presets.shades_classic) : undefined;
  bar?.start(report.counts.total, 0, { detail: 'waiting for the bot' });
  let last = '';
  let lastChangeMs = Date.now();
  let warned = false;
  for (;;) {
    const done = report.counts.total - report.counts.pending;
    const line = summary(report);
    if (line !== last) {
      last = line;
      lastChangeMs = Date.now();
      if (bar) {
        bar.setTotal(report.counts.total);
        bar.update(done, { detail: line });
      } else if (!json) out(line);
    } else if (!warned && Date.now() - lastChangeMs > QUIET_WARNING_MS && report.notification.status !== 'scheduled') {
      warned = true;
      const hint = 'Nothing has moved for 30 s: is the bot running? It sends notifications; this command only waits.';
      if (bar) bar.update(done, { detail: hint });
      else if (!json) out(hint);
    }
    if (report.notification.status === 'completed' || report.notification.status === 'cancelled') break;
    await sleep(1000);
    report = await notificationReport(id, deps.store);
  }
  bar?.stop();
  if (json) out(JSON.stringify({ id, status: report.notification.status, counts: report.counts, unreachable: report.unreachable, failed: report.failed }));
  else printReport(report, out);
  return report.counts.unreachable + report.counts.blocked + report.counts.failed > 0 ? EXIT_NOT_ALL_DELIVERED : EXIT_OK;
}

/** `cabinet-bot notifications status <id> [--wait] [--json]`. */
export async function runNotifyStatus(id: string, options: { wait: boolean; json: boolean }, deps: NotifyCommandDeps): Promise<number> {
  try {
    if (options.wait) return await follow(id, options.json, deps);
    const report = await notificationReport(id, deps.store, { recipients: options.json });
    if (options.json) deps.out(JSON.stringify(report));
    else printReport(report, deps.out);
    return EXIT_OK;
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    deps.out(err.message);
    return EXIT_REFUSED;
  }
}

/** `cabinet-bot notifications cancel <id>` and `cabinet-bot notifications send <id>` (a held one). */
export async function runNotifyChange(action: 'cancel' | 'send', id: string, deps: NotifyCommandDeps): Promise<number> {
  try {
    if (action === 'cancel') {
      const { cancelledDeliveries } = await cancelNotification(id, cliAuditContext(), deps);
      deps.out(`Cancelled: ${cancelledDeliveries} not yet sent will not be sent.`);
    } else {
      const released = await sendHeldNotification(id, {}, cliAuditContext(), deps);
      deps.out(`Released: the bot sends it ${Date.parse(released.sendAt) > deps.now().getTime() ? `at ${formatDateTime(released.sendAt)}` : 'now'}.`);
    }
    printReport(await notificationReport(id, deps.store), deps.out);
    return EXIT_OK;
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    deps.out(err.message);
    return EXIT_REFUSED;
  }
}
