/**
 * Realistic council records for the contract suite, modelled on Melton's Cabinet item "Approval of the Community
 * Safety Partnership Strategic Plan" (test/fixtures/moderngov). Each builder returns a complete domain value
 * (defaults filled), so a value read back can be compared with toEqual.
 */
import type {
  Acknowledgement, ActionPlan, ActionUpdate, AgendaItem, Committee, ConversationRecord, Decision, Delivery, Meeting,
  Member, Notification,
} from '../../src/domain';

export const cabinet: Committee = { id: 'cabinet', name: 'Cabinet', kind: 'cabinet', callInWorkingDays: 5, externalId: '118' };
export const fullCouncil: Committee = { id: 'council', name: 'Full Council', kind: 'council', callInWorkingDays: 0, externalId: '120' };
export const scrutiny: Committee = { id: 'scrutiny', name: 'Scrutiny Committee', kind: 'scrutiny', callInWorkingDays: 5 };

export const alanPearson: Member = {
  id: 'cllr-alan-pearson',
  name: 'Cllr Alan Pearson',
  role: 'councillor',
  title: 'Portfolio Holder for Housing and Communities',
  email: 'Alan.Pearson@councillors.example.gov.uk',
  aadObjectId: '6f1c2a7e-3b9d-4c5e-8a21-0d4e5f6a7b8c',
  committees: [{ committeeId: 'cabinet', seat: 'Portfolio Holder for Housing and Communities' }, { committeeId: 'council', seat: 'Member' }],
};

export const ronanHolmes: Member = {
  id: 'cllr-ronan-holmes',
  name: 'Cllr Ronan Holmes',
  role: 'councillor',
  title: 'Leader of the Council',
  email: 'ronan.holmes@councillors.example.gov.uk',
  aadObjectId: '0a9b8c7d-6e5f-4a3b-9c2d-1e0f2a3b4c5d',
  committees: [{ committeeId: 'cabinet', seat: 'Leader' }, { committeeId: 'council', seat: 'Member' }],
};

export const sarahWhitcombe: Member = {
  id: 'cllr-sarah-whitcombe',
  name: 'Cllr Sarah Whitcombe',
  role: 'councillor',
  email: 'sarah.whitcombe@councillors.example.gov.uk',
  committees: [{ committeeId: 'scrutiny', seat: 'Chair' }, { committeeId: 'council', seat: 'Member' }],
};

export const andrewCotton: Member = {
  id: 'andrew-cotton',
  name: 'Andrew Cotton',
  role: 'officer',
  title: 'Director for Housing and Communities',
  email: 'andrew.cotton@example.gov.uk',
  committees: [],
};

export const meeting = (overrides: Partial<Meeting> & Pick<Meeting, 'id' | 'startsAt'>): Meeting => ({
  committeeId: 'cabinet',
  venue: 'Parkside, Station Approach, Burton Street, Melton Mowbray',
  status: 'scheduled',
  ...overrides,
});

export const cabinetJuly: Meeting = meeting({
  id: 'cabinet-2021-07-14',
  startsAt: '2021-07-14T17:00:00.000Z',
  agendaPublishedAt: '2021-07-06T09:00:00.000Z',
  source: { kind: 'moderngov-meeting-xml', externalId: '2345' },
});

export const agendaItem = (overrides: Partial<AgendaItem> & Pick<AgendaItem, 'id'>): AgendaItem => ({
  committeeId: 'cabinet',
  meetingId: cabinetJuly.id,
  number: '5',
  title: 'Approval of the Community Safety Partnership Strategic Plan',
  titleAsPublished: 'APPROVAL OF THE COMMUNITY SAFETY PARTNERSHIP STRATEGIC PLAN',
  summary:
    'The Portfolio Holder for Housing and Communities to submit a report seeking approval to adopt the proposed ' +
    'Community Safety Strategy 2021-24.',
  portfolioHolder: 'Portfolio Holder for Housing and Communities',
  leadOfficer: { name: 'Andrew Cotton', role: 'Director for Housing and Communities' },
  recommendations: ['That Cabinet recommends to Council that the proposed Community Safety Strategy 2021-24 be approved.'],
  documents: [
    { title: 'Community Safety Strategy 2021-24', url: 'https://democracy.example.gov.uk/documents/s12345/Strategy.pdf', restricted: false },
  ],
  forDecision: true,
  exempt: false,
  history: [],
  createdAt: '2021-07-06T09:05:00.000Z',
  updatedAt: '2021-07-06T09:05:00.000Z',
  ...overrides,
});

export const communitySafetyItem: AgendaItem = agendaItem({
  id: 'ai-community-safety-strategy',
  source: {
    kind: 'moderngov-agenda-item',
    url: 'https://democracy.example.gov.uk/ieIssueDetails.aspx?IId=31542',
    externalId: '31542',
    importedAt: '2021-07-06T09:05:00.000Z',
  },
});

