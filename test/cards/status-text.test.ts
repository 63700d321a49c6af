import { formatStatus } from '../../src/cards/status-text';
import { OUTCOME_STATUSES } from '../../src/domain';

describe('decision status in words', () => {
  it('puts the Full Council date into the status of a recommendation', () => {
    expect(
      formatStatus({
        status: 'awaiting-council',
        label: 'Recommended to Council: awaiting Full Council',
        since: '2021-06-16',
        next: 'Full Council decides',
        nextOn: '2021-07-21',
        final: false,
      }),
    ).toEqual({ headline: '🏛️ Recommended to Council: awaiting Full Council, 21 July 2021', next: '' });
  });

  it('says when the call-in period ends', () => {
    expect(
      formatStatus({ status: 'call-in-open', label: 'Call-in open', since: '2021-06-17', next: 'Call-in period ends', nextOn: '2021-06-22', final: false }),
    ).toEqual({ headline: '⏳ Call-in open', next: 'Call-in period ends Tue 22 June 2021' });
  });

  it('says what comes next when it has no date', () => {
    expect(
      formatStatus({ status: 'awaiting-council', label: 'Recommended to Council: awaiting Full Council', next: "Full Council's decision to be recorded", final: false }),
    ).toEqual({ headline: '🏛️ Recommended to Council: awaiting Full Council', next: "Full Council's decision to be recorded" });
  });

  it('says since when, once nothing more will happen', () => {
    expect(formatStatus({ status: 'effective', label: 'Effective: may be implemented', since: '2021-06-25', final: true })).toEqual({
      headline: '✅ Effective: may be implemented',
      next: 'Since Fri 25 June 2021'
    });
    expect(formatStatus({ status: 'withdrawn', label: 'Withdrawn', final: true })).toEqual({ headline: '✖️ Withdrawn', next: '' });
  });

  it('puts an icon before every status and leaves the colour to nothing: the words and the icon carry the meaning', () => {
    for (const { status, final } of OUTCOME_STATUSES) {
      const text = formatStatus({ status, label: 'Label', final });
      expect(text).not.toHaveProperty('colour');
      expect(text.headline).toMatch(/^\S+ Label$/u);
      expect(text.headline).not.toMatch(/^[A-Za-z]/);
    }
  });
});
