// Everything the treasury needs about one period, read in a handful of queries: the current
// frozen run's amount per person (summed by the database), each person's payee from their payout
// profile as it is now (profiles are not pricing inputs: they may change after the close without
// changing anyone's pay), and every payment of the period. No permission check — hence the name:
// callers decide what the actor may see of it.
import type { PrismaClient, Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { toIsoDate } from '@/lib/format/date';
import { toPayeeRow } from '@/lib/payees/list-payees';
import type { Payment } from '@/lib/generated/prisma/client';
import { groupPayees, type PayeeOwed, type PersonOwed } from './group-payees';
import { payeeStatuses, type PayeeStatus, type PaymentEntry } from './payment-status';

type Client = Tx | PrismaClient;

export type TreasuryPayee = PayeeOwed & { status: PayeeStatus };

export type PeriodTreasury = {
  period: { id: string; name: string; status: 'OPEN' | 'CLOSED' | 'PAID'; startDate: string; endDate: string };
  /** The current frozen run; null while the period is open. */
  runId: string | null;
  payees: TreasuryPayee[];
  /** Payee key of every person of the run. */
  payeeKeyByPerson: Map<string, string>;
  /** Every payment and reversal of the period, oldest first. */
  payments: PaymentEntry[];
  /** Payees with payments but nothing owed by the current run (a payee regrouped since). */
  statuses: Map<string, PayeeStatus>;
};

export function toPaymentEntry(payment: Payment): PaymentEntry {
  return {
    id: payment.id,
    runId: payment.runId,
    payeeKey: payment.payeeKey,
    payeeName: payment.payeeName,
    kind: payment.kind,
    amountCents: payment.amountCents,
    paidOn: toIsoDate(payment.paidOn),
    reference: payment.reference,
    reversesId: payment.reversesId,
    reason: payment.reason,
    recordedById: payment.recordedById,
    createdAt: payment.createdAt.toISOString(),
  };
}

/** The people of a run with their amounts and payees (profiles read through `client`). */
async function peopleOwed(client: Client, runId: string): Promise<PersonOwed[]> {
  const sums = await client.payoutLine.groupBy({ by: ['personId'], where: { runId }, _sum: { amountCents: true } });
  if (sums.length === 0) return [];
  const people = await client.person.findMany({
    where: { id: { in: sums.map((sum) => sum.personId) } },
    select: { id: true, name: true, email: true, payoutProfile: true },
  });
  const rowByPerson = new Map(people.map((person) => [person.id, toPayeeRow(person)]));
  return sums.map((sum) => {
    const row = rowByPerson.get(sum.personId);
    if (!row) throw new Error(`Payout line for unknown person ${sum.personId}`);
    return {
      personId: row.personId,
      name: row.name,
      amountCents: sum._sum.amountCents ?? 0,
      payeeKey: row.payeeKey,
      payeeName: row.payeeName,
      payeeType: row.payeeType,
      iban: row.iban,
      ibanStatus: row.ibanStatus,
      bic: row.bic,
    };
  });
}

export async function UNSAFE_loadPeriodTreasury(client: Client, periodId: string): Promise<PeriodTreasury> {
  const period = await client.fundingPeriod.findUnique({
    where: { id: periodId },
    select: { id: true, name: true, status: true, startDate: true, endDate: true },
  });
  if (!period) throw new AppError('NOT_FOUND', 'Period not found');
  const run =
    period.status === 'OPEN'
      ? null
      : await client.payoutRun.findFirst({ where: { periodId, status: 'CURRENT' }, select: { id: true } });
  const [people, stored] = await Promise.all([
    run ? peopleOwed(client, run.id) : Promise.resolve([]),
    client.payment.findMany({ where: { periodId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
  ]);
  const payments = stored.map(toPaymentEntry);
  const owed = groupPayees(people);
  const statuses = payeeStatuses(owed, payments);
  return {
    period: {
      id: period.id,
      name: period.name,
      status: period.status,
      startDate: toIsoDate(period.startDate),
      endDate: toIsoDate(period.endDate),
    },
    runId: run?.id ?? null,
    payees: owed.map((payee) => ({ ...payee, status: statuses.get(payee.payeeKey)! })),
    payeeKeyByPerson: new Map(people.map((person) => [person.personId, person.payeeKey])),
    payments,
    statuses,
  };
}
