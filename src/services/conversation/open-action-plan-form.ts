import { DomainError, isOfficer, sitsOn, type Member, type Viewer } from '../../domain';
import type { ConversationDeps } from './conversation-deps';
import { openDecision, type DecisionDetails } from './open-decision';

export interface ActionPlanFormDetails extends DecisionDetails {
  /** Who may own an action: the committee's sitting members, then officers, each by name; former members never. */
  readonly owners: readonly Member[];
}

/** Only officers start action plans, in Teams as over the API; the viewer is who Teams authenticated. */
export function requirePlanOfficer(viewer: Viewer, at: Date): void {
  if (!isOfficer(viewer.member, at)) throw new DomainError('forbidden', 'Only democratic services officers can start an action plan.');
}

/**
 * The "Start action plan" form's content: the decision (for a viewer entitled to see it here), whether it already
 * has a plan, and the people an action may be given to.
 */
export async function openActionPlanForm(
  locator: { committeeId: string; decisionId: string },
  viewer: Viewer,
  deps: Pick<ConversationDeps, 'store' | 'now' | 'views'>,
): Promise<ActionPlanFormDetails> {
  const at = deps.now();
  requirePlanOfficer(viewer, at);
  const details = await openDecision(locator, viewer, deps);
  const roster = await deps.store.members.list();
  const committeeId = details.decision.committeeId;
  const rank = (m: Member) => (sitsOn(m, committeeId, at) ? 0 : 1);
  const owners = roster
    .filter((m) => sitsOn(m, committeeId, at) || isOfficer(m, at))
    .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'en-GB'));
  return { ...details, owners };
}
