import { MarkerMirror, type MarkerMirrorOptions, type MirroredState } from './marker-mirror';
import type { DecisionPlanLink, Store } from './port';

/** What the mirror reads: every decision's plan, and the marker that every action plan created moves. */
export type DecisionPlanSource = Pick<Store, 'changeMarkers'> & {
  readonly actionPlans: Pick<Store['actionPlans'], 'listDecisionLinks'>;
};

const keyOf = (committeeId: string, decisionId: string): string => `${committeeId}/${decisionId}`;

/** Which plan each decision has, as read at one plans marker, with the plans this instance created since. */
class HeldDecisionPlans implements MirroredState<DecisionPlanLink> {
  private readonly planIds = new Map<string, string>();

  constructor(links: Iterable<DecisionPlanLink>) {
    for (const link of links) this.apply(link);
  }

  planIdOf(committeeId: string, decisionId: string): string | undefined {
    return this.planIds.get(keyOf(committeeId, decisionId));
  }

  /** Of two plans of one decision, the lowest id, as the store's lookup answers (TypedDocuments.only). */
  apply(link: DecisionPlanLink): void {
    const key = keyOf(link.committeeId, link.decisionId);
    const held = this.planIds.get(key);
    if (held === undefined || link.actionPlanId < held) this.planIds.set(key, link.actionPlanId);
  }
}

/**
 * Which action plan each decision has (its id), held in memory by one instance, so that no turn queries for it: on
 * Cosmos DB `actionPlans.findByDecision` is a single-partition query, two requests (the SDK's query plan, then the
 * query), which made a decided item's acknowledgement 5 requests on an instance's first look at its decision. The
 * plan itself is still read fresh, by a point read of the id held here (store/mirrored-store.ts).
 *
 * Kept current by the plans part of the store's change marker (Store.changeMarkers()), which every action plan
 * created through any Store moves (a plan keeps its decision and is never removed, so nothing else changes what is
 * held), as a MarkerMirror (marker-mirror.ts): handed the part by the app's one periodic marker read, reloaded in the
 * background when it moves (one cross-partition listing), the plans this instance creates applied at once, and a
 * lookup waits for a reload when nothing has confirmed what is held for MIRROR_UNCONFIRMED_MS.
 */
export class DecisionPlanMirror extends MarkerMirror<HeldDecisionPlans, DecisionPlanLink> {
  constructor(source: DecisionPlanSource, options: MarkerMirrorOptions = {}) {
    super('the action plans of decisions', {
      readMarker: async () => (await source.changeMarkers()).plans,
      readAll: async () => new HeldDecisionPlans(await source.actionPlans.listDecisionLinks()),
    }, options);
  }

  /** The id of the decision's plan, or undefined when it has none. */
  async planIdOf(committeeId: string, decisionId: string): Promise<string | undefined> {
    return (await this.current()).planIdOf(committeeId, decisionId);
  }
}
