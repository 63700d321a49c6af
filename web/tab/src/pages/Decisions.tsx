import { Badge, Card, CardHeader, Field, Select, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { Schemas } from '../api';
import { ErrorNotice, Loading, londonDate, useLoad, type PageProps } from '../ui';
import { londonToday, weekdaysUntil } from '../working-days';

type Status = Schemas['StatusDescription']['status'];
/**
 * While an outcome's call-in period is open, the API answers its countdown on the call-in calendar (bank holidays
 * known): `callIn` (issue 15's API change). Until an API answers it, the page counts weekdays to the status's `nextOn`.
 */
type CallIn = { deadline: string; closesAt: string; workingDaysLeft: number };
type DecisionView = Omit<Schemas['DecisionView'], 'outcomes'> & { outcomes: (Schemas['DecisionView']['outcomes'][number] & { callIn?: CallIn })[] };

const FILTERS: { value: Status | ''; label: string }[] = [
  { value: '', label: 'All decisions' },
  { value: 'call-in-open', label: 'In call-in' },
  { value: 'awaiting-council', label: 'Awaiting Full Council' },
  { value: 'called-in', label: 'Called in' },
  { value: 'made', label: 'Made' },
  { value: 'effective', label: 'Effective' },
  { value: 'scheduled', label: 'Scheduled' },
  { value: 'deferred', label: 'Deferred' },
  { value: 'noted', label: 'Noted' },
];
const MAX_PAGES = 10;

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  outcomes: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
});

/** Decisions by status: those in call-in with the working days left, those awaiting Full Council, and the rest. */
export function DecisionsPage({ api }: PageProps): ReactNode {
  const styles = useStyles();
  const [status, setStatus] = useState<Status | ''>('');
  const { data, error, loading } = useLoad(async () => {
    // A filtered page may hold none and still go on: follow the continuation (a few pages at most).
    const decisions: DecisionView[] = [];
    let continuation: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const answer = await api.call('get', '/api/v1/decisions', { query: { ...(status ? { status } : {}), pageSize: 100, ...(continuation ? { continuation } : {}) } });
      decisions.push(...answer.decisions);
      continuation = answer.continuation;
      if (!continuation) break;
    }
    return decisions;
  }, [status]);
  const today = londonToday();

  return (
    <>
      <Title2 as="h1">Decisions</Title2>
      <Field label="Show">
        <Select value={status} onChange={(_, d) => setStatus(d.value as Status | '')}>
          {FILTERS.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </Select>
      </Field>
      <ErrorNotice error={error} />
      {loading ? <Loading label="Loading decisions" /> : null}
      {data && data.length === 0 ? <Text>No decisions {status ? 'with that status' : 'yet'}.</Text> : null}
      <div className={styles.list} aria-live="polite">
        {data?.map((d) => {
          const shown = status ? d.outcomes.filter((o) => o.current.status === status) : d.outcomes;
          return (
            <Card key={d.id} role="group" aria-label={d.title}>
              <CardHeader
                header={<Text as="h2" weight="semibold">{d.title}</Text>}
                description={
                  <Text size={200}>
                    {d.decisionMaker}
                    {d.decidedOn ? ` · decided ${londonDate(d.decidedOn)}` : ''}
                    {d.type === 'key' ? ' · key decision' : ''}
                  </Text>
                }
              />
              <ul className={styles.outcomes}>
                {shown.map((o) => {
                  const endsOn = o.callIn?.deadline ?? o.current.nextOn;
                  const inCallIn = o.current.status === 'call-in-open' && endsOn !== undefined;
                  const left = o.callIn?.workingDaysLeft ?? (endsOn ? weekdaysUntil(today, endsOn) : undefined);
                  return (
                    <li key={o.number}>
                      <Text>
                        {o.number}. {o.text}{' '}
                      </Text>
                      <Badge appearance="tint" color={inCallIn ? 'warning' : o.current.final ? 'success' : 'informative'}>
                        {o.current.label}
                      </Badge>
                      {inCallIn && endsOn && left !== undefined ? (
                        <Text weight="semibold">
                          {' '}
                          {left === 0 ? 'Call-in ends today' : `${left} working ${left === 1 ? 'day' : 'days'} left`} (ends {londonDate(endsOn)})
                        </Text>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            </Card>
          );
        })}
      </div>
    </>
  );
}
