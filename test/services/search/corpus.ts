import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AgendaItem, Decision, type OutcomeVerb } from '../../../src/domain';

/**
 * A search test corpus: the Melton Community Safety Partnership item read from the ModernGov fixture (test/fixtures/moderngov), and
 * twenty other council items and decisions written to compete with it on its words (community, safety, strategy,
 * strategic plan, partnership) so that ranking is really tested.
 */
export const FIXTURE = path.resolve(__dirname, '../../fixtures/moderngov/melton_cabinet_agenda_item_community_safety.txt');

const AT = '2021-06-16T09:00:00.000Z';

export const item = (id: string, committeeId: string, title: string, summary: string, extra: Partial<AgendaItem> = {}): AgendaItem =>
  AgendaItem.parse({ id, committeeId, title, titleAsPublished: title.toUpperCase(), summary, createdAt: AT, updatedAt: AT, ...extra });

export const decision = (
  id: string,
  committeeId: string,
  agendaItemId: string | undefined,
  title: string,
  outcomes: [OutcomeVerb, string][],
  reasons: string[] = [],
  extra: Partial<Decision> = {},
): Decision =>
  Decision.parse({
    id, committeeId, agendaItemId, title, decisionMaker: 'Cabinet', type: 'non-key', reasons, createdAt: AT, updatedAt: AT,
    outcomes: outcomes.map(([verb, text], i) => ({ number: i + 1, verb, text, status: verb === 'NOTED' ? 'noted' : 'call-in-open' })),
    decidedOn: '2021-06-15', publishedOn: '2021-06-16',
    ...extra,
  });

/** The fixture page, taken apart the way the importer would: title, summary, numbered decisions, reasons. */
export const meltonCommunitySafety = (): { item: AgendaItem; decision: Decision } => {
  const text = readFileSync(FIXTURE, 'utf8');
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const titleAt = lines.indexOf('APPROVAL OF THE COMMUNITY SAFETY PARTNERSHIP STRATEGIC PLAN');
  const summary = lines.slice(titleAt + 1).find((l) => l.length > 0)!;
  const decisionsAt = lines.indexOf('DECISIONS (NON-KEY)');
  const outcomes = lines
    .slice(decisionsAt)
    .map((l) => /^\d\)\s+(NOTED|RECOMMENDED)\s+(?:to Council\s+)?(.*?);?$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ verb: m[1] as OutcomeVerb, text: m[2]! }));
  const reasons = lines
    .slice(lines.indexOf('Reason for the decisions') + 1, lines.findIndex((l) => l.startsWith('Supporting documents')))
    .filter((l) => l.length > 0)
    .map((l) => l.replace(/^·\s*/, ''));
  const title = 'Approval of the Community Safety Partnership Strategic Plan';
  return {
    item: item('item-csp', 'cabinet', title, summary, { titleAsPublished: lines[titleAt]!, portfolioHolder: 'Portfolio Holder for Housing and Communities' }),
    decision: Decision.parse({
      id: 'dec-csp', committeeId: 'cabinet', agendaItemId: 'item-csp', title, decisionMaker: 'Cabinet', type: 'non-key',
      outcomes: outcomes.map((o, i) => ({
        number: i + 1, verb: o.verb, text: o.text, status: o.verb === 'NOTED' ? 'noted' : 'awaiting-council',
        ...(o.verb === 'RECOMMENDED' && { target: 'Council' }),
      })),
      reasons, decidedOn: '2021-06-15', publishedOn: '2021-06-16', createdAt: AT, updatedAt: AT,
    }),
  };
};

