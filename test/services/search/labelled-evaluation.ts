import { exemptViews } from '../../../src/services/audit/exempt-views';
import { Member, type Viewer } from '../../../src/domain';
import { OFFICER_ONLY_COMMANDS, parseCommand, parseQuestion } from '../../../src/services/commands';
import { askQuestion } from '../../../src/services/conversation/ask-question';
import type { ConversationDeps } from '../../../src/services/conversation/conversation-deps';
import { namesAnItem } from '../../../src/services/conversation/name-item';
import { SearchIndex, type SearchProfile } from '../../../src/services/search';
import type { CouncilRecord } from '../../support/council-record';
import { LABELLED_QUESTIONS, type LabelledQuestion, type QuestionKind } from './labelled-questions';

/**
 * Asks the labelled questions the way the bot answers a chat message: the command parser first (a question that
 * the parser takes for another command, or an officer's command naming an item, is not a search answer: a miss),
 * then the question as the status answer asks it. The asker is a councillor on Cabinet and Council in a personal chat.
 * Used by the test of the targets and by `npm run bench:answers`.
 */
export const ASKER: Viewer = {
  where: 'personal',
  member: Member.parse({
    id: 'cllr-asker', name: 'Cllr Asker', role: 'councillor',
    committees: [{ committeeId: 'cabinet', seat: 'Member' }, { committeeId: 'council', seat: 'Member' }],
  }),
};

export interface Asked {
  readonly question: LabelledQuestion;
  /** 1 for first; 0 when the answer is not among the first ten (or not a search answer at all). */
  readonly rank: number;
  /** The first result's title, or what the bot did instead. */
  readonly first: string;
}

export interface KindScore {
  readonly kind: QuestionKind | 'all';
  readonly questions: number;
  readonly top1: number;
  readonly meanReciprocalRank: number;
}

export const KINDS: readonly QuestionKind[] = [...new Set(LABELLED_QUESTIONS.map((q) => q.kind))];

/** The record's questions, asked of a search index with this profile over the record's store. */
export async function askAll(record: CouncilRecord, profile: SearchProfile = 'full'): Promise<Asked[]> {
  const search = new SearchIndex(record.store, { profile });
  // Nobody authenticated asks these questions, so no exempt view is recorded; a failed write would fail the evaluation.
  const views = exemptViews(record.store.audit, { now: () => record.now, onNotRecorded: (error) => { throw error; } });
  const deps: ConversationDeps = { store: record.store, search, now: () => record.now, views };
  const asked: Asked[] = [];
  for (const question of LABELLED_QUESTIONS) {
    const want = record.pages.get(question.answer);
    if (!want) throw new Error(`no page ${question.answer}`);
    let command = parseCommand(question.question);
    if (OFFICER_ONLY_COMMANDS.has(command.kind)) {
      const subject = command.kind === 'notify' ? ('item' in command ? command.item : undefined) : { query: (command as { query: string }).query };
      const names = subject === undefined || (await namesAnItem(subject, ASKER, deps));
      if (names) {
        asked.push({ question, rank: 0, first: `(refused: ${command.kind} is for officers)` });
        continue;
      }
      command = parseQuestion(question.question);
    }
    const text = command.kind === 'status' ? command.query : command.kind === 'item' && 'query' in command ? command.query : undefined;
    if (text === undefined) {
      asked.push({ question, rank: 0, first: `(answered as ${command.kind})` });
      continue;
    }
    const { results } = await askQuestion(text, ASKER, deps, 10);
    const at = results.findIndex((r) => (want.itemId ? r.itemId === want.itemId : r.decisionId === want.decisionId));
    asked.push({ question, rank: at + 1, first: results[0]?.title ?? '(nothing found)' });
  }
  return asked;
}

export const scoresOf = (asked: readonly Asked[]): KindScore[] =>
  [...KINDS, 'all' as const].map((kind) => {
    const of = asked.filter((a) => kind === 'all' || a.question.kind === kind);
    return {
      kind,
      questions: of.length,
      top1: of.filter((a) => a.rank === 1).length / of.length,
      meanReciprocalRank: of.reduce((sum, a) => sum + (a.rank > 0 ? 1 / a.rank : 0), 0) / of.length,
    };
  });

/** The targets: top-1 at least 95% over all kinds, no kind below 90%. */
export const TARGETS = { all: 0.95, eachKind: 0.9 } as const;
