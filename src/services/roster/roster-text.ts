import { DomainError } from '../../domain';

/**
 * The roster file's bytes as text. Spreadsheets also save in legacy code pages, which would silently garble
 * names like "Siân"; refusing anything but UTF-8 makes the officer re-save rather than import wrong names.
 */
export function decodeRosterFile(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DomainError('invalid', 'The roster file is not UTF-8 text. Save it from the spreadsheet as "CSV UTF-8 (comma delimited)".');
  }
}
