import fc from 'fast-check';
import { Decision, OutcomeStatus } from '../../src/domain/decision';
import {
  OUTCOME_STATUSES, applyCouncilDecision, applyOutcomeEvent, describeOutcomeStatus, effectiveStatus, initialOutcomeStatus,
  isFinalOutcomeStatus, transitionOutcome, type OutcomeContext, type OutcomeEvent,
} from '../../src/domain/decision-status';
import { DomainError } from '../../src/domain/errors';

/** The Melton Cabinet decision on the Community Safety Partnership Strategic Plan (fixture), dated for the tests. */
const melton = (): Decision =>
  Decision.parse({
    id: 'melton-cabinet-2021-06-15-csp',
    committeeId: 'cabinet',
    agendaItemId: 'item-csp',
    title: 'Approval of the Community Safety Partnership Strategic Plan',
    decisionMaker: 'Cabinet',
    type: 'non-key',
    outcomes: [
      {
        number: 1, verb: 'NOTED', status: 'noted',
        text: 'the report and the ongoing contribution of the Community Safety Partnership to ASB issues across the borough',
      },
      {
        number: 2, verb: 'RECOMMENDED', target: 'Council', status: 'awaiting-council',
        text: 'that the proposed Community Safety Strategy 2021-24 be approved',
      },
    ],
    decidedOn: '2021-06-15',
    publishedOn: '2021-06-16',
    createdAt: '2021-06-16T09:00:00.000Z',
    updatedAt: '2021-06-16T09:00:00.000Z',
  });

const cabinetCtx: OutcomeContext = {
  committeeKind: 'cabinet', callInWorkingDays: 5, urgent: false, decidedOn: '2021-06-15', publishedOn: '2021-06-16', today: '2021-06-18',
};

describe('outcome statuses', () => {
  it('lists every status once and marks the final ones', () => {
    expect(OUTCOME_STATUSES.map((s) => s.status).sort()).toEqual([...OutcomeStatus.options].sort());
    expect(OUTCOME_STATUSES.filter((s) => s.final).map((s) => s.status)).toEqual([
      'effective', 'confirmed', 'referred-back', 'noted', 'approved-by-council', 'amended-by-council', 'rejected-by-council',
      'deferred', 'withdrawn',
    ]);
    expect(isFinalOutcomeStatus('call-in-open')).toBe(false);
    expect(isFinalOutcomeStatus('noted')).toBe(true);
  });
});

describe('initialOutcomeStatus', () => {
  it.each([
    ['NOTED', undefined, {}, 'noted', { subjectToCallIn: false, reason: 'noted' }],
    ['RECOMMENDED', 'Council', {}, 'awaiting-council', { subjectToCallIn: false, reason: 'recommendation-to-council' }],
    ['RECOMMENDED', 'Full Council', {}, 'awaiting-council', { subjectToCallIn: false, reason: 'recommendation-to-council' }],
    ['DEFERRED', undefined, {}, 'deferred', { subjectToCallIn: false, reason: 'deferred' }],
    ['WITHDRAWN', undefined, {}, 'withdrawn', { subjectToCallIn: false, reason: 'withdrawn' }],
    ['APPROVED', undefined, {}, 'call-in-open', { subjectToCallIn: true }],
    ['APPROVED', undefined, { today: '2021-06-23' }, 'call-in-open', { subjectToCallIn: true }],
    ['APPROVED', undefined, { today: '2021-06-24' }, 'effective', { subjectToCallIn: true }],
    ['AGREED', undefined, { publishedOn: undefined }, 'made', { subjectToCallIn: true }],
    ['APPROVED', undefined, { urgent: true }, 'effective', { subjectToCallIn: false, reason: 'urgent' }],
    ['APPROVED', undefined, { subjectToCallIn: false }, 'effective', { subjectToCallIn: false, reason: 'published-as-not-subject' }],
    ['APPROVED', undefined, { committeeKind: 'council' }, 'effective', { subjectToCallIn: false, reason: 'not-executive' }],
    ['APPROVED', undefined, { committeeKind: 'other', subjectToCallIn: true }, 'call-in-open', { subjectToCallIn: true }],
    ['APPROVED', undefined, { callInWorkingDays: 0 }, 'effective', { subjectToCallIn: false, reason: 'no-call-in-period' }],
    ['APPROVED', undefined, { decidedOn: '2021-06-22', publishedOn: undefined }, 'scheduled', { subjectToCallIn: true }],
  ] as const)('%s to %s with %o starts %s', (verb, target, overrides, status, callIn) => {
    expect(initialOutcomeStatus(verb, target, { ...cabinetCtx, ...overrides })).toEqual({ status, callIn });
  });
});

