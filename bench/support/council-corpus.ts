/**
 * A generated council corpus for benchmarks: agenda items and decisions written from varied council vocabulary
 * (topics, kinds of report, places, years, outcome verbs, reasons), deterministic for a given seed.
 *
 * A council has one Community Safety Partnership Strategic Plan, so the generator writes community-safety business
 * (CCTV, anti-social behaviour, domestic abuse, Safer Streets ...) but never a second "Community Safety" strategy or
 * plan: the Melton item should still be the best answer to "community safety strategy" in a big corpus.
 */
import { AgendaItem, Decision, type OutcomeVerb } from '../../src/domain';
import { writeRecord } from './council-minutes';
import { pick, seededRandom } from './measure';

const AT = '2021-06-16T09:00:00.000Z';

interface Topic {
  readonly name: string;
  /** Kinds of report this topic comes as. */
  readonly kinds: readonly string[];
  readonly words: readonly string[];
}

const TOPICS: readonly Topic[] = [
  { name: 'Housing Revenue Account', kinds: ['Budget', 'Business Plan', 'Budget Monitoring', 'Rent Setting'], words: ['council house rents', 'service charges', 'repairs and improvements', 'tenants', 'void properties'] },
  { name: 'General Fund', kinds: ['Budget', 'Revenue Outturn', 'Budget Monitoring', 'Medium Term Financial Strategy'], words: ['reserves', 'savings', 'council tax', 'business rates', 'government grant'] },
  { name: 'Capital Programme', kinds: ['Monitoring', 'Outturn', 'Review', 'Slippage'], words: ['capital receipts', 'borrowing', 'prudential indicators', 'slippage', 'asset disposals'] },
  { name: 'Treasury Management', kinds: ['Strategy', 'Annual Report', 'Mid-Year Review'], words: ['investments', 'counterparties', 'minimum revenue provision', 'interest rates', 'cash flow'] },
  { name: 'Local Plan', kinds: ['Review', 'Issues and Options Consultation', 'Submission', 'Monitoring Report'], words: ['housing land supply', 'employment land', 'planning inspector', 'site allocations', 'green belt'] },
  { name: 'Neighbourhood Plan', kinds: ['Referendum', 'Examination', 'Designation'], words: ['parish council', 'examiner', 'referendum', 'neighbourhood area', 'design policies'] },
  { name: 'Community Infrastructure Levy', kinds: ['Charging Schedule', 'Spending Protocol', 'Annual Statement'], words: ['developer contributions', 'section 106', 'infrastructure', 'charging rates', 'parish share'] },
  { name: 'Climate Emergency', kinds: ['Action Plan', 'Annual Update', 'Carbon Audit'], words: ['net zero', 'carbon emissions', 'electric vehicle charging', 'tree planting', 'retrofit'] },
  { name: 'Waste and Recycling', kinds: ['Contract', 'Service Review', 'Garden Waste Charges'], words: ['household waste', 'recycling collections', 'food waste', 'fly-tipping', 'bring sites'] },
  { name: 'Leisure Centres', kinds: ['Contract Extension', 'Procurement', 'Investment Plan'], words: ['swimming pool', 'leisure operator', 'gym', 'sports hall', 'management fee'] },
  { name: 'Car Parking', kinds: ['Charges Review', 'Strategy', 'Enforcement'], words: ['pay and display', 'cashless payment', 'season tickets', 'civil enforcement', 'town centre car parks'] },
  { name: 'Homelessness', kinds: ['Review', 'Prevention Grant', 'Temporary Accommodation'], words: ['rough sleeping', 'temporary accommodation', 'housing associations', 'prevention duty', 'bed and breakfast'] },
  { name: 'Disabled Facilities Grants', kinds: ['Policy', 'Delivery Update', 'Discretionary Assistance'], words: ['adaptations', 'older residents', 'stairlifts', 'occupational therapy', 'better care fund'] },
  { name: 'Town Centre Regeneration', kinds: ['Masterplan', 'Levelling Up Fund Bid', 'Delivery Programme'], words: ['market place', 'shop fronts', 'public realm', 'footfall', 'high street'] },
  { name: 'Economic Development', kinds: ['Strategy', 'Business Grants', 'Shared Prosperity Fund Investment Plan'], words: ['small businesses', 'skills', 'inward investment', 'apprenticeships', 'rural economy'] },
  { name: 'Council Tax Support', kinds: ['Scheme', 'Hardship Fund', 'Review'], words: ['working age households', 'low incomes', 'discretionary relief', 'pensioners', 'hardship payments'] },
  { name: 'Anti-Social Behaviour', kinds: ['Policy', 'Public Spaces Protection Order', 'Enforcement Review'], words: ['community protection notices', 'dog fouling', 'alcohol consumption', 'nuisance', 'police'] },
  { name: 'CCTV', kinds: ['Contract Award', 'Camera Replacement', 'Monitoring Arrangements'], words: ['public space cameras', 'control room', 'police', 'town centre', 'evidence'] },
  { name: 'Domestic Abuse', kinds: ['Safe Accommodation Strategy', 'Support Services', 'Needs Assessment'], words: ['victims', 'refuge', 'children', 'safe accommodation', 'domestic violence'] },
  { name: 'Safer Streets', kinds: ['Fund Bid', 'Project Update'], words: ['street lighting', 'target hardening', 'burglary', 'neighbourhood crime', 'night-time economy'] },
  { name: 'Parks and Open Spaces', kinds: ['Management Plan', 'Play Area Investment', 'Grounds Maintenance Contract'], words: ['play areas', 'playing pitches', 'allotments', 'biodiversity', 'green flag'] },
  { name: 'Corporate Strategy', kinds: ['Annual Update', 'Performance Report', 'Priorities Refresh'], words: ['residents', 'excellent services', 'priorities', 'key performance indicators', 'delivery plan'] },
  { name: 'Digital Transformation', kinds: ['Strategy', 'Programme Update', 'ICT Contract'], words: ['online services', 'customer portal', 'cyber security', 'data centre', 'Microsoft 365'] },
  { name: 'Workforce', kinds: ['Strategy', 'Pay Policy Statement', 'Gender Pay Gap Report'], words: ['recruitment', 'retention', 'apprentices', 'pay award', 'wellbeing'] },
  { name: 'Licensing', kinds: ['Statement of Licensing Policy', 'Taxi Licensing Policy', 'Gambling Policy'], words: ['hackney carriages', 'private hire', 'premises licences', 'safeguarding', 'fees'] },
  { name: 'Environmental Health', kinds: ['Food Safety Plan', 'Air Quality Action Plan', 'Enforcement Policy'], words: ['food hygiene', 'air quality', 'noise complaints', 'inspections', 'pollution'] },
  { name: 'Land at Nottingham Road', kinds: ['Disposal', 'Development Options', 'Acquisition'], words: ['best consideration', 'valuation', 'site', 'planning permission', 'covenants'] },
  { name: 'Affordable Housing', kinds: ['Delivery Plan', 'Supplementary Planning Document', 'Right to Buy Receipts'], words: ['social rent', 'shared ownership', 'registered providers', 'homes england', 'first homes'] },
  { name: 'Health and Wellbeing', kinds: ['Strategy', 'Partnership Update', 'Physical Activity Plan'], words: ['health inequalities', 'mental health', 'active lifestyles', 'public health', 'social prescribing'] },
  { name: 'Scrutiny', kinds: ['Work Programme', 'Annual Report', 'Task Group Findings'], words: ['call-in', 'task group', 'recommendations', 'overview', 'work programme'] },
];

