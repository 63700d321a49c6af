import { addCalendarDays, applyCouncilDecision, DomainError, type CouncilResult, type Decision, type Outcome } from '../domain';
import type { Store } from '../store/port';

/** How far back a Cabinet recommendation may wait for Full Council. */
const LOOK_BACK_DAYS = 366;
const WRITE_ATTEMPTS = 3;

/**
 * When Full Council's decision is imported, the Cabinet recommendations it decides follow it: each outcome that is
 * awaiting Council, was recommended on or before Council's decision and was sent to that Council meeting (or, where no
 * meeting was linked, names the same business) becomes approved, amended or rejected by Council, linked to the Council decision. Returns the decisions updated.
 */
export async function linkCouncilDecision(councilDecision: Decision, deps: { store: Store; now: Date }): Promise<Decision[]> {
  const { store } = deps;
  const committee = (await store.committees.get(councilDecision.committeeId))?.value;
  const result = councilResultOf(councilDecision);
  if (committee?.kind !== 'council' || !result || !councilDecision.decidedOn) return [];
  const since = addCalendarDays(councilDecision.decidedOn, -LOOK_BACK_DAYS);
  // Only what was recommended by the day Council decided: a 2021 Council decision never decides a later recommendation.
  const awaiting = (await store.decisions.listDecidedSince(since)).filter(
    (d) => d.committeeId !== councilDecision.committeeId && d.decidedOn !== undefined && d.decidedOn <= councilDecision.decidedOn! &&
      d.outcomes.some((o) => o.status === 'awaiting-council' && decides(councilDecision, d, o)),
  );
  const updated: Decision[] = [];
  for (const candidate of awaiting) {
    const saved = await applyWithRetry(candidate, councilDecision, result, deps);
    if (saved) updated.push(saved);
  }
  return updated;
}

/**
 * Full Council's result, read from its outcomes: a rejection, an amendment (the word in its text), or an
 * approval. Anything else (a deferral, a noting) decides nothing yet.
 */
export function councilResultOf(decision: Pick<Decision, 'outcomes'>): CouncilResult | undefined {
  const verbs = decision.outcomes.map((o) => o.verb);
  if (verbs.includes('REJECTED')) return 'rejected';
  const deciding = decision.outcomes.filter((o) => ['APPROVED', 'AGREED', 'RESOLVED', 'ADOPTED', 'ENDORSED', 'DECIDED'].includes(o.verb));
  if (deciding.length === 0) return undefined;
  return deciding.some((o) => /\bamend/i.test(o.text)) ? 'amended' : 'approved';
}

/**
 * The Council decision decides a recommendation on the same business (its title against the Cabinet decision's title
 * and the recommendation's own words), sent to the same Council meeting when both meetings are known.
 */
function decides(council: Decision, cabinet: Decision, outcome: Outcome): boolean {
  if (outcome.councilMeetingId && council.meetingId && outcome.councilMeetingId !== council.meetingId) return false;
  return sameBusiness(council.title, `${cabinet.title} ${outcome.text}`);
}

const significantWords = (title: string): Set<string> =>
  new Set(title.toLowerCase().match(/[a-z0-9]+/g)?.filter((w) => w.length > 3 && !['approval', 'proposed', 'report', 'council', 'cabinet'].includes(w)) ?? []);

/** Two texts name the same business when most of the shorter one's significant words are in the other. */
export function sameBusiness(a: string, b: string): boolean {
  const [x, y] = [significantWords(a), significantWords(b)];
  const smaller = x.size <= y.size ? x : y;
  const larger = smaller === x ? y : x;
  if (smaller.size === 0) return false;
  const shared = [...smaller].filter((w) => larger.has(w)).length;
  return shared / smaller.size >= 0.75;
}

async function applyWithRetry(candidate: Decision, council: Decision, result: CouncilResult, deps: { store: Store; now: Date }): Promise<Decision | undefined> {
  for (let attempt = 1; ; attempt += 1) {
    const current = await deps.store.decisions.get(candidate.committeeId, candidate.id);
    if (!current) return undefined;
    let next = current.value;
    for (const outcome of current.value.outcomes) {
      if (outcome.status === 'awaiting-council' && decides(council, current.value, outcome)) {
        next = applyCouncilDecision(next, outcome.number, { id: council.id, result, at: `${council.decidedOn}T00:00:00.000Z` });
      }
    }
    if (next === current.value) return undefined;
    try {
      return (await deps.store.decisions.replace({ ...next, updatedAt: deps.now.toISOString() }, current.etag)).value;
    } catch (err) {
      if (!(err instanceof DomainError && err.code === 'conflict') || attempt >= WRITE_ATTEMPTS) throw err;
    }
  }
}
