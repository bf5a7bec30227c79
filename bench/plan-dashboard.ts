// The period's Tableau de bord at Kimai scale (docs/plans.md; its target: the dashboard of the
// largest period within 300 ms at one client). The generated data set has contributions but no
// plan, so the largest open period is first given one of the size a collective would type: a line
// per person and chantier who declared in it (their declared minutes, to the hour) and an
// "anyone" line with a planned fee per chantier. Then the plan API and the dashboard page are
// measured, one client.
import pg from 'pg';

/** Writes the period's plan (once: a second run finds it there); answers its number of lines. */
export async function seedBenchPlan(options: {
  databaseUrl: string;
  periodId: string;
  treasurerId: string;
}): Promise<number> {
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO plan_lines (id, period_id, chantier_id, person_id, planned_minutes, planned_fixed_cents, updated_by_id)
       SELECT 'bench-' || md5($1 || chantier_id || coalesce(person_id, '')), $1, chantier_id, person_id,
              planned, fixed, $2
         FROM (SELECT chantier_id, person_id, round(sum(minutes) / 60.0)::int * 60 AS planned, 0 AS fixed
                 FROM contributions WHERE period_id = $1 AND deleted_at IS NULL GROUP BY 1, 2
               UNION ALL
               SELECT id, NULL, 600, 50000 FROM chantiers) AS plan
       ON CONFLICT DO NOTHING`,
      [options.periodId, options.treasurerId],
    );
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM plan_lines WHERE period_id = $1`,
      [options.periodId],
    );
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}
