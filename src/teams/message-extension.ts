import { CardFactory, type MessagingExtensionAttachment, type MessagingExtensionQuery, type MessagingExtensionResponse } from 'botbuilder';
import { buildLinkPreviewView, renderLinkPreviewCard, type AdaptiveCard } from '../cards';
import type { Viewer } from '../domain';
import { parseModernGovLink } from '../services/commands/moderngov-link';
import { findByModernGovLink } from '../services/conversation/find-by-link';
import type { FoundHit } from '../services/conversation/found-hit';
import { searchForCompose } from '../services/conversation/search-for-compose';
import { agendaItemCard, decisionCard } from './reply-cards';
import type { BotDeps, Turn } from './turn';

const MAX_RESULTS = 10;

/**
 * The search message extension inserts cards into any chat, so it answers as if in a channel: exempt items
 * are never offered, whoever searches. Each result is the full card with a small 1.3 preview for the list.
 */
export async function answerComposeQuery(query: MessagingExtensionQuery, turn: Turn, deps: BotDeps): Promise<MessagingExtensionResponse> {
  const text = (query.parameters ?? []).find((p) => p.name !== 'initialRun')?.value;
  const count = Math.min(Math.max(query.queryOptions?.count ?? MAX_RESULTS, 1), MAX_RESULTS);
  const viewer: Viewer = { member: turn.viewer.member, where: 'channel' };
  const hits = await searchForCompose(typeof text === 'string' ? text : '', viewer, count, deps);
  return result(hits.map((hit) => attachment(fullCard(hit, viewer, deps.now()), hit)));
}

/** Link unfurling for ModernGov addresses the store knows (mgAi.aspx?ID=, ieDecisionDetails.aspx?ID=). */
export async function answerLinkQuery(url: string, turn: Turn, deps: BotDeps): Promise<MessagingExtensionResponse> {
  const link = parseModernGovLink(url);
  if (!link) return result([]);
  const hit = await findByModernGovLink(link, { member: turn.viewer.member, where: 'channel' }, deps);
  if (!hit) return result([]);
  // Teams unfurls with cards of version 1.3 at most: the preview card is the whole card here.
  const card = renderLinkPreviewCard(buildLinkPreviewView({ hit, sourceUrl: link.url }));
  return result([{ ...CardFactory.adaptiveCard(card), preview: CardFactory.adaptiveCard(card) }]);
}

const fullCard = (hit: FoundHit, viewer: Viewer, now: Date): AdaptiveCard =>
  hit.kind === 'decision'
    ? decisionCard({ decision: hit.decision, statuses: hit.statuses }, viewer)
    : agendaItemCard({ item: hit.item, committee: hit.committee, meeting: hit.meeting }, viewer, { now });

const attachment = (card: AdaptiveCard, hit: FoundHit): MessagingExtensionAttachment => ({
  ...CardFactory.adaptiveCard(card),
  preview: CardFactory.adaptiveCard(renderLinkPreviewCard(buildLinkPreviewView({ hit }))),
});

const result = (attachments: MessagingExtensionAttachment[]): MessagingExtensionResponse => ({
  composeExtension: { type: 'result', attachmentLayout: 'list', attachments },
});
