import {
  Badge,
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title2,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import type { Schemas } from '../api';
import { ErrorNotice, Loading, londonDateTime, useLoad, type PageProps } from '../ui';

type Status = Schemas['NotificationStatus'];
type Delivery = Schemas['Delivery'];
type Reminded = Schemas['ReminderQueued'] | Schemas['NobodyToRemind'];
const POLL_MS = 2000;

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  scroll: { overflowX: 'auto' },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
});

/** One item: who has and has not acknowledged it (with seats), reminders, notifications and their delivery, and the CSV. */
export function ItemPage({ api, itemId }: PageProps & { itemId: string }): ReactNode {
  const styles = useStyles();
  const [actionError, setActionError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [reminded, setReminded] = useState<Reminded>();
  const acks = useLoad(() => api.call('get', '/api/v1/agenda-items/{id}/acknowledgements', { path: { id: itemId } }), [itemId]);
  const sends = useLoad(async () => {
    const list = await api.call('get', '/api/v1/notifications', { query: { agendaItemId: itemId, pageSize: 100 } });
    return Promise.all(
      list.notifications.map(async (n) => {
        const [status, deliveries] = await Promise.all([
          api.call('get', '/api/v1/notifications/{id}', { path: { id: n.id } }),
          allDeliveries(n.id),
        ]);
        return { status, deliveries };
      }),
    );
  }, [itemId]);

  /** Every recipient's delivery, page by page. */
  async function allDeliveries(id: string): Promise<Delivery[]> {
    const out: Delivery[] = [];
    let continuation: string | undefined;
    do {
      const page = await api.call('get', '/api/v1/notifications/{id}/deliveries', { path: { id }, query: { pageSize: 200, ...(continuation ? { continuation } : {}) } });
      out.push(...page.deliveries);
      continuation = page.continuation;
    } while (continuation);
    return out;
  }

  // Live counts while anything is still going out.
  const going = sends.data?.some(({ status: s }) => s.status === 'scheduled' || s.status === 'sending' || s.counts.pending > 0);
  useEffect(() => {
    if (!going) return;
    const timer = setInterval(() => {
      sends.reload();
      acks.reload();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [going, sends.reload, acks.reload]);

  async function act(what: string, run: () => Promise<unknown>): Promise<void> {
    setBusy(true);
    setActionError(undefined);
    setDone(undefined);
    setReminded(undefined);
    try {
      await run();
      setDone(what);
      sends.reload();
    } catch (err) {
      setActionError(err);
    } finally {
      setBusy(false);
    }
  }

  const record = acks.data;
  if (!record && acks.loading) return <Loading label="Loading the item" />;
  if (!record) return <ErrorNotice error={acks.error} />;
  const outstanding = record.outstanding;

  // One Idempotency-Key per press: a retried request (a renewed sign-in) cannot queue the reminder twice.
  const remind = () => {
    const key = crypto.randomUUID();
    return act('', async () => {
      const answer = await api.call('post', '/api/v1/agenda-items/{id}/reminders', { path: { id: itemId }, headers: { 'Idempotency-Key': key } });
      setReminded(answer);
      acks.reload();
    });
  };
  const notify = () => act('Notification sent to the committee', () => api.call('post', '/api/v1/notifications', { body: { agendaItemId: itemId } }));
  const exportCsv = () =>
    act('Acknowledgements exported', async () => {
      const csv = await api.text('/api/v1/agenda-items/{id}/acknowledgements', 'text/csv', { path: { id: itemId } });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
      link.download = `acknowledgements-${itemId}.csv`;
      link.click();
      URL.revokeObjectURL(link.href);
    });

  return (
    <>
      <Link href="#/meetings">Back to meetings</Link>
      <Title2 as="h1">
        {record.item.number ? `${record.item.number}. ` : ''}
        {record.item.title}
      </Title2>
      {record.item.exempt ? <Badge color="danger">Exempt: committee members only</Badge> : null}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy || outstanding.length === 0} onClick={() => void remind()}>
          Remind outstanding ({outstanding.length})
        </Button>
        <Button disabled={busy} onClick={() => void notify()}>
          Notify the committee
        </Button>
        <Button disabled={busy} onClick={() => void exportCsv()}>
          Export CSV
        </Button>
      </div>
      {reminded ? <ReminderOutcome answer={reminded} /> : null}
      {done ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{done}.</MessageBarBody>
        </MessageBar>
      ) : null}
      <ErrorNotice error={actionError} />
      <ErrorNotice error={acks.error} />

      <section className={styles.section} aria-labelledby="outstanding-heading">
        <Title3 as="h2" id="outstanding-heading">Not yet acknowledged ({outstanding.length})</Title3>
        {outstanding.length === 0 ? <Text>Everyone has acknowledged this item.</Text> : null}
        {outstanding.length ? (
          <div className={styles.scroll}>
            <Table aria-labelledby="outstanding-heading" size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Member</TableHeaderCell>
                  <TableHeaderCell>Seat</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {outstanding.map((m) => (
                  <TableRow key={m.memberId}>
                    <TableCell>{m.name}</TableCell>
                    <TableCell>{m.seat}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        ) : null}
      </section>

      <section className={styles.section} aria-labelledby="acknowledged-heading">
        <Title3 as="h2" id="acknowledged-heading">Acknowledged ({record.acknowledged.length})</Title3>
        {record.acknowledged.length === 0 ? <Text>Nobody has acknowledged this item yet.</Text> : null}
        {record.acknowledged.length ? (
          <div className={styles.scroll}>
            <Table aria-labelledby="acknowledged-heading" size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Member</TableHeaderCell>
                  <TableHeaderCell>Seat</TableHeaderCell>
                  <TableHeaderCell>When</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {record.acknowledged.map((m) => (
                  <TableRow key={m.memberId}>
                    <TableCell>{m.name}</TableCell>
                    <TableCell>{m.seat ?? '—'}</TableCell>
                    <TableCell>{londonDateTime(m.acknowledgedAt)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        ) : null}
      </section>

      <section className={styles.section} aria-labelledby="deliveries-heading">
        <Title3 as="h2" id="deliveries-heading">Notifications</Title3>
        <ErrorNotice error={sends.error} />
        {sends.data?.length === 0 ? <Text>No notification has been sent about this item.</Text> : null}
        {sends.data?.map((s) => <DeliveryList key={s.status.id} status={s.status} deliveries={s.deliveries} />)}
      </section>
    </>
  );
}

const STATUS_COLOUR: Record<string, 'success' | 'danger' | 'warning' | 'informative'> = {
  sent: 'success',
  failed: 'danger',
  blocked: 'danger',
  unreachable: 'warning',
  pending: 'informative',
  sending: 'informative',
  cancelled: 'informative',
};

const names = (people: readonly { name: string }[]): string => people.map((p) => p.name).join(', ');

/** What a press of Remind outstanding did: who will be reminded, who cannot be reached and why; or why nobody was. */
function ReminderOutcome({ answer }: { answer: Reminded }): ReactNode {
  if (!('notification' in answer)) {
    return (
      <MessageBar intent="info" role="status">
        <MessageBarBody>{answer.detail}</MessageBarBody>
      </MessageBar>
    );
  }
  const { reach } = answer;
  const going = reach.reachable.length + reach.toTry.length;
  return (
    <MessageBar intent={reach.unreachable.length ? 'warning' : 'success'} role="status">
      <MessageBarBody>
        {answer.repeated ? 'This reminder was already queued. ' : ''}
        Reminder sent to {going} {going === 1 ? 'member' : 'members'}
        {going ? ` (${names([...reach.reachable, ...reach.toTry])})` : ''}, going at {londonDateTime(answer.sendsAt)}.
        {reach.unreachable.length ? ` Cannot be reached: ${reach.unreachable.map((u) => `${u.name}: ${u.why}`).join('; ')}.` : ''}
      </MessageBarBody>
    </MessageBar>
  );
}

function DeliveryList({ status, deliveries }: { status: Status; deliveries: readonly Delivery[] }): ReactNode {
  const styles = useStyles();
  const c = status.counts;
  const headingId = `delivery-${status.id}`;
  return (
    <div className={styles.section}>
      <Text as="h3" weight="semibold" id={headingId}>
        {status.kind === 'reminder' ? 'Reminder' : 'Notification'} of {londonDateTime(status.sendAt)}: {status.status}
      </Text>
      <Text aria-live="polite">
        {c.sent} sent, {c.pending} waiting, {c.unreachable} unreachable, {c.failed + c.blocked} failed, {c.acknowledged} acknowledged (of {c.total})
      </Text>
      <div className={styles.scroll}>
        <Table aria-labelledby={headingId} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Recipient</TableHeaderCell>
              <TableHeaderCell>Seat</TableHeaderCell>
              <TableHeaderCell>Delivery</TableHeaderCell>
              <TableHeaderCell>Why</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {deliveries.map((r) => (
              <TableRow key={r.key}>
                <TableCell>{r.name}</TableCell>
                <TableCell>{r.seat ?? (r.kind === 'channel' ? 'Channel' : '—')}</TableCell>
                <TableCell>
                  <Badge appearance="tint" color={STATUS_COLOUR[r.status] ?? 'informative'}>{r.state}</Badge>
                </TableCell>
                <TableCell>{r.unreachable ? `${r.unreachable.why} ${r.unreachable.advice}` : r.lastError ?? ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