export const decision = (overrides: Partial<Decision> & Pick<Decision, 'id'>): Decision => ({
  committeeId: 'cabinet',
  agendaItemId: communitySafetyItem.id,
  meetingId: cabinetJuly.id,
  title: 'Approval of the Community Safety Partnership Strategic Plan',
  decisionMaker: 'Cabinet',
  type: 'non-key',
  subjectToCallIn: false,
  urgent: false,
  outcomes: [
    {
      number: 1,
      verb: 'NOTED',
      text: 'the report and the ongoing contribution of the Community Safety Partnership to ASB issues across the borough',
      status: 'noted',
    },
    {
      number: 2,
      verb: 'RECOMMENDED',
      target: 'Council',
      text: 'that the proposed Community Safety Strategy 2021-24 be approved',
      status: 'awaiting-council',
      statusSince: '2021-07-14T19:30:00.000Z',
    },
  ],
  reasons: ['The Strategy sets high level priorities for the Community Safety Partnership.'],
  alternatives: [],
  minutes: [],
  discussionPoints: ['Members were pleased with the work undertaken by the Council as part of the Community Safety Partnership.'],
  decidedOn: '2021-07-14',
  publishedOn: '2021-07-16',
  documents: [],
  exempt: false,
  history: [],
  createdAt: '2021-07-16T10:00:00.000Z',
  updatedAt: '2021-07-16T10:00:00.000Z',
  ...overrides,
});

export const communitySafetyDecision: Decision = decision({
  id: 'dec-community-safety-strategy',
  source: { kind: 'moderngov-decision', url: 'https://democracy.example.gov.uk/ieDecisionDetails.aspx?ID=2871', externalId: '2871' },
});

export const acknowledgement = (memberId: string, agendaItemId: string, acknowledgedAt: string): Acknowledgement => ({
  agendaItemId,
  committeeId: 'cabinet',
  memberId,
  acknowledgedAt,
  via: { channel: 'teams', conversationId: `a:1personal-${memberId}`, activityId: `1:activity-${agendaItemId}` },
});

export const communitySafetyPlan: ActionPlan = {
  id: 'plan-community-safety',
  committeeId: 'cabinet',
  decisionId: communitySafetyDecision.id,
  agendaItemId: communitySafetyItem.id,
  title: 'Community Safety Strategy 2021-24 action plan',
  actions: [
    {
      id: 'act-1',
      title: 'Develop the community safety action plan with partner agencies',
      ownerMemberId: andrewCotton.id,
      dueOn: '2021-10-31',
      rag: 'on-track',
      percentComplete: 20,
    },
    {
      id: 'act-2',
      title: 'Report progress to Scrutiny Committee',
      ownerMemberId: alanPearson.id,
      dueOn: '2022-07-31',
      rag: 'on-track',
      percentComplete: 0,
    },
  ],
  createdAt: '2021-07-20T09:00:00.000Z',
  updatedAt: '2021-07-20T09:00:00.000Z',
};

export const actionUpdate = (id: string, at: string, percentComplete: number): ActionUpdate => ({
  id,
  actionPlanId: communitySafetyPlan.id,
  committeeId: 'cabinet',
  actionId: 'act-1',
  byMemberId: andrewCotton.id,
  at,
  rag: 'on-track',
  percentComplete,
  note: `Partner workshop held; ${percentComplete}% of the plan drafted.`,
});

export const conversation = (id: string, memberId: string | undefined, updatedAt: string): ConversationRecord => ({
  id,
  kind: 'personal',
  ...(memberId !== undefined ? { memberId } : {}),
  tenantId: '9c3f6e2a-5d4b-4e8f-a1c7-2b6d8e0f4a13',
  reference: { serviceUrl: 'https://smba.trafficmanager.net/uk/', conversation: { id }, channelId: 'msteams' },
  reachable: true,
  updatedAt,
});

export const notification = (overrides: Partial<Notification> & Pick<Notification, 'id' | 'sendAt'>): Notification => ({
  kind: 'agenda-item',
  committeeId: 'cabinet',
  subject: { agendaItemId: communitySafetyItem.id, meetingId: cabinetJuly.id },
  audience: { committeeIds: ['cabinet'], memberIds: [], channelIds: [] },
  resolveAudience: 'on-create',
  urgent: false,
  origin: 'officer',
  status: 'scheduled',
  prepared: false,
  createdBy: 'helen-marsh',
  createdAt: '2021-07-06T09:10:00.000Z',
  updatedAt: '2021-07-06T09:10:00.000Z',
  ...overrides,
});

export const delivery = (notificationId: string, member: Pick<Member, 'id' | 'name'>, overrides: Partial<Delivery> = {}): Delivery => ({
  notificationId,
  key: member.id,
  recipient: { kind: 'member', memberId: member.id, name: member.name },
  action: 'send',
  subjectKeys: [`item:${communitySafetyItem.id}`],
  status: 'pending',
  attempts: 0,
  faults: 0,
  dueAt: '2021-07-06T09:10:00.000Z',
  updatedAt: '2021-07-06T09:10:00.000Z',
  ...overrides,
});
