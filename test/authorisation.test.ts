import { allVerbs, planFormInputIds, updateInputIds, type Verb } from '../src/cards';
import type { ActionPlan, AgendaItem, Decision } from '../src/domain';
import { OPENAPI_PATH } from '../src/http/openapi';
import { officerRoutes } from '../src/http/routes';
import type { RouteDeps } from '../src/http/routes/route-deps';
import { agendaItemExternalId, decisionExternalId } from '../src/import/source-keys';
import { COMMAND_KINDS, type CommandKind } from '../src/services/commands/parse-command';
import { DEMO_IDS, DEMO_PEOPLE } from '../src/services/demo/demo-council';
import { seedDemoCouncil } from '../src/services/demo/seed-demo-council';
import type { Store } from '../src/store/port';
import { CabinetBot } from '../src/teams/cabinet-bot';
import { ConversationHarness, type DemoPerson } from './support/conversation-harness';
import { TestSigningKeys } from './support/signing-keys';
import { startTestApp, type TestApp } from './support/start-test-app';

/**
 * Issue 9: who may do and see what, on every way in. Every entry point (each command, each card verb, each
 * message-extension and link-unfurl invoke, each officer API route) is tried by every kind of asker in every kind
 * of conversation, and what each could see or do is compared with the rules as PRODUCT.md states them, written out
 * here on their own (never by calling the domain's rules, so that loosening one of them in domain/visibility.ts or
 * domain/member.ts makes this fail). An entry point missing from the tables below fails the test too: add its row.
 */

type Asker = 'stranger' | 'offCommittee' | 'member' | 'officer' | 'admin';
type Place = 'personal' | 'groupChat' | 'channel';
const ASKERS: readonly Asker[] = ['stranger', 'offCommittee', 'member', 'officer', 'admin'];
const PLACES: readonly Place[] = ['personal', 'groupChat', 'channel'];

// The rules, as the product states them.
/** Exempt business belongs to the committee's members, officers and admins... */
const entitled = (a: Asker): boolean => a === 'member' || a === 'officer' || a === 'admin';
/** ...and is shown only in a personal chat. */
const exemptShown = (a: Asker, w: Place): boolean => w === 'personal' && entitled(a);
/** Officers and admins see reports, remind, and get the officer help. */
const actsAsOfficer = (a: Asker): boolean => a === 'officer' || a === 'admin';

/** Who each asker is: demo people, and a Teams user the roster does not know. */
const PERSON: Record<Exclude<Asker, 'stranger'>, DemoPerson> = {
  offCommittee: 'councillor', // Cllr Margaret Glancy: Scrutiny and Full Council, not Cabinet
  member: 'housing', // Cllr Alan Pearson: Cabinet, and owner of the exempt plan's action
  officer: 'director', // Andrew Cotton: officer
  admin: 'democraticServices', // Sarah Morgan: admin
};
const STRANGER = { id: '29:stranger', aadObjectId: '00000000-0000-4000-8000-0000000000ff', name: 'Someone' };

const CONVERSATIONS: Record<Place, (asker: Asker) => Record<string, unknown> | undefined> = {
  personal: () => undefined, // the harness's own: the asker's personal chat
  groupChat: () => ({ conversationType: 'groupChat', id: '19:group-chat-of-three@thread.v2', isGroup: true, tenantId: 'tenant' }),
  channel: () => ({ conversationType: 'channel', id: '19:general-channel@thread.tacv2', isGroup: true, tenantId: 'tenant' }),
};

// What the tables look for.
const EXEMPT_ITEM_TITLE = 'Lease of the Old Depot';
const EXEMPT_PLAN_TITLE = 'Old Depot Lease Action Plan';
const OPEN_ITEM_TITLE = 'Review of Car Parking Charges';
const RESTRICTED_PAPER = 'Confidential appendix: bids received';
const OFFICER_HELP = 'For officers';
const REMINDING = /I'm reminding |has a Teams chat with the bot yet|nobody needs a reminder|can't reach .* in Teams|already on their way/;
const CONFIRMING = 'Send this agenda item to the committee?';
const PROGRESS = /📤 Sending|✔️ Sent|🕒 Scheduled|⏸️ Held for your Send|✖️ Cancelled/;
const REPORTED = /\d+ of \d+ members? ha(s|ve) acknowledged/;
const EXEMPT_LINK = 'https://democracy.example.gov.uk/mgAi.aspx?ID=9001';
const EXEMPT_DECISION_LINK = 'https://democracy.example.gov.uk/ieDecisionDetails.aspx?ID=9002';
const OPEN_LINK = 'https://democracy.example.gov.uk/mgAi.aspx?ID=9003';

