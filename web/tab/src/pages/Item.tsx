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
  const acks = useLoad(() => api.call('get', '/api/v1/agenda-items/{id}/acknowledgements', { path: { id: itemId } }), [itemId]);
  const sends = useLoad(async () => {
    const list = await api.call('get', '/api/v1/notifications', { query: { pageSize: 100 } });
    const mine = list.notifications.filter((n) => n.subject.agendaItemId === itemId);
    return Promise.all(mine.map((n) => api.call('get', '/api/v1/notifications/{id}', { path: { id: n.id }, query: { recipients: 'true' } })));
  }, [itemId]);

  // Live counts while anything is still going out.
  const going = sends.data?.some((s) => s.status === 'scheduled' || s.status === 'sending' || s.counts.pending > 0);
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

  const remind = () =>
    act(`Reminder sent to ${outstanding.length} ${outstanding.length === 1 ? 'member' : 'members'}`, () =>
      api.call('post', '/api/v1/notifications', { body: { agendaItemId: itemId, audience: { memberIds: outstanding.map((m) => m.memberId) } } }),
    );
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
        {sends.data?.map((s) => <Delivery key={s.id} status={s} />)}
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

function Delivery({ status }: { status: Status }): ReactNode {
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
              <TableHeaderCell>Delivery</TableHeaderCell>
              <TableHeaderCell>Why</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {(status.recipients ?? []).map((r) => (
              <TableRow key={r.key}>
                <TableCell>{r.name}</TableCell>
                <TableCell>
                  <Badge appearance="tint" color={STATUS_COLOUR[r.status] ?? 'informative'}>{r.status}</Badge>
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
