import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The ModernGov fixtures (copies, read-only; see test/fixtures/README.md) and our own GetMeeting answers. */
export const moderngovFixture = (name: string): string => readFileSync(join(__dirname, '../fixtures/moderngov', name), 'utf8');
export const xmlFixture = (name: string): string => readFileSync(join(__dirname, '../fixtures/moderngov-xml', name), 'utf8');

/** Unwraps a parse result in a test: fails the test with the parser's own message when it is an error. */
export function valueOf<T>(result: { ok: true; value: T } | { ok: false; error: { where: string; message: string } }): T {
  if (!result.ok) throw new Error(`expected a value, got an error at ${result.error.where}: ${result.error.message}`);
  return result.value;
}
