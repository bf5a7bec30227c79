// The Prévisionnel form of one chantier (docs/plans.md): rows typed like a spreadsheet — a person
// or "tout le monde", hours as people type them ("12", "7,5", "7h30") and a fixed amount in euros
// — read into the plan input the API takes. Each problem is a message key on its field,
// `lines.<i>.hours`, so the form shows it where it was typed.
import { z } from 'zod';
import { ZId } from '@/lib/people/schemas';
import { MAX_CAP_MINUTES, MAX_ENVELOPE_CENTS } from '@/lib/periods/schemas';
import { parseHoursToMinutes } from '@/lib/format/hours';
import { parseEurosToCents } from '@/lib/format/money';
import { MAX_PLAN_LINES, type TChantierPlanInput } from './schemas';
import { ANYONE } from './planned';

export { ANYONE };

const ZRow = z.object({
  personId: z.string().max(100).default(''),
  hours: z.string().max(100).default(''),
  amount: z.string().max(100).default(''),
});

/** `{ "lines.0.hours": "7" }` → `{ lines: [{ hours: "7" }] }`, keeping the indexes. */
function nestRows(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const result: Record<string, unknown> = {};
  const rows: Record<string, unknown>[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const match = /^lines\.(\d{1,4})\.(personId|hours|amount)$/.exec(key);
    if (match) (rows[Number(match[1])] ??= {})[match[2]!] = value;
    else result[key] = value;
  }
  result.lines = Array.from(rows, (row) => row ?? {});
  return result;
}

const blank = (text: string) => text.trim() === '';

export const ZPlanForm = z.preprocess(
  nestRows,
  z
    .object({ periodId: ZId, chantierId: ZId, lines: z.array(ZRow).max(MAX_PLAN_LINES) })
    .transform(({ periodId, chantierId, lines }, ctx) => {
      const out: TChantierPlanInput['lines'] = [];
      const seen = new Set<string>();
      lines.forEach((row, index) => {
        const issue = (field: string, message: string) =>
          ctx.addIssue({ code: 'custom', path: ['lines', index, field], message });
        const empty = blank(row.personId) && blank(row.hours) && blank(row.amount);
        if (empty) return; // a row added and left empty
        if (blank(row.personId)) return issue('personId', 'plans.errors.person');
        if (row.personId !== ANYONE && !ZId.safeParse(row.personId).success)
          return issue('personId', 'plans.errors.person');
        if (seen.has(row.personId))
          return issue('personId', row.personId === ANYONE ? 'plans.errors.anyoneTwice' : 'plans.errors.twice');
        seen.add(row.personId);
        let plannedMinutes = 0;
        if (!blank(row.hours)) {
          const parsed = parseHoursToMinutes(row.hours);
          if (parsed.ok && parsed.minutes <= MAX_CAP_MINUTES) plannedMinutes = parsed.minutes;
          else issue('hours', `errors.hours.${parsed.ok ? 'TOO_LARGE' : parsed.code}`);
        }
        let plannedFixedCents = 0;
        if (!blank(row.amount)) {
          const parsed = parseEurosToCents(row.amount);
          if (parsed.ok && parsed.cents <= MAX_ENVELOPE_CENTS) plannedFixedCents = parsed.cents;
          else issue('amount', `errors.money.${parsed.ok ? 'TOO_LARGE' : parsed.code}`);
        }
        out.push({ personId: row.personId === ANYONE ? null : row.personId, plannedMinutes, plannedFixedCents });
      });
      return { periodId, chantierId, lines: out };
    }),
);
export type TPlanForm = z.infer<typeof ZPlanForm>;
