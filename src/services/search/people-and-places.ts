/**
 * The people and places a council page names, so that each can be a search field of its own: "Michelle Howard's
 * report" should find the items she presented, "Saxby Cross" the items about that village, before the items that
 * merely use the same words. Minutes name people in a few fixed ways ("Councillor Pauline Bayliss, Portfolio Holder
 * for ...", "Sharon Pritchard, Housing Services Manager introduced the report", "Mr. Cotton advised", "Councillors
 * A, B and C"); places by a preposition ("in Hollinbridge", "around Saxby Cross, Long Easton and Dalby Wolds") or a
 * word such as Road, Park or Centre at their end. Regular expressions over the text, no list of names to maintain.
 */

const NAME_WORD = String.raw`\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?`;
const NAME = String.raw`${NAME_WORD}(?:\s+${NAME_WORD}){0,2}`;
const TITLES = String.raw`Councillors?|Cllrs?|Mr|Mrs|Ms|Miss|Dr|Doctor|Inspector|Sergeant|Superintendent|Professor|Sir|Dame|Lord|Lady`;
/** "Councillor Pauline Bayliss", "Mr. Cotton", "Councillors Donald Hewson, Stephen Kettle and Nicola Chandler". */
const TITLED = new RegExp(String.raw`\b(?:${TITLES})\.?\s+(${NAME}(?:\s*,\s*${NAME})*(?:,?\s+and\s+${NAME})?)`, 'gu');
/** Words of a post, the last of which says it is one: "Housing Services Manager", "Director for Housing and Communities". */
const POST = String.raw`(?:(?:\p{Lu}[\p{L}'’-]*|and|for|of|the|&)\s+){0,6}?(?:Manager|Director|Officer|Executive|Head|Leader|Holder|Chair|Chairman|Clerk|Solicitor|Adviser|Advisor|Commissioner|Engineer|Planner|Surveyor|Lead|Co-?ordinator|Accountant|Auditor|Architect|Consultant)\b`;
/** "Sharon Pritchard, Housing Services Manager", "Andrew Cotton, Director for Housing and Communities". */
const NAME_AND_POST = new RegExp(String.raw`\b(${NAME_WORD}\s+${NAME_WORD}(?:\s+${NAME_WORD})?),\s+(?:the\s+)?(?=${POST})`, 'gu');
/** Capitalised words that begin sentences or name bodies, never a person. */
const NOT_NAMES = new Set([
  'The', 'This', 'That', 'These', 'Those', 'Members', 'Member', 'Council', 'Cabinet', 'Committee', 'Scrutiny', 'Portfolio',
  'Holder', 'Leader', 'Chair', 'Officers', 'Officer', 'It', 'In', 'On', 'At', 'During', 'After', 'Before', 'Following',
  'Deputy', 'Chief', 'Director', 'Head', 'Manager', 'Services', 'Housing', 'Planning', 'Borough', 'District', 'County',
]);

const TITLE_PREFIX = new RegExp(String.raw`^(?:${TITLES})\.?\s+`, 'u');

const isName = (name: string): boolean => name.split(/\s+/).every((w) => !NOT_NAMES.has(w));

/** The names of the people a text mentions, without their titles ("Pauline Bayliss", "Cotton"), each once. */
export const peopleIn = (text: string): string[] => {
  const names = new Set<string>();
  for (const m of text.matchAll(TITLED)) {
    for (const name of m[1]!.split(/\s*,\s*|,?\s+and\s+/)) if (name && isName(name)) names.add(name.trim());
  }
  for (const m of text.matchAll(NAME_AND_POST)) {
    const name = m[1]!.replace(TITLE_PREFIX, '');
    if (name.includes(' ') && isName(name)) names.add(name);
  }
  return [...names];
};

const PLACE_WORD = String.raw`\p{Lu}[\p{Ll}'’]+`;
const PLACE_END = String.raw`Road|Street|Lane|Avenue|Way|Close|Drive|Park|Approach|Square|Place|Green|Estate|Centre|Pool|Hall|Court|Meadows?|Fields|Gardens|Wharf|Quay|Bridge|Common|Woods?|Hill|Village|Market`;
/** "Brook Meadow Park", "Station Approach", "Wreakham Leisure Centre": a run of capitalised words ending in a place word. */
const NAMED_PLACE = new RegExp(String.raw`\b(?:${PLACE_WORD}\s+){0,3}(?:${PLACE_END})\b`, 'gu');
/** "in Hollinbridge", "around Saxby Cross, Long Easton and Dalby Wolds": capitalised words after a preposition of place. */
const PLACE_AFTER = new RegExp(
  String.raw`\b(?:in|at|around|near|across|from|outside|between)\s+(${PLACE_WORD}(?:\s+(?:on\s+the\s+|upon\s+)?${PLACE_WORD}){0,2}(?:\s*,\s*${PLACE_WORD}(?:\s+${PLACE_WORD}){0,2})*(?:,?\s+and\s+${PLACE_WORD}(?:\s+${PLACE_WORD}){0,2})?)`,
  'gu',
);
/** Capitalised words that name bodies, documents, times or money, not places. */
const NOT_PLACES = new Set([
  'Council', 'Cabinet', 'Committee', 'Scrutiny', 'Government', 'Fund', 'Strategy', 'Policy', 'Plan', 'Act', 'Ltd', 'Limited',
  'Trust', 'Partnership', 'Report', 'Section', 'Part', 'Schedule', 'Appendix', 'Band', 'Quarter', 'Phase', 'Round', 'Priority',
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Councillor', 'Councillors', 'Cllr', 'Mr',
  'Mrs', 'Ms', 'Dr', 'England', 'The', 'This', 'Members', 'Officers', 'Office', 'Department', 'Home', 'Police', 'Director',
  'Manager', 'Portfolio', 'Holder', 'Leader', 'Chief', 'Executive', 'Regulations', 'Order', 'Code', 'Standards', 'Bill',
  'Company', 'Homes', 'Group', 'Association', 'Services', 'Service', 'Board', 'Agency', 'Authority', 'Society', 'Aid',
]);

const isPlace = (name: string): boolean => name.split(/\s+/).every((w) => !NOT_PLACES.has(w));

/** The places a text names ("Brook Meadow Park", "Saxby Cross"), each once. */
export const placesIn = (text: string): string[] => {
  const places = new Set<string>();
  for (const m of text.matchAll(NAMED_PLACE)) if (isPlace(m[0])) places.add(m[0]);
  for (const m of text.matchAll(PLACE_AFTER)) {
    for (const place of m[1]!.split(/\s*,\s*|,?\s+and\s+/)) if (place && isPlace(place)) places.add(place.trim());
  }
  // "Town Centre" is already in "Wreakham Town Centre".
  return [...places].filter((p) => ![...places].some((q) => q !== p && q.includes(p)));
};
