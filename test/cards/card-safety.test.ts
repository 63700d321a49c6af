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

/**
 * Issue 9: every field the importers fill (ModernGov pages, GetMeeting answers, the roster CSV) and the officer and
 * people type, made hostile at once, wherever it goes: never into a TextBlock or a fact, where Teams renders markdown.
 * The fields are found by walking the records, so a field added later is swept too.
 */
describe('every card with hostile values in every field from outside', () => {
  /** Fields that hold structure, not text a person reads: ids, instants, dates, enums, links (checked above). */
  const STRUCTURAL = /^(id|.+Id|.+At|.+On|at|status|verb|kind|type|role|rag|channel|url|by)$/;
  const PHISH = '[Open the papers here](https://evil.example/phish) **now**';
  const hostilise = <T>(value: T, path: string): T => {
    if (typeof value === 'string') return `${path} ${PHISH}` as T;
    if (Array.isArray(value)) return value.map((v, i) => hostilise(v, `${path}[${i}]`)) as T;
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, STRUCTURAL.test(k) ? v : hostilise(v, `${path}.${k}`)])) as T;
    }
    return value;
  };
  const hItem = hostilise({ ...s.item, number: '3', exempt: false, portfolioHolder: 'p', leadOfficer: { name: 'n', role: 'r' }, exemptReason: 'e' }, 'item');
  const hExempt = { ...hItem, exempt: true };
  const hCommittee = hostilise(s.cabinet, 'committee');
  const hMeeting = hostilise({ ...s.meeting, venue: 'v' }, 'meeting');
  const hDecision = hostilise({ ...s.decision, purpose: 'p', publishedStatus: 's' }, 'decision');
  const hMembers = hostilise(s.members, 'members');
  const hPlan = hostilise(s.actionPlan, 'plan');
  const hUpdates = hostilise(s.actionUpdates, 'updates');
  const hStatuses = Object.fromEntries(Object.entries(s.statuses).map(([n, st]) => [n, { ...st, label: `status ${PHISH}`, next: `next ${PHISH}` }]));

  const swept: [string, AdaptiveCard][] = [
    ['agenda-item', renderCard('agenda-item', buildAgendaItemView({ item: hItem, committee: hCommittee, meeting: hMeeting, decision: hDecision, now: s.now }))],
    ['agenda-item (exempt, restricted papers listed)', renderCard('agenda-item', buildAgendaItemView({ item: hExempt, committee: hCommittee, meeting: hMeeting, showRestrictedDocuments: true, now: s.now }))],
    ['meeting-digest', renderCard('meeting-digest', buildMeetingDigestView({ meeting: hMeeting, committee: hCommittee, items: [hItem, hExempt], myAcknowledgements: [] }))],
    ['decision', renderCard('decision', buildDecisionView({ decision: hDecision, statuses: hStatuses, actionPlan: hPlan, showRestrictedDocuments: true }))],
    ['action-plan', renderCard('action-plan', buildActionPlanView({ plan: hPlan, committee: hCommittee, decision: hDecision, members: hMembers, updates: hUpdates, viewer: hMembers[0], now: s.now }))],
    ['acknowledgement-report', renderCard('acknowledgement-report', buildAcknowledgementReportView({ item: hItem, committee: hCommittee, meeting: hMeeting, audience: hMembers, acknowledgements: s.acknowledgements, now: s.now }))],
    ['search-results', renderCard('search-results', buildSearchResultsView({ query: `query ${PHISH}`, hits: [{ kind: 'agenda-item', item: hItem, committee: hCommittee, meeting: hMeeting }, { kind: 'decision', decision: hDecision, committee: hCommittee, status: hStatuses[1] }] }))],
    ['link-preview (agenda item)', renderCard('link-preview', buildLinkPreviewView({ hit: { kind: 'agenda-item', item: hItem, committee: hCommittee, meeting: hMeeting } }))],
    ['link-preview (decision)', renderCard('link-preview', buildLinkPreviewView({ hit: { kind: 'decision', decision: hDecision, committee: hCommittee, status: hStatuses[1] } }))],
    ['help', renderCard('help', buildHelpView({ councilName: `council ${PHISH}`, member: hMembers[0] }))],
    ['error', renderCard('error', buildErrorView(new DomainError('invalid', `message ${PHISH}`), { reference: `ref ${PHISH}` }))],
  ];

  /** Every place in a card where Teams reads markdown: TextBlock text, fact titles and values. */
  const markdownPlaces = (card: AdaptiveCard): string[] => [
    ...allObjects(card).filter((o) => o.type === 'TextBlock').map((o) => String(o.text)),
    ...allObjects(card).filter((o) => 'title' in o && 'value' in o && o.type === undefined).flatMap((o) => [String(o.title), String(o.value)]),
  ];

  it.each(swept)('%s: outside text reaches no TextBlock or fact', (_name, card) => {
    expect(markdownPlaces(card).filter((t) => t.includes('evil.example') || t.includes('**now**'))).toEqual([]);
    // ...and the text is still there, in TextRuns, for the reader.
    expect(textRuns(card).some((t) => t.includes(PHISH))).toBe(true);
  });

  it('shows a GetMeeting agenda item number with a markdown link in it as the characters it is', () => {
    const card = renderCard('agenda-item', buildAgendaItemView({ item: { ...s.item, number: `3 ${PHISH}` }, committee: s.cabinet, meeting: s.meeting, now: s.now }));
    expect(markdownPlaces(card).filter((t) => t.includes('evil.example'))).toEqual([]);
    expect(textRuns(card)).toContain(`Item 3 ${PHISH}`);
  });
});
