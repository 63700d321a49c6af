import { Badge, Card, CardHeader, Checkbox, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { Schemas } from '../api';
import { ErrorNotice, Loading, londonDate, londonDateTime, useLoad, type PageProps } from '../ui';

type Status = Schemas['StatusDescription']['status'];
/**
 * While an outcome's call-in period is open, the API answers its countdown on the call-in calendar (bank holidays
 * known): `callIn`. That is the one rule: the page counts nothing itself.
 */
type DecisionView = Schemas['DecisionView'];

const FILTERS: { value: Status; label: string }[] = [
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
  filter: { border: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold },
  outcomes: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
});

/** Decisions by status: those in call-in with the working days left, those awaiting Full Council, and the rest. */
export function DecisionsPage({ api }: PageProps): ReactNode {
  const styles = useStyles();
  // None ticked: every decision. Several: a decision with an outcome in any of them, showing only those outcomes.
  const [statuses, setStatuses] = useState<readonly Status[]>([]);
  const status = statuses.join(',');
  const toggle = (value: Status, on: boolean) => setStatuses((now) => FILTERS.map((f) => f.value).filter((v) => (v === value ? on : now.includes(v))));
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

  return (
    <>
      <Title2 as="h1">Decisions</Title2>
      <fieldset className={styles.filter}>
        <legend className={styles.legend}>Show only (none ticked: all decisions)</legend>
        {FILTERS.map((f) => (
          <Checkbox key={f.value} label={f.label} checked={statuses.includes(f.value)} onChange={(_, d) => toggle(f.value, d.checked === true)} />
        ))}
      </fieldset>
      <ErrorNotice error={error} />
      {loading ? <Loading label="Loading decisions" /> : null}
      {data && data.length === 0 ? <Text>No decisions {status ? 'with that status' : 'yet'}.</Text> : null}
      <div className={styles.list} aria-live="polite">
        {data?.map((d) => {
          const shown = statuses.length ? d.outcomes.filter((o) => statuses.includes(o.current.status)) : d.outcomes;
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
                  const callIn = o.callIn;
                  const inCallIn = o.current.status === 'call-in-open';
                  return (
                    <li key={o.number}>
                      <Text>
                        {o.number}. {o.text}{' '}
                      </Text>
                      <Badge appearance="tint" color={inCallIn ? 'warning' : o.current.final ? 'success' : 'informative'}>
                        {o.current.label}
                      </Badge>
                      {callIn ? (
                        <Text weight="semibold">
                          {' '}
                          {callIn.workingDaysLeft === 0
                            ? 'Call-in ends today'
                            : `${callIn.workingDaysLeft} working ${callIn.workingDaysLeft === 1 ? 'day' : 'days'} left`}{' '}
                          (closes {londonDateTime(callIn.closesAt)})
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