const PLACES = ['Melton Mowbray', 'Asfordby', 'Bottesford', 'Long Clawson', 'Waltham on the Wolds', 'Old Dalby', 'Frisby on the Wreake', 'Somerby', 'Croxton Kerrial', 'Wymondham'];
const YEARS = ['2019/20', '2020/21', '2021/22', '2022/23', '2023/24', '2024/25', '2022-26', '2023-27', '2024-28'];
const QUARTERS = ['Quarter 1', 'Quarter 2', 'Quarter 3', 'Quarter 4', 'Mid-Year', 'Outturn'];
const PURPOSES = [
  'To seek approval for', 'To consider', 'To note progress on', 'To recommend to Council', 'To agree the approach to',
  'To update members on', 'To adopt', 'To consult on', 'To award the contract for', 'To review',
];
const VERBS: readonly OutcomeVerb[] = ['APPROVED', 'AGREED', 'NOTED', 'RECOMMENDED', 'ENDORSED', 'ADOPTED', 'AUTHORISED', 'DELEGATED', 'DEFERRED'];
const REASONS = [
  'The Council has a statutory duty to set a balanced budget each year.',
  'The proposals support the priorities of the Corporate Strategy.',
  'Consultation with residents and partners supported the preferred option.',
  'The current arrangements expire at the end of the financial year.',
  'External funding is available only if a decision is taken before the deadline.',
  'The recommendations were considered by the Scrutiny Committee, whose comments are reflected in the report.',
  'Delegation to the Director allows the detail to be agreed with the Portfolio Holder.',
  'Delay would put the delivery programme and the grant at risk.',
];
const COMMITTEES = ['cabinet', 'cabinet', 'cabinet', 'full-council', 'scrutiny'];

/** Title-cases the first letter only: "council house rents" -> "Council house rents". */
const sentence = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export interface GeneratedCorpus {
  readonly items: AgendaItem[];
  readonly decisions: Decision[];
}

export interface GenerateOptions {
  readonly items: number;
  /** Share of items with a decision (default 0.7). */
  readonly decidedShare?: number;
  /** Officers' delegated decisions with no agenda item, as a share of items (default 0.1). */
  readonly standaloneShare?: number;
  readonly seed?: number;
  /** Committee ids to spread the business over (default cabinet-heavy). */
  readonly committees?: readonly string[];
  readonly idPrefix?: string;
  /**
   * Give each decision minutes, discussion, reasons and alternatives of realistic length, and each decided item its
   * portfolio holder and lead officer (council-minutes.ts). Default true. They come from a random stream of their
   * own, so the items and decisions are otherwise the same with or without them.
   */
  readonly minutes?: boolean;
}

