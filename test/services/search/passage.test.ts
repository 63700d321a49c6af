import { AgendaItem, Decision } from '../../../src/domain';
import { passageFor, passageSourcesOf } from '../../../src/services/search/passage';
import { termsOf } from '../../../src/services/search/text';

const AT = '2022-01-11T09:00:00.000Z';
const item = AgendaItem.parse({
  id: 'item-allocations', committeeId: 'cabinet', title: 'Housing Allocations Policy', titleAsPublished: 'HOUSING ALLOCATIONS POLICY',
  summary: 'To approve a revised Housing Allocations Policy.', documents: [{ title: 'Appendix B - Consultation responses' }], createdAt: AT, updatedAt: AT,
});
const decision = Decision.parse({
  id: 'dec-allocations', committeeId: 'cabinet', agendaItemId: item.id, title: item.title, decisionMaker: 'Cabinet', type: 'key',
  outcomes: [{ number: 1, verb: 'APPROVED', text: 'the Housing Allocations Policy 2021', status: 'made' }],
  reasons: ['The Council must have an allocation scheme.'],
  alternatives: ['To keep the points-based policy: rejected.'],
  minutes: ['The consultation received 187 responses. Members asked that the impact on armed forces applicants be monitored and reported to Scrutiny.'],
  createdAt: AT, updatedAt: AT,
});
const sources = passageSourcesOf(item, [decision]);
const passage = (question: string) => {
  const p = passageFor(sources, termsOf(question));
  return p && { label: p.label, text: p.runs.map((r) => (r.matched ? `**${r.text}**` : r.text)).join('') };
};

describe('passageFor', () => {
  it('shows the sentence that matched, from the field it is in, with the matched words marked', () => {
    expect(passage('armed forces applicants')).toEqual({
      label: 'In the minutes',
      text: 'Members asked that the impact on **armed** **forces** **applicants** be monitored and reported to Scrutiny.',
    });
    expect(passage('187 responses')).toEqual({ label: 'In the minutes', text: 'The consultation received **187** **responses**.' });
    expect(passage('points-based policy')).toEqual({ label: 'In the alternatives considered', text: 'To keep the **points-based** **policy**: rejected.' });
    expect(passage('consultation responses appendix')).toEqual({ label: 'In the papers', text: '**Appendix** B - **Consultation** **responses**' });
  });

  it('prefers another field to the title, which the card shows anyway, when they match as much', () => {
    expect(passage('allocations policy')?.label).toBe('In the decision');
  });

  it('gives nothing when no sentence has a matched word', () => {
    expect(passageFor(sources, termsOf('zebra'))).toBeUndefined();
    expect(passageFor(sources, [])).toBeUndefined();
  });

  it('cuts a long sentence around its marked words', () => {
    const long = passageFor([{ field: 'minutes', texts: [`${'Earlier words. '.repeat(3)}${'filler '.repeat(60)}the armed forces applicants ${'more '.repeat(60)}end.`] }], termsOf('armed forces'), 120)!;
    const text = long.runs.map((r) => r.text).join('');
    expect(text.length).toBeLessThanOrEqual(124);
    expect(text.startsWith('… ')).toBe(true);
    expect(text.endsWith(' …')).toBe(true);
    expect(long.runs.filter((r) => r.matched).map((r) => r.text)).toEqual(['armed', 'forces']);
  });
});
