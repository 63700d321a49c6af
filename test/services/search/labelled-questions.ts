/**
 * Questions a councillor who had read the pages of test/fixtures/council-record (and the real pages of
 * test/fixtures/moderngov) would type to the bot, each with the page that answers it. Written from the pages,
 * before the search was changed to answer them, and not reworded since to suit it: a question the bot answers
 * badly is a finding, not a question to fix.
 *
 * The asker is a councillor who sits on Cabinet and Council, in a personal chat (so Cabinet's exempt business is
 * theirs to find), on the record's `today` (28 March 2022).
 */
export type QuestionKind = 'title words' | 'misspellings' | 'acronyms' | 'people' | 'minutes phrases' | 'numbers and dates' | 'filters' | 'wordy questions';

export interface LabelledQuestion {
  readonly kind: QuestionKind;
  readonly question: string;
  /** The page (file name in record.json) whose item or decision is the answer. */
  readonly answer: string;
}

const q = (kind: QuestionKind, answer: string, ...questions: string[]): LabelledQuestion[] => questions.map((question) => ({ kind, question, answer }));

const MELTON = '../moderngov/melton_cabinet_agenda_item_community_safety.txt';
const HOLME_PARK = '../moderngov/lgsf_modgov_decision_multi_paragraph.html';

export const LABELLED_QUESTIONS: readonly LabelledQuestion[] = [
  // ---- title words: some words of the title, as remembered --------------------------------------------------------
  ...q('title words', 'cabinet-2021-01-12-housing-allocations-policy.txt', 'status housing allocations policy'),
  ...q('title words', 'cabinet-2021-03-16-car-parking-charges.txt', 'car parking charges'),
  ...q('title words', 'cabinet-2021-09-14-homelessness-strategy.txt', 'homelessness and rough sleeping strategy'),
  ...q('title words', 'licensing-2021-10-20-gambling-principles.txt', 'gambling principles'),
  ...q('title words', 'cabinet-2021-10-12-treasury-mid-year-review.txt', 'status of the treasury management mid year review'),
  ...q('title words', 'cabinet-2022-02-08-pay-policy-statement.txt', 'pay policy statement'),
  ...q('title words', 'cabinet-2021-12-07-council-tax-base.txt', 'council tax base'),
  ...q('title words', 'cabinet-2022-03-15-leisure-centre-roof.txt', 'leisure centre roof replacement'),
  ...q('title words', 'cabinet-2022-01-11-empty-homes-premium.txt', 'empty homes'),
  ...q('title words', 'cabinet-2022-04-05-tenancy-strategy.txt', 'tenancy strategy'),
  ...q('title words', 'cabinet-2022-04-05-planning-enforcement-plan.txt', 'planning enforcement plan'),
  ...q('title words', 'cabinet-2021-12-07-corporate-strategy-update.txt', 'corporate strategy annual update'),
  ...q('title words', HOLME_PARK, 'holme park court demolition'),
  ...q('title words', 'officer-2021-05-10-grounds-maintenance-contract.html', 'grounds maintenance contract'),
  ...q('title words', 'cabinet-2021-03-16-disabled-facilities-grants-policy.txt', 'disabled facilities grants'),
  ...q('title words', 'cabinet-2021-06-15-safer-streets-bid.txt', 'safer streets bid'),

  // ---- misspellings -------------------------------------------------------------------------------------------------
  ...q('misspellings', 'cabinet-2021-09-14-homelessness-strategy.txt', 'homelesness stratgy'),
  ...q('misspellings', 'cabinet-2021-06-15-waste-collection-contract.txt', 'recyling collection contract'),
  ...q('misspellings', 'licensing-2021-10-20-gambling-principles.txt', 'gamblin principals'),
  ...q('misspellings', 'cabinet-2021-10-12-treasury-mid-year-review.txt', 'tresury managment mid year'),
  ...q('misspellings', 'cabinet-2021-03-16-car-parking-charges.txt', 'car parkng charges'),
  ...q('misspellings', 'cabinet-2021-03-16-disabled-facilities-grants-policy.txt', 'disabeld facilities grant'),
  ...q('misspellings', 'cabinet-2022-01-11-levelling-up-fund-bid.txt', 'leveling up fund bid'),
  ...q('misspellings', 'cabinet-2022-01-11-empty-homes-premium.txt', 'empty homse premium'),
  ...q('misspellings', 'cabinet-2021-10-12-pspo-brook-meadow-park.txt', 'public spaces protecton order'),
  ...q('misspellings', 'scrutiny-2021-09-30-fly-tipping-task-group.txt', 'flytiping task group findings'),
  ...q('misspellings', 'cabinet-2022-03-15-shared-prosperity-fund.html', 'shared prosperty fund'),
  ...q('misspellings', 'cabinet-2022-03-15-leisure-centre-roof.txt', 'leisure center roof'),
  ...q('misspellings', 'scrutiny-2022-03-03-domestic-abuse-review.txt', 'domestic abuse reveiw'),
  ...q('misspellings', 'cabinet-2022-04-05-tenancy-strategy.txt', 'tenancy stratergy'),
  ...q('misspellings', 'cabinet-2022-02-08-pay-policy-statement.txt', 'pay polciy'),

  // ---- acronyms -----------------------------------------------------------------------------------------------------
  ...q('acronyms', 'cabinet-2022-01-11-hra-business-plan.txt', 'HRA business plan'),
  ...q('acronyms', 'cabinet-2022-02-08-general-fund-budget.txt', 'MTFS 2022'),
  ...q('acronyms', 'cabinet-2021-03-16-disabled-facilities-grants-policy.txt', 'DFG policy'),
  ...q('acronyms', 'cabinet-2021-10-12-pspo-brook-meadow-park.txt', 'PSPO'),
  ...q('acronyms', 'cabinet-2022-01-11-levelling-up-fund-bid.txt', 'LUF bid'),
  ...q('acronyms', 'cabinet-2022-03-15-shared-prosperity-fund.html', 'UKSPF'),
  ...q('acronyms', MELTON, 'CSP strategic plan'),
  ...q('acronyms', 'cabinet-2022-03-15-ev-charge-points.html', 'EV charge points'),
  ...q('acronyms', 'cabinet-2022-02-08-hra-budget.txt', 'HRA rents 2022/23'),
  ...q('acronyms', 'scrutiny-2021-09-30-community-safety-partnership-annual-review.txt', 'CSP annual review'),
  ...q('acronyms', 'cabinet-2021-10-12-pspo-brook-meadow-park.txt', 'ASB in brook meadow park'),
  ...q('acronyms', 'cabinet-2021-02-09-general-fund-budget.txt', 'GF budget 2021/22'),
  ...q('acronyms', 'cabinet-2021-10-12-treasury-mid-year-review.txt', 'what does the CIPFA code require'),
  ...q('acronyms', 'cabinet-2021-06-15-waste-collection-contract.txt', 'TUPE staff transfer'),
  ...q('acronyms', 'cabinet-2021-01-12-council-tax-support-scheme.txt', 'DWP claims for council tax support'),

  // ---- people: who presented, spoke or asked ------------------------------------------------------------------------
  ...q('people', 'cabinet-2021-01-12-housing-allocations-policy.txt', 'what did Sharon Pritchard present'),
  ...q('people', 'scrutiny-2022-03-03-climate-action-plan-progress.txt', "James Lumley's progress report"),
  ...q('people', 'cabinet-2022-01-11-empty-homes-premium.txt', 'what did Ian Graham say about loans to owners'),
  ...q('people', 'licensing-2021-10-20-taxi-licensing-policy.txt', 'what did Councillor Quinn ask about the taxi trade'),
  ...q('people', 'cabinet-2022-03-15-leisure-centre-roof.txt', 'Paul Higgins solar panels'),
  ...q('people', 'scrutiny-2021-09-30-fly-tipping-task-group.txt', 'how much did Richard Carter say clearing fly-tipping cost'),
  ...q('people', 'scrutiny-2021-09-30-community-safety-partnership-annual-review.txt', 'Inspector Mark Rowlands'),
  ...q('people', 'council-2021-07-21-local-plan-issues-and-options.txt', 'Angela Sutcliffe'),
  ...q('people', 'cabinet-2021-12-07-corporate-strategy-update.txt', 'what did Dr Moncrieff report on performance indicators'),
  ...q('people', 'scrutiny-2022-03-03-domestic-abuse-review.txt', 'Elaine Jarvis refuge'),
  ...q('people', 'scrutiny-2021-09-30-fly-tipping-task-group.txt', "Cllr Chandler's task group report"),
  ...q('people', 'cabinet-2021-09-14-homelessness-strategy.txt', 'Colin Fairbrother Housing First pilot'),
  ...q('people', 'cabinet-2021-02-09-capital-programme.txt', 'what did David Ashworth say about the leisure centre roof'),
  ...q('people', 'council-2021-02-25-budget-and-council-tax.txt', "Councillor Hewson's amendment to freeze council tax"),
  ...q('people', 'licensing-2021-10-20-taxi-licensing-policy.txt', 'Kevin Thornton euro 6'),
  ...q('people', 'cabinet-2022-01-11-empty-homes-premium.txt', 'Cllr Kettle probate'),
  ...q('people', 'cabinet-2022-02-08-pay-policy-statement.txt', 'Susan Varley living wage'),

  // ---- phrases from the minutes, remembered more or less word for word ----------------------------------------------
  ...q('minutes phrases', 'cabinet-2021-01-12-housing-allocations-policy.txt', 'the one where members asked about care leavers and veterans'),
  ...q('minutes phrases', 'cabinet-2021-01-12-town-centre-masterplan-consultation.txt', 'market has run on a Tuesday since 1324'),
  ...q('minutes phrases', 'scrutiny-2022-03-03-climate-action-plan-progress.txt', 'the trial of hydrotreated vegetable oil that cut emissions by 85%'),
  ...q('minutes phrases', 'cabinet-2021-06-15-safer-streets-bid.txt', 'training staff of bars and late night venues to recognise harassment'),
  ...q('minutes phrases', 'cabinet-2021-03-16-car-parking-charges.txt', 'blue badge holders still park free'),
  ...q('minutes phrases', 'scrutiny-2021-09-30-fly-tipping-task-group.txt', 'householders reminded of their duty of care'),
  ...q('minutes phrases', 'cabinet-2021-10-12-pspo-brook-meadow-park.txt', 'dogs kept on leads in the play areas'),
  ...q('minutes phrases', 'cabinet-2021-12-07-town-centre-masterplan-adoption.txt', 'deliveries allowed before 10am'),
  ...q('minutes phrases', 'cabinet-2022-01-11-empty-homes-premium.txt', 'homes waiting for probate are exempt from the premium'),
  ...q('minutes phrases', 'scrutiny-2021-03-04-leisure-contract-performance.txt', 'the gym at Hollinbridge Pool which had not reopened'),
  ...q('minutes phrases', 'scrutiny-2021-09-30-community-safety-partnership-annual-review.txt', 'county lines drug dealing'),
  ...q('minutes phrases', 'cabinet-2022-03-15-leisure-centre-roof.txt', 'sports hall closing for eight weeks in the summer holidays'),
  ...q('minutes phrases', 'cabinet-2021-01-12-council-tax-support-scheme.txt', 'would universal credit claimants need to make a separate claim'),
  ...q('minutes phrases', 'council-2021-07-21-local-plan-issues-and-options.txt', 'exhibitions in Saxby Cross, Long Easton and Kettlebury'),
  ...q('minutes phrases', 'cabinet-2021-12-07-corporate-strategy-update.txt', 'kept every service running through the pandemic'),
  ...q('minutes phrases', 'cabinet-2021-06-15-waste-collection-contract.txt', 'crews with in-cab technology'),
  ...q('minutes phrases', MELTON, 'the one about the perpetrator programme for domestic violence'),

  // ---- numbers and dates in the question ----------------------------------------------------------------------------
  ...q('numbers and dates', 'cabinet-2021-01-12-housing-allocations-policy.txt', 'the consultation with 187 responses'),
  ...q('numbers and dates', 'cabinet-2021-06-15-safer-streets-bid.txt', '£396,000 bid'),
  ...q('numbers and dates', 'cabinet-2022-02-08-hra-budget.txt', 'average weekly rent £85.78'),
  ...q('numbers and dates', 'cabinet-2021-06-15-waste-collection-contract.txt', 'the £28.4 million contract'),
  ...q('numbers and dates', 'cabinet-2021-01-12-housing-allocations-policy.txt', 'what takes effect from 1 April 2021'),
  ...q('numbers and dates', 'cabinet-2021-12-07-council-tax-base.txt', '19,487.6 band D equivalent'),
  ...q('numbers and dates', 'council-2021-07-21-local-plan-issues-and-options.txt', '6,125 new homes'),
  ...q('numbers and dates', 'cabinet-2021-12-07-town-centre-masterplan-adoption.txt', '412 responses to the consultation'),
  ...q('numbers and dates', 'scrutiny-2021-09-30-fly-tipping-task-group.txt', '1,146 incidents'),
  ...q('numbers and dates', 'cabinet-2021-09-14-disposal-of-land-hollinbridge-road.txt', 'the £1.85 million land sale'),
  ...q('numbers and dates', 'cabinet-2022-01-11-levelling-up-fund-bid.txt', '£8.9 million bid'),
  ...q('numbers and dates', 'cabinet-2021-03-16-climate-emergency-action-plan.txt', '2,145 tonnes of carbon'),
  ...q('numbers and dates', 'cabinet-2021-12-07-housing-repairs-improvement-plan.txt', 'what was agreed on 7 December 2021 about repairs'),
  ...q('numbers and dates', 'cabinet-2021-03-16-disabled-facilities-grants-policy.txt', '£15,000 relocation grant'),
  ...q('numbers and dates', 'cabinet-2022-02-08-pay-policy-statement.txt', 'ratio of 5.9 to 1'),
  ...q('numbers and dates', 'cabinet-2022-03-15-leisure-centre-roof.txt', '320 solar panels'),
  ...q('numbers and dates', HOLME_PARK, 'what was decided on 27 July 2021'),

  // ---- filters: a committee, a period, a status or a person, as the words say ---------------------------------------
  ...q('filters', 'scrutiny-2021-11-25-call-in-leisure-centres.txt', 'what did Scrutiny decide about leisure in November'),
  ...q('filters', 'cabinet-2021-03-16-climate-emergency-action-plan.txt', 'what did Cabinet decide about climate'),
  ...q('filters', 'scrutiny-2022-03-03-climate-action-plan-progress.txt', 'what did Scrutiny say about climate'),
  ...q('filters', 'cabinet-2022-02-08-pay-policy-statement.txt', 'which recommendation on pay is awaiting Council'),
  ...q('filters', 'licensing-2021-10-20-gambling-principles.txt', 'gambling awaiting council'),
  ...q('filters', 'cabinet-2022-03-15-shared-prosperity-fund.html', 'what is in call-in at the moment'),
  ...q('filters', 'council-2022-02-24-budget-and-council-tax.txt', 'what did Council decide last month'),
  ...q('filters', 'cabinet-2022-04-05-tenancy-strategy.txt', 'is Cabinet deciding anything on tenancies next week'),
  ...q('filters', 'cabinet-2021-12-07-town-centre-masterplan-adoption.txt', "Cllr Illingworth's decisions in December 2021"),
  ...q('filters', 'licensing-2021-10-20-taxi-licensing-policy.txt', 'what did the Licensing Committee decide about taxis'),
  ...q('filters', 'council-2021-12-16-taxi-licensing-policy.txt', 'Council decision on taxis'),
  ...q('filters', 'cabinet-2022-03-15-leisure-centre-roof.txt', 'what has Cabinet agreed in March 2022 about leisure'),
  ...q('filters', 'cabinet-2021-09-14-homelessness-strategy.txt', "Cllr Bayliss's reports in September 2021"),
  ...q('filters', 'cabinet-2022-01-11-empty-homes-premium.txt', 'what is awaiting Council on empty homes'),
  ...q('filters', 'officer-2021-11-02-station-approach-temporary-accommodation.html', 'decisions by the Director for Housing and Communities'),
  ...q('filters', 'scrutiny-2021-03-04-leisure-contract-performance.txt', 'what did Scrutiny decide in March 2021 about leisure'),
  ...q('filters', 'cabinet-2022-03-15-ev-charge-points.html', 'effective decisions on car parks'),

  // ---- wordy questions, as people talk --------------------------------------------------------------------------------
  ...q('wordy questions', 'cabinet-2021-03-16-car-parking-charges.txt', 'what did we decide about putting up the price of parking in town'),
  ...q('wordy questions', 'cabinet-2021-06-15-waste-collection-contract.txt', 'when does the new bin contract start and who won it'),
  ...q('wordy questions', 'cabinet-2021-09-14-homelessness-strategy.txt', 'what are we doing about people sleeping rough in the borough'),
  ...q('wordy questions', 'cabinet-2022-01-11-hra-business-plan.txt', 'has the council agreed to build new council houses'),
  ...q('wordy questions', 'cabinet-2021-09-14-disposal-of-land-hollinbridge-road.txt', 'what happened with the plan to sell land for housing off Hollinbridge Road'),
  ...q('wordy questions', 'cabinet-2021-10-12-pspo-brook-meadow-park.txt', 'can you tell me what was decided about drinking in the park'),
  ...q('wordy questions', 'cabinet-2021-03-16-climate-emergency-action-plan.txt', 'what is the council doing to cut its carbon emissions'),
  ...q('wordy questions', 'cabinet-2021-10-12-fly-tipping-response.txt', 'did we ever respond to the scrutiny recommendations on fly tipping'),
  ...q('wordy questions', 'cabinet-2022-01-11-levelling-up-fund-bid.txt', 'how much are we bidding for to do up the market place'),
  ...q('wordy questions', 'cabinet-2021-03-16-disabled-facilities-grants-policy.txt', 'what help is there for people whose homes need adapting'),
  ...q('wordy questions', 'cabinet-2021-09-14-leisure-centres-future-management.txt', 'why was the leisure contract extended rather than brought in house'),
  ...q('wordy questions', 'council-2021-07-21-local-plan-issues-and-options.txt', 'what did members think about the new settlement at Saxby Cross'),
  ...q('wordy questions', 'cabinet-2021-12-07-housing-repairs-improvement-plan.txt', 'what is the council going to do about damp and mould in council flats'),
  ...q('wordy questions', 'scrutiny-2021-11-25-call-in-leisure-centres.txt', 'what was the outcome when the leisure decision was called in'),
  ...q('wordy questions', 'cabinet-2022-03-15-shared-prosperity-fund.html', 'how is the council going to spend the shared prosperity money'),
  ...q('wordy questions', 'cabinet-2021-06-15-waste-collection-contract.txt', 'what will happen to the staff of the old bin contractor'),
];
