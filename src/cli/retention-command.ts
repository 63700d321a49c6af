import { applyRetention } from '../services/roster/apply-retention';
import type { Store } from '../store/port';

/** `cabinet-bot retention apply`: exit code 0 when done (including when there was nothing to do). */
export async function runRetentionApply(
  args: { json: boolean },
  deps: { store: Store; retentionMonths: number; now: () => Date; out: (line: string) => void },
): Promise<number> {
  const report = await applyRetention(deps.store, { retentionMonths: deps.retentionMonths, at: deps.now() });
  if (args.json) {
    deps.out(JSON.stringify({ retentionMonths: deps.retentionMonths, ...report }, null, 2));
    return 0;
  }
  deps.out(`${report.formerMembers} former member${report.formerMembers === 1 ? '' : 's'} on the roster; ${report.chatsErased} conversation record${report.chatsErased === 1 ? '' : 's'} erased.`);
  deps.out(
    report.anonymised.length === 0
      ? `Nobody's retention period (${deps.retentionMonths} months after their end date) ended since the last run.`
      : `Retention period (${deps.retentionMonths} months) over: personal details removed for ${report.anonymised.join(', ')}; their records now say "Former member".`,
  );
  deps.out(
    `Audit log: ${report.auditEntriesRemoved} entr${report.auditEntriesRemoved === 1 ? 'y' : 'ies'} older than ${deps.retentionMonths} months removed; ` +
      `${report.auditEntriesAnonymised} entr${report.auditEntriesAnonymised === 1 ? 'y' : 'ies'} of former members made to name no one.`,
  );
  return 0;
}
