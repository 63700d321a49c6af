import type { AuditContext } from '../domain';

/**
 * The operator as the CLI knows them: the account it runs under (`cli:<user>`). The CLI is run by whoever can reach
 * the store's file or Cosmos DB account, so this names the account, not a verified person; the audit log says so
 * with `via: 'cli'`.
 */
export const cliOperatorId = (): string => `cli:${process.env['USER'] ?? process.env['USERNAME'] ?? 'officer'}`;

export const cliAuditContext = (): AuditContext => ({ actor: { id: cliOperatorId(), via: 'cli' } });
