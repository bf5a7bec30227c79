// Hours and money per chantier, period after period: approved hours from the contributions, and
// money from each period's frozen payout run (an open period has no money yet). Totals per
// chantier only — nothing about any one person — so everyone signed in may see them.
import 'server-only';
import { db } from '@/lib/db';

export type PeriodChantierTotals = {
  periodId: string;
  periodName: string;
  startDate: string;
  byChantier: Record<string, { minutes: number; amountCents: number }>;
};

export async function totalsOverTime(options: { periods?: number } = {}): Promise<PeriodChantierTotals[]> {
  const limit = options.periods ?? 12;
  const rows = await db().$queryRaw<
    {
      period_id: string;
      period_name: string;
      start_date: string;
      chantier_id: string;
      minutes: bigint | null;
      amount_cents: bigint | null;
    }[]
  >`
    WITH recent AS (
      SELECT id, name, start_date FROM funding_periods ORDER BY start_date DESC LIMIT ${limit}
    ),
    hours AS (
      SELECT c.period_id, c.chantier_id, sum(c.minutes) AS minutes
        FROM contributions c JOIN recent r ON r.id = c.period_id
       WHERE c.status = 'APPROVED' AND c.deleted_at IS NULL
       GROUP BY 1, 2
    ),
    money AS (
      SELECT run.period_id, line.chantier_id, sum(line.amount_cents) AS amount_cents
        FROM payout_runs run JOIN recent r ON r.id = run.period_id JOIN payout_lines line ON line.run_id = run.id
       WHERE run.status = 'CURRENT'
       GROUP BY 1, 2
    )
    SELECT r.id AS period_id, r.name AS period_name, to_char(r.start_date, 'YYYY-MM-DD') AS start_date,
           coalesce(h.chantier_id, m.chantier_id) AS chantier_id, h.minutes, m.amount_cents
      FROM recent r
      JOIN (hours h FULL JOIN money m ON m.period_id = h.period_id AND m.chantier_id = h.chantier_id)
        ON r.id = coalesce(h.period_id, m.period_id)
     ORDER BY r.start_date`;
  const byPeriod = new Map<string, PeriodChantierTotals>();
  for (const row of rows) {
    const entry = byPeriod.get(row.period_id) ?? {
      periodId: row.period_id,
      periodName: row.period_name,
      startDate: row.start_date,
      byChantier: {},
    };
    entry.byChantier[row.chantier_id] = {
      minutes: Number(row.minutes ?? 0),
      amountCents: Number(row.amount_cents ?? 0),
    };
    byPeriod.set(row.period_id, entry);
  }
  return [...byPeriod.values()].sort((a, b) => a.startDate.localeCompare(b.startDate));
}
