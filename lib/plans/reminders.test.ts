import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expectedMinutes, inPeriodEndWindow, remindersDue, type RemindersInput } from '@/lib/plans/reminders';

const april = { id: 'p1', name: 'Avril', startDate: '2026-04-01', endDate: '2026-04-30' };
const base = (overrides: Partial<RemindersInput> = {}): RemindersInput => ({
  today: '2026-04-11',
  daysBeforeEnd: 7,
  periods: [april],
  personIds: ['alice', 'bob'],
  facts: [],
  sentToday: new Set(),
  periodEndSent: new Set(),
  ...overrides,
});
const facts = (personId: string, draftCount: number, plannedMinutes: number, declaredMinutes: number) => ({
  personId,
  periodId: 'p1',
  draftCount,
  plannedMinutes,
  declaredMinutes,
});

describe('remindersDue', () => {
  it.each([
    { name: 'nothing to say', input: base(), want: [] },
    {
      name: 'drafts not submitted',
      input: base({ facts: [facts('alice', 2, 0, 120)] }),
      want: [{ personId: 'alice', reasons: [{ kind: 'DRAFTS', periodId: 'p1', draftCount: 2 }] }],
    },
    {
      // 11 of 30 days elapsed: 3 000 planned minutes expect 1 100 by today.
      name: 'behind the plan',
      input: base({ facts: [facts('bob', 0, 3_000, 1_099)] }),
      want: [
        {
          personId: 'bob',
          reasons: [
            { kind: 'PACE', periodId: 'p1', plannedMinutes: 3_000, expectedMinutes: 1_100, declaredMinutes: 1_099 },
          ],
        },
      ],
    },
    { name: 'exactly on the plan', input: base({ facts: [facts('bob', 0, 3_000, 1_100)] }), want: [] },
    { name: 'no plan, no pace', input: base({ facts: [facts('bob', 0, 0, 0)] }), want: [] },
    {
      name: 'everyone 7 days before the end',
      input: base({ today: '2026-04-23', personIds: ['alice'] }),
      want: [
        { personId: 'alice', reasons: [{ kind: 'PERIOD_END', periodId: 'p1', endDate: '2026-04-30', daysLeft: 7 }] },
      ],
    },
    { name: 'not 8 days before', input: base({ today: '2026-04-22', personIds: ['alice'] }), want: [] },
    {
      name: 'period end once per period',
      input: base({ today: '2026-04-25', personIds: ['alice'], periodEndSent: new Set(['alice:p1']) }),
      want: [],
    },
    {
      name: 'nothing of a kind twice the same day',
      input: base({ facts: [facts('alice', 2, 3_000, 0)], sentToday: new Set(['alice:DRAFTS']) }),
      want: [
        {
          personId: 'alice',
          reasons: [
            { kind: 'PACE', periodId: 'p1', plannedMinutes: 3_000, expectedMinutes: 1_100, declaredMinutes: 0 },
          ],
        },
      ],
    },
    {
      name: 'a period not started yet',
      input: base({ today: '2026-03-30', facts: [facts('alice', 2, 3_000, 0)] }),
      want: [],
    },
    {
      name: 'a period already over',
      input: base({ today: '2026-05-01', facts: [facts('alice', 2, 3_000, 0)] }),
      want: [],
    },
    {
      name: 'zero days before the end: the last day only',
      input: base({ today: '2026-04-30', daysBeforeEnd: 0, personIds: ['alice'] }),
      want: [
        { personId: 'alice', reasons: [{ kind: 'PERIOD_END', periodId: 'p1', endDate: '2026-04-30', daysLeft: 0 }] },
      ],
    },
  ])('$name', ({ input, want }) => expect(remindersDue(input)).toEqual(want));

  it('never reminds a kind already sent today, nor anyone outside the active people', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            person: fc.constantFrom('a', 'b', 'c'),
            drafts: fc.nat(5),
            planned: fc.nat(6_000),
            declared: fc.nat(6_000),
          }),
        ),
        fc.subarray(['a:DRAFTS', 'b:PACE', 'c:PERIOD_END', 'a:PERIOD_END']),
        fc.integer({ min: 0, max: 40 }),
        (rows, sent, offset) => {
          const today = `2026-04-${String(1 + (offset % 30)).padStart(2, '0')}`;
          const due = remindersDue(
            base({
              today,
              personIds: ['a', 'b'],
              facts: rows.map((row) => facts(row.person, row.drafts, row.planned, row.declared)),
              sentToday: new Set(sent),
            }),
          );
          for (const reminder of due) {
            expect(['a', 'b']).toContain(reminder.personId);
            for (const reason of reminder.reasons) expect(sent).not.toContain(`${reminder.personId}:${reason.kind}`);
            expect(new Set(reminder.reasons.map((reason) => reason.kind)).size).toBe(reminder.reasons.length);
          }
        },
      ),
    );
  });
});

describe('expectedMinutes and the end window', () => {
  it.each([
    ['2026-04-01', 3_000, 100],
    ['2026-04-15', 3_000, 1_500],
    ['2026-04-30', 3_000, 3_000],
    ['2026-05-20', 3_000, 3_000],
    ['2026-04-01', 7, 0],
  ])('on %s, %i planned → %i expected', (today, planned, want) =>
    expect(expectedMinutes(april, today, planned)).toBe(want),
  );

  it.each([
    ['2026-04-22', 7, false],
    ['2026-04-23', 7, true],
    ['2026-04-30', 7, true],
    ['2026-05-01', 7, false],
    ['2026-04-01', 60, true],
    ['2026-03-31', 60, false],
  ])('on %s with %i days: %s', (today, days, want) => expect(inPeriodEndWindow(april, today, days)).toBe(want));
});
