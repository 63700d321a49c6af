import {
  buildAcknowledgementReportView,
  buildActionPlanView,
  buildAgendaItemView,
  buildDecisionView,
  buildErrorView,
  buildHelpView,
  buildLinkPreviewView,
  buildMeetingDigestView,
  buildSearchResultsView,
  renderCard,
  type AdaptiveCard,
} from '../../src/cards';
import { DomainError } from '../../src/domain';
import { actionsOfType, allObjects, schemaErrors, sdkErrors } from './support/card-checks';
import * as s from './fixtures/samples';

/** Template syntax, markdown, a link and HTML: all of it must reach the reader as these exact characters. */
const hostile = '${committeeName} ${$root.title} **bold** [link](http://evil.example) - list _it_ <b>x</b>';
const h = (label: string) => `${label} ${hostile}`;

const item = {
  ...s.item,
  title: h('title'),
  summary: h('summary'),
  portfolioHolder: h('holder'),
  leadOfficer: { name: h('officer'), role: h('role') },
  recommendations: [h('recommendation')],
  documents: [{ title: h('paper'), url: 'javascript:alert(1)', restricted: false }, { title: h('paper2'), url: 'https://ok.example/p.pdf', restricted: false }],
  exempt: true,
  exemptReason: h('reason'),
};
const committee = { ...s.cabinet, name: h('committee') };
const meeting = { ...s.meeting, venue: h('venue') };
const decision = {
  ...s.decision,
  title: h('decision'),
  decisionMaker: h('maker'),
  outcomes: s.decision.outcomes.map((o) => ({ ...o, text: h('outcome') })),
  reasons: [h('reasons')],
  source: { kind: 'moderngov-decision' as const, url: 'data:text/html,<script>alert(1)</script>' },
};
const members = s.members.map((m) => ({ ...m, name: h(m.id) }));
const plan = { ...s.actionPlan, title: h('plan'), actions: s.actionPlan.actions.map((a) => ({ ...a, title: h(a.id) })) };
const updates = s.actionUpdates.map((u) => ({ ...u, note: h('note') }));

const cards: [string, AdaptiveCard][] = [
  ['agenda-item', renderCard('agenda-item', buildAgendaItemView({ item, committee, meeting, now: s.now }))],
  [
    'agenda-item (found by a search)',
    renderCard('agenda-item', buildAgendaItemView({
      item, committee, meeting, now: s.now,
      found: { passage: { label: 'In the minutes', runs: [{ text: h('passage'), matched: false }, { text: h('matched'), matched: true }] }, filters: [h('filter')] },
    })),
  ],
  [
    'decision (found by a search)',
    renderCard('decision', buildDecisionView({ decision, statuses: s.statuses, found: { passage: { label: 'In the reasons', runs: [{ text: h('matched'), matched: true }] }, filters: [h('person')], relaxed: true } })),
  ],
  ['meeting-digest', renderCard('meeting-digest', buildMeetingDigestView({ meeting, committee, items: [item], myAcknowledgements: [] }))],
  ['decision', renderCard('decision', buildDecisionView({ decision, statuses: s.statuses }))],
  ['action-plan', renderCard('action-plan', buildActionPlanView({ plan, committee, decision, members, updates, viewer: s.officer, now: s.now }))],
  [
    'acknowledgement-report',
    renderCard('acknowledgement-report', buildAcknowledgementReportView({ item, committee, meeting, audience: members, acknowledgements: s.acknowledgements, now: s.now })),
  ],
  [
    'search-results',
    renderCard('search-results', buildSearchResultsView({ query: h('query'), hits: [{ kind: 'agenda-item', item, committee, meeting }, { kind: 'decision', decision, committee }] })),
  ],
  ['link-preview (agenda item)', renderCard('link-preview', buildLinkPreviewView({ hit: { kind: 'agenda-item', item, committee, meeting }, sourceUrl: 'javascript:alert(1)' }))],
  ['link-preview (decision)', renderCard('link-preview', buildLinkPreviewView({ hit: { kind: 'decision', decision, committee, status: { ...s.statuses[2]!, label: h('status') } } }))],
  ['help', renderCard('help', buildHelpView({ councilName: h('council'), member: members[0] }))],
  ['error', renderCard('error', buildErrorView(new DomainError('not-found', h('message')), { reference: h('ref') }))],
];

const textRuns = (card: AdaptiveCard): string[] => allObjects(card).filter((o) => o.type === 'TextRun').map((o) => String(o.text));

describe.each(cards)('%s card with hostile text', (_name, card) => {
  it('shows the text literally, in TextRuns, which Adaptive Cards never read as markdown', () => {
    const runs = textRuns(card);
    expect(runs.some((t) => t.includes(hostile))).toBe(true);
    // Template syntax in data is not evaluated: the committee's name was not substituted in.
    // (Names are clipped to 80 characters, so only the start of the hostile text is sure to survive.)
    expect(runs.filter((t) => t.includes('${')).every((t) => t.includes(' ${committeeName} '))).toBe(true);
  });

  it('never puts it where markdown is processed', () => {
    for (const block of allObjects(card).filter((o) => o.type === 'TextBlock')) {
      expect(String(block.text)).not.toMatch(/\*\*bold\*\*|\[link\]|\$\{/);
    }
    for (const fact of allObjects(card).filter((o) => o.type === 'Fact')) expect(String(fact.value)).not.toContain('**bold**');
  });

  it('links only to http(s) addresses', () => {
    for (const a of actionsOfType(card, 'Action.OpenUrl')) expect(String(a.url)).toMatch(/^https?:\/\//);
  });

  it('is still a valid card', () => {
    expect(schemaErrors(card)).toEqual([]);
    expect(sdkErrors(card)).toEqual([]);
  });
});

it('keeps the hostile paper title but drops its javascript: link', () => {
  const card = cards[0]![1];
  expect(actionsOfType(card, 'Action.OpenUrl').map((a) => a.url)).toEqual(['https://ok.example/p.pdf']);
});

it('offers no button on a link preview whose addresses are not http(s)', () => {
  for (const [name, card] of cards.filter(([n]) => n.startsWith('link-preview'))) {
    expect([name, actionsOfType(card, 'Action.OpenUrl')]).toEqual([name, []]);
  }
});
