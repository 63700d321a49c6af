import { notFound } from '../../domain';
import type { Store } from '../../store/port';
import { decisionView, type DecisionView } from './decision-view';
import { shownDecision } from '../audit/exempt-views';
import { requireReadable, type RecordReader } from './record-reader';

/** One decision, each outcome's status as of `today`. */
export async function decisionRecord(
  id: string,
  reader: RecordReader,
  store: Pick<Store, 'decisions' | 'committees' | 'meetings'>,
  today: string,
): Promise<{ decision: DecisionView; etag: string }> {
  const found = await store.decisions.findById(id);
  if (!found) throw notFound('Decision', id);
  requireReadable(reader, found.value, 'decision');
  const decision = await decisionView(found.value, store, today);
  await reader.noteShown?.([shownDecision(found.value)]);
  return { decision, etag: found.etag };
}