export const generateCouncilCorpus = (options: GenerateOptions): GeneratedCorpus => {
  const random = seededRandom(options.seed ?? 42);
  const writer = seededRandom((options.seed ?? 42) + 1);
  const withMinutes = options.minutes ?? true;
  const committees = options.committees ?? COMMITTEES;
  const prefix = options.idPrefix ?? 'gen';
  const items: AgendaItem[] = [];
  const decisions: Decision[] = [];

  const subject = (): { topic: Topic; title: string } => {
    const topic = pick(random, TOPICS);
    const kind = pick(random, topic.kinds);
    const when = kind.includes('Monitoring') ? `: ${pick(random, QUARTERS)} ${pick(random, YEARS)}` : random() < 0.6 ? ` ${pick(random, YEARS)}` : '';
    const where = random() < 0.2 ? ` (${pick(random, PLACES)})` : '';
    return { topic, title: `${topic.name} ${kind}${when}${where}` };
  };
  const summaryOf = (topic: Topic, title: string): string =>
    `${pick(random, PURPOSES)} the ${title}, covering ${pick(random, topic.words)}, ${pick(random, topic.words)} and ${pick(random, topic.words)}` +
    ` in ${pick(random, PLACES)} and across the borough. ${sentence(pick(random, topic.words))} remain a priority for residents.`;
  const outcomesOf = (topic: Topic, title: string) =>
    Array.from({ length: 1 + Math.floor(random() * 3) }, (_, i) => {
      const verb = pick(random, VERBS);
      const toCouncil = verb === 'RECOMMENDED';
      return {
        number: i + 1, verb, text: `the ${title.toLowerCase()} including ${pick(random, topic.words)}`,
        status: verb === 'NOTED' ? ('noted' as const) : toCouncil ? ('awaiting-council' as const) : ('call-in-open' as const),
        ...(toCouncil && { target: 'Council' }),
      };
    });

  for (let n = 0; n < options.items; n += 1) {
    const { topic, title } = subject();
    const committeeId = pick(random, committees);
    const id = `${prefix}-item-${n}`;
    const item = {
      id, committeeId, title, titleAsPublished: title.toUpperCase(), summary: summaryOf(topic, title),
      recommendations: random() < 0.5 ? [`That Cabinet approves the ${title.toLowerCase()}.`] : [],
      exempt: random() < 0.03, createdAt: AT, updatedAt: AT,
    };
    if (random() < (options.decidedShare ?? 0.7)) {
      const written = withMinutes ? writeRecord(writer, title.toLowerCase(), topic.words, PLACES) : undefined;
      items.push(AgendaItem.parse({ ...item, ...(written && { portfolioHolder: written.portfolioHolder, leadOfficer: written.leadOfficer }) }));
      decisions.push(Decision.parse({
        id: `${prefix}-decision-${n}`, committeeId, agendaItemId: id, title, decisionMaker: 'Cabinet', type: random() < 0.3 ? 'key' : 'non-key',
        outcomes: outcomesOf(topic, title), reasons: [pick(random, REASONS), pick(random, REASONS), ...(written?.reasons ?? [])],
        ...(written && { alternatives: written.alternatives, minutes: written.minutes, discussionPoints: written.discussionPoints }),
        decidedOn: '2021-06-15', publishedOn: '2021-06-16', createdAt: AT, updatedAt: AT,
      }));
    } else {
      items.push(AgendaItem.parse(item));
    }
  }
  const standalone = Math.round(options.items * (options.standaloneShare ?? 0.1));
  for (let n = 0; n < standalone; n += 1) {
    const { topic, title } = subject();
    decisions.push(Decision.parse({
      id: `${prefix}-officer-decision-${n}`, committeeId: pick(random, committees), title, decisionMaker: 'Director for Growth and Regeneration',
      type: 'non-key', purpose: summaryOf(topic, title), outcomes: outcomesOf(topic, title), reasons: [pick(random, REASONS)],
      decidedOn: '2021-06-15', publishedOn: '2021-06-16', createdAt: AT, updatedAt: AT,
    }));
  }
  return { items, decisions };
};

/** Words of the generated vocabulary, for making up queries. */
export const VOCABULARY: readonly string[] = [...new Set(TOPICS.flatMap((t) => [t.name, ...t.kinds, ...t.words]).flatMap((s) => s.toLowerCase().split(/[\s/-]+/)).filter((w) => w.length >= 4))];

/** Acronyms a reader would type for the generated topics (initials of their capitalised runs). */
export const ACRONYMS: readonly string[] = ['hra', 'cil', 'dfg', 'csp', 'mtfs', 'asb', 'ict', 'pspo', 'cctv'];

/** One slip a typist makes: swap two neighbouring letters, drop one, or double one. */
export const typo = (word: string, random: () => number): string => {
  if (word.length < 5) return word;
  const i = 1 + Math.floor(random() * (word.length - 3));
  const kind = Math.floor(random() * 3);
  if (kind === 0) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  if (kind === 1) return word.slice(0, i) + word.slice(i + 1);
  return word.slice(0, i) + word[i] + word.slice(i);
};
