/**
 * Minutes, reasons and alternatives of realistic length for the generated council corpus, in the shape of a
 * ModernGov agenda-item page: who introduced the report, what the portfolio holder said, what members asked, the
 * points noted in discussion, with the people, places, numbers and dates that real minutes carry.
 *
 * Length and vocabulary are calibrated on real minutes, not guessed. The Melton Community Safety item
 * (test/fixtures/moderngov) has 383 words of minutes with 133 distinct search terms; councils' procedural and
 * information items are a few lines. So a decision's minutes here are drawn from: 35% short (one or two sentences,
 * 20-60 words), 50% usual (150-400 words), 15% long (400-800 words): about 220 words on average. Besides the
 * council's own words, real minutes name things no list holds (people, roads, companies, schemes, figures):
 * each sentence carries one or two words drawn, by Zipf's law, from 40,000 made-up words, so the index grows its
 * vocabulary the way real text does (a bench that reused 300 words would understate the index's memory).
 */
import { pick } from './measure';

const FIRST_NAMES = [
  'Alan', 'Andrew', 'Angela', 'Beverley', 'Catherine', 'Christine', 'Colin', 'David', 'Donald', 'Elaine', 'Gareth', 'Hannah',
  'Ian', 'James', 'Janet', 'Jonathan', 'Joanne', 'Karen', 'Kevin', 'Leigh', 'Margaret', 'Mark', 'Michelle', 'Nicola',
  'Patricia', 'Paul', 'Pauline', 'Richard', 'Robert', 'Ronan', 'Sarah', 'Sharon', 'Simon', 'Stephen', 'Susan', 'Timothy',
];
const SURNAMES = [
  'Ashworth', 'Bainbridge', 'Bayliss', 'Browne', 'Carter', 'Chandler', 'Douglas', 'Evans', 'Fairbrother', 'Glover', 'Graham',
  'Hewson', 'Higgins', 'Holmes', 'Hutchinson', 'Illingworth', 'Jarvis', 'Kettle', 'Lumley', 'Marsden', 'Moncrieff', 'Newton',
  'Oakley', 'Pritchard', 'Quinn', 'Rowlands', 'Sheldon', 'Sutcliffe', 'Thornton', 'Underwood', 'Varley', 'Whitfield', 'Yates',
];
const OFFICER_ROLES = [
  'Director for Housing and Communities', 'Director for Growth and Regeneration', 'Assistant Director for Resources',
  'Head of Planning and Delivery', 'Regulatory Services Manager', 'Housing Services Manager', 'Democratic Services Manager',
  'Environmental Health Manager', 'Finance Manager', 'Neighbourhoods Manager', 'Head of Customer Services',
];
const PORTFOLIOS = ['Housing and Communities', 'Growth and Prosperity', 'Climate, Access and Engagement', 'Corporate Finance, Property and Resources', 'Environment and Regulatory Services'];
const GROUPS = [
  'older residents', 'tenants', 'small businesses', 'parish councils', 'young people', 'carers', 'armed forces families',
  'rough sleepers', 'rural communities', 'town centre traders', 'residents with disabilities', 'private landlords',
];
const CONCERNS = [
  'the impact on', 'the cost to', 'consultation with', 'the timetable for engaging', 'the support available to',
  'communication with', 'the monitoring of outcomes for', 'the risks to',
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Pronounceable made-up words ("bellowmar", "tresk"), the same for a given index. */
const SYLLABLES = ['ba', 'bel', 'cor', 'da', 'den', 'fal', 'gar', 'ha', 'ket', 'la', 'low', 'mar', 'mo', 'nes', 'or', 'pen', 'quin', 'ra', 'res', 'sel', 'tan', 'tresk', 'ul', 'ven', 'wick', 'yar'];
const RARE_WORDS = 40_000;
const rareWord = (n: number): string => {
  let word = '';
  let rest = n + SYLLABLES.length;
  while (rest > 0) {
    word += SYLLABLES[rest % SYLLABLES.length];
    rest = Math.floor(rest / SYLLABLES.length);
  }
  return word;
};
/** Rank k is drawn with probability proportional to 1/k (Zipf, s = 1), as word frequencies in text are. */
const zipfRare = (random: () => number): string => rareWord(Math.floor(Math.exp(random() * Math.log(RARE_WORDS))) - 1);

export interface Person {
  readonly name: string;
  readonly surname: string;
}
export const personOf = (random: () => number): Person => {
  const surname = pick(random, SURNAMES);
  return { name: `${pick(random, FIRST_NAMES)} ${surname}`, surname };
};

export interface WrittenRecord {
  readonly portfolioHolder: string;
  readonly leadOfficer: { readonly name: string; readonly role: string };
  readonly minutes: string[];
  readonly discussionPoints: string[];
  readonly reasons: string[];
  readonly alternatives: string[];
}

/** The minutes, discussion, reasons and alternatives of one decided item on `subject` (its title, lower case). */
export const writeRecord = (random: () => number, subject: string, topicWords: readonly string[], places: readonly string[]): WrittenRecord => {
  const officer = personOf(random);
  const role = pick(random, OFFICER_ROLES);
  const holder = personOf(random);
  const portfolio = pick(random, PORTFOLIOS);
  const councillor = (): Person => personOf(random);
  const n = (max: number): number => 1 + Math.floor(random() * max);
  const year = 2019 + Math.floor(random() * 6);
  const date = (): string => `${n(28)} ${pick(random, MONTHS)} ${year + Math.floor(random() * 2)}`;
  const rare = (): string => (random() < 0.5 ? `${zipfRare(random)} ${zipfRare(random)}` : zipfRare(random));
  const topic = (): string => pick(random, topicWords);

  const sentences: (() => string)[] = [
    () => `${officer.name}, ${role} introduced the report, the purpose of which was to seek approval for the ${subject}.`,
    () => `Mr. ${officer.surname} advised that ${topic()} in ${pick(random, places)} had risen by ${n(40)}% since ${pick(random, MONTHS)} ${year}, and that the ${rare()} scheme would address this.`,
    () => `The consultation ran until ${date()} and received ${n(400)} responses, ${n(90)}% of which supported the proposals on ${topic()}.`,
    () => `Councillor ${holder.name}, Portfolio Holder for ${portfolio}, commented that ${topic()} remained a priority and thanked officers for their work with ${pick(random, GROUPS)}.`,
    () => `Councillor ${councillor().surname} asked about ${pick(random, CONCERNS)} ${pick(random, GROUPS)}, and was advised that the ${rare()} arrangements would be reviewed by ${date()}.`,
    () => `Members asked that ${pick(random, CONCERNS)} ${pick(random, GROUPS)} be monitored and reported to the Scrutiny Committee.`,
    () => `The total cost of £${n(900)},000 would be met from the ${rare()} reserve, with ${topic()} funded by ${rare()}.`,
    () => `In response to a question from Councillor ${councillor().name}, the ${role} confirmed that work with ${rare()} at ${pick(random, places)} would begin on ${date()}.`,
    () => `Members noted that ${topic()} had been discussed at the ${rare()} working group on ${date()}.`,
    () => `It was noted that ${n(30)} ${pick(random, GROUPS)} had been affected, and that ${rare()} had offered to help.`,
  ];
  const paragraph = (): string => Array.from({ length: n(3) }, () => pick(random, sentences)()).join(' ');

  const size = random();
  // Words per paragraph average ~25 x 2 sentences = ~50.
  const paragraphs = size < 0.35 ? 1 : size < 0.85 ? 3 + Math.floor(random() * 5) : 8 + Math.floor(random() * 8);
  const minutes = [
    `${officer.name}, ${role} introduced the report, the purpose of which was to seek approval for the ${subject}.`,
    ...Array.from({ length: paragraphs - 1 }, paragraph),
  ];
  const discussionPoints = size < 0.35 ? [] : Array.from({ length: n(5) }, () => pick(random, sentences)());
  const reasons = Array.from({ length: n(3) }, () => `The ${subject} supports the Council's priorities for ${topic()} and ${pick(random, GROUPS)}; ${rare()} evidence showed ${n(60)}% support.`);
  const alternatives = random() < 0.6 ? [`To do nothing: this was rejected because ${topic()} would not improve for ${pick(random, GROUPS)}.`] : [];
  return {
    portfolioHolder: `Portfolio Holder for ${portfolio}`,
    leadOfficer: { name: officer.name, role },
    minutes,
    discussionPoints,
    reasons,
    alternatives,
  };
};