const exempt = { committeeId: DEMO_IDS.cabinet, agendaItemId: 'item-old-depot-lease' };
const open = { committeeId: DEMO_IDS.cabinet, agendaItemId: 'item-car-parking' };
const exemptDecision = { committeeId: DEMO_IDS.cabinet, decisionId: 'decision-old-depot-lease' };
const exemptPlan = { committeeId: DEMO_IDS.cabinet, actionPlanId: 'plan-old-depot-lease' };
/** An open decision with no action plan until an officer starts one from the card (the createActionPlan row). */
const openDecision = { committeeId: DEMO_IDS.cabinet, decisionId: 'decision-public-toilets' };
const OPEN_DECISION_TITLE = 'Refurbishment of the Town Centre Public Toilets';
const STARTED_PLAN_TITLE = 'Public Toilets Refurbishment Plan';
/** Notifications about the exempt item and the open one, held for a Send, so following or cancelling them sends nothing. */
const exemptNotification = { notificationId: 'n-table-exempt' };
const openNotification = { notificationId: 'n-table-open' };

/** An exempt item with its decision and action plan, and an open item with a restricted paper, on Cabinet. */
async function seedTableRecords(store: Store): Promise<void> {
  const at = new Date().toISOString();
  const decidedOn = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
  const item = (fields: Partial<AgendaItem> & Pick<AgendaItem, 'id' | 'title'>): AgendaItem => ({
    committeeId: DEMO_IDS.cabinet, meetingId: DEMO_IDS.nextCabinet, titleAsPublished: fields.title.toUpperCase(), summary: '', recommendations: [],
    documents: [], forDecision: true, exempt: false, history: [], createdAt: at, updatedAt: at, ...fields,
  });
  await store.agendaItems.create(item({
    id: exempt.agendaItemId, number: '8', title: EXEMPT_ITEM_TITLE, summary: 'Terms for leasing the old depot.', exempt: true,
    exemptReason: 'Schedule 12A, paragraph 3', source: { kind: 'moderngov-agenda-item', externalId: agendaItemExternalId('9001'), url: EXEMPT_LINK },
  }));
  await store.agendaItems.create(item({
    id: open.agendaItemId, number: '9', title: OPEN_ITEM_TITLE, summary: 'Proposed charges for council car parks.',
    documents: [
      { title: 'Car parking report', url: 'https://democracy.example.gov.uk/documents/p1.pdf', restricted: false },
      { title: RESTRICTED_PAPER, url: 'https://democracy.example.gov.uk/documents/p2.pdf', restricted: true },
    ],
    source: { kind: 'moderngov-agenda-item', externalId: agendaItemExternalId('9003'), url: OPEN_LINK },
  }));
  const decision: Decision = {
    id: exemptDecision.decisionId, committeeId: DEMO_IDS.cabinet, agendaItemId: exempt.agendaItemId, title: EXEMPT_ITEM_TITLE, decisionMaker: 'Cabinet',
    type: 'key', subjectToCallIn: false, urgent: false, outcomes: [{ number: 1, verb: 'APPROVED', text: 'the lease on the terms in the exempt appendix', status: 'effective' }],
    reasons: [], alternatives: [], minutes: [], discussionPoints: [], documents: [], exempt: true, decidedOn, publishedOn: decidedOn, history: [], createdAt: at, updatedAt: at,
    source: { kind: 'moderngov-decision', externalId: decisionExternalId('9002'), url: EXEMPT_DECISION_LINK },
  };
  await store.decisions.create(decision);
  const { agendaItemId: _item, ...withoutItem } = decision;
  await store.decisions.create({
    ...withoutItem, id: openDecision.decisionId, title: OPEN_DECISION_TITLE, exempt: false, type: 'non-key',
    outcomes: [{ number: 1, verb: 'APPROVED', text: 'the refurbishment of the town centre public toilets', status: 'effective' }],
    source: { kind: 'moderngov-decision', externalId: decisionExternalId('9004'), url: 'https://democracy.example.gov.uk/ieDecisionDetails.aspx?ID=9004' },
  });
  const plan: ActionPlan = {
    id: exemptPlan.actionPlanId, committeeId: DEMO_IDS.cabinet, decisionId: decision.id, title: EXEMPT_PLAN_TITLE, createdAt: at, updatedAt: at,
    actions: [{ id: 'act-sign-lease', title: 'Sign the lease', ownerMemberId: DEMO_PEOPLE.housing.id, dueOn: decidedOn, rag: 'on-track', percentComplete: 0 }],
  };
  await store.actionPlans.create(plan);
  for (const [n, itemId] of [[exemptNotification, exempt.agendaItemId], [openNotification, open.agendaItemId]] as const) {
    await store.notifications.create({
      id: n.notificationId, kind: 'agenda-item', committeeId: DEMO_IDS.cabinet, subject: { agendaItemId: itemId }, audience: { committeeIds: [DEMO_IDS.cabinet], memberIds: [], channelIds: [] },
      resolveAudience: 'when-due', urgent: false, origin: 'schedule', sendAt: at, status: 'held', prepared: false, createdBy: 'schedule', createdAt: at, updatedAt: at,
    });
  }
}

