import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GlobalSettings, Template } from 'adaptivecards-templating';

/** An Adaptive Card payload, ready to send. */
export type AdaptiveCard = Record<string, unknown>;

/** src/cards and dist/cards are both two levels below the project root, so this finds cards/ in either layout. */
export const CARDS_DIR = path.resolve(__dirname, '../../cards');

export const cardNames = [
  'agenda-item',
  'meeting-digest',
  'decision',
  'action-plan',
  'action-plan-form',
  'acknowledgement-report',
  'search-results',
  'link-preview',
  'help',
  'error',
  'notification-confirm',
  'notification-progress',
] as const;
export type CardName = (typeof cardNames)[number];

/** Message-extension result cards must stay under 28 KB; every card keeps to that so it fits anywhere. */
export const CARD_SIZE_LIMIT_BYTES = 28 * 1024;

export const cardSizeBytes = (card: AdaptiveCard): number => Buffer.byteLength(JSON.stringify(card), 'utf8');

const templates = new Map<CardName, Template>();

export const templatePath = (name: CardName): string => path.join(CARDS_DIR, `${name}.json`);
export const sampleDataPath = (name: CardName): string => path.join(CARDS_DIR, `${name}.data.json`);

/** Templates are read once per process: they never change while the bot runs. */
export const loadTemplate = (name: CardName): Template => {
  let template = templates.get(name);
  if (!template) {
    template = new Template(JSON.parse(readFileSync(templatePath(name), 'utf8')));
    templates.set(name, template);
  }
  return template;
};

/**
 * A binding to a path the data lacks would otherwise stay in the card as the literal `${path}`. The substitute
 * must be non-empty (the engine treats '' as "no substitute"), so it is a single space, and the paths are
 * reported so the tests can insist that view models supply every field their template binds.
 */
const UNDEFINED_SUBSTITUTE = ' ';

export interface Expansion {
  readonly card: AdaptiveCard;
  readonly undefinedPaths: readonly string[];
}

/** Expansions kept: the cards of the last few minutes' answers (a few KB each). */
const EXPANSION_CACHE_SIZE = 256;
const expansions = new Map<string, Expansion>();

const deepFreeze = <T>(value: T): T => {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
};

/**
 * A card is a function of its template and its data alone, and expanding it is a good part of a turn's work
 * (adaptivecards-templating parses and evaluates every binding): the same card for the same data (a decision asked
 * about again, by anyone who sees the same view of it) is expanded once and kept, oldest first out once
 * EXPANSION_CACHE_SIZE are held. Kept cards are frozen, so that no caller can change what another is given.
 */
export const expandTemplate = (name: CardName, data: object): Expansion => {
  const key = `${name}\u0000${JSON.stringify(data)}`;
  const kept = expansions.get(key);
  if (kept !== undefined) return kept;
  const expansion = deepFreeze(expandAfresh(name, data));
  if (expansions.size >= EXPANSION_CACHE_SIZE) expansions.delete(expansions.keys().next().value as string);
  expansions.set(key, expansion);
  return expansion;
};

const expandAfresh = (name: CardName, data: object): Expansion => {
  const template = loadTemplate(name);
  const undefinedPaths: string[] = [];
  // GlobalSettings is process-wide: set it for this synchronous expansion only and put back what was there.
  const previous = GlobalSettings.getUndefinedFieldValueSubstitutionString;
  GlobalSettings.getUndefinedFieldValueSubstitutionString = (p: string) => {
    undefinedPaths.push(p);
    return UNDEFINED_SUBSTITUTE;
  };
  try {
    const card = template.expand({ $root: data }) as AdaptiveCard;
    return { card, undefinedPaths };
  } finally {
    GlobalSettings.getUndefinedFieldValueSubstitutionString = previous;
  }
};

export const renderTemplate = (name: CardName, data: object): AdaptiveCard => expandTemplate(name, data).card;
