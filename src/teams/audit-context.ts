import { DomainError, type AuditContext } from '../domain';
import { viewerAuditContext } from '../services/audit/viewer-context';
import type { Turn } from './turn';

/**
 * Who acts in this turn, for the audit log: the Entra object id Teams authenticated (`from.aadObjectId`, carried as
 * the viewer's identity), never anything in the card's data, and their roster record.
 */
export function teamsAuditContext(turn: Turn): AuditContext {
  const context = viewerAuditContext(turn.viewer);
  if (!context) throw new DomainError('forbidden', 'Teams did not say who you are (no Entra object id), so this cannot be done here.');
  return context;
}
