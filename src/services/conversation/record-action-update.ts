import { createHash } from 'node:crypto';
import { actionVersion, DomainError, isOfficer, mayView, notFound, Rag, type Action, type ActionPlan, type ActionUpdate, type Viewer } from '../../domain';
import type { Versioned } from '../../store/port';
import type { ConversationDeps } from './conversation-deps';

export interface ActionUpdateRequest {
  readonly committeeId: string;
  readonly actionPlanId: string;
  readonly actionId: string;
  readonly rag: Rag;
  readonly percentComplete: number;
  readonly note: string;
  /** What makes a retry the same update (the Teams activity id): a redelivered invoke is recorded once. */
  readonly idempotencyKey: string;
  /**
   * The action's version (`actionVersion`) the person saw when they typed the update (the card carries it). When the
   * action has moved on since, the update is refused (StaleUpdateError) rather than silently replace what someone else
   * just said. None: no check (the API checks its own If-Match).
   */
  readonly expectedVersion?: string;
}

/** An update typed against a state of the action that is no longer its state: it carries the newer one to show. */
export class StaleUpdateError extends DomainError {
  constructor(
    readonly action: Action,
    /** The newest update of the action, when it was an update (not an officer's edit) that moved it. */
    readonly latest: ActionUpdate | undefined,
  ) {
    super('conflict', `Action ${action.id} was updated by someone else since you saw it: check it and send your update again.`, { id: action.id });
  }
}

const MAX_ATTEMPTS = 5;

/**
 * Appends an update to an action's history and applies it to the plan. Concurrent updates are never lost:
 * the history is append-only, and the plan is written with its ETag and re-read on conflict. A retry of the
 * same update finds its history record and only makes sure the plan reflects it.
 */
export async function recordActionUpdate(request: ActionUpdateRequest, viewer: Viewer, deps: Pick<ConversationDeps, 'store' | 'now'>): Promise<ActionPlan> {
  const member = viewer.member;
  if (!member) throw new DomainError('forbidden', 'You are not on the council roster, so you cannot update actions.');
  const { store } = deps;
  const first = await store.actionPlans.get(request.committeeId, request.actionPlanId);
  if (!first) throw notFound('Action plan', request.actionPlanId);
  // A plan that follows an exempt decision is updated only where it may be seen: nothing is written elsewhere.
  const decision = await store.decisions.get(first.value.committeeId, first.value.decisionId);
  if (decision && !mayView(viewer, decision.value)) {
    throw new DomainError('forbidden', 'This action plan follows an exempt decision: update it in your personal chat with the bot.');
  }
  const action = first.value.actions.find((a) => a.id === request.actionId);
  if (!action) throw notFound('Action', request.actionId);
  if (action.ownerMemberId !== member.id && !isOfficer(member)) {
    throw new DomainError('forbidden', 'Only the action’s owner or an officer can update it.');
  }
  const percentComplete = request.rag === 'done' ? 100 : request.percentComplete;
  const id = `upd-${createHash('sha256').update(`${request.actionPlanId}|${request.actionId}|${request.idempotencyKey}`).digest('hex').slice(0, 24)}`;
  // Checked before the append (the history has no conditional write): two updates sent at the same moment may both
  // pass; both are then kept in the history and the later one applied, as without a version.
  if (request.expectedVersion !== undefined && request.expectedVersion !== actionVersion(action)) {
    // Teams retries an invoke whose answer was slow: the first attempt moved the version, and that is not someone else.
    const updates = await store.actionPlans.listUpdates(request.committeeId, request.actionPlanId);
    const retried = updates.find((u) => u.id === id);
    if (!retried) {
      const latest = updates.filter((u) => u.actionId === action.id).sort((a, b) => b.at.localeCompare(a.at))[0];
      throw new StaleUpdateError(action, latest);
    }
  }
  const appended = await store.actionPlans.appendUpdate({
    id,
    actionPlanId: request.actionPlanId,
    committeeId: request.committeeId,
    actionId: request.actionId,
    byMemberId: member.id,
    at: deps.now().toISOString(),
    rag: request.rag,
    percentComplete,
    note: request.note,
  });
  const update = appended.created ? appended.record.value : appended.existing.value;
  return applyToPlan(first, update, deps);
}

async function applyToPlan(read: Versioned<ActionPlan>, update: ActionUpdate, deps: Pick<ConversationDeps, 'store' | 'now'>): Promise<ActionPlan> {
  let current = read;
  for (let attempt = 1; ; attempt += 1) {
    const action = current.value.actions.find((a) => a.id === update.actionId);
    if (!action) throw notFound('Action', update.actionId);
    // A later update already applied wins; history keeps both either way.
    if (action.lastUpdateAt && action.lastUpdateAt >= update.at) return current.value;
    const next: ActionPlan = {
      ...current.value,
      updatedAt: update.at,
      actions: current.value.actions.map((a) => (a.id === update.actionId ? { ...a, rag: update.rag, percentComplete: update.percentComplete, lastUpdateAt: update.at } : a)),
    };
    try {
      return (await deps.store.actionPlans.replace(next, current.etag)).value;
    } catch (err) {
      if (!(err instanceof DomainError && err.code === 'conflict') || attempt >= MAX_ATTEMPTS) throw err;
      const reread = await deps.store.actionPlans.get(update.committeeId, update.actionPlanId);
      if (!reread) throw notFound('Action plan', update.actionPlanId);
      current = reread;
    }
  }
}
