import type { Viewer } from '../../domain';
import type { Asker } from '../search';

/**
 * The search asker for a viewer. Outside a personal chat nobody is entitled to exempt business, so the
 * asker there has no committees and no officer role, whoever is typing.
 */
export const askerFor = (viewer: Viewer): Asker =>
  viewer.where === 'personal' && viewer.member ? viewer.member : { role: 'councillor', committees: [] };

/**
 * A question's answer must match at least this share of what its words say (each weighted by how rare it is, a
 * typo's match counting half: see SearchOptions.minimumCoverage), so that one stray word does not make an answer.
 */
export const QUESTION_COVERAGE = 0.4;
