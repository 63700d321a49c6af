import { CardFactory, type MessagingExtensionAttachment, type MessagingExtensionQuery, type MessagingExtensionResponse } from 'botbuilder';
import { z } from 'zod';
import { buildLinkPreviewView, buildSearchResultPreview, renderLinkPreviewCard, type AdaptiveCard } from '../cards';
import type { Viewer } from '../domain';
import { parseModernGovLink } from '../services/commands/moderngov-link';
import { findByModernGovLink } from '../services/conversation/find-by-link';
import type { FoundHit } from '../services/conversation/found-hit';
import type { ListedHit } from '../services/conversation/listed-hit';
import { openForCompose, type ComposePick } from '../services/conversation/open-for-compose';
import { searchForCompose, type ComposePage } from '../services/conversation/search-for-compose';
import { agendaItemCard, decisionCard } from './reply-cards';
import type { BotDeps, Turn } from './turn';

/** Teams asks for 25 results a page by default; more than that is a list nobody scrolls. */
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
 * are never offered, whoever searches. The list is drawn from the search index (a Thumbnail card a result: Teams
 * takes only a Hero or Thumbnail card there), with no store read per result; picking one sends
 * composeExtension/selectItem with its locators (the card's `tap`), answered by answerComposeSelection with the full
 * Adaptive Card, read from the store then.
 */
export async function answerComposeQuery(query: MessagingExtensionQuery, turn: Turn, deps: BotDeps): Promise<MessagingExtensionResponse> {
  const text = (query.parameters ?? []).find((p) => p.name !== 'initialRun')?.value;
  const viewer: Viewer = { member: turn.viewer.member, where: 'channel' };
  const hits = await searchForCompose(typeof text === 'string' ? text : '', viewer, composePageOf(query.queryOptions), deps);
  return result(hits.map((hit) => {
    const preview = previewOf(hit);
    return { ...preview, preview };
  }));
}

/** What a result's `tap` sends back when it is picked: the locators of its record, nothing else. */
const ComposePickValue = z.union([
  z.object({ committeeId: z.string().min(1).max(200), decisionId: z.string().min(1).max(200) }).strict(),
  z.object({ committeeId: z.string().min(1).max(200), agendaItemId: z.string().min(1).max(200) }).strict(),
]);

/**
 * A result picked from the list (composeExtension/selectItem): its full card, to insert into the message. The pick
 * is checked as any input from outside (it comes back from the client), and the record read again with the
 * rules of the list: from a channel's point of view, so exempt business is never inserted.
 */
export async function answerComposeSelection(value: unknown, turn: Turn, deps: BotDeps): Promise<MessagingExtensionResponse> {
  const pick = ComposePickValue.safeParse(value);
  const viewer: Viewer = { member: turn.viewer.member, where: 'channel' };
  const hit = pick.success ? await openForCompose(pick.data as ComposePick, viewer, deps) : undefined;
  if (!hit) {
    return { composeExtension: { type: 'message', text: 'That result is not available to share: it may have been removed. Search again.' } };
  }
  return result([{ ...CardFactory.adaptiveCard(fullCard(hit, viewer, deps.now())), preview: previewOf(hit) }]);
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

/** The list line of a hit; picking it asks for its full card (composeExtension/selectItem) with its locators. */
const previewOf = (hit: ListedHit) => {
  const { title, subtitle, text } = buildSearchResultPreview(hit);
  const pick: ComposePick = hit.kind === 'decision'
    ? { committeeId: hit.decision.committeeId, decisionId: hit.decision.id }
    : { committeeId: hit.item.committeeId, agendaItemId: hit.item.id };
  return CardFactory.thumbnailCard(title, text, undefined, undefined, { subtitle, tap: { type: 'invoke', title, value: pick } });
};

const result = (attachments: MessagingExtensionAttachment[]): MessagingExtensionResponse => ({
  composeExtension: { type: 'result', attachmentLayout: 'list', attachments },
});
