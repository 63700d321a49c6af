import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json';
import * as AC from 'adaptivecards';
import { CARD_SIZE_LIMIT_BYTES, cardSizeBytes, type AdaptiveCard } from '../../../src/cards/templates';

/** The 1.5 schema also checks older cards: `version` is any string there, and 1.5 only adds to 1.3. The SDK check
 *  below is the one that holds a card to the version it declares. */
const SCHEMA_PATH = path.resolve(__dirname, '../../schemas/adaptive-card-1.5.0.schema.json');

let validate: ValidateFunction | undefined;

/** The version the card says it needs; the SDK's latest when it says none (which the schema check reports). */
const declaredVersion = (card: AdaptiveCard): AC.Version => {
  const version = typeof card.version === 'string' ? AC.Version.parse(card.version, new AC.SerializationContext()) : undefined;
  return version?.isValid ? version : AC.Versions.latest;
};

/** The schema is draft-06 and names itself with `id`; ajv 8 wants `$id` (see test/schemas/README.md). */
const schemaValidator = (): ValidateFunction => {
  if (!validate) {
    const { id, ...schema } = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
    const ajv = new Ajv({ strict: false, allErrors: false });
    ajv.addMetaSchema(draft06);
    addFormats(ajv);
    validate = ajv.compile({ $id: String(id), ...schema });
  }
  return validate;
};

/** A failing card yields many anyOf errors; the few that name a path say what is wrong. */
export const schemaErrors = (card: AdaptiveCard): string[] => {
  const v = schemaValidator();
  if (v(card)) return [];
  const errors: ErrorObject[] = v.errors ?? [];
  return errors
    .filter((e) => e.instancePath !== '')
    .slice(0, 5)
    .map((e) => `${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
};

/**
 * Parses the card as a client would, with the SDK's own validation (unknown types, bad enums, duplicate ids ...),
 * as a client of the version the card declares: a 1.3 card using Action.Execute (1.4) or a heading style (1.5)
 * is an error, as it would be where Teams takes 1.3 cards only (link unfurling, message-extension previews).
 */
export const sdkErrors = (card: AdaptiveCard): string[] => {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(declaredVersion(card));
  parsed.parse(card, context);
  const events = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i));
  const validation = parsed.validateProperties().validationEvents;
  return [...events, ...validation].map((e) => `${String(e.phase)} ${String(e.event)}: ${e.message}`);
};

export const unexpandedBindings = (card: AdaptiveCard): string[] => JSON.stringify(card).match(/\$\{[^}]*\}?/g) ?? [];

/** Runs all four checks; an empty list means the card is good to send anywhere. */
export const cardProblems = (card: AdaptiveCard): string[] => [
  ...schemaErrors(card).map((e) => `schema: ${e}`),
  ...sdkErrors(card).map((e) => `sdk: ${e}`),
  ...unexpandedBindings(card).map((b) => `unexpanded: ${b}`),
  ...(cardSizeBytes(card) > CARD_SIZE_LIMIT_BYTES ? [`size: ${cardSizeBytes(card)} bytes`] : []),
];

/** Every object in the card, depth first, to find actions and elements wherever they are nested. */
export const allObjects = (node: unknown): Record<string, unknown>[] => {
  if (Array.isArray(node)) return node.flatMap(allObjects);
  if (node && typeof node === 'object') {
    const obj = node as Record<string, unknown>;
    return [obj, ...Object.values(obj).flatMap(allObjects)];
  }
  return [];
};

/** All the text a person would read: TextBlock texts and TextRun texts, in order. */
export const visibleTexts = (card: AdaptiveCard): string[] =>
  allObjects(card).flatMap((o) => {
    if (o.type === 'TextBlock' && typeof o.text === 'string') return [o.text];
    if (o.type === 'RichTextBlock' && Array.isArray(o.inlines)) {
      return [(o.inlines as { text?: string }[]).map((i) => (typeof i === 'string' ? i : (i.text ?? ''))).join('')];
    }
    return [];
  });

export const actionsOfType = (card: AdaptiveCard, type: string): Record<string, unknown>[] =>
  allObjects(card).filter((o) => o.type === type);
