import { ragCountsText } from './action-plan-card';
import { describeSearchHit, type SearchHit } from './search-results-card';
import { renderTemplate, type AdaptiveCard } from './templates';
import { clip, safeUrl } from './text';

/**
 * A compact card for one hit: the card (and its preview) when Teams unfurls a ModernGov link. Teams takes only
 * Adaptive Cards up to version 1.3 there, so cards/link-preview.json is a 1.3 card: no Action.Execute, no refresh,
 * nothing newer. (A search result's preview is a Thumbnail card: search-result-preview.ts.)
 */
export interface LinkPreviewView {
  /** "DECISION · Cabinet", "AGENDA ITEM · Cabinet · Wed 16 June 2021, 6.30pm": fixed words and imported names. */
  readonly label: string;
  /** Imported text, clipped. */
  readonly title: string;
  /** Where a decision stands, an item's summary (clipped) or an action plan's progress; '' when there is none. */
  readonly detail: string;
  /** An http(s) address for "Open on the council website"; '' for no button. */
  readonly openUrl: string;
}

const LIMITS = { committeeName: 80, summary: 200 };

const detailOf = (hit: SearchHit, statusText: string, when: string): string => {
  switch (hit.kind) {
    case 'agenda-item':
      // A withdrawn item, or one whose meeting is off, says so before what it is about.
      return [statusText, hit.item.summary ? clip(hit.item.summary, LIMITS.summary) : ''].filter(Boolean).join(' · ');
    case 'decision':
      return statusText || (when ? `Decided ${when}` : '');
    case 'action-plan':
      return ragCountsText(hit.plan);
  }
};

/**
 * `sourceUrl` is the link being unfurled; without it the hit's own page on the council website is offered, if it
 * has one. Either way only an http(s) address becomes a button.
 */
export const buildLinkPreviewView = (input: { hit: SearchHit; sourceUrl?: string }): LinkPreviewView => {
  const { hit } = input;
  const facts = describeSearchHit(hit);
  const label = [facts.kindLabel, clip(facts.committeeName, LIMITS.committeeName), hit.kind === 'agenda-item' ? facts.when : '']
    .filter(Boolean)
    .join(' · ');
  return {
    label,
    title: facts.title,
    detail: detailOf(hit, facts.statusText, facts.when),
    openUrl: safeUrl(input.sourceUrl) ?? facts.sourceUrl,
  };
};

export const renderLinkPreviewCard = (view: LinkPreviewView): AdaptiveCard =>
  renderTemplate('link-preview', { ...view, openUrl: safeUrl(view.openUrl) ?? '' });