interface Tried {
  /** Everything the asker got back: the invoke's answer and every activity the turn sent, as JSON. */
  readonly seen: string;
}

/** One row: how to try an entry point, what counts as allowed or shown, and who the rules say may. */
interface Row {
  readonly what: string;
  readonly fixture: string;
  readonly activity: Record<string, unknown>;
  /** Whether what the row guards was shown to (or done for) the asker. */
  readonly observed: (tried: Tried) => boolean | Promise<boolean>;
  readonly expected: (asker: Asker, place: Place) => boolean;
}

const message = (text: string) => ({ fixture: '04_message_personal', activity: { text, attachments: [] } });
const cardAction = (verb: Verb, data: Record<string, unknown>) => ({
  fixture: '06b_invoke_adaptiveCard_action_with_verb',
  activity: { value: { action: { type: 'Action.Execute', id: verb, verb, data }, trigger: 'manual' } },
});
const search = (words: string) => ({
  fixture: '07b_invoke_composeExtension_query_modern_envelope',
  activity: { value: { commandId: 'searchDecisions', parameters: [{ name: 'query', value: words }], queryOptions: { skip: 0, count: 10 } } },
});
/** A result picked from the search list: Teams sends back what the result's `tap` holds (message-extension.ts). */
const pick = (value: Record<string, string>) => ({
  fixture: '07b_invoke_composeExtension_query_modern_envelope',
  activity: { name: 'composeExtension/selectItem', value },
});
const unfurl = (url: string) => ({ fixture: '08_invoke_composeExtension_queryLink', activity: { value: { url } } });
const anonymousUnfurl = (url: string) => ({ fixture: '08b_invoke_composeExtension_anonymousQueryLink', activity: { value: { url } } });
const shows = (text: string | RegExp) => ({ seen }: Tried): boolean => (typeof text === 'string' ? seen.includes(text) : text.test(seen));
const always = () => true;
const never = () => false;

let updatesOfExemptPlan: () => Promise<number>;
/** Whether this very press recorded an update on the exempt plan's action. */
const recordsAnUpdate = () => {
  let before = 0;
  return {
    before: async () => {
      before = await updatesOfExemptPlan();
    },
    observed: async () => (await updatesOfExemptPlan()) > before,
  };
};
const updateCounter = recordsAnUpdate();

