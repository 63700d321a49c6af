/**
 * Errors are values with codes at the domain edge; adapters turn them into cards or problem+json.
 */
export type DomainErrorCode =
  | 'not-found'
  | 'exists'
  | 'conflict'
  | 'invalid'
  | 'forbidden'
  | 'unavailable';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string, id: string): DomainError => new DomainError('not-found', `${what} ${id} was not found`, { id });
export const conflict = (what: string, id: string): DomainError =>
  new DomainError('conflict', `${what} ${id} was changed by someone else; reload it and try again`, { id });
