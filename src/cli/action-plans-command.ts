import { readFile, writeFile } from 'node:fs/promises';
import { DomainError, InstantOrDay, Rag } from '../domain';
import { actionPlanRecord } from '../services/action-plans/action-plan-record';
import { createActionPlan } from '../services/action-plans/create-action-plan';
import { officerViewer } from '../services/action-plans/officer-viewer';
import { replaceActionPlan } from '../services/action-plans/replace-action-plan';
import { committeeScrutinyReport } from '../services/action-plans/committee-scrutiny-report';
import { scrutinyReport, type Period, type ScrutinyReport } from '../services/action-plans/scrutiny-report';
import { committeeScrutinyReportCsv, committeeScrutinyReportHtml, scrutinyReportCsv, scrutinyReportHtml } from '../services/action-plans/scrutiny-report-files';
import { londonToday } from '../services/conversation/conversation-deps';
import { recordActionUpdate } from '../services/conversation/record-action-update';
import { OFFICER_READER } from '../services/records/record-reader';
import type { Store } from '../store/port';

export interface ActionPlansDeps {
  readonly store: Store;
  readonly out: (line: string) => void;
  readonly now: () => Date;
  /** Who runs the command (the OS user), recorded as the author of updates. */
  readonly officer: string;
}

/** Exit codes of every `cabinet-bot action-plans` command: 0 done; 1 refused (the reason is printed); 2 a file problem. */
const EXIT_REFUSED = 1;
const EXIT_FILE = 2;

/** Runs one command, printing a refusal (not found, not valid, changed meanwhile) as the officer's to act on. */
async function refusable(out: (line: string) => void, work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (err) {
    if (!(err instanceof DomainError) || err.code === 'unavailable') throw err;
    out(`Refused: ${err.message}`);
    return EXIT_REFUSED;
  }
}

