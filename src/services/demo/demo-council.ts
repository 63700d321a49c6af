import { addWorkingDays, type ActionPlan, type AgendaItem, type Committee, type Decision, type Meeting, type Member } from '../../domain';

/**
 * A small demo council: Cabinet and Full Council, their members and officers, and two kinds of business.
 *
 * - One real item, kept as it was published: Melton's Community Safety Partnership item (entered by hand from the
 *   Melton fixture, test/fixtures/moderngov/melton_cabinet_agenda_item_community_safety.txt), at its Cabinet of
 *   Tuesday 15 June 2021, with its own words ("Community Safety Strategy 2021-24", "Corporate Strategy 2020-24").
 * - Invented business, dated relative to `now` so that the demo is always current: a Cabinet held a few days ago
 *   whose decision on the next Community Safety Strategy is in its call-in period, with a recommendation awaiting the
 *   coming Full Council and an action plan under way; the next Cabinet with its agenda published; the next Full
 *   Council, whose agenda is not published yet. Invented titles carry years that follow `now` too.
 *
 * The aadObjectIds match the Agents Playground's mock users (playground/*.yml).
 */
export interface DemoCouncil {
  readonly committees: Committee[];
  readonly members: Member[];
  readonly meetings: Meeting[];
  readonly agendaItems: AgendaItem[];
  readonly decisions: Decision[];
  readonly actionPlans: ActionPlan[];
}

export const DEMO_IDS = {
  cabinet: 'cabinet',
  council: 'full-council',
  scrutiny: 'scrutiny',
  /** The real Melton Cabinet of Tue 15 June 2021 (the id is older than the decision to keep it at its date). */
  pastCabinet: 'cabinet-past',
  /** The invented Cabinet held a few days ago: its decision is current. */
  recentCabinet: 'cabinet-recent',
  nextCabinet: 'cabinet-next',
  nextCouncil: 'council-next',
  /** The real Melton item and Cabinet's decision on it, at the 2021 Cabinet. */
  cspItem: 'item-csp-strategic-plan',
  cspDecision: 'decision-csp-strategic-plan',
  /** The invented current decision (the recent Cabinet): the next Community Safety Strategy. */
  strategyItem: 'item-community-safety-strategy',
  strategyDecision: 'decision-community-safety-strategy',
  /** The action plan of the current decision. */
  cspActionPlan: 'plan-community-safety',
} as const;

/** Entra object ids of the demo people; the playground's mock users carry the same ids. */
export const DEMO_PEOPLE = {
  leader: { id: 'cllr-joe-orson', aadObjectId: '00000000-0000-4000-8000-000000000001' },
  housing: { id: 'cllr-alan-pearson', aadObjectId: '00000000-0000-4000-8000-000000000002' },
  councillor: { id: 'cllr-margaret-glancy', aadObjectId: '00000000-0000-4000-8000-000000000003' },
  director: { id: 'andrew-cotton', aadObjectId: '00000000-0000-4000-8000-000000000004' },
  democraticServices: { id: 'sarah-morgan', aadObjectId: '00000000-0000-4000-8000-000000000005' },
} as const;

const isoDate = (d: Date): string => d.toISOString().slice(0, 10);
const daysFrom = (now: Date, days: number): Date => new Date(now.getTime() + days * 86_400_000);

/** The weekday on or before `day`: a council does not meet at the weekend. */
const weekdayOnOrBefore = (day: Date): Date => {
  const weekday = day.getUTCDay();
  return weekday === 0 ? daysFrom(day, -2) : weekday === 6 ? daysFrom(day, -1) : day;
};

/**
 * The real item's meeting, as published: Cabinet, Tuesday 15 June 2021, 6.30pm (BST). Its recommendation to Council
 * was decided by Full Council on Wednesday 21 July 2021. The real Melton page stops at Cabinet's recommendation: the
 * Council decision is the demo's plausible outcome (approval, as in the project's written ModernGov fixture
 * test/fixtures/moderngov-html/full_council_community_safety_strategy.html), not something Melton's record shows.
 */
