import {
  buildActionPlanView,
  buildDecisionView,
  buildLinkPreviewView,
  buildMeetingDigestView,
  buildSearchResultsView,
  cardNames,
  renderCard,
  type AdaptiveCard,
  type CardName,
} from '../../src/cards';
import { sampleDataPath } from '../../src/cards/templates';
import { OUTCOME_STATUSES, Rag, type StatusDescription } from '../../src/domain';
import { readFileSync } from 'node:fs';
import * as s from './fixtures/samples';
import { textContrast } from './support/contrast';
import { hostConfigsToCheck, playgroundHostConfig, type ColourConfig } from './support/host-configs';

/**
 * WCAG AA asks 4.5:1 for text. A line whose meaning is carried by a colour that some host renders below that (the
 * playground's "good" #92C353 on white is 2.06:1) is unreadable there: words go in the default colour, with a word
 * and an icon for the meaning, and colour is at most an accent on what is readable anyway.
 */
const AA = 4.5;

interface TextLine {
  readonly text: string;
  readonly colour: string;
  readonly subtle: boolean;
  readonly style: string;
}

/** Every piece of text with words in a rendered card, with its colour and the container style it sits in. */
const textLines = (node: unknown, style = 'default'): TextLine[] => {
  if (Array.isArray(node)) return node.flatMap((n) => textLines(n, style));
  if (!node || typeof node !== 'object') return [];
  const element = node as Record<string, unknown>;
  const here = typeof element.style === 'string' && ['Container', 'Column', 'ColumnSet', 'TableCell'].includes(String(element.type)) ? element.style : style;
  const own: TextLine[] =
    (element.type === 'TextBlock' || element.type === 'TextRun') && typeof element.text === 'string' && /\p{L}/u.test(element.text)
      ? [{ text: element.text, colour: String(element.color ?? 'default').toLowerCase(), subtle: element.isSubtle === true, style: here }]
      : [];
  const children = Object.entries(element)
    .filter(([key]) => key !== 'selectAction' && key !== 'fallback')
    .flatMap(([, value]) => (typeof value === 'object' ? textLines(value, here) : []));
  return [...own, ...children];
};

const backgroundOf = (config: ColourConfig, style: string): string =>
  config.containerStyles[style]?.backgroundColor ?? config.containerStyles.default?.backgroundColor ?? '#FFFFFF';

const foregroundOf = (config: ColourConfig, line: TextLine): string => {
  const colours = config.containerStyles[line.style]?.foregroundColors ?? config.containerStyles.default?.foregroundColors;
  const colour = colours?.[line.colour] ?? config.containerStyles.default?.foregroundColors?.[line.colour];
  const value = line.subtle ? (colour?.subtle ?? colour?.default) : colour?.default;
  if (!value) throw new Error(`no ${line.colour} colour for ${line.style} containers`);
  return value;
};

const unreadable = (card: AdaptiveCard): string[] =>
  hostConfigsToCheck().flatMap(({ name, config }) =>
    textLines(card.body).flatMap((line) => {
      const ratio = textContrast(foregroundOf(config, line), backgroundOf(config, line.style));
      return ratio < AA ? [`${name}: "${line.text.slice(0, 60)}" in ${line.colour}${line.subtle ? ' subtle' : ''} on ${line.style} is ${ratio}:1`] : [];
    }),
  );

const status = (value: (typeof OUTCOME_STATUSES)[number]): StatusDescription => ({
  status: value.status,
  label: `Status ${value.status}`,
  since: '2021-06-16',
  next: value.final ? undefined : 'What comes next',
  nextOn: value.final ? undefined : '2021-07-21',
  final: value.final,
});

/** Every card, with its sample data and with every status line and RAG it can show. */
const cases: [string, AdaptiveCard][] = [
  ...cardNames.map((name: CardName): [string, AdaptiveCard] => [
    `${name} (sample data)`,
    renderCard(name, JSON.parse(readFileSync(sampleDataPath(name), 'utf8')) as never),
  ]),
  ...OUTCOME_STATUSES.flatMap((st): [string, AdaptiveCard][] => {
    const statuses = Object.fromEntries(s.decision.outcomes.map((o) => [o.number, status(st)]));
    const hit = { kind: 'decision' as const, decision: s.decision, committee: s.cabinet, status: status(st) };
    return [
      [`decision, ${st.status}`, renderCard('decision', buildDecisionView({ decision: s.decision, statuses }))],
      [`search results, ${st.status}`, renderCard('search-results', buildSearchResultsView({ query: 'community safety', hits: [hit] }))],
      [`link preview, ${st.status}`, renderCard('link-preview', buildLinkPreviewView({ hit }))],
    ];
  }),
  ...Rag.options.map((rag): [string, AdaptiveCard] => [
    `action plan, ${rag}`,
    renderCard(
      'action-plan',
      buildActionPlanView({
        plan: { ...s.actionPlan, actions: s.actionPlan.actions.map((a) => ({ ...a, rag })) },
        committee: s.cabinet, decision: s.decision, members: s.members, viewer: s.officer, now: s.now,
      }),
    ),
  ]),
  [
    'meeting digest, all acknowledged',
    renderCard(
      'meeting-digest',
      buildMeetingDigestView({
        meeting: s.meeting, committee: s.cabinet, items: s.agenda,
        myAcknowledgements: s.agenda.map((i) => ({ ...s.myAcknowledgement, agendaItemId: i.id })),
      }),
    ),
  ],
];

describe('every line of every card is readable in every host config', () => {
  it('reads the host config the Agents Playground applies (Teams light: warning #F8D22A, good #92C353)', () => {
    const foreground = playgroundHostConfig().containerStyles.default!.foregroundColors!;
    expect(foreground.warning!.default!.toUpperCase()).toBe('#F8D22A');
    expect(foreground.good!.default!.toUpperCase()).toBe('#92C353');
  });

  it.each(cases)('%s', (_name, card) => {
    expect(unreadable(card)).toEqual([]);
  });

  it('finds an unreadable line: the check can fail', () => {
    const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Noted: nothing to implement', color: 'good' }] } as AdaptiveCard;
    expect(unreadable(card).join('\n')).toContain('Agents Playground (Teams light): "Noted: nothing to implement" in good on default is 2.06:1');
  });
});
