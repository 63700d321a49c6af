import { processTerm } from './text';

/**
 * The plain words councillors ask with, and the words council papers use for the same things: "the price of
 * parking" is in a report as "parking charges", "bins" as "waste", "taxis" as "hackney carriage and private hire",
 * "selling land" as "disposal of land". A question's word also looks for these, at half the weight of the word itself
 * (search-corpus.ts), so a record with the asker's own word still comes first. Kept short and general: English local
 * government's words, not one council's.
 */
const COUNCIL_WORDS: Readonly<Record<string, readonly string[]>> = {
  price: ['charge', 'charges', 'fee', 'fees', 'tariff'],
  prices: ['charge', 'charges', 'fee', 'fees', 'tariff'],
  cost: ['charge', 'charges', 'fee', 'fees'],
  bin: ['waste', 'refuse', 'recycling'],
  bins: ['waste', 'refuse', 'recycling'],
  rubbish: ['waste', 'refuse', 'litter'],
  dumping: ['flytipping'],
  taxi: ['hackney', 'hire'],
  taxis: ['hackney', 'hire'],
  cab: ['hackney', 'hire'],
  cabs: ['hackney', 'hire'],
  houses: ['homes', 'housing', 'dwellings'],
  house: ['home', 'housing', 'dwelling'],
  homeless: ['homelessness'],
  money: ['fund', 'funding', 'grant', 'budget'],
  cut: ['reduce', 'reduction', 'cuts'],
  cuts: ['savings', 'reductions'],
  sell: ['disposal', 'sale'],
  selling: ['disposal', 'sale'],
  buy: ['purchase', 'acquisition', 'procure'],
  buying: ['purchase', 'acquisition', 'procurement'],
  staff: ['employees', 'workforce'],
  pay: ['salary', 'salaries', 'wages'],
  pool: ['swimming', 'leisure'],
  gym: ['leisure'],
  mess: ['fouling', 'litter'],
  rise: ['increase'],
  raise: ['increase'],
};

const RELATED = new Map<string, string[]>(
  Object.entries(COUNCIL_WORDS).flatMap(([word, related]) => {
    const term = processTerm(word);
    if (term === null) return [];
    const terms = [...new Set(related.map(processTerm).filter((t): t is string => t !== null && t !== term))];
    return [[term, terms]];
  }),
);

/** The council's terms for a question's term (processed terms both), if it has any. */
export const councilTermsFor = (term: string): readonly string[] => RELATED.get(term) ?? [];