const COMMANDS: Record<CommandKind, Row[]> = {
  help: [{ what: 'officer help', ...message('help'), observed: shows(OFFICER_HELP), expected: actsAsOfficer }],
  agenda: [{ what: 'the exempt item in the agenda', ...message('agenda'), observed: shows(EXEMPT_ITEM_TITLE), expected: exemptShown }],
  item: [{ what: 'the exempt item', ...message('item lease of the old depot'), observed: shows(EXEMPT_ITEM_TITLE), expected: exemptShown }],
  status: [
    { what: 'the exempt decision', ...message('status lease of the old depot'), observed: shows(EXEMPT_ITEM_TITLE), expected: exemptShown },
    // Offered to officers only where no one else reads the card: their personal chat.
    { what: '"Start action plan" on a decision without a plan', ...message('status refurbishment of the town centre public toilets'), observed: shows('"title":"Start action plan"'), expected: (a, w) => actsAsOfficer(a) && w === 'personal' },
  ],
  decisions: [{ what: 'the exempt decision among recent ones', ...message('decisions'), observed: shows(EXEMPT_ITEM_TITLE), expected: exemptShown }],
  pending: [
    // "pending" lists the asker's own committees' items: Cabinet's, for its member only.
    { what: 'the exempt item awaiting acknowledgement', ...message('pending'), observed: shows(EXEMPT_ITEM_TITLE), expected: (a, w) => a === 'member' && exemptShown(a, w) },
  ],
  actions: [
    // The exempt plan's only action is the member's.
    { what: 'my action on the exempt plan', ...message('actions'), observed: shows(EXEMPT_PLAN_TITLE), expected: (a, w) => a === 'member' && exemptShown(a, w) },
  ],
  report: [
    { what: 'the acknowledgement report of an open item', ...message('report car parking charges'), observed: shows(REPORTED), expected: actsAsOfficer },
    { what: 'the acknowledgement report of the exempt item', ...message('report lease of the old depot'), observed: shows(REPORTED), expected: (a, w) => actsAsOfficer(a) && exemptShown(a, w) },
  ],
  remind: [
    { what: 'reminders about an open item', ...message('remind car parking charges'), observed: shows(REMINDING), expected: actsAsOfficer },
    { what: 'reminders about the exempt item', ...message('remind lease of the old depot'), observed: shows(REMINDING), expected: (a, w) => actsAsOfficer(a) && exemptShown(a, w) },
  ],
  notify: [
    { what: 'the confirmation card for an open item', ...message('notify car parking charges'), observed: shows(CONFIRMING), expected: actsAsOfficer },
    { what: 'the confirmation card for the exempt item', ...message('notify lease of the old depot'), observed: shows(CONFIRMING), expected: (a, w) => actsAsOfficer(a) && exemptShown(a, w) },
  ],
};

