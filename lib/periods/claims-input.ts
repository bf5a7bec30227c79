// The approved claims of a period as the pricing module takes them (step 0, docs/pricing.md): every
// claim for a close, or one stand-in per person × chantier × kind for the live preview.
import 'server-only';
import type { Tx } from '@/lib/db';
import type { ApprovedClaim, ClaimKind } from '@/lib/pricing';

type Reader = Pick<Tx, '$queryRaw'>;

/** Every approved claim of the period: what a close freezes. */
export async function loadApprovedClaims(client: Reader, periodId: string): Promise<ApprovedClaim[]> {
  const rows = await client.$queryRaw<
    {
      id: string;
      person_id: string;
      chantier_id: string;
      place_id: string | null;
      date: string;
      kind: ClaimKind;
      amount_cents: number | null;
      distance_km: number | null;
    }[]
  >`SELECT id, person_id, chantier_id, place_id, to_char(date, 'YYYY-MM-DD') AS date, kind::text AS kind,
           amount_cents, distance_km
      FROM claims
     WHERE period_id = ${periodId} AND status = 'APPROVED' AND deleted_at IS NULL
     ORDER BY id COLLATE "C"`;
  return rows.map((row) => ({
    id: row.id,
    personId: row.person_id,
    chantierId: row.chantier_id,
    placeId: row.place_id,
    date: row.date,
    kind: row.kind,
    ...(row.kind === 'MILEAGE' ? { distanceKm: row.distance_km } : { amountCents: row.amount_cents }),
  }));
}

// The date of the stand-in claims below: step 0 does not depend on a claim's date.
const STAND_IN_DATE = '2000-01-01';

/**
 * The approved claims summed per person × chantier × kind in the database: step 0 is linear (an
 * amount is paid or valued whole, a trip is its distance × one rate), so the sums price to the
 * same cents per line and per chantier as the claims one by one.
 */
export async function loadPreviewClaims(client: Reader, periodId: string): Promise<ApprovedClaim[]> {
  const rows = await client.$queryRaw<
    { person_id: string; chantier_id: string; kind: ClaimKind; amount_cents: string; distance_km: string }[]
  >`SELECT person_id, chantier_id, kind::text AS kind,
           -- sums of integers, as text: a bigint sum never wraps on its way to JavaScript
           coalesce(sum(amount_cents), 0)::text AS amount_cents, coalesce(sum(distance_km), 0)::text AS distance_km
      FROM claims
     WHERE period_id = ${periodId} AND status = 'APPROVED' AND deleted_at IS NULL
     GROUP BY person_id, chantier_id, kind`;
  return rows.map((row) => ({
    id: `${row.kind}:${row.person_id}:${row.chantier_id}`,
    personId: row.person_id,
    chantierId: row.chantier_id,
    placeId: null,
    date: STAND_IN_DATE,
    kind: row.kind,
    ...(row.kind === 'MILEAGE' ? { distanceKm: Number(row.distance_km) } : { amountCents: Number(row.amount_cents) }),
  }));
}

/**
 * The claims a period can price: a trip needs the period's mileage rate. A period whose rate was
 * removed after trips were approved previews without them (closing it is refused until the rate
 * is set again or the trips un-approved).
 */
export function priceableClaims(claims: ApprovedClaim[], mileageRateCents: number | null): ApprovedClaim[] {
  return mileageRateCents === null ? claims.filter((claim) => claim.kind !== 'MILEAGE') : claims;
}
