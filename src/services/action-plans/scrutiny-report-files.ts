import type { Rag } from '../../domain';
import { londonDateTime, spreadsheetCsv } from '../records/csv-file';
import type { ScrutinyReport } from './scrutiny-report';

const RAG_WORDS: Record<Rag, string> = { 'on-track': 'On track', 'at-risk': 'At risk', 'off-track': 'Off track', done: 'Done' };

/** One row per update (an action with none has one row with the update columns empty), overdue actions first. */
export function scrutinyReportCsv(report: ScrutinyReport): string {
  const header = ['Action', 'Owner', 'Due', 'Overdue', 'RAG now', 'Percent now', 'Update at (London)', 'Update by', 'Update RAG', 'Update percent', 'Note'];
  const rows = report.actions.flatMap((a) => {
    const action = [a.title, a.owner, a.dueOn, a.overdue ? 'yes' : 'no', RAG_WORDS[a.rag], String(a.percentComplete)];
    if (a.history.length === 0) return [[...action, '', '', '', '', '']];
    return a.history.map((u) => [...action, londonDateTime(u.at), u.by, RAG_WORDS[u.rag], String(u.percentComplete), u.note]);
  });
  return spreadsheetCsv(header, rows);
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/**
 * A printable page: the plan, the summary, then each action with its history. Every text from the record is
 * escaped; no script, no external resource (the route's Content-Security-Policy forbids them anyway). RAG is said in
 * words as well as colour, for printing in black and white and for screen readers.
 */
export function scrutinyReportHtml(report: ScrutinyReport): string {
  const e = escapeHtml;
  const s = report.summary;
  const actions = report.actions.map((a) => `
  <section class="action${a.overdue ? ' overdue' : ''}">
    <h2>${e(a.title)}</h2>
    <p><strong>Owner:</strong> ${e(a.owner)} &middot; <strong>Due:</strong> ${e(a.dueOn)}${a.overdue ? ' <strong class="flag">(overdue)</strong>' : ''} &middot;
      <strong>Now:</strong> <span class="rag ${a.rag}">${RAG_WORDS[a.rag]}</span>, ${a.percentComplete}% complete</p>
    ${a.history.length === 0 ? '<p class="none">No updates yet.</p>' : `<table>
      <thead><tr><th>When (London)</th><th>By</th><th>RAG</th><th>Percent</th><th>Note</th></tr></thead>
      <tbody>${a.history.map((u) => `
        <tr><td>${e(londonDateTime(u.at))}</td><td>${e(u.by)}</td><td>${RAG_WORDS[u.rag]}</td><td>${u.percentComplete}%</td><td>${e(u.note)}</td></tr>`).join('')}
      </tbody>
    </table>`}
  </section>`).join('');
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>${e(report.plan.title)}: progress report</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 2em; color: #111; }
  table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1.5em; }
  th, td { border: 1px solid #999; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
  .overdue h2::after { content: " (overdue)"; font-size: 0.7em; }
  .rag { font-weight: bold; } .on-track { color: #0a5c1f; } .at-risk { color: #7a4b00; } .off-track { color: #a0001a; } .done { color: #333; }
  section { break-inside: avoid; }
  @media print { body { margin: 0; } }
</style>
</head>
<body>
<h1>${e(report.plan.title)}</h1>
<p>${e(report.committeeName)}${report.decisionTitle ? `: following the decision &ldquo;${e(report.decisionTitle)}&rdquo;` : ''}. Progress as at ${e(report.asOf)}.</p>
<table class="summary">
  <thead><tr><th>On track</th><th>At risk</th><th>Off track</th><th>Done</th><th>Overdue</th><th>Actions</th></tr></thead>
  <tbody><tr><td>${s['on-track']}</td><td>${s['at-risk']}</td><td>${s['off-track']}</td><td>${s.done}</td><td>${s.overdue}</td><td>${s.total}</td></tr></tbody>
</table>${actions}
</body>
</html>
`;
}
