import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Card,
  CardHeader,
  Field,
  Select,
  Text,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { Schemas } from '../api';
import { ErrorNotice, Loading, londonDate, londonDateTime, useLoad, type PageProps } from '../ui';

type Rag = Schemas['Rag'];
const RAG_LABEL: Record<Rag, string> = { 'on-track': 'On track', 'at-risk': 'At risk', 'off-track': 'Off track', done: 'Done' };
const RAG_COLOUR: Record<Rag, 'success' | 'warning' | 'danger' | 'informative'> = { 'on-track': 'success', 'at-risk': 'warning', 'off-track': 'danger', done: 'informative' };

const useStyles = makeStyles({
  summary: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  list: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  history: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** A committee's action plans: the RAG summary, overdue actions first, each action's history, and the Scrutiny report. */
export function ActionPlansPage({ api }: PageProps): ReactNode {
  const styles = useStyles();
  const committees = useLoad(() => api.call('get', '/api/v1/committees'), []);
  const [chosen, setChosen] = useState<string>();
  const committeeId = chosen ?? committees.data?.committees[0]?.id;
  const [reportError, setReportError] = useState<unknown>();
  const report = useLoad(
    async () => (committeeId ? api.call('get', '/api/v1/committees/{id}/action-plans/report', { path: { id: committeeId } }) : undefined),
    [committeeId],
  );

  async function openReport(): Promise<void> {
    if (!committeeId) return;
    setReportError(undefined);
    // The printable report needs the bearer token too: fetched, then opened from memory.
    const opened = window.open('', '_blank');
    try {
      const html = await api.text('/api/v1/committees/{id}/action-plans/report', 'text/html', { path: { id: committeeId } });
      const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
      if (opened) opened.location.href = url;
      else window.location.href = url;
    } catch (err) {
      opened?.close();
      setReportError(err);
    }
  }

  if (committees.loading && !committees.data) return <Loading label="Loading committees" />;
  const data = report.data;
  return (
    <>
      <Title2 as="h1">Action plans</Title2>
      <ErrorNotice error={committees.error} />
      <Field label="Committee">
        <Select value={committeeId ?? ''} onChange={(_, d) => setChosen(d.value)}>
          {committees.data?.committees.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
      </Field>
      <ErrorNotice error={report.error} />
      {report.loading ? <Loading label="Loading action plans" /> : null}
      {data ? (
        <>
          <div className={styles.summary} role="group" aria-label="RAG summary">
            <Badge size="large" color="danger">{data.summary.overdue} overdue</Badge>
            {(Object.keys(RAG_LABEL) as Rag[]).map((rag) => (
              <Badge key={rag} size="large" appearance="tint" color={RAG_COLOUR[rag]}>
                {data.summary[rag]} {RAG_LABEL[rag].toLowerCase()}
              </Badge>
            ))}
            <Text>of {data.summary.total} actions</Text>
          </div>
          <div>
            <Button onClick={() => void openReport()}>Open the Scrutiny report</Button>
          </div>
          <ErrorNotice error={reportError} />
          {data.plans.length === 0 ? <Text>This committee has no action plans.</Text> : null}
          <div className={styles.list}>
            {data.plans.map((plan) => {
              const actions = [...plan.actions].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueOn.localeCompare(b.dueOn));
              return (
                <Card key={plan.plan.id} role="group" aria-label={plan.plan.title}>
                  <CardHeader header={<Text as="h2" weight="semibold">{plan.plan.title}</Text>} description={plan.decisionTitle ? <Text size={200}>{plan.decisionTitle}</Text> : undefined} />
                  <Accordion multiple collapsible>
                    {actions.map((a) => (
                      <AccordionItem key={a.id} value={a.id}>
                        <AccordionHeader>
                          {a.title} · {a.owner} · due {londonDate(a.dueOn)} · {a.percentComplete}% ·{' '}
                          <Badge appearance="tint" color={RAG_COLOUR[a.rag]}>{RAG_LABEL[a.rag]}</Badge>
                          {a.overdue ? <Badge color="danger"> Overdue</Badge> : null}
                        </AccordionHeader>
                        <AccordionPanel>
                          {a.history.length === 0 ? <Text>No updates yet.</Text> : null}
                          <ul className={styles.history}>
                            {a.history.map((h) => (
                              <li key={h.at}>
                                <Text>
                                  {londonDateTime(h.at)}, {h.by}: {RAG_LABEL[h.rag]}, {h.percentComplete}%. {h.note}
                                </Text>
                              </li>
                            ))}
                          </ul>
                        </AccordionPanel>
                      </AccordionItem>
                    ))}
                  </Accordion>
                </Card>
              );
            })}
          </div>
        </>
      ) : null}
    </>
  );
}
