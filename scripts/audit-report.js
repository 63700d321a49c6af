#!/usr/bin/env node
/* Reads `npm audit --omit=dev --json` on stdin and reports it for CI.
 *
 * High or critical vulnerabilities in what production installs fail the run (exit 1); low and moderate ones are
 * listed. When the audit itself could not be done (the audit service unreachable or refusing, as from behind some
 * registry mirrors), it says so and the run goes on (exit 0): an outage elsewhere must not stop the build.
 */
'use strict';

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', () => {
  let report;
  try {
    report = JSON.parse(input);
  } catch {
    report = undefined;
  }
  const counts = report && report.metadata && report.metadata.vulnerabilities;
  if (!counts) {
    const reason = (report && (report.message || (report.error && (report.error.summary || report.error.code)))) || 'no answer';
    console.log(`npm audit (production dependencies): the audit could not be done (${String(reason).split('\n')[0]}); not failing the build.`);
    return;
  }
  const names = Object.entries(report.vulnerabilities || {}).map(([name, v]) => `${name} (${v.severity})`);
  console.log(
    `npm audit (production dependencies): ${counts.critical} critical, ${counts.high} high, ${counts.moderate} moderate, ${counts.low} low` +
      (names.length > 0 ? `: ${names.join(', ')}` : '.'),
  );
  if (counts.critical + counts.high > 0) {
    console.log('High or critical vulnerabilities in production dependencies: run `npm audit --omit=dev` for the fixes.');
    process.exitCode = 1;
  }
});
