import { buildLinkPreviewView, buildSearchResultsView, describeSearchHit, renderLinkPreviewCard, type SearchHit } from '../../src/cards';
import { allObjects, cardProblems, visibleTexts } from './support/card-checks';
import * as s from './fixtures/samples';

const decisionHit: SearchHit = { kind: 'decision', decision: s.decision, committee: s.cabinet, status: s.statuses[2] };
const itemHit: SearchHit = { kind: 'agenda-item', item: s.item, committee: s.cabinet, meeting: s.meeting };

const decisionLink = 'https://democracy.melton.gov.uk/ieDecisionDetails.aspx?ID=1234';
const itemLink = 'https://democracy.melton.gov.uk/mgAi.aspx?ID=5678';

describe('link preview card', () => {
  it('shows a decision as what it is, its title and where it stands, with a link to the unfurled page', () => {
    const view = buildLinkPreviewView({ hit: decisionHit, sourceUrl: decisionLink });
    expect(view).toEqual({
      label: 'DECISION · Cabinet',
      title: 'Approval of the Community Safety Partnership Strategic Plan',
      detail: '🏛️ Recommended to Council: awaiting Full Council, 21 July 2021',
      openUrl: decisionLink,
    });
    const card = renderLinkPreviewCard(view);
    expect(card.version).toBe('1.3');
    expect(visibleTexts(card)).toEqual([
      'DECISION · Cabinet',
      'Approval of the Community Safety Partnership Strategic Plan',
      '🏛️ Recommended to Council: awaiting Full Council, 21 July 2021',
    ]);
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open on the council website', url: decisionLink }]);
    expect(allObjects(card).find((o) => o.text === view.detail)).not.toHaveProperty('color');
    expect(cardProblems(card)).toEqual([]);
  });

  it('shows an agenda item with its committee, meeting and summary clipped to 200 characters', () => {
    const card = renderLinkPreviewCard(buildLinkPreviewView({ hit: itemHit, sourceUrl: itemLink }));
    expect(visibleTexts(card)).toEqual([
      'AGENDA ITEM · Cabinet · Wed 16 June 2021, 6.30pm',
      'Approval of the Community Safety Partnership Strategic Plan',
      'The Portfolio Holder for Housing and Communities to submit a report seeking approval to adopt the proposed Community Safety Strategy 2021-23, providing an overview of the issues impacting on communit…',
    ]);
    expect(Array.from(visibleTexts(card)[2]!)).toHaveLength(200);
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open on the council website', url: itemLink }]);
    expect(allObjects(card).filter((o) => o.type === 'TextRun').map((o) => o.color)).toEqual([undefined, 'accent', undefined]);
  });

  it('falls back to the hit’s own page, and offers no button when no http(s) address is known', () => {
    // The sample decision was imported from the meeting's documents page.
    expect(buildLinkPreviewView({ hit: decisionHit }).openUrl).toBe(s.decision.source!.url);
    expect(buildLinkPreviewView({ hit: decisionHit, sourceUrl: 'javascript:alert(1)' }).openUrl).toBe(s.decision.source!.url);
    const noSource: SearchHit = { kind: 'decision', decision: { ...s.decision, source: undefined }, committee: s.cabinet };
    const card = renderLinkPreviewCard(buildLinkPreviewView({ hit: noSource, sourceUrl: 'javascript:alert(1)' }));
    expect(card.actions).toEqual([]);
    expect(JSON.stringify(card)).not.toContain('Action.Execute');
  });

  it('says when a decision without a status was made, and marks exempt items', () => {
    expect(visibleTexts(renderLinkPreviewCard(buildLinkPreviewView({ hit: { ...decisionHit, status: undefined } })))).toEqual([
      'DECISION · Cabinet',
      'Approval of the Community Safety Partnership Strategic Plan',
      'Decided Wed 16 June 2021',
    ]);
    const exempt = buildLinkPreviewView({ hit: { kind: 'agenda-item', item: { ...s.item, exempt: true, summary: '' }, committee: s.cabinet } });
    expect(exempt).toMatchObject({ label: 'AGENDA ITEM · 🔒 EXEMPT · Cabinet', detail: '', openUrl: '' });
    expect(visibleTexts(renderLinkPreviewCard(exempt))).toEqual(['AGENDA ITEM · 🔒 EXEMPT · Cabinet', 'Approval of the Community Safety Partnership Strategic Plan']);
  });

  it('shows an action plan with its progress', () => {
    expect(buildLinkPreviewView({ hit: { kind: 'action-plan', plan: s.actionPlan, committee: s.cabinet } })).toEqual({
      label: 'ACTION PLAN · Cabinet',
      title: 'Community Safety Strategy 2021-24: action plan',
      detail: '4 actions: 1 on track, 1 at risk, 1 off track, 1 done',
      openUrl: '',
    });
  });

  it('words a hit exactly as the search results do', () => {
    for (const hit of [decisionHit, itemHit]) {
      const facts = describeSearchHit(hit);
      const [result] = buildSearchResultsView({ query: 'x', hits: [hit] }).results;
      expect(result).toMatchObject({ kindLabel: facts.kindLabel, title: facts.title, statusText: facts.statusText });
      expect(buildLinkPreviewView({ hit }).title).toBe(result!.title);
    }
  });
});