const VERBS: Record<Verb, Row[]> = {
  acknowledge: [
    { what: 'acknowledging an open item (committee members and officers only)', ...cardAction('acknowledge', open), observed: shows('Acknowledged by you'), expected: entitled },
    { what: 'acknowledging the exempt item', ...cardAction('acknowledge', exempt), observed: shows('Acknowledged by you'), expected: exemptShown },
  ],
  refreshItem: [{ what: 'the exempt item, refreshed', ...cardAction('refreshItem', exempt), observed: shows(EXEMPT_ITEM_TITLE), expected: exemptShown }],
  viewItem: [
    { what: 'the exempt item', ...cardAction('viewItem', exempt), observed: shows(EXEMPT_ITEM_TITLE), expected: exemptShown },
    { what: 'the restricted paper of an open item', ...cardAction('viewItem', open), observed: shows(RESTRICTED_PAPER), expected: exemptShown },
  ],
  viewDecision: [{ what: 'the exempt decision', ...cardAction('viewDecision', exemptDecision), observed: shows(EXEMPT_ITEM_TITLE), expected: exemptShown }],
  viewActionPlan: [{ what: 'the exempt plan', ...cardAction('viewActionPlan', exemptPlan), observed: shows(EXEMPT_PLAN_TITLE), expected: exemptShown }],
  startActionPlan: [
    // The form, until the createActionPlan row below has started the plan.
    { what: 'the form for an open decision', ...cardAction('startActionPlan', openDecision), observed: shows('First actions (leave a row empty'), expected: actsAsOfficer },
    // The exempt decision has its plan: the officer is shown it.
    { what: 'the exempt decision (its plan shown)', ...cardAction('startActionPlan', exemptDecision), observed: shows(EXEMPT_PLAN_TITLE), expected: (a, w) => actsAsOfficer(a) && exemptShown(a, w) },
  ],
  createActionPlan: [
    {
      what: 'starting the plan of an open decision (the first officer starts it; the others are shown it)',
      ...cardAction('createActionPlan', {
        ...openDecision, [planFormInputIds.title]: STARTED_PLAN_TITLE,
        [planFormInputIds.row(1).title]: 'Appoint a contractor', [planFormInputIds.row(1).owner]: DEMO_PEOPLE.housing.id, [planFormInputIds.row(1).due]: '2030-03-31',
      }),
      observed: shows(STARTED_PLAN_TITLE),
      expected: actsAsOfficer,
    },
    {
      what: 'the exempt decision (already has its plan)',
      ...cardAction('createActionPlan', { ...exemptDecision, [planFormInputIds.title]: 'Another plan' }),
      observed: shows(EXEMPT_PLAN_TITLE),
      expected: (a, w) => actsAsOfficer(a) && exemptShown(a, w),
    },
  ],
  backToDecision: [{ what: 'the exempt decision', ...cardAction('backToDecision', exemptDecision), observed: shows(EXEMPT_ITEM_TITLE), expected: exemptShown }],
  updateAction: [
    {
      what: 'an update on the exempt plan (its owner or an officer, where it may be seen)',
      ...cardAction('updateAction', { ...exemptPlan, actionId: 'act-sign-lease', [updateInputIds('act-sign-lease').rag]: 'at-risk', [updateInputIds('act-sign-lease').percentComplete]: '10' }),
      observed: updateCounter.observed,
      expected: (a, w) => (a === 'member' || actsAsOfficer(a)) && exemptShown(a, w),
    },
  ],
  remindOutstanding: [
    { what: 'reminders about an open item', ...cardAction('remindOutstanding', open), observed: shows(REMINDING), expected: actsAsOfficer },
    { what: 'reminders about the exempt item', ...cardAction('remindOutstanding', exempt), observed: shows(REMINDING), expected: (a, w) => actsAsOfficer(a) && exemptShown(a, w) },
  ],
  showHelp: [{ what: 'officer help', ...cardAction('showHelp', {}), observed: shows(OFFICER_HELP), expected: actsAsOfficer }],
  refreshActionPlan: [{ what: 'the exempt plan, refreshed', ...cardAction('refreshActionPlan', exemptPlan), observed: shows(EXEMPT_PLAN_TITLE), expected: exemptShown }],
  sendNotification: [
    // Sending it to the committee (each member's personal chat); the card becomes the progress card.
    { what: 'sending an open item', ...cardAction('sendNotification', { ...open, meetingId: '' }), observed: shows(PROGRESS), expected: actsAsOfficer },
    { what: 'sending the exempt item', ...cardAction('sendNotification', { ...exempt, meetingId: '' }), observed: shows(PROGRESS), expected: (a, w) => actsAsOfficer(a) && exemptShown(a, w) },
  ],
  notificationProgress: [
    { what: 'the progress of an open item\'s notification', ...cardAction('notificationProgress', openNotification), observed: shows(PROGRESS), expected: actsAsOfficer },
    { what: 'the progress of the exempt item\'s notification', ...cardAction('notificationProgress', exemptNotification), observed: shows(EXEMPT_ITEM_TITLE), expected: (a, w) => actsAsOfficer(a) && exemptShown(a, w) },
  ],
  cancelNotification: [
    { what: 'cancelling a notification (the first officer cancels it; the card says so to each officer after)', ...cardAction('cancelNotification', openNotification), observed: shows('✖️ Cancelled'), expected: actsAsOfficer },
    { what: 'cancelling the exempt item\'s notification', ...cardAction('cancelNotification', exemptNotification), observed: shows(EXEMPT_ITEM_TITLE), expected: (a, w) => actsAsOfficer(a) && exemptShown(a, w) },
  ],
};

