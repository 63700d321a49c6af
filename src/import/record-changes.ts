import type { ChangeRecord } from '../domain';

type Change = ChangeRecord['changes'][number];

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * What changed between two versions of a record, field by field: "summary", "outcomes[1].text",
 * "documents" (an array whose length changed is recorded whole). Values are JSON data.
 */
export function recordChanges(before: unknown, after: unknown, path = ''): Change[] {
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    return before.flatMap((b, i) => recordChanges(b, after[i], `${path}[${i}]`));
  }
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((k) => recordChanges(before[k], after[k], path ? `${path}.${k}` : k));
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [{ field: path, ...(before !== undefined ? { from: before } : {}), ...(after !== undefined ? { to: after } : {}) }];
}
