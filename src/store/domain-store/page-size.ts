import { DomainError } from '../../domain/errors';

/** listAll pages: big enough to be cheap per item, small enough to answer within a Teams turn. */
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

export const pageSizeOf = (pageSize: number | undefined): number => {
  const size = pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isSafeInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new DomainError('invalid', `A page size must be a whole number from 1 to ${MAX_PAGE_SIZE}, not ${size}`);
  }
  return size;
};