describe('transitionOutcome', () => {
  const events: OutcomeEvent[] = [
    { type: 'made' },
    { type: 'published', subjectToCallIn: true },
    { type: 'published', subjectToCallIn: false },
    { type: 'call-in-period-ended' },
    { type: 'called-in' },
    { type: 'confirmed' },
    { type: 'referred-back' },
    { type: 'council-decided', result: 'approved' },
    { type: 'council-decided', result: 'amended' },
    { type: 'council-decided', result: 'rejected' },
    { type: 'deferred' },
    { type: 'withdrawn' },
  ];
  const name = (e: OutcomeEvent): string =>
    e.type === 'published' ? `published(${e.subjectToCallIn ? 'call-in' : 'no call-in'})` : e.type === 'council-decided' ? `council-${e.result}` : e.type;

  it('has exactly the transitions of the lifecycle and rejects every other pair as invalid', () => {
    const legal: string[] = [];
    for (const from of OutcomeStatus.options) {
      for (const e of events) {
        try {
          legal.push(`${from} --${name(e)}--> ${transitionOutcome(from, e)}`);
        } catch (err) {
          expect(err).toBeInstanceOf(DomainError);
          expect((err as DomainError).code).toBe('invalid');
        }
      }
    }
    expect(legal).toEqual([
      'scheduled --made--> made',
      'scheduled --deferred--> deferred',
      'scheduled --withdrawn--> withdrawn',
      'made --published(call-in)--> call-in-open',
      'made --published(no call-in)--> effective',
      'made --deferred--> deferred',
      'made --withdrawn--> withdrawn',
      'call-in-open --call-in-period-ended--> effective',
      'call-in-open --called-in--> called-in',
      'called-in --confirmed--> confirmed',
      'called-in --referred-back--> referred-back',
      'awaiting-council --council-approved--> approved-by-council',
      'awaiting-council --council-amended--> amended-by-council',
      'awaiting-council --council-rejected--> rejected-by-council',
      'awaiting-council --deferred--> deferred',
      'awaiting-council --withdrawn--> withdrawn',
    ]);
  });

  it('never leaves a final status, and every sequence of events ends in a known status', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...events), { maxLength: 8 }), (seq) => {
        let status: OutcomeStatus = 'scheduled';
        for (const e of seq) {
          const wasFinal = isFinalOutcomeStatus(status);
          try {
            status = transitionOutcome(status, e);
            expect(wasFinal).toBe(false);
          } catch (err) {
            expect((err as DomainError).code).toBe('invalid');
          }
        }
        expect(OutcomeStatus.options).toContain(status);
      }),
    );
  });

  it('names the status and event in the error', () => {
    expect(() => transitionOutcome('noted', { type: 'called-in' })).toThrow('an outcome that is noted cannot be called-in');
  });

  it('records since when the outcome has its new status', () => {
    const outcome = melton().outcomes[1]!;
    const next = applyOutcomeEvent(outcome, { type: 'deferred' }, '2021-07-21T19:30:00.000Z');
    expect(next).toEqual({ ...outcome, status: 'deferred', statusSince: '2021-07-21T19:30:00.000Z' });
    expect(outcome.status).toBe('awaiting-council');
  });
});