async function readJson(file: string, out: (line: string) => void): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch (err) {
    out(`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
    return undefined;
  }
}

/** `action-plans create <file.json>`: the same body as POST /api/v1/action-plans. */
export const runCreateActionPlan = (file: string, deps: ActionPlansDeps): Promise<number> =>
  refusable(deps.out, async () => {
    const body = await readJson(file, deps.out);
    if (body === undefined) return EXIT_FILE;
    const { plan, etag } = await createActionPlan(body, deps.store, deps.now());
    deps.out(`Created action plan ${plan.id} (${plan.actions.length} action${plan.actions.length === 1 ? '' : 's'}) for decision ${plan.decisionId}; version ${etag}.`);
    return 0;
  });

/** `action-plans edit <id> <file.json> --version <etag>`: the same body and rule as PUT /api/v1/action-plans/{id}. */
export const runEditActionPlan = (id: string, file: string, version: string, deps: ActionPlansDeps): Promise<number> =>
  refusable(deps.out, async () => {
    const body = await readJson(file, deps.out);
    if (body === undefined) return EXIT_FILE;
    const { plan, etag } = await replaceActionPlan(id, body, version, deps.store, deps.now());
    deps.out(`Changed action plan ${plan.id}; version ${etag}.`);
    return 0;
  });

/** `action-plans show <id>`: the plan, its version (for edit) and each action's state. */
export const runShowActionPlan = (id: string, json: boolean, deps: ActionPlansDeps): Promise<number> =>
  refusable(deps.out, async () => {
    const record = await actionPlanRecord(id, OFFICER_READER, deps.store, londonToday(deps.now()));
    if (json) {
      deps.out(JSON.stringify({ ...record.plan, version: record.etag, updates: record.updates, removedActionIds: record.removedActionIds, overdueActionIds: record.overdueActionIds }, null, 2));
      return 0;
    }
    deps.out(`${record.plan.title} (${record.plan.id}), version ${record.etag}`);
    for (const a of record.plan.actions) {
      deps.out(`  ${a.id}: ${a.title}, ${a.ownerMemberId}, due ${a.dueOn}, ${a.rag} ${a.percentComplete}%${record.overdueActionIds.includes(a.id) ? ' (overdue)' : ''}`);
    }
    deps.out(`  ${record.updates.length} update${record.updates.length === 1 ? '' : 's'} in its history`);
    return 0;
  });

/** `action-plans update <id> <actionId> --rag --percent [--note]`: through the Teams card's use case. */
export const runUpdateAction = (
  id: string,
  actionId: string,
  update: { rag: string; percent: string; note?: string },
  deps: ActionPlansDeps,
): Promise<number> =>
  refusable(deps.out, async () => {
    const rag = Rag.safeParse(update.rag);
    const percent = Number(update.percent);
    if (!rag.success) throw new DomainError('invalid', `--rag must be one of ${Rag.options.join(', ')}.`);
    if (!Number.isInteger(percent) || percent < 0 || percent > 100) throw new DomainError('invalid', '--percent must be a whole number from 0 to 100.');
    if ((update.note ?? '').length > 2000) throw new DomainError('invalid', '--note must be at most 2,000 characters.');
    const record = await actionPlanRecord(id, OFFICER_READER, deps.store, londonToday(deps.now()));
    const viewer = await officerViewer({ id: `cli-${deps.officer}`.replace(/[^\w.:-]/g, '-').slice(0, 100), name: deps.officer }, deps.store);
    const plan = await recordActionUpdate(
      { committeeId: record.plan.committeeId, actionPlanId: id, actionId, rag: rag.data, percentComplete: percent, note: update.note ?? '', idempotencyKey: `cli-${deps.now().toISOString()}` },
      viewer,
      deps,
    );
    const action = plan.actions.find((a) => a.id === actionId);
    deps.out(`Recorded: ${actionId} is ${action?.rag} at ${action?.percentComplete}%.`);
    return 0;
  });

/** Where `report` writes: each a new file (never overwritten), either or both. */
export interface ReportFiles {
  readonly html?: string;
  readonly csv?: string;
}

const summaryText = (s: ScrutinyReport['summary']): string =>
  `${s.total} actions, ${s['on-track']} on track, ${s['at-risk']} at risk, ${s['off-track']} off track, ${s.done} done; ${s.overdue} overdue.`;

async function writeReportFiles(files: ReportFiles, html: () => string, csv: () => string, out: (line: string) => void): Promise<number> {
  for (const [file, text, what] of [[files.html, html, 'HTML'], [files.csv, csv, 'CSV']] as const) {
    if (file === undefined) continue;
    try {
      await writeFile(file, text(), { encoding: 'utf8', flag: 'wx' });
    } catch (err) {
      out(`Cannot write ${file}: ${(err as NodeJS.ErrnoException).code === 'EEXIST' ? 'the file exists (choose a new name)' : (err as Error).message}`);
      return EXIT_FILE;
    }
    out(`Wrote ${file} (${what}).`);
  }
  return 0;
}

/** `action-plans report <id> [--html <file>] [--csv <file>]`: the Scrutiny report, to new files (never overwritten). */
export const runActionPlanReport = (id: string, files: ReportFiles, deps: ActionPlansDeps): Promise<number> =>
  refusable(deps.out, async () => {
    const report = await scrutinyReport(id, OFFICER_READER, deps.store, londonToday(deps.now()));
    deps.out(`${report.plan.title}: ${summaryText(report.summary)}`);
    return writeReportFiles(files, () => scrutinyReportHtml(report), () => scrutinyReportCsv(report), deps.out);
  });

/** A period bound as the officer API takes it: a day (its start in London) or an instant. */
function periodBound(value: string | undefined, option: string): Date | undefined {
  if (value === undefined) return undefined;
  const parsed = InstantOrDay.safeParse(value);
  if (!parsed.success) throw new DomainError('invalid', `${option} must be a day (yyyy-mm-dd, from its start in London) or an instant: ${JSON.stringify(value)} is not.`);
  return parsed.data;
}

/**
 * `action-plans report --committee <id> [--from <day>] [--to <day>] [--html <file>] [--csv <file>]`: the annual
 * review, every plan of a committee with the updates made in the period (from inclusive, to exclusive), as
 * GET /api/v1/committees/{id}/action-plans/report answers it.
 */
export const runCommitteeActionPlansReport = (
  committeeId: string,
  period: { readonly from?: string; readonly to?: string },
  files: ReportFiles,
  deps: ActionPlansDeps,
): Promise<number> =>
  refusable(deps.out, async () => {
    const from = periodBound(period.from, '--from');
    const to = periodBound(period.to, '--to');
    if (from && to && from >= to) throw new DomainError('invalid', '--from must be before --to.');
    const bounds: Period = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
    const report = await committeeScrutinyReport(committeeId, bounds, OFFICER_READER, deps.store, londonToday(deps.now()));
    deps.out(`${report.committee.name}: ${report.plans.length} action plan${report.plans.length === 1 ? '' : 's'}, ${summaryText(report.summary)}`);
    for (const plan of report.plans) deps.out(`  ${plan.plan.title} (${plan.plan.id}): ${summaryText(plan.summary)}`);
    return writeReportFiles(files, () => committeeScrutinyReportHtml(report), () => committeeScrutinyReportCsv(report), deps.out);
  });
