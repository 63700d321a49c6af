import { actorName, type AuditContext, type Viewer } from '../../domain';

/**
 * The audit context of a Teams viewer: the Entra object id Teams authenticated for the turn (`viewer.identity`, from
 * `from.aadObjectId`, never card data) and their roster record. Undefined when nobody authenticated is looking (the
 * outbox drawing a recipient's card).
 */
export function viewerAuditContext(viewer: Viewer): AuditContext | undefined {
  const identity = viewer.identity;
  if (identity === undefined) return undefined;
  return {
    actor: {
      id: identity.aadObjectId,
      ...(viewer.member ? { name: viewer.member.name, memberId: viewer.member.id } : actorName(identity.name)),
      via: 'teams',
    },
    ...(identity.requestId !== undefined ? { requestId: identity.requestId } : {}),
  };
}