describe('effectiveStatus', () => {
  const open = { status: 'call-in-open' as const };
  const published = { publishedOn: '2021-06-16' };

  it('keeps call-in open through the deadline date and makes the decision effective the day after', () => {
    expect(effectiveStatus(open, published, { callInWorkingDays: 5 }, '2021-06-23')).toBe('call-in-open');
    expect(effectiveStatus(open, published, { callInWorkingDays: 5 }, '2021-06-24')).toBe('effective');
    expect(effectiveStatus(open, published, { callInWorkingDays: 10 }, '2021-06-24')).toBe('call-in-open');
  });

  it('leaves statuses alone that only events change, and call-in whose publication date is unknown', () => {
    expect(effectiveStatus(open, {}, { callInWorkingDays: 5 }, '2030-01-01')).toBe('call-in-open');
    expect(effectiveStatus({ status: 'called-in' }, published, { callInWorkingDays: 5 }, '2030-01-01')).toBe('called-in');
    expect(effectiveStatus({ status: 'awaiting-council' }, published, { callInWorkingDays: 5 }, '2030-01-01')).toBe('awaiting-council');
  });
});

describe('describeOutcomeStatus', () => {
  const council = { startsAt: '2021-07-21T17:00:00.000Z' }; // 6pm BST

  it('says a recommendation awaits Full Council, and when Council decides', () => {
    const d = melton();
    expect(describeOutcomeStatus(d.outcomes[1]!, d, { today: '2021-06-18', callInWorkingDays: 5, councilMeeting: council })).toEqual({
      status: 'awaiting-council',
      label: 'Recommended to Council: awaiting Full Council',
      since: '2021-06-15',
      next: 'Full Council decides',
      nextOn: '2021-07-21',
      final: false,
    });
    expect(describeOutcomeStatus(d.outcomes[1]!, d, { today: '2021-06-18', callInWorkingDays: 5 })).toEqual({
      status: 'awaiting-council',
      label: 'Recommended to Council: awaiting Full Council',
      since: '2021-06-15',
      next: 'Full Council decides',
      final: false,
    });
  });

  it('does not say a decision known only from GetMeeting\'s text is unpublished: ModernGov published it; its notice is not yet read', () => {
    const d = melton();
    const made = { ...d.outcomes[0]!, status: 'made' as const };
    const fromText = describeOutcomeStatus(made, { ...d, publishedOn: undefined, source: { kind: 'moderngov-meeting-xml', importedAt: '2021-06-16T09:00:00.000Z' } }, { today: '2021-06-18', callInWorkingDays: 5 });
    expect(fromText.label).toBe('Decision published: its notice, with the call-in period, not yet read');
    expect(describeOutcomeStatus(made, { ...d, publishedOn: undefined }, { today: '2021-06-18', callInWorkingDays: 5 }).label).toBe('Decision made: notice not yet published');
  });

  it('does not give a past Council date as what comes next', () => {
    const d = melton();
    expect(describeOutcomeStatus(d.outcomes[1]!, d, { today: '2021-07-22', callInWorkingDays: 5, councilMeeting: council })).toEqual({
      status: 'awaiting-council',
      label: 'Recommended to Council: awaiting Full Council',
      since: '2021-06-15',
      next: "Full Council's decision to be recorded",
      final: false,
    });
  });

  it('says a noted outcome has nothing to implement', () => {
    const d = melton();
    expect(describeOutcomeStatus(d.outcomes[0]!, d, { today: '2021-06-18', callInWorkingDays: 5 })).toEqual({
      status: 'noted', label: 'Noted: nothing to implement', since: '2021-06-15', final: true,
    });
  });

  it('gives the call-in deadline, then the date the decision became effective', () => {
    const d = { ...melton(), subjectToCallIn: true };
    const approved = { number: 3, verb: 'APPROVED' as const, text: 'the action plan', status: 'call-in-open' as const };
    expect(describeOutcomeStatus(approved, d, { today: '2021-06-18', callInWorkingDays: 5 })).toEqual({
      status: 'call-in-open', label: 'Call-in open', since: '2021-06-16', next: 'Call-in period ends', nextOn: '2021-06-23', final: false,
    });
    expect(describeOutcomeStatus(approved, d, { today: '2021-06-18', callInWorkingDays: 10 }).nextOn).toBe('2021-06-30');
    expect(describeOutcomeStatus(approved, d, { today: '2021-06-24', callInWorkingDays: 5 })).toEqual({
      status: 'effective', label: 'Effective: may be implemented', since: '2021-06-24', final: true,
    });
  });

  it('dates an urgent decision effective from publication', () => {
    const d = { ...melton(), urgent: true, subjectToCallIn: false };
    const urgent = { number: 3, verb: 'APPROVED' as const, text: 'the emergency works', status: 'effective' as const };
    expect(describeOutcomeStatus(urgent, d, { today: '2021-06-18', callInWorkingDays: 5 })).toEqual({
      status: 'effective', label: 'Effective: may be implemented', since: '2021-06-16', final: true,
    });
  });

  it('dates statuses reached by an event from the event, and says who acts next', () => {
    const d = melton();
    const calledIn = { number: 3, verb: 'APPROVED' as const, text: 'x', status: 'called-in' as const, statusSince: '2021-06-21T10:15:00.000Z' };
    expect(describeOutcomeStatus(calledIn, d, { today: '2021-06-22', callInWorkingDays: 5 })).toEqual({
      status: 'called-in',
      label: 'Called in: Scrutiny to consider',
      since: '2021-06-21T10:15:00.000Z',
      next: 'Scrutiny decides whether to confirm it or refer it back',
      final: false,
    });
    expect(describeOutcomeStatus({ ...calledIn, status: 'referred-back' }, d, { today: '2021-07-01', callInWorkingDays: 5 })).toEqual({
      status: 'referred-back',
      label: 'Referred back after call-in',
      since: '2021-06-21T10:15:00.000Z',
      next: 'Cabinet reconsiders the decision',
      final: true,
    });
  });

  it('gives every status a label and says whether it is final', () => {
    const d = melton();
    for (const { status, final } of OUTCOME_STATUSES) {
      const desc = describeOutcomeStatus({ number: 1, verb: 'APPROVED', text: 'x', status }, d, { today: '2021-06-18', callInWorkingDays: 5 });
      expect(desc.status).toBe(status);
      expect(desc.label.length).toBeGreaterThan(0);
      expect(desc.final).toBe(final);
      if (!final) expect(desc.next).toEqual(expect.any(String));
    }
  });
});

