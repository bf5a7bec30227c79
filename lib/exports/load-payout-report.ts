// The payout report of a period, for a treasurer: the payout lines exactly as
// GET /periods/{id}/payouts gives them (getPayouts: the live preview while open, the current
// frozen run once closed), with each person's name, email and payee, and the chantiers' names.
import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { getPayouts } from '@/lib/periods/get-payouts';
import { loadPayees } from '@/lib/payees/list-payees';
import { loadExportPeriod, type ExportPeriod } from './export-period';
import { buildPayoutReport, type PayoutReport, type ReportPerson } from './payout-report';

export async function loadPayoutReport(options: {
  actor: Actor;
  periodId: string;
}): Promise<{ period: ExportPeriod & { frozen: boolean }; report: PayoutReport }> {
  assertCan(options.actor, 'exports.read');
  const period = await loadExportPeriod(options.periodId);
  const payouts = await getPayouts({ actor: options.actor, periodId: period.id });
  // A treasurer sees every line; an export must never be a partial list that looks whole.
  if (payouts.scope !== 'ALL') throw new AppError('FORBIDDEN', 'Not allowed: every payout line');
  const personIds = [...new Set(payouts.lines.map((line) => line.personId))];
  const chantierIds = [...new Set(payouts.lines.map((line) => line.chantierId))];
  const [payees, chantiers] = await Promise.all([
    loadPayees({ actor: options.actor, personIds }),
    db().chantier.findMany({ where: { id: { in: chantierIds } }, select: { id: true, code: true, name: true } }),
  ]);
  const people = new Map<string, ReportPerson>(
    [...payees].map(([personId, payee]) => [
      personId,
      { name: payee.name, email: payee.email, payeeKey: payee.payeeKey, payeeName: payee.payeeName },
    ]),
  );
  const report = buildPayoutReport({
    lines: payouts.lines,
    people,
    chantiers: new Map(chantiers.map((chantier) => [chantier.id, { code: chantier.code, name: chantier.name }])),
  });
  return { period: { ...period, frozen: payouts.frozen }, report };
}
