import { actorName, type AuditContext } from '../domain';
import type { OfficerPrincipal } from './officer-auth';

/** Who is calling the officer API, for the audit log: the verified token's subject, and the request's id. */
export const apiAuditContext = (ctx: { readonly principal: OfficerPrincipal; readonly requestId: string }): AuditContext => ({
  actor: { id: ctx.principal.id, ...actorName(ctx.principal.name), via: 'api' },
  requestId: ctx.requestId,
});
