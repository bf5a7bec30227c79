// The Prévisionnel form: hours and euros as people type them, "tout le monde", empty rows left
// out, and each problem reported on its own field as a message key.
import { describe, expect, it } from 'vitest';
import { ANYONE, ZPlanForm } from './form';

const ids = { periodId: 'p1', chantierId: 'c1' };
const parse = (rows: Record<string, string>) => ZPlanForm.safeParse({ ...ids, ...rows });
const issues = (rows: Record<string, string>) => {
  const result = parse(rows);
  if (result.success) throw new Error('expected a refusal');
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
};

describe('ZPlanForm', () => {
  it.each([
    ['12', '', 720, 0],
    ['7,5', '', 450, 0],
    ['7h30', '30,50', 450, 3_050],
    ['', '120', 0, 12_000],
    ['', '', 0, 0],
  ])('hours %j and amount %j → %i min and %i c', (hours, amount, minutes, cents) => {
    const result = parse({ 'lines.0.personId': 'alice', 'lines.0.hours': hours, 'lines.0.amount': amount });
    expect(result.success && result.data).toEqual({
      ...ids,
      lines: [{ personId: 'alice', plannedMinutes: minutes, plannedFixedCents: cents }],
    });
  });

  it('reads "tout le monde" as no person, keeps the order and leaves empty rows out', () => {
    const result = parse({
      'lines.0.personId': ANYONE,
      'lines.0.hours': '10',
      'lines.1.personId': '',
      'lines.3.personId': 'bob',
      'lines.3.hours': '1',
    });
    expect(result.success && result.data.lines).toEqual([
      { personId: null, plannedMinutes: 600, plannedFixedCents: 0 },
      { personId: 'bob', plannedMinutes: 60, plannedFixedCents: 0 },
    ]);
  });

  it.each([
    [{ 'lines.0.personId': 'alice', 'lines.0.hours': '-3' }, 'lines.0.hours', 'errors.hours.NEGATIVE'],
    [{ 'lines.0.personId': 'alice', 'lines.0.hours': 'beaucoup' }, 'lines.0.hours', 'errors.hours.INVALID'],
    [{ 'lines.0.personId': 'alice', 'lines.0.hours': '7,333' }, 'lines.0.hours', 'errors.hours.NOT_WHOLE_MINUTES'],
    [{ 'lines.0.personId': 'alice', 'lines.0.hours': '9999999' }, 'lines.0.hours', 'errors.hours.TOO_LARGE'],
    [{ 'lines.0.personId': 'alice', 'lines.0.amount': '-1' }, 'lines.0.amount', 'errors.money.NEGATIVE'],
    [{ 'lines.0.personId': 'alice', 'lines.0.amount': '1,234' }, 'lines.0.amount', 'errors.money.TOO_PRECISE'],
    [{ 'lines.0.hours': '3' }, 'lines.0.personId', 'plans.errors.person'],
    [{ 'lines.0.personId': 'x'.repeat(65), 'lines.0.hours': '3' }, 'lines.0.personId', 'plans.errors.person'],
    [{ 'lines.0.personId': 'bob', 'lines.1.personId': 'bob' }, 'lines.1.personId', 'plans.errors.twice'],
    [{ 'lines.0.personId': ANYONE, 'lines.1.personId': ANYONE }, 'lines.1.personId', 'plans.errors.anyoneTwice'],
  ])('refuses %j on %s with %s', (rows, field, key) => {
    expect(issues(rows)).toEqual({ [field]: key });
  });
});
