import type { ImportWarning } from './import-warning';

/** A parser's failure, located so the officer can find it: "line 3, column 7", "h2.mgSubTitleTxt", "meeting". */
export interface ParseError {
  readonly message: string;
  readonly where: string;
}

/** Parsers never throw: they answer a value (with what looked wrong) or a located error. */
export type ParseResult<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: ImportWarning[] }
  | { readonly ok: false; readonly error: ParseError };

export const parsed = <T>(value: T, warnings: ImportWarning[] = []): ParseResult<T> => ({ ok: true, value, warnings });
export const parseError = <T>(where: string, message: string): ParseResult<T> => ({ ok: false, error: { where, message } });

