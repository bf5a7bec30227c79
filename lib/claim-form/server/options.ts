// What the claim screens need around the form: the contribution form's chantiers, places and
// today, plus the open periods with their mileage rate, so the form can say before submitting
// that a date lies outside them or that a trip cannot be paid yet (docs/claims.md).
import 'server-only';
import { db } from '@/lib/db';
import { toIsoDate } from '@/lib/format/date';
import { contributionFormOptions } from '@/lib/contributions/server/form-data';
import type { OpenPeriod } from '@/lib/claim-form/missing';

export async function openPeriodsForClaims(): Promise<OpenPeriod[]> {
  const rows = await db().fundingPeriod.findMany({
    where: { status: 'OPEN' },
    orderBy: [{ startDate: 'desc' }, { id: 'desc' }],
    select: { id: true, name: true, startDate: true, endDate: true, mileageRateCents: true },
  });
  return rows.map((row) => ({ ...row, startDate: toIsoDate(row.startDate), endDate: toIsoDate(row.endDate) }));
}

export async function claimFormOptions() {
  const [options, periods] = await Promise.all([contributionFormOptions(), openPeriodsForClaims()]);
  return { ...options, periods };
}