export const REAL_ITEM_DATES = {
  meetingStartsAt: '2021-06-15T17:30:00.000Z',
  decidedOn: '2021-06-15',
  publishedOn: '2021-06-16',
  councilDecidedAt: '2021-07-21T18:00:00.000Z',
} as const;

/**
 * The years of a strategy adopted around `now`: three years from the next financial year (April).
 * December 2026 -> "2027-30"; so an invented strategy is never one that has already ended.
 */
export function strategyYears(now: Date): string {
  const start = now.getUTCFullYear() + (now.getUTCMonth() >= 3 ? 1 : 0);
  return `${start}-${String((start + 3) % 100).padStart(2, '0')}`;
}

/** The financial year (April to March) `now` falls in: "2026/27". */
export function financialYear(now: Date): string {
  const start = now.getUTCFullYear() - (now.getUTCMonth() < 3 ? 1 : 0);
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/** 6.30pm London time on the given day, as a UTC instant (17:30Z in British Summer Time, 18:30Z in winter). */
function eveningInLondon(day: Date): string {
  const date = isoDate(day);
  const offset = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'shortOffset' })
    .formatToParts(new Date(`${date}T12:00:00Z`))
    .find((p) => p.type === 'timeZoneName')?.value;
  const hours = offset === 'GMT+1' ? 17 : 18;
  return `${date}T${String(hours).padStart(2, '0')}:30:00.000Z`;
}