/** The bot's ways in besides messages: each handler it overrides from the SDK's activity handler. */
const INVOKES: Record<string, Row[] | 'the card verbs'> = {
  onAdaptiveCardInvoke: 'the card verbs',
  // The message extension inserts cards into any chat: exempt business is never offered, to anyone, anywhere.
  handleTeamsMessagingExtensionQuery: [
    { what: 'the exempt item or decision in search', ...search('lease of the old depot'), observed: shows(EXEMPT_ITEM_TITLE), expected: never },
    { what: 'an open item in search', ...search('car parking charges'), observed: shows(OPEN_ITEM_TITLE), expected: always },
    { what: 'the restricted paper in search', ...search('car parking charges'), observed: shows(RESTRICTED_PAPER), expected: never },
  ],
  // A pick names a record by its locators, which the client could forge: the card comes with the list's rules.
  handleTeamsMessagingExtensionSelectItem: [
    { what: 'the exempt item picked', ...pick(exempt), observed: shows(EXEMPT_ITEM_TITLE), expected: never },
    { what: 'the exempt decision picked', ...pick(exemptDecision), observed: shows(EXEMPT_ITEM_TITLE), expected: never },
    { what: 'an open item picked', ...pick(open), observed: shows(OPEN_ITEM_TITLE), expected: always },
    { what: 'the restricted paper in a picked card', ...pick(open), observed: shows(RESTRICTED_PAPER), expected: never },
  ],
  handleTeamsAppBasedLinkQuery: [
    { what: 'the exempt item unfurled', ...unfurl(EXEMPT_LINK), observed: shows(EXEMPT_ITEM_TITLE), expected: never },
    { what: 'the exempt decision unfurled', ...unfurl(EXEMPT_DECISION_LINK), observed: shows(EXEMPT_ITEM_TITLE), expected: never },
    { what: 'an open item unfurled', ...unfurl(OPEN_LINK), observed: shows(OPEN_ITEM_TITLE), expected: always },
  ],
  handleTeamsAnonymousAppBasedLinkQuery: [
    { what: 'the exempt item unfurled', ...anonymousUnfurl(EXEMPT_LINK), observed: shows(EXEMPT_ITEM_TITLE), expected: never },
    { what: 'an open item unfurled', ...anonymousUnfurl(OPEN_LINK), observed: shows(OPEN_ITEM_TITLE), expected: always },
  ],
};

/** The SDK handler methods CabinetBot overrides: each is a way in that must have rows. */
function overriddenHandlers(): string[] {
  const sdk = Object.getPrototypeOf(CabinetBot.prototype) as Record<string, unknown>;
  return Object.getOwnPropertyNames(CabinetBot.prototype).filter((name) => name !== 'constructor' && typeof sdk[name] === 'function');
}

