import { openCouncilRecord, type CouncilRecord } from '../../support/council-record';
import { askAll, scoresOf, TARGETS, type Asked } from './labelled-evaluation';
import { LABELLED_QUESTIONS } from './labelled-questions';

/**
 * The labelled questions of labelled-questions.ts, asked of the council's record the way the bot answers them
 * (`npm run bench:answers` prints the figures beside the titles-only baseline). A quality bar, not a timing.
 */
describe('questions as councillors ask them, over a council record imported from ModernGov pages', () => {
  let record: CouncilRecord;
  let asked: Asked[];
  beforeAll(async () => {
    record = await openCouncilRecord();
    asked = await askAll(record);
  }, 60_000);
  afterAll(() => record.dispose());

  it('are at least 100, of every kind the issue names', () => {
    expect(LABELLED_QUESTIONS.length).toBeGreaterThanOrEqual(100);
    expect(new Set(LABELLED_QUESTIONS.map((q) => q.kind)).size).toBe(8);
  });

  it(`find the right item first for at least ${TARGETS.all * 100}% of them, and ${TARGETS.eachKind * 100}% of each kind`, () => {
    const scores = scoresOf(asked);
    const missed = asked.filter((a) => a.rank !== 1).map((a) => `${a.question.kind}: "${a.question.question}" -> ${a.first} (rank ${a.rank})`);
    expect({ all: scores.find((s) => s.kind === 'all')!.top1 >= TARGETS.all, missed }).toEqual({ all: true, missed: expect.any(Array) });
    for (const s of scores) expect([s.kind, s.top1 >= TARGETS.eachKind]).toEqual([s.kind, true]);
  });
});
