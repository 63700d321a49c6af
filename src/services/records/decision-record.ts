import { notFound } from '../../domain';
import type { Store } from '../../store/port';
import { decisionView, type DecisionView } from './decision-view';
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
  return { decision: await decisionView(found.value, store, today), etag: found.etag };
}