export const otherItems = (): AgendaItem[] => [
  item('item-hra', 'cabinet', 'Housing Revenue Account Budget 2021/22',
    'To set the Housing Revenue Account (HRA) budget for 2021/22, including council house rents, service charges and the HRA capital programme for repairs and improvements to council homes.'),
  item('item-safer-streets', 'cabinet', 'Safer Streets Fund Bid',
    'To seek approval to submit a bid to the Home Office Safer Streets Fund for target hardening, street lighting and CCTV in Melton town centre to reduce burglary and neighbourhood crime and improve community safety at night.'),
  item('item-local-plan', 'cabinet', 'Local Plan Review: Issues and Options Consultation',
    'To approve the Local Plan Review Issues and Options document for public consultation, setting out the housing and employment land needs of the borough to 2041 and the options for meeting them.'),
  item('item-climate', 'cabinet', 'Climate Emergency Strategy and Action Plan',
    'To adopt the Climate Emergency Strategy, committing the Council to net zero carbon emissions from its own operations by 2030, and the first annual action plan.'),
  item('item-corporate', 'cabinet', 'Corporate Strategy 2020-24 Annual Update',
    'An update on delivery of the Corporate Strategy priorities over the past year, including excellent services and a community that is connected and led by residents.'),
  item('item-capital', 'cabinet', 'Capital Programme Monitoring: Quarter 3',
    'To note the position of the general fund and housing capital programmes at the end of the third quarter and approve slippage into next year.'),
  item('item-ctr', 'cabinet', 'Council Tax Support Scheme 2022/23',
    'To recommend to Council a local council tax support scheme for working age households on low incomes for 2022/23.'),
  item('item-homeless', 'cabinet', 'Homelessness and Rough Sleeping Strategy',
    'To adopt a strategy to prevent homelessness and end rough sleeping in the borough, working with housing associations and the voluntary sector.'),
  item('item-leisure', 'cabinet', 'Melton Sports Village Leisure Contract Extension',
    'To extend the leisure management contract for the Waterfield Leisure Pool and Melton Sports Village by two years.'),
  item('item-parking', 'cabinet', 'Car Parking Charges Review',
    'To review pay and display charges in council car parks in Melton Mowbray and introduce cashless payment.'),
  item('item-dfg', 'cabinet', 'Disabled Facilities Grants Policy',
    'To approve a revised policy for disabled facilities grants so that older and disabled residents can live safely at home.'),
  item('item-regen', 'cabinet', 'Town Centre Regeneration: Levelling Up Fund Bid',
    'To approve a bid to the Levelling Up Fund for regeneration of Melton Mowbray town centre and the market place.'),
  item('item-waste', 'cabinet', 'Waste and Recycling Collection Contract',
    'To award the contract for household waste and recycling collections from April 2022.'),
  item('item-domestic-abuse', 'cabinet', 'Domestic Abuse Support in Safe Accommodation',
    'To agree the approach to new duties under the Domestic Abuse Act 2021 to support victims of domestic violence and their children in safe accommodation.'),
  item('item-treasury', 'cabinet', 'Treasury Management Strategy 2021/22',
    'To recommend the treasury management strategy, investment strategy and minimum revenue provision policy to Council.'),
  item('item-asb', 'cabinet', 'Anti-Social Behaviour Policy',
    'To adopt a policy on the use of community protection notices and public spaces protection orders to tackle anti-social behaviour (ASB).'),
  item('item-parks', 'cabinet', 'Parks and Open Spaces Strategic Plan',
    'To adopt a strategic plan for the management and improvement of parks, play areas and open spaces across the borough.'),
  item('item-scrutiny-wp', 'scrutiny', 'Scrutiny Work Programme 2021/22',
    'The Scrutiny Committee work programme for the year, including the annual review of community safety and the budget.'),
  item('item-cctv', 'cabinet', 'Community Safety CCTV Contract Award',
    'To award the contract for the monitoring and maintenance of public space CCTV cameras. Contains commercially sensitive information.',
    { exempt: true, exemptReason: 'Paragraph 3 of Schedule 12A: financial or business affairs' }),
];

export const otherDecisions = (): Decision[] => [
  decision('dec-hra', 'cabinet', 'item-hra', 'Housing Revenue Account Budget 2021/22', [
    ['APPROVED', 'the Housing Revenue Account budget for 2021/22 and an increase in council house rents of 1.5%'],
  ], ['The Council must set a balanced Housing Revenue Account each year.']),
  decision('dec-climate', 'cabinet', 'item-climate', 'Climate Emergency Strategy and Action Plan', [
    ['ADOPTED', 'the Climate Emergency Strategy and the first annual action plan'],
  ]),
  decision('dec-safer-streets', 'cabinet', 'item-safer-streets', 'Safer Streets Fund Bid', [
    ['APPROVED', 'the submission of a bid of up to £450,000 to the Safer Streets Fund'],
  ]),
  // An officer's delegated decision: no agenda item, indexed on its own.
  decision('dec-grass', 'cabinet', undefined, 'Award of Grass Cutting Contract', [
    ['AGREED', 'to award the grounds maintenance and grass cutting contract for parks and verges for three years'],
  ], [], { decisionMaker: 'Director for Growth and Regeneration', purpose: 'Grounds maintenance of parks, open spaces and highway verges.' }),
];