describe('every way in is authorised (issue 9)', () => {
  it('has rows for every command, card verb and handler the bot has', () => {
    expect(Object.keys(COMMANDS).sort()).toEqual([...COMMAND_KINDS].sort());
    expect(Object.keys(VERBS).sort()).toEqual([...allVerbs].sort());
    expect(Object.keys(INVOKES).sort()).toEqual(overriddenHandlers().sort());
  });

  describe('in Teams: every asker, in every kind of conversation', () => {
    const h = new ConversationHarness();
    beforeAll(async () => {
      await h.start({}, seedTableRecords);
      updatesOfExemptPlan = () => h.withStore(async (s) => (await s.actionPlans.listUpdates(DEMO_IDS.cabinet, exemptPlan.actionPlanId)).length);
    });
    afterAll(() => h.stop());

    async function tryAs(row: Row, asker: Asker, place: Place): Promise<boolean> {
      const conversation = CONVERSATIONS[place](asker);
      const activity = h.activity(row.fixture, asker === 'stranger' ? 'housing' : PERSON[asker], {
        ...row.activity,
        ...(asker === 'stranger' ? { from: STRANGER } : {}),
        ...(conversation ? { conversation } : {}),
      });
      if (row.observed === updateCounter.observed) await updateCounter.before();
      const res = await h.post(activity);
      expect(res.status).toBe(200);
      // What the asker saw: the answer, and what the turn sent into this conversation, which answers its activity
      // (replyToId). A card the outbox delivers to the same personal chat meanwhile (a notification an earlier row
      // pushed, sent late on a busy machine) is not the turn's answer.
      const here = (activity.conversation as { id: string }).id;
      const sent = res.sent.filter((a) => (a.conversation as { id?: string } | undefined)?.id === here && a.replyToId === activity.id);
      return row.observed({ seen: `${res.body}\n${JSON.stringify(sent)}` });
    }

    const rows: Array<[string, Row]> = [
      ...Object.entries(COMMANDS).flatMap(([kind, list]) => list.map((row): [string, Row] => [`command "${kind}": ${row.what}`, row])),
      ...Object.entries(VERBS).flatMap(([verb, list]) => list.map((row): [string, Row] => [`card verb ${verb}: ${row.what}`, row])),
      ...Object.entries(INVOKES).flatMap(([handler, list]) => (typeof list === 'string' ? [] : list.map((row): [string, Row] => [`${handler}: ${row.what}`, row]))),
    ];

    it.each(rows)('%s', async (_name, row) => {
      const observed: Record<string, boolean> = {};
      const expected: Record<string, boolean> = {};
      for (const asker of ASKERS) {
        for (const place of PLACES) {
          observed[`${asker} in ${place}`] = await tryAs(row, asker, place);
          expected[`${asker} in ${place}`] = row.expected(asker, place);
        }
      }
      expect(observed).toEqual(expected);
    });
  });

  describe('the officer API: every route, every kind of caller', () => {
    type Caller = 'no token' | 'no app role' | 'Officer' | 'Admin';
    const CALLERS: readonly Caller[] = ['no token', 'no app role', 'Officer', 'Admin'];
    /** What each caller should get: refused (401, 403) or let in (any other answer). */
    const EXPECTED: Record<Caller, 'unauthorised' | 'forbidden' | 'allowed'> = { 'no token': 'unauthorised', 'no app role': 'forbidden', Officer: 'allowed', Admin: 'allowed' };
    const csv = 'id,name,role,title,email,aadObjectId,committees\nnew-member,New Member,councillor,,,,\n';
    /** `adminOnly`: the Admin app role alone (the audit log, which records officers' own acts). */
    const ROUTES: Record<string, { body?: string; contentType?: string; path?: string; adminOnly?: true }> = {
      'GET /api/v1/whoami': {},
      'GET /api/v1/committees': {},
      'PUT /api/v1/committees/:id': { path: '/api/v1/committees/licensing', body: JSON.stringify({ name: 'Licensing Committee', kind: 'regulatory' }), contentType: 'application/json' },
      'POST /api/v1/imports': { path: '/api/v1/imports?dryRun=true', body: 'Agenda item 5\n\nA TITLE\n\nDecision:\n\nCabinet\n\n1) NOTED the report.', contentType: 'text/plain' },
      'GET /api/v1/members': {},
      'GET /api/v1/members/:id': { path: `/api/v1/members/${DEMO_PEOPLE.housing.id}` },
      'PUT /api/v1/members/:id': { path: '/api/v1/members/another-member', body: JSON.stringify({ name: 'Another Member', role: 'councillor' }), contentType: 'application/json' },
      'POST /api/v1/members/import': { path: '/api/v1/members/import?dryRun=true', body: csv, contentType: 'text/csv' },
      'POST /api/v1/notifications': { body: JSON.stringify({ agendaItemId: 'item-safer-streets', sendAt: new Date(Date.now() + 86_400_000).toISOString() }), contentType: 'application/json' },
      'GET /api/v1/notifications': {},
      'POST /api/v1/notifications/preview': { body: JSON.stringify({ meetingId: DEMO_IDS.nextCabinet }), contentType: 'application/json' },
      'GET /api/v1/notifications/:id': { path: '/api/v1/notifications/n-none' },
      'GET /api/v1/notifications/:id/deliveries': { path: '/api/v1/notifications/n-none/deliveries' },
      'DELETE /api/v1/notifications/:id': { path: '/api/v1/notifications/n-none' },
      'POST /api/v1/notifications/:id/send': { path: '/api/v1/notifications/n-none/send' },
      'GET /api/v1/sync': {},
      'GET /api/v1/meetings': { path: `/api/v1/meetings?committeeId=${DEMO_IDS.cabinet}` },
      'GET /api/v1/meetings/:id': { path: `/api/v1/meetings/${DEMO_IDS.nextCabinet}` },
      'PUT /api/v1/meetings/:id': { path: '/api/v1/meetings/cabinet-extra', body: JSON.stringify({ committeeId: DEMO_IDS.cabinet, startsAt: '2030-01-08T18:30:00Z' }), contentType: 'application/json' },
      'GET /api/v1/agenda-items/:id': { path: '/api/v1/agenda-items/item-land-disposal' },
      'GET /api/v1/decisions': { path: '/api/v1/decisions?status=awaiting-council' },
      'GET /api/v1/decisions/:id': { path: `/api/v1/decisions/${DEMO_IDS.cspDecision}` },
      'POST /api/v1/agenda-items/:id/reminders': { path: '/api/v1/agenda-items/item-none/reminders' },
      'GET /api/v1/agenda-items/:id/acknowledgements': { path: '/api/v1/agenda-items/item-land-disposal/acknowledgements' },
      'GET /api/v1/meetings/:id/acknowledgements': { path: `/api/v1/meetings/${DEMO_IDS.nextCabinet}/acknowledgements` },
      'POST /api/v1/action-plans': { body: JSON.stringify({ decisionId: DEMO_IDS.cspDecision, title: 'A second plan' }), contentType: 'application/json' },
      'GET /api/v1/action-plans/:id': { path: `/api/v1/action-plans/${DEMO_IDS.cspActionPlan}` },
      'GET /api/v1/action-plans/:id/report': { path: `/api/v1/action-plans/${DEMO_IDS.cspActionPlan}/report` },
      'GET /api/v1/committees/:id/action-plans/report': { path: `/api/v1/committees/${DEMO_IDS.cabinet}/action-plans/report?from=2026-01-01` },
      'PUT /api/v1/action-plans/:id': { path: `/api/v1/action-plans/${DEMO_IDS.cspActionPlan}`, body: JSON.stringify({ title: 'Renamed' }), contentType: 'application/json' },
      // A body that is not an update: let in, and refused (422) without writing to the demo plan's history.
      'POST /api/v1/action-plans/:id/actions/:actionId/updates': { path: `/api/v1/action-plans/${DEMO_IDS.cspActionPlan}/actions/act-engagement/updates`, body: JSON.stringify({ rag: 'purple' }), contentType: 'application/json' },
      'GET /api/v1/audit': { path: '/api/v1/audit?action=exempt.viewed&from=2026-01-01', adminOnly: true },
    };

    let app: TestApp;
    let keys: TestSigningKeys;
    const issuer = 'https://login.microsoftonline.com/tenant/v2.0';
    const audience = 'api://cabinet-bot';
    beforeAll(async () => {
      keys = await new TestSigningKeys().start();
      app = await startTestApp({ ENTRA_JWKS_URL: keys.jwksUrl, ENTRA_ISSUER: issuer, ENTRA_AUDIENCE: audience }, { seed: (s) => seedDemoCouncil(s, new Date()) });
    });
    afterAll(async () => {
      await app.stop();
      await keys.stop();
    });

    it('has a row for every route the app serves', () => {
      const served = officerRoutes({} as RouteDeps).map((r) => `${r.method === 'del' ? 'DELETE' : r.method.toUpperCase()} ${r.path}`);
      expect(Object.keys(ROUTES).sort()).toEqual(served.sort());
    });

    // The one officer API path outside the routes: the contract holds no data, so every caller may read it.
    it(`GET ${OPENAPI_PATH} is open to every caller, with or without a token`, async () => {
      const outcome: Record<string, number> = {};
      for (const caller of CALLERS) {
        const token = caller === 'no token' ? undefined : await keys.sign({ oid: `oid-${caller}`, roles: caller === 'no app role' ? [] : [caller] }, { issuer, audience });
        const res = await fetch(`${app.url}${OPENAPI_PATH}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
        await res.arrayBuffer();
        outcome[caller] = res.status;
      }
      expect(outcome).toEqual({ 'no token': 200, 'no app role': 200, Officer: 200, Admin: 200 });
    });

    it.each(Object.entries(ROUTES))('%s lets in officers and admins only (admins alone where it says so)', async (route, call) => {
      const [method, template] = route.split(' ') as [string, string];
      const outcome: Record<string, string> = {};
      for (const caller of CALLERS) {
        const token = caller === 'no token' ? undefined : await keys.sign({ oid: `oid-${caller}`, roles: caller === 'no app role' ? [] : [caller] }, { issuer, audience });
        const res = await fetch(`${app.url}${call.path ?? template}`, {
          method,
          headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(call.contentType ? { 'content-type': call.contentType } : {}) },
          body: call.body,
        });
        await res.arrayBuffer();
        outcome[caller] = res.status === 401 ? 'unauthorised' : res.status === 403 ? 'forbidden' : 'allowed';
      }
      expect(outcome).toEqual(call.adminOnly ? { ...EXPECTED, Officer: 'forbidden' } : EXPECTED);
    });
  });
});
