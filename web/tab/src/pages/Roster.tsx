import {
  Badge,
  Button,
  Field,
  Label,
  MessageBar,
  MessageBarBody,
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
import { useState, type ReactNode } from 'react';
import { ApiError, type Schemas } from '../api';
import { ErrorNotice, Loading, useLoad, type PageProps } from '../ui';

/** With `reach` (GET /members?reach=true): can the bot reach them now, and why not, in words. */
type Member = Schemas['Members']['members'][number];
type ImportProblem = { line?: number; field?: string; message: string };

const useStyles = makeStyles({
  scroll: { overflowX: 'auto' },
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, maxWidth: '48rem' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** Members with their seats and whether the bot can reach them in Teams; the roster spreadsheet imported as CSV, each problem by line. */
export function RosterPage({ api }: PageProps): ReactNode {
  const styles = useStyles();
  const roster = useLoad(async () => {
    const [members, committees] = await Promise.all([api.call('get', '/api/v1/members', { query: { reach: 'true' } }), api.call('get', '/api/v1/committees')]);
    return { members: members.members as readonly Member[], committees: new Map(committees.committees.map((c) => [c.id, c.name])) };
  }, []);
  const [csv, setCsv] = useState('');
  const [problems, setProblems] = useState<ImportProblem[]>();
  const [error, setError] = useState<unknown>();
  const [result, setResult] = useState<string>();

  async function importCsv(dryRun: boolean): Promise<void> {
    setProblems(undefined);
    setError(undefined);
    setResult(undefined);
    try {
      const answer = await api.postText('/api/v1/members/import', 'text/csv', csv, { query: { dryRun: dryRun ? 'true' : 'false' } });
      setResult(`${dryRun ? 'Checked: would create' : 'Imported: created'} ${answer.created}, ${dryRun ? 'update' : 'updated'} ${answer.updated}, ${answer.unchanged} unchanged`);
      if (!dryRun) roster.reload();
    } catch (err) {
      if (err instanceof ApiError && Array.isArray(err.problem?.problems)) setProblems(err.problem.problems as ImportProblem[]);
      setError(err);
    }
  }

  async function readFile(file: File | undefined): Promise<void> {
    if (file) setCsv(await file.text());
  }

  return (
    <>
      <Title2 as="h1">Roster</Title2>
      <ErrorNotice error={roster.error} />
      {roster.loading && !roster.data ? <Loading label="Loading the roster" /> : null}
      {roster.data ? (
        <div className={styles.scroll}>
          <Table aria-label="Members" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Member</TableHeaderCell>
                <TableHeaderCell>Role</TableHeaderCell>
                <TableHeaderCell>Seats</TableHeaderCell>
                <TableHeaderCell>Teams</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {roster.data.members.map((m) => (
                <TableRow key={m.id}>
                  <TableCell>
                    {m.name}
                    {m.title ? <Text size={200}> · {m.title}</Text> : null}
                  </TableCell>
                  <TableCell>{m.role}</TableCell>
                  <TableCell>{m.committees.map((c) => `${roster.data?.committees.get(c.committeeId) ?? c.committeeId}: ${c.seat}`).join('; ') || '—'}</TableCell>
                  <TableCell>
                    {m.reach ? (
                      <Badge appearance="tint" color={m.reach.status === 'reachable' ? 'success' : m.reach.status === 'to-try' ? 'informative' : 'warning'}>
                        {m.reach.why}
                      </Badge>
                    ) : m.aadObjectId ? (
                      <Badge appearance="tint" color="success">Has a Teams account</Badge>
                    ) : (
                      <Badge appearance="tint" color="warning">No Teams account on the roster</Badge>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}

      <section className={styles.form} aria-labelledby="import-heading">
        <Title3 as="h2" id="import-heading">Import the roster spreadsheet</Title3>
        <Text>Save the spreadsheet as CSV UTF-8 (header row: id,name,role,title,email,aadObjectId,committees). All or nothing: one bad row changes nothing.</Text>
        <div>
          <Label htmlFor="roster-file">CSV file</Label>
          <br />
          <input id="roster-file" type="file" accept=".csv,text/csv" onChange={(e) => void readFile(e.target.files?.[0])} />
        </div>
        <Field label="Or paste the CSV">
          <Textarea value={csv} onChange={(_, d) => setCsv(d.value)} rows={6} resize="vertical" />
        </Field>
        <div className={styles.row}>
          <Button disabled={!csv.trim()} onClick={() => void importCsv(true)}>
            Check
          </Button>
          <Button appearance="primary" disabled={!csv.trim()} onClick={() => void importCsv(false)}>
            Import
          </Button>
        </div>
        {result ? (
          <MessageBar intent="success" role="status">
            <MessageBarBody>{result}.</MessageBarBody>
          </MessageBar>
        ) : null}
        <ErrorNotice error={error} />
        {problems?.length ? (
          <div className={styles.scroll}>
            <Table aria-label="Problems by line" size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Line</TableHeaderCell>
                  <TableHeaderCell>Field</TableHeaderCell>
                  <TableHeaderCell>Problem</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {problems.map((p, i) => (
                  <TableRow key={i}>
                    <TableCell>{p.line ?? 'file'}</TableCell>
                    <TableCell>{p.field ?? ''}</TableCell>
                    <TableCell>{p.message}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        ) : null}
      </section>
    </>
  );
}
