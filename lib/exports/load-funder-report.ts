// The funder report of a period, for a treasurer. The payout lines and the contributions' places
// must come from one and the same input, or the places would not add up to the lines:
// - open period: one pricing input (loadPricingInput), priced by the pricing module — exactly
//   what GET /periods/{id}/payouts computes for its live preview — and its contributions;
// - closed or paid: the current frozen run's lines (getPayouts) and the contributions frozen in
//   that run's `inputs`, summed by PostgreSQL so the JSON is never loaded whole; the same for
//   its claims (by place: expenses, fixed fees, in-kind value).
import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { computePayoutsWithClaims } from '@/lib/pricing';
import { loadPricingInput } from '@/lib/periods/payouts';
import { getPayouts } from '@/lib/periods/get-payouts';
import { loadExportPeriod, type ExportPeriod } from './export-period';
import {
  aggregatePlaceClaims,
  aggregatePlaceMinutes,
  buildFunderReport,
  type ChantierEnvelope,
  type FunderLine,
  type FunderReport,
  type PlaceClaims,
  type PlaceMinutes,
} from './funder-report';

async function frozenPlaceMinutes(runId: string): Promise<PlaceMinutes[]> {
  return db().$queryRaw<PlaceMinutes[]>`
    SELECT c->>'personId' AS "personId", c->>'chantierId' AS "chantierId", c->>'placeId' AS "placeId",
           (c->>'volunteer')::boolean AS volunteer, sum((c->>'minutes')::int)::int AS minutes
      FROM payout_runs r CROSS JOIN LATERAL jsonb_array_elements(r.inputs->'contributions') AS c
     WHERE r.id = ${runId}
     GROUP BY 1, 2, 3, 4`;
}

/** The claims frozen in the run's inputs, priced as step 0 prices them, per person, chantier and place. */
async function frozenPlaceClaims(runId: string): Promise<PlaceClaims[]> {
  const rows = await db().$queryRaw<
    {
      personId: string;
      chantierId: string;
      placeId: string | null;
      kind: string;
      amountCents: number | null;
      distanceKm: number | null;
      mileageRateCents: number | null;
    }[]
  >`
    SELECT c->>'personId' AS "personId", c->>'chantierId' AS "chantierId", c->>'placeId' AS "placeId",
           c->>'kind' AS kind, (c->>'amountCents')::int AS "amountCents", (c->>'distanceKm')::int AS "distanceKm",
           (r.inputs->'settings'->>'mileageRateCents')::int AS "mileageRateCents"
      FROM payout_runs r CROSS JOIN LATERAL jsonb_array_elements(coalesce(r.inputs->'claims', '[]'::jsonb)) AS c
     WHERE r.id = ${runId}`;
  return aggregatePlaceClaims(rows, rows[0]?.mileageRateCents ?? null);
}

async function loadSource(
  actor: Actor,
  period: ExportPeriod,
): Promise<{
  frozen: boolean;
  lines: readonly FunderLine[];
  envelopes: readonly ChantierEnvelope[];
  placeMinutes: PlaceMinutes[];
  placeClaims: PlaceClaims[];
}> {
  if (period.status === 'OPEN') {
    const input = await loadPricingInput(db(), period.id);
    const result = computePayoutsWithClaims(input);
    return {
      frozen: false,
      lines: result.lines,
      envelopes: result.chantiers,
      placeMinutes: aggregatePlaceMinutes(input.contributions),
      placeClaims: aggregatePlaceClaims(input.claims, input.settings.mileageRateCents ?? null),
    };
  }
  const payouts = await getPayouts({ actor, periodId: period.id });
  if (payouts.scope !== 'ALL' || !payouts.runId) throw new AppError('FORBIDDEN', 'Not allowed: every payout line');
  return {
    frozen: true,
    lines: payouts.lines,
    envelopes: payouts.chantiers,
    placeMinutes: await frozenPlaceMinutes(payouts.runId),
    placeClaims: await frozenPlaceClaims(payouts.runId),
  };
}

export async function loadFunderReport(options: {
  actor: Actor;
  periodId: string;
}): Promise<{ period: ExportPeriod & { frozen: boolean }; report: FunderReport }> {
  assertCan(options.actor, 'exports.read');
  const period = await loadExportPeriod(options.periodId);
  const source = await loadSource(options.actor, period);
  // Every chantier and place, inactive ones too: a frozen run may name one since retired.
  const [chantiers, places] = await Promise.all([
    db().chantier.findMany({ select: { id: true, code: true, name: true } }),
    db().place.findMany({ select: { id: true, name: true } }),
  ]);
  const report = buildFunderReport({
    lines: source.lines,
    placeMinutes: source.placeMinutes,
    placeClaims: source.placeClaims,
    envelopes: source.envelopes,
    chantiers: new Map(chantiers.map((chantier) => [chantier.id, { code: chantier.code, name: chantier.name }])),
    places: new Map(places.map((place) => [place.id, place.name])),
  });
  return { period: { ...period, frozen: source.frozen }, report };
}
