// The SEPA credit transfer file of a closed period, for a treasurer to upload to the bank: one
// transfer per payee still owed money with a valid IBAN, from the collective's account. The payees
// it leaves out come back with it (and with their reasons), so the answer can say who is not paid
// by the file. Each export is audited: the file holds every payee's IBAN.
import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit';
import { getSettings } from '@/lib/settings/settings';
import { todayIn } from '@/lib/contributions/server/periods';
import { requireSepaDebtor } from './debtor-account';
import { planSepaBatch, type ExcludedPayee, type PlannedTransfer } from './sepa-batch';
import { buildSepaXml, readControlFigures } from './sepa-document';
import { sepaDocumentFor } from './sepa-file';
import { UNSAFE_loadPeriodTreasury } from './period-treasury';

/** The wall-clock time in a time zone, `YYYY-MM-DDTHH:MM:SS`. */
export function wallClockIn(timeZone: string, now = new Date()): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

export type SepaExport = {
  xml: string;
  filename: string;
  transfers: PlannedTransfer[];
  totalCents: number;
  excluded: ExcludedPayee[];
};

export async function exportSepa(options: {
  actor: Actor;
  periodId: string;
  executionDate?: string;
  now?: Date;
}): Promise<SepaExport> {
  assertCan(options.actor, 'exports.read');
  assertCan(options.actor, 'personalData.readAny');
  const now = options.now ?? new Date();
  const [settings, treasury] = await Promise.all([getSettings(), UNSAFE_loadPeriodTreasury(db(), options.periodId)]);
  if (treasury.period.status === 'OPEN' || !treasury.runId) {
    throw new AppError('CONFLICT', 'The SEPA file is made once the period is closed and its payout run frozen', {
      details: { reason: 'PERIOD_OPEN' },
    });
  }
  const debtor = requireSepaDebtor({ name: settings.debtorName, iban: settings.debtorIban, bic: settings.debtorBic });
  const batch = planSepaBatch(treasury.payees);
  const excluded = batch.excluded.map((payee) => ({
    payeeId: payee.payeeKey,
    payeeName: payee.payeeName,
    amountCents: payee.amountCents,
    dueCents: payee.dueCents,
    reason: payee.reason,
  }));
  if (batch.transfers.length === 0) {
    throw new AppError(
      'CONFLICT',
      'No payee can be paid by transfer now: each is paid already, owed nothing, or without a valid IBAN (see details)',
      { details: { reason: 'NOTHING_TO_TRANSFER', excluded } },
    );
  }
  const xml = buildSepaXml(
    sepaDocumentFor({
      collectiveName: settings.name,
      periodName: treasury.period.name,
      runId: treasury.runId,
      debtor,
      transfers: batch.transfers,
      createdAt: wallClockIn(settings.timeZone, now),
      executionDate: options.executionDate ?? todayIn(settings.timeZone, now),
    }),
  );
  await writeAudit(db(), {
    actorId: options.actor.id,
    action: 'period.sepa-exported',
    entityType: 'period',
    entityId: treasury.period.id,
    data: {
      runId: treasury.runId,
      ...readControlFigures(xml),
      excluded: batch.excluded.map((payee) => ({ payeeKey: payee.payeeKey, reason: payee.reason })),
    },
  });
  return {
    xml,
    filename: `virements-sepa-${treasury.period.startDate}_${treasury.period.endDate}.xml`,
    transfers: batch.transfers,
    totalCents: batch.totalCents,
    excluded: batch.excluded,
  };
}