export function demoCouncil(now: Date): DemoCouncil {
  const at = now.toISOString();
  // The recent Cabinet met a few days ago and its decision notice went out the next working day: the call-in period
  // (five working days from publication) is open today, and Cabinet's recommendation awaits the coming Full Council.
  const recentCabinetDay = weekdayOnOrBefore(daysFrom(now, -2));
  const recentDecidedOn = isoDate(recentCabinetDay);
  const recentPublishedOn = addWorkingDays(recentDecidedOn, 1);
  const recentPublishedAt = `${recentPublishedOn}T09:00:00.000Z`;
  const years = strategyYears(now);
  const committees: Committee[] = [
    { id: DEMO_IDS.cabinet, name: 'Cabinet', kind: 'cabinet', callInWorkingDays: 5 },
    { id: DEMO_IDS.council, name: 'Full Council', kind: 'council', callInWorkingDays: 0 },
    { id: DEMO_IDS.scrutiny, name: 'Scrutiny Committee', kind: 'scrutiny', callInWorkingDays: 0 },
  ];
  const cabinetAndCouncil = (seat: string) => [
    { committeeId: DEMO_IDS.cabinet, seat },
    { committeeId: DEMO_IDS.council, seat: 'Member' },
  ];
  const members: Member[] = [
    { ...DEMO_PEOPLE.leader, name: 'Cllr Joe Orson', role: 'councillor', title: 'Leader of the Council', email: 'joe.orson@demo-council.gov.uk', committees: cabinetAndCouncil('Leader') },
    { ...DEMO_PEOPLE.housing, name: 'Cllr Alan Pearson', role: 'councillor', title: 'Portfolio Holder for Housing and Communities', email: 'alan.pearson@demo-council.gov.uk', committees: cabinetAndCouncil('Portfolio Holder for Housing and Communities') },
    { ...DEMO_PEOPLE.councillor, name: 'Cllr Margaret Glancy', role: 'councillor', title: 'Chair of Scrutiny Committee', email: 'margaret.glancy@demo-council.gov.uk', committees: [{ committeeId: DEMO_IDS.scrutiny, seat: 'Chair' }, { committeeId: DEMO_IDS.council, seat: 'Member' }] },
    { ...DEMO_PEOPLE.director, name: 'Andrew Cotton', role: 'officer', title: 'Director for Housing and Communities', email: 'andrew.cotton@demo-council.gov.uk', committees: [] },
    { ...DEMO_PEOPLE.democraticServices, name: 'Sarah Morgan', role: 'admin', title: 'Democratic Services Manager', email: 'sarah.morgan@demo-council.gov.uk', committees: [] },
  ];
  const meetings: Meeting[] = [
    { id: DEMO_IDS.pastCabinet, committeeId: DEMO_IDS.cabinet, startsAt: REAL_ITEM_DATES.meetingStartsAt, venue: 'Council Chamber, Parkside', status: 'held' },
    { id: DEMO_IDS.recentCabinet, committeeId: DEMO_IDS.cabinet, startsAt: eveningInLondon(recentCabinetDay), venue: 'Council Chamber, Parkside', status: 'held', agendaPublishedAt: isoDate(daysFrom(recentCabinetDay, -8)) + 'T09:00:00.000Z' },
    { id: DEMO_IDS.nextCabinet, committeeId: DEMO_IDS.cabinet, startsAt: eveningInLondon(daysFrom(now, 7)), venue: 'Council Chamber, Parkside', status: 'scheduled', agendaPublishedAt: at },
    { id: DEMO_IDS.nextCouncil, committeeId: DEMO_IDS.council, startsAt: eveningInLondon(daysFrom(now, 14)), venue: 'Council Chamber, Parkside', status: 'scheduled' },
  ];
  const item = (fields: Omit<AgendaItem, 'createdAt' | 'updatedAt' | 'history' | 'forDecision' | 'exempt' | 'documents' | 'recommendations' | 'summary'> & Partial<AgendaItem>): AgendaItem => ({
    summary: '', recommendations: [], documents: [], forDecision: true, exempt: false, history: [], createdAt: at, updatedAt: at, ...fields,
  });
  const agendaItems: AgendaItem[] = [
    item({
      id: DEMO_IDS.cspItem,
      committeeId: DEMO_IDS.cabinet,
      meetingId: DEMO_IDS.pastCabinet,
      number: '6',
      title: 'Approval of the Community Safety Partnership Strategic Plan',
      titleAsPublished: 'APPROVAL OF THE COMMUNITY SAFETY PARTNERSHIP STRATEGIC PLAN',
      summary:
        'The Portfolio Holder for Housing and Communities to submit a report seeking approval to adopt the proposed Community Safety Strategy 2021-23, providing an overview of the issues impacting on communities across the borough and setting out how the Council and partner agencies seek to resolve long standing issues.',
      portfolioHolder: 'Portfolio Holder for Housing and Communities',
      leadOfficer: { name: 'Andrew Cotton', role: 'Director for Housing and Communities' },
      recommendations: [
        'Note the report and the ongoing contribution of the Community Safety Partnership to ASB issues across the borough.',
        'Recommend to Council that the proposed Community Safety Strategy 2021-24 be approved.',
      ],
      documents: [{ title: 'Community Safety Strategy 2021-24', restricted: false }],
      createdAt: REAL_ITEM_DATES.meetingStartsAt, updatedAt: REAL_ITEM_DATES.meetingStartsAt,
    }),
    item({
      id: DEMO_IDS.strategyItem, committeeId: DEMO_IDS.cabinet, meetingId: DEMO_IDS.recentCabinet, number: '5',
      title: `Community Safety Strategy ${years}`, titleAsPublished: `COMMUNITY SAFETY STRATEGY ${years}`,
      summary:
        `The Portfolio Holder for Housing and Communities to present the Community Safety Partnership's proposed Community Safety Strategy ${years}, ` +
        'which follows the Strategy 2021-24, and the first year of its action plan.',
      portfolioHolder: 'Portfolio Holder for Housing and Communities',
      leadOfficer: { name: 'Andrew Cotton', role: 'Director for Housing and Communities' },
      recommendations: [
        'Approve the Community Safety Action Plan for the first year of the Strategy.',
        `Recommend to Council that the proposed Community Safety Strategy ${years} be approved.`,
      ],
    }),
    item({
      id: 'item-hra-budget-monitoring', committeeId: DEMO_IDS.cabinet, meetingId: DEMO_IDS.nextCabinet, number: '5',
      title: 'Housing Revenue Account Budget Monitoring: Quarter 2', titleAsPublished: 'HOUSING REVENUE ACCOUNT BUDGET MONITORING: QUARTER 2',
      summary: 'The Portfolio Holder for Housing and Communities to report the forecast outturn of the Housing Revenue Account and the capital programme.',
      portfolioHolder: 'Portfolio Holder for Housing and Communities', leadOfficer: { name: 'Andrew Cotton', role: 'Director for Housing and Communities' },
      recommendations: ['Note the forecast outturn position.', `Approve the revised capital programme for ${financialYear(now)}.`],
    }),
    item({
      id: 'item-safer-streets', committeeId: DEMO_IDS.cabinet, meetingId: DEMO_IDS.nextCabinet, number: '6',
      title: 'Safer Streets Fund: Town Centre Lighting and CCTV', titleAsPublished: 'SAFER STREETS FUND: TOWN CENTRE LIGHTING AND CCTV',
      summary: 'The Leader to seek approval to accept the Safer Streets grant and to procure improved lighting and CCTV for the town centre.',
      portfolioHolder: 'Leader of the Council', recommendations: ['Accept the grant of £250,000.', 'Delegate authority to the Director for Housing and Communities to award the contract.'],
    }),
    item({
      id: 'item-land-disposal', committeeId: DEMO_IDS.cabinet, meetingId: DEMO_IDS.nextCabinet, number: '7',
      title: 'Disposal of Land at Nottingham Road', titleAsPublished: 'DISPOSAL OF LAND AT NOTTINGHAM ROAD',
      summary: 'Commercial terms for the disposal of council land. Not for publication: information relating to the financial or business affairs of any particular person.',
      exempt: true, exemptReason: 'Schedule 12A, Local Government Act 1972, paragraph 3', recommendations: ['Approve the disposal on the terms set out in the exempt appendix.'],
    }),
  ];
  const { decidedOn, publishedOn, councilDecidedAt } = REAL_ITEM_DATES;
  const realAt = REAL_ITEM_DATES.meetingStartsAt;
  const decisions: Decision[] = [
    {
      id: DEMO_IDS.cspDecision, committeeId: DEMO_IDS.cabinet, agendaItemId: DEMO_IDS.cspItem, meetingId: DEMO_IDS.pastCabinet,
      title: 'Approval of the Community Safety Partnership Strategic Plan', decisionMaker: 'Cabinet', type: 'non-key', subjectToCallIn: false, urgent: false,
      outcomes: [
        { number: 1, verb: 'NOTED', text: 'the report and the ongoing contribution of the Community Safety Partnership to ASB issues across the borough and the direction of travel for the Community Safety Partnership', status: 'noted', statusSince: realAt },
        // Full Council's decision: the demo's plausible outcome, not Melton's record (see REAL_ITEM_DATES).
        { number: 2, verb: 'RECOMMENDED', target: 'Council', text: 'that the proposed Community Safety Strategy 2021-24 be approved', status: 'approved-by-council', statusSince: councilDecidedAt },
      ],
      reasons: [
        'The Council’s Corporate Strategy 2020-24 commits to two key priorities which impact upon the Community Safety Strategy.',
        'Section 6 of the Crime and Disorder Act 1998 sets out the requirement for responsible agencies to work together in formulating and implementing a strategy to tackle crime and disorder in the area.',
      ],
      alternatives: [],
      // From the Melton page's minutes, so that the demo answers questions about the discussion too.
      minutes: [
        'Andrew Cotton, Director for Housing and Communities introduced the report, the purpose of which was to seek approval to adopt the proposed Community Safety Strategy 2021-23.',
        'Mr. Cotton confirmed that the Strategy had been developed in consultation with the public and other stakeholders and agreed with the Community Safety Partnership. If adopted, a community safety action plan would be developed to identify specific actions and areas of focus and progress would be reported to Scrutiny Committee annually.',
        'Councillor Alan Pearson, Portfolio Holder for Housing and Communities commented that much work was being undertaken on community safety. Domestic violence had been identified as an area of concern and the Council had entered into the Perpetrator Programme to focus action to tackle this.',
      ],
      discussionPoints: ['Domestic violence had increased and it was important to encourage victims to report this crime and ensure their safety.'],
      documents: [], exempt: false, history: [],
      decidedOn, publishedOn, createdAt: realAt, updatedAt: councilDecidedAt,
    },
    {
      id: DEMO_IDS.strategyDecision, committeeId: DEMO_IDS.cabinet, agendaItemId: DEMO_IDS.strategyItem, meetingId: DEMO_IDS.recentCabinet,
      title: `Community Safety Strategy ${years}`, decisionMaker: 'Cabinet', type: 'non-key', subjectToCallIn: true, urgent: false,
      outcomes: [
        { number: 1, verb: 'APPROVED', text: 'the Community Safety Action Plan for the first year of the Strategy', status: 'call-in-open', statusSince: recentPublishedAt },
        { number: 2, verb: 'RECOMMENDED', target: 'Council', text: `that the proposed Community Safety Strategy ${years} be approved`, status: 'awaiting-council', statusSince: recentPublishedAt, councilMeetingId: DEMO_IDS.nextCouncil },
      ],
      reasons: [
        'The Community Safety Strategy 2021-24 has ended, and the partnership must have a strategy in place.',
      ],
      alternatives: ['To extend the Strategy 2021-24: not recommended, as the partnership\'s assessment found its priorities had changed.'],
      // Invented, in words of its own: questions about the 2021 discussion still find the real minutes.
      minutes: [
        `Andrew Cotton, Director for Housing and Communities, introduced the proposed Community Safety Strategy ${years}, drawn up with the partnership after a residents' survey.`,
        'Councillor Alan Pearson, Portfolio Holder for Housing and Communities, said its priorities were neighbourhood policing, youth diversion and hate crime.',
      ],
      discussionPoints: ['Members welcomed the emphasis on youth diversion in the town centre.'],
      documents: [], exempt: false, history: [],
      decidedOn: recentDecidedOn, publishedOn: recentPublishedOn, createdAt: at, updatedAt: at,
    },
  ];
  // The action plan approved with the current strategy, under way: one action late, the others on track.
  const actionPlans: ActionPlan[] = [
    {
      id: DEMO_IDS.cspActionPlan, committeeId: DEMO_IDS.cabinet, decisionId: DEMO_IDS.strategyDecision, agendaItemId: DEMO_IDS.strategyItem,
      title: 'Community Safety Action Plan', createdAt: at, updatedAt: at,
      actions: [
        { id: 'act-engagement', title: 'Run a community engagement programme in each ward', ownerMemberId: DEMO_PEOPLE.director.id, dueOn: isoDate(daysFrom(now, -3)), rag: 'at-risk', percentComplete: 40 },
        { id: 'act-domestic-abuse', title: 'Extend the Perpetrator Programme to all partner agencies', ownerMemberId: DEMO_PEOPLE.director.id, dueOn: isoDate(daysFrom(now, 30)), rag: 'on-track', percentComplete: 20 },
        { id: 'act-scrutiny-report', title: 'Report progress to Scrutiny Committee', ownerMemberId: DEMO_PEOPLE.housing.id, dueOn: isoDate(daysFrom(now, 90)), rag: 'on-track', percentComplete: 0 },
      ],
    },
  ];
  return { committees, members, meetings, agendaItems, decisions, actionPlans };
}
