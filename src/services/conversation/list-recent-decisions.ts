import { addCalendarDays, mayView, type Committee, type Decision, type StatusDescription, type Viewer } from '../../domain';
import { shownDecision } from '../audit/exempt-views';
import { londonToday, type ConversationDeps } from './conversation-deps';
import { describeDecisionStatuses } from './decision-statuses';

export interface RecentDecision {
  readonly decision: Decision;
  readonly committee: Committee;
  /** The status most worth showing: the first outcome that is not final, else the first. */
  readonly status?: StatusDescription;
}

const MAX_DECISIONS = 10;

/** "decisions": decisions made in the last N days that this viewer may see, newest first. */
export async function listRecentDecisions(days: number, viewer: Viewer, deps: ConversationDeps): Promise<RecentDecision[]> {
  const { store } = deps;
  const today = londonToday(deps.now());
  const committees = new Map((await store.committees.list()).map((c) => [c.id, c]));
  const decisions = (await store.decisions.listDecidedSince(addCalendarDays(today, -days))).filter((d) => mayView(viewer, d)).slice(0, MAX_DECISIONS);
  const recent: RecentDecision[] = [];
  for (const decision of decisions) {
    const committee = committees.get(decision.committeeId);
    if (!committee) continue;
    const statuses = Object.values(await describeDecisionStatuses(decision, committee, store, today));
    recent.push({ decision, committee, status: statuses.find((s) => !s.final) ?? statuses[0] });
  }
  await deps.views.shown(viewer, recent.map((r) => shownDecision(r.decision)));
  return recent;
}
