import {
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  Title2,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { Api } from '../api';
import { CardPreview, type PreviewAnswer } from '../card-preview';
import { ErrorNotice, Loading, londonDateTime, useLoad, type PageProps } from '../ui';

const POLL_MS = 2000;
const SOON_MS = 10 * 60_000;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, maxWidth: '40rem' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  audience: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  scroll: { overflowX: 'auto' },
});

/** The composer (what, to whom, when, and the card as it will appear) and the list of notifications with live counts. */
export function NotificationsPage({ api }: PageProps): ReactNode {
  const styles = useStyles();
  const list = useLoad(async () => {
    const answer = await api.call('get', '/api/v1/notifications', { query: { pageSize: 30 } });
    return Promise.all(answer.notifications.map((n) => api.call('get', '/api/v1/notifications/{id}', { path: { id: n.id } })));
  }, []);
  // Live counts while anything is going out, or due to within the next few minutes.
  const going = list.data?.some(
    (s) => s.status === 'sending' || (s.status === 'scheduled' && Date.parse(s.sendAt) - Date.now() < SOON_MS) || (s.status !== 'cancelled' && s.counts.pending > 0 && s.status !== 'held'),
  );
  useEffect(() => {
    if (!going) return;
    const timer = setInterval(list.reload, POLL_MS);
    return () => clearInterval(timer);
  }, [going, list.reload]);
  const [actionError, setActionError] = useState<unknown>();

  async function act(run: () => Promise<unknown>): Promise<void> {
    setActionError(undefined);
    try {
      await run();
      list.reload();
    } catch (err) {
      setActionError(err);
    }
  }

  return (
    <>
      <Title2 as="h1">Notifications</Title2>
      <Composer api={api} onSent={list.reload} />
      <section className={styles.form} aria-labelledby="sent-heading">
        <Title3 as="h2" id="sent-heading">Sent and scheduled</Title3>
        <ErrorNotice error={list.error} />
        <ErrorNotice error={actionError} />
        {list.loading && !list.data ? <Loading label="Loading notifications" /> : null}
        {list.data?.length === 0 ? <Text>No notifications yet.</Text> : null}
      </section>
      {list.data?.length ? (
        <div className={styles.scroll}>
          <Table aria-labelledby="sent-heading" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>About</TableHeaderCell>
                <TableHeaderCell>When</TableHeaderCell>
                <TableHeaderCell>Status</TableHeaderCell>
                <TableHeaderCell>Counts</TableHeaderCell>
                <TableHeaderCell>Actions</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.data.map((n) => (
                <TableRow key={n.id}>
                  <TableCell>
                    {n.about.title}
                    {n.about.committeeName ? ` (${n.about.committeeName})` : ''}
                  </TableCell>
                  <TableCell>{londonDateTime(n.sendAt)}</TableCell>
                  <TableCell>
                    <Badge appearance="tint">{n.status}</Badge>
                  </TableCell>
                  <TableCell>
                    <span aria-live="polite">
                      {n.counts.sent} of {n.counts.total} sent, {n.counts.pending} waiting, {n.counts.unreachable} unreachable, {n.counts.failed + n.counts.blocked} failed,{' '}
                      {n.counts.acknowledged} acknowledged
                    </span>
                  </TableCell>
                  <TableCell>
                    {n.status === 'held' || n.status === 'scheduled' ? (
                      <div className={styles.row}>
                        {n.status === 'held' ? (
                          <Button size="small" aria-label={`Send now: ${n.about.title}`} onClick={() => void act(() => api.call('post', '/api/v1/notifications/{id}/send', { path: { id: n.id }, body: {} }))}>
                            Send now
                          </Button>
                        ) : null}
                        <Button size="small" aria-label={`Cancel: ${n.about.title}`} onClick={() => void act(() => api.call('delete', '/api/v1/notifications/{id}', { path: { id: n.id } }))}>
                          Cancel
                        </Button>
                      </div>
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
    </>
  );
}

function Composer({ api, onSent }: { api: Api; onSent: () => void }): ReactNode {
  const styles = useStyles();
  const options = useLoad(async () => {
    const from = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
    const [committees, meetings] = await Promise.all([api.call('get', '/api/v1/committees'), api.call('get', '/api/v1/meetings', { query: { from, pageSize: 50 } })]);
    return { committees: committees.committees, meetings: meetings.meetings };
  }, []);
  const [meetingId, setMeetingId] = useState('');
  const meeting = useLoad(async () => (meetingId ? api.call('get', '/api/v1/meetings/{id}', { path: { id: meetingId } }) : undefined), [meetingId]);
  const [itemId, setItemId] = useState('');
  const [audience, setAudience] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  const [sendAt, setSendAt] = useState('');
  const [urgent, setUrgent] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const [preview, setPreview] = useState<PreviewAnswer>();

  const body = () => ({
    ...(itemId ? { agendaItemId: itemId } : { meetingId }),
    ...(audience.length ? { audience: { committeeIds: audience } } : {}),
    ...(message.trim() ? { message: message.trim() } : {}),
    ...(sendAt ? { sendAt: new Date(sendAt).toISOString() } : {}),
    ...(urgent ? { urgent } : {}),
  });

  async function showPreview(): Promise<void> {
    setError(undefined);
    try {
      setPreview(await api.call('post', '/api/v1/notifications/preview', { body: body() }));
    } catch (err) {
      setPreview(undefined);
      setError(err);
    }
  }

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setError(undefined);
    setDone(undefined);
    try {
      const answer = await api.call('post', '/api/v1/notifications', { body: body() });
      setDone(answer.status === 'scheduled' ? `Scheduled for ${londonDateTime(answer.sendAt)}` : `Sending to ${answer.counts.total} recipients`);
      onSent();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} aria-labelledby="compose-heading">
      <Title3 as="h2" id="compose-heading">Compose</Title3>
      <ErrorNotice error={options.error} />
      <Field label="Meeting" required>
        <Select value={meetingId} onChange={(_, d) => { setMeetingId(d.value); setItemId(''); setPreview(undefined); }} required>
          <option value="">Choose a meeting</option>
          {options.data?.meetings.map((m) => (
            <option key={m.id} value={m.id}>
              {options.data?.committees.find((c) => c.id === m.committeeId)?.name ?? m.committeeId}, {londonDateTime(m.startsAt)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Item" hint="Leave at the whole agenda to send the meeting's digest.">
        <Select value={itemId} onChange={(_, d) => { setItemId(d.value); setPreview(undefined); }} disabled={!meeting.data}>
          <option value="">The whole agenda</option>
          {meeting.data?.items.map((i) => (
            <option key={i.id} value={i.id}>
              {i.number ? `${i.number}. ` : ''}
              {i.title}
            </option>
          ))}
        </Select>
      </Field>
      <fieldset className={styles.audience}>
        <legend>Audience (the meeting&apos;s committee when none is ticked)</legend>
        {options.data?.committees.map((c) => (
          <Checkbox
            key={c.id}
            label={c.name}
            checked={audience.includes(c.id)}
            onChange={(_, d) => setAudience((a) => (d.checked ? [...a, c.id] : a.filter((x) => x !== c.id)))}
          />
        ))}
      </fieldset>
      <Field label="Message" hint="Optional: shown above the card.">
        <Textarea value={message} onChange={(_, d) => setMessage(d.value)} maxLength={1000} />
      </Field>
      <Field label="Send at" hint="Leave empty to send now (quiet hours apply unless urgent).">
        <Input type="datetime-local" step={1} value={sendAt} onChange={(_, d) => setSendAt(d.value)} />
      </Field>
      <Checkbox label="Urgent (sends in quiet hours)" checked={urgent} onChange={(_, d) => setUrgent(Boolean(d.checked))} />
      <ErrorNotice error={error} />
      {done ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{done}.</MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.row}>
        <Button type="button" disabled={!meetingId} onClick={() => void showPreview()}>
          Preview the card
        </Button>
        <Button type="submit" appearance="primary" disabled={!meetingId}>
          {sendAt ? 'Schedule' : 'Send'}
        </Button>
      </div>
      {preview ? <CardPreview preview={preview} /> : null}
    </form>
  );
}