describe('applyCouncilDecision', () => {
  const approved = { id: 'council-2021-07-21-item-7', result: 'approved' as const, at: '2021-07-21T19:05:00.000Z' };

  it("makes the recommendation follow Full Council's decision and links it", () => {
    const before = melton();
    const after = applyCouncilDecision(before, 2, approved);
    expect(after.outcomes[1]).toEqual({
      ...before.outcomes[1],
      status: 'approved-by-council',
      statusSince: '2021-07-21T19:05:00.000Z',
      councilDecisionId: 'council-2021-07-21-item-7',
    });
    expect(after.outcomes[0]).toBe(before.outcomes[0]);
    expect(before.outcomes[1]!.status).toBe('awaiting-council');
    expect(describeOutcomeStatus(after.outcomes[1]!, after, { today: '2021-07-22', callInWorkingDays: 5 })).toEqual({
      status: 'approved-by-council', label: 'Approved by Full Council', since: '2021-07-21T19:05:00.000Z', final: true,
    });
  });

  it('follows an amendment or a rejection', () => {
    expect(applyCouncilDecision(melton(), 2, { ...approved, result: 'amended' }).outcomes[1]!.status).toBe('amended-by-council');
    expect(applyCouncilDecision(melton(), 2, { ...approved, result: 'rejected' }).outcomes[1]!.status).toBe('rejected-by-council');
  });

  it('changes nothing when the same Council decision is applied again', () => {
    const once = applyCouncilDecision(melton(), 2, approved);
    expect(applyCouncilDecision(once, 2, approved)).toBe(once);
  });

  it('refuses a different Council result once decided, a noted outcome, and an unknown outcome', () => {
    const once = applyCouncilDecision(melton(), 2, approved);
    expect(() => applyCouncilDecision(once, 2, { ...approved, result: 'rejected' })).toThrow(expect.objectContaining({ code: 'invalid' }));
    expect(() => applyCouncilDecision(melton(), 1, approved)).toThrow(expect.objectContaining({ code: 'invalid' }));
    expect(() => applyCouncilDecision(melton(), 9, approved)).toThrow(expect.objectContaining({ code: 'not-found' }));
  });
});
