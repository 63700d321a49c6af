import { CardFactory, type MessagingExtensionAttachment, type MessagingExtensionQuery, type MessagingExtensionResponse } from 'botbuilder';
import { buildLinkPreviewView, buildSearchResultPreview, renderLinkPreviewCard, type AdaptiveCard } from '../cards';
import type { Viewer } from '../domain';
import { parseModernGovLink } from '../services/commands/moderngov-link';
import { findByModernGovLink } from '../services/conversation/find-by-link';
import type { FoundHit } from '../services/conversation/found-hit';
import { searchForCompose, type ComposePage } from '../services/conversation/search-for-compose';
import { agendaItemCard, decisionCard } from './reply-cards';
import type { BotDeps, Turn } from './turn';

/**
 * Teams asks for 25 results a page by default; more than that would be a slow answer (each result is a full card,
 * loaded from the store) for a list nobody scrolls.
 */
export const MAX_RESULTS_PER_PAGE = 25;

/** Teams' `queryOptions`, bounded: a page of 1 to 25 results, after any number skipped. */
export const composePageOf = (options: MessagingExtensionQuery['queryOptions']): ComposePage => {
  const whole = (n: unknown, fallback: number): number => (typeof n === 'number' && Number.isFinite(n) ? Math.trunc(n) : fallback);
  return {
    skip: Math.max(whole(options?.skip, 0), 0),
    count: Math.min(Math.max(whole(options?.count, MAX_RESULTS_PER_PAGE), 1), MAX_RESULTS_PER_PAGE),
  };
};

/**
 * The search message extension inserts cards into any chat, so it answers as if in a channel: exempt items
 * are never offered, whoever searches. Each result is the full Adaptive Card with a Thumbnail card as its preview in
 * the list (Teams takes only a Hero or Thumbnail card there).
 */
export async function answerComposeQuery(query: MessagingExtensionQuery, turn: Turn, deps: BotDeps): Promise<MessagingExtensionResponse> {
  const text = (query.parameters ?? []).find((p) => p.name !== 'initialRun')?.value;
  const viewer: Viewer = { member: turn.viewer.member, where: 'channel' };
  const hits = await searchForCompose(typeof text === 'string' ? text : '', viewer, composePageOf(query.queryOptions), deps);
  return result(hits.map((hit) => ({ ...CardFactory.adaptiveCard(fullCard(hit, viewer, deps.now())), preview: previewOf(hit) })));
}

/** Link unfurling for ModernGov addresses the store knows (mgAi.aspx?ID=, ieDecisionDetails.aspx?ID= or ?AIId=). */
export async function answerLinkQuery(url: string, turn: Turn, deps: BotDeps): Promise<MessagingExtensionResponse> {
  const link = parseModernGovLink(url);
  if (!link) return result([]);
  const hit = await findByModernGovLink(link, { member: turn.viewer.member, where: 'channel' }, deps, deps.modernGovHosts ?? []);
  if (!hit) return result([]);
  // Teams unfurls with cards of version 1.3 at most: the preview card is the whole card here.
  const card = renderLinkPreviewCard(buildLinkPreviewView({ hit, sourceUrl: link.url }));
  return result([{ ...CardFactory.adaptiveCard(card), preview: CardFactory.adaptiveCard(card) }]);
}

const fullCard = (hit: FoundHit, viewer: Viewer, now: Date): AdaptiveCard =>
  hit.kind === 'decision'
    ? decisionCard({ decision: hit.decision, statuses: hit.statuses }, viewer)
    : agendaItemCard({ item: hit.item, committee: hit.committee, meeting: hit.meeting }, viewer, { audience: 'conversation', now });

const previewOf = (hit: FoundHit) => {
  const { title, subtitle, text } = buildSearchResultPreview(hit);
  return CardFactory.thumbnailCard(title, text, undefined, undefined, { subtitle });
};

const result = (attachments: MessagingExtensionAttachment[]): MessagingExtensionResponse => ({
  composeExtension: { type: 'result', attachmentLayout: 'list', attachments },
});
