import type { Rag } from '../../domain';
import { londonDateTime, spreadsheetCsv } from '../records/csv-file';
import type { CommitteeScrutinyReport } from './committee-scrutiny-report';
import type { ScrutinyReport } from './scrutiny-report';

const RAG_WORDS: Record<Rag, string> = { 'on-track': 'On track', 'at-risk': 'At risk', 'off-track': 'Off track', done: 'Done' };

const CSV_HEADER = ['Action', 'Owner', 'Due', 'Overdue', 'RAG now', 'Percent now', 'Update at (London)', 'Update by', 'Update RAG', 'Update percent', 'Note'];

/** One row per update (an action with none has one row with the update columns empty), overdue actions first. */
const csvRows = (report: ScrutinyReport): string[][] =>
  report.actions.flatMap((a) => {
    const action = [a.title, a.owner, a.dueOn, a.overdue ? 'yes' : 'no', RAG_WORDS[a.rag], String(a.percentComplete)];
    if (a.history.length === 0) return [[...action, '', '', '', '', '']];
    return a.history.map((u) => [...action, londonDateTime(u.at), u.by, RAG_WORDS[u.rag], String(u.percentComplete), u.note]);
  });

export const scrutinyReportCsv = (report: ScrutinyReport): string => spreadsheetCsv(CSV_HEADER, csvRows(report));

/** A committee's plans in one file: the same rows, each led by its plan. */
export const committeeScrutinyReportCsv = (report: CommitteeScrutinyReport): string =>
  spreadsheetCsv(['Action plan', ...CSV_HEADER], report.plans.flatMap((p) => csvRows(p).map((row) => [p.plan.title, ...row])));

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const summaryTable = (s: ScrutinyReport['summary']): string => `
<table class="summary">
  <thead><tr><th>On track</th><th>At risk</th><th>Off track</th><th>Done</th><th>Overdue</th><th>Actions</th></tr></thead>
  <tbody><tr><td>${s['on-track']}</td><td>${s['at-risk']}</td><td>${s['off-track']}</td><td>${s.done}</td><td>${s.overdue}</td><td>${s.total}</td></tr></tbody>
</table>`;

const actionSections = (report: ScrutinyReport, heading: 'h2' | 'h3'): string => {
  const e = escapeHtml;
  return report.actions.map((a) => `
  <section class="action${a.overdue ? ' overdue' : ''}">
    <${heading}>${e(a.title)}</${heading}>
    <p><strong>Owner:</strong> ${e(a.owner)} &middot; <strong>Due:</strong> ${e(a.dueOn)}${a.overdue ? ' <strong class="flag">(overdue)</strong>' : ''} &middot;
      <strong>Now:</strong> <span class="rag ${a.rag}">${RAG_WORDS[a.rag]}</span>, ${a.percentComplete}% complete</p>
    ${a.history.length === 0 ? '<p class="none">No updates yet.</p>' : `<table>
      <thead><tr><th>When (London)</th><th>By</th><th>RAG</th><th>Percent</th><th>Note</th></tr></thead>
      <tbody>${a.history.map((u) => `
        <tr><td>${e(londonDateTime(u.at))}</td><td>${e(u.by)}</td><td>${RAG_WORDS[u.rag]}</td><td>${u.percentComplete}%</td><td>${e(u.note)}</td></tr>`).join('')}
      </tbody>
    </table>`}
  </section>`).join('');
};

/**
 * A printable page. Every text from the record is escaped; no script, no external resource (the route's
 * Content-Security-Policy forbids them anyway). RAG is said in words as well as colour, for printing in black and
 * white and for screen readers.
 */
const page = (title: string, body: string): string => `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}: progress report</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 2em; color: #111; }
  table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1.5em; }
  th, td { border: 1px solid #999; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
  .rag { font-weight: bold; } .on-track { color: #0a5c1f; } .at-risk { color: #7a4b00; } .off-track { color: #a0001a; } .done { color: #333; }
  section { break-inside: avoid; }
  @media print { body { margin: 0; } }
</style>
</head>
<body>
${body}
</body>
</html>
`;

const introOf = (report: ScrutinyReport): string =>
  `${escapeHtml(report.committeeName)}${report.decisionTitle ? `: following the decision &ldquo;${escapeHtml(report.decisionTitle)}&rdquo;` : ''}`;

/** One plan: its summary, then each action with its history. */
export const scrutinyReportHtml = (report: ScrutinyReport): string =>
  page(report.plan.title, `<h1>${escapeHtml(report.plan.title)}</h1>
<p>${introOf(report)}. Progress as at ${escapeHtml(report.asOf)}.</p>${summaryTable(report.summary)}${actionSections(report, 'h2')}`);

/** A committee's plans: the summary of all, then each plan as above. */
export const committeeScrutinyReportHtml = (report: CommitteeScrutinyReport): string => {
  const title = `${report.committee.name}: action plans`;
  const period = report.period.from || report.period.to
    ? ` Updates ${report.period.from ? `from ${escapeHtml(londonDateTime(report.period.from))}` : ''}${report.period.to ? ` until ${escapeHtml(londonDateTime(report.period.to))}` : ''}.`
    : '';
  return page(title, `<h1>${escapeHtml(title)}</h1>
<p>Progress as at ${escapeHtml(report.asOf)}.${period}</p>${summaryTable(report.summary)}${report.plans.map((p) => `
<h2>${escapeHtml(p.plan.title)}</h2>
<p>${introOf(p)}.</p>${summaryTable(p.summary)}${actionSections(p, 'h3')}`).join('')}`);
};
