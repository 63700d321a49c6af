import { Badge, Card, CardHeader, Field, Link, ProgressBar, Text, Title2, Title3, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Meeting, Schemas } from '../api';
import { ErrorNotice, Loading, londonDate, londonDateTime, useLoad, type PageProps } from '../ui';

type Item = Schemas['MeetingWithItems']['items'][number];

const RECENT_DAYS = 28;
const AHEAD_DAYS = 120;

const useStyles = makeStyles({
  committee: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  meetings: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 22rem), 1fr))', gap: tokens.spacingHorizontalM },
  items: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
});

/** Upcoming and recent meetings per committee, each with its items, whether its agenda is published, and how many have read each item. */
export function MeetingsPage({ api }: PageProps): ReactNode {
  const styles = useStyles();
  const { data, error, loading } = useLoad(async () => {
    const from = new Date(Date.now() - RECENT_DAYS * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + AHEAD_DAYS * 86_400_000).toISOString().slice(0, 10);
    const [committees, meetings] = await Promise.all([
      api.call('get', '/api/v1/committees'),
      api.call('get', '/api/v1/meetings', { query: { from, to, pageSize: 100 } }),
    ]);
    // Each meeting with its items, every item with its acknowledgement progress (expected, acknowledged, outstanding).
    const withAcks = await Promise.all(
      meetings.meetings.map(async (meeting) => ({
        meeting,
        items: (await api.call('get', '/api/v1/meetings/{id}', { path: { id: meeting.id } })).items,
      })),
    );
    return { committees: committees.committees, meetings: withAcks };
  }, []);

  if (loading && !data) return <Loading label="Loading meetings" />;
  const now = Date.now();
  return (
    <>
      <Title2 as="h1">Meetings</Title2>
      <ErrorNotice error={error} />
      {data?.committees.map((committee) => {
        const mine = data.meetings.filter((m) => m.meeting.committeeId === committee.id);
        if (mine.length === 0) return null;
        const upcoming = mine.filter((m) => Date.parse(m.meeting.startsAt) >= now);
        const recent = mine.filter((m) => Date.parse(m.meeting.startsAt) < now).reverse();
        return (
          <section key={committee.id} className={styles.committee} aria-labelledby={`committee-${committee.id}`}>
            <Title3 as="h2" id={`committee-${committee.id}`}>{committee.name}</Title3>
            {upcoming.length ? <MeetingList title="Upcoming" entries={upcoming} /> : null}
            {recent.length ? <MeetingList title="Recent" entries={recent} /> : null}
          </section>
        );
      })}
      {data && data.meetings.length === 0 ? <Text>No meetings in the last four weeks or the next four months.</Text> : null}
    </>
  );
}

function MeetingList({ title, entries }: { title: string; entries: { meeting: Meeting; items: readonly Item[] }[] }): ReactNode {
  const styles = useStyles();
  return (
    <>
      <Text as="h3" weight="semibold">{title}</Text>
      <div className={styles.meetings}>
        {entries.map(({ meeting, items }) => (
          <Card key={meeting.id} role="group" aria-label={`Meeting on ${londonDate(meeting.startsAt)}`}>
            <CardHeader
              header={<Text weight="semibold">{londonDateTime(meeting.startsAt)}</Text>}
              description={
                <Text size={200}>
                  {meeting.venue ? `${meeting.venue} · ` : ''}
                  {meeting.status !== 'scheduled' ? `${meeting.status} · ` : ''}
                  {meeting.agendaPublishedAt
                    ? `Agenda published ${londonDate(meeting.agendaPublishedAt)}`
                    : `Agenda not published${meeting.agendaExpectedOn ? ` (expected ${londonDate(meeting.agendaExpectedOn)})` : ''}`}
                </Text>
              }
            />
            <div>
              {meeting.agendaPublishedAt ? <Badge color="success">Published</Badge> : <Badge color="warning">Not published</Badge>}
            </div>
            {items.length === 0 ? <Text size={200}>No items yet.</Text> : null}
            <ul className={styles.items}>
              {items.map((item) => {
                const { expected, acknowledged, outstanding } = item.acknowledgements;
                return (
                  <li key={item.id}>
                    <Link href={`#/items/${encodeURIComponent(item.id)}`}>
                      {item.number ? `${item.number}. ` : ''}
                      {item.title}
                    </Link>
                    {item.exempt ? (
                      <>
                        {' '}
                        <Badge color="danger" appearance="outline" size="small">
                          Exempt
                        </Badge>
                      </>
                    ) : null}
                    {item.withdrawnAt ? (
                      <Text size={200} as="p">
                        Withdrawn {londonDate(item.withdrawnAt)}
                      </Text>
                    ) : (
                      <Field label={`Acknowledged by ${acknowledged} of ${expected}`} validationState="none" size="small">
                        <ProgressBar value={acknowledged} max={Math.max(expected, 1)} thickness="large" color={expected > 0 && outstanding === 0 ? 'success' : 'brand'} />
                      </Field>
                    )}
                  </li>
                );
              })}
            </ul>
          </Card>
        ))}
      </div>
    </>
  );
}
