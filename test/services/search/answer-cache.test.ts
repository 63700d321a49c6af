import type { AgendaItem, Decision } from '../../../src/domain';
import { AnswerCache } from '../../../src/services/search/answer-cache';
import { SearchCorpus, SearchIndex, type Asker, type SearchSource } from '../../../src/services/search';
import type { Page } from '../../../src/store/port';
import { item, meltonCommunitySafety, otherDecisions, otherItems } from './corpus';

const officer: Asker = { role: 'officer', committees: [] };
const councillor: Asker = { role: 'councillor', committees: [{ committeeId: 'cabinet', seat: 'Member' }] };
const today = { today: '2021-07-01' };

const sourceOf = (items: AgendaItem[], decisions: Decision[]): SearchSource => {
  const page = <T>(all: T[]): Page<T> => ({ items: all });
  return { agendaItems: { listAll: async () => page(items) }, decisions: { listAll: async () => page(decisions) } };
};
const seeded = (): SearchSource => {
  const csp = meltonCommunitySafety();
  return sourceOf([csp.item, ...otherItems()], [csp.decision, ...otherDecisions()]);
};
const titles = (answer: { results: readonly { title: string }[] }): string[] => answer.results.map((r) => r.title);

describe('AnswerCache', () => {
  it('answers a question asked again from what the index gave, without asking the corpus again', () => {
    const csp = meltonCommunitySafety();
    const corpus = SearchCorpus.loading({ meetings: [], committees: [] });
    corpus.upsertItem(csp.item);
    corpus.upsertDecision(csp.decision);
    corpus.finishLoading();
    const asked = jest.spyOn(corpus, 'ask');
    const cache = new AnswerCache();
    const first = cache.answer(corpus, 'status community safety', officer, today, undefined);
    const again = cache.answer(corpus, 'status community safety', officer, today, undefined);
    expect(again).toBe(first);
    expect(asked).toHaveBeenCalledTimes(1);
    // Another asker, day or option is another answer.
    cache.answer(corpus, 'status community safety', councillor, today, undefined);
    cache.answer(corpus, 'status community safety', officer, { today: '2021-07-02' }, undefined);
    cache.answer(corpus, 'status community safety', officer, today, { limit: 1 });
    expect(asked).toHaveBeenCalledTimes(4);
    expect(cache.size).toBe(4);
  });

  it('keeps at most its capacity, letting the oldest answer go first', () => {
    const corpus = SearchCorpus.loading({ meetings: [], committees: [] });
    corpus.finishLoading();
    const asked = jest.spyOn(corpus, 'ask');
    const cache = new AnswerCache(2);
    for (const q of ['a', 'b', 'c']) cache.answer(corpus, q, officer, today, undefined);
    expect(cache.size).toBe(2);
    cache.answer(corpus, 'c', officer, today, undefined);
    expect(asked).toHaveBeenCalledTimes(3);
    cache.answer(corpus, 'a', officer, today, undefined);
    expect(asked).toHaveBeenCalledTimes(4);
  });
});

describe('SearchIndex answers asked again', () => {
  it('are the index as it is now: a change made here is in the next answer to the same question', async () => {
    const index = new SearchIndex(seeded());
    const question = 'allotments strategy';
    expect(titles(await index.ask(question, officer, today))).not.toContain('Allotments Strategy');
    index.upsertItem(item('item-allot', 'cabinet', 'Allotments Strategy', 'Provision of allotments across the borough.', { updatedAt: '2021-07-01T10:00:00.000Z' }));
    expect(titles(await index.ask(question, officer, today))[0]).toBe('Allotments Strategy');
    index.removeItem('item-allot');
    expect(titles(await index.ask(question, officer, today))).not.toContain('Allotments Strategy');
  });
});
