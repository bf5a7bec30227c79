// What each person's home page shows, one verb per role, each in a few queries:
// - contributor: this period's hours by status, pay so far (the live preview of their lines),
//   what was sent back to them, and the week's total;
// - reviewer (referent or admin): the contributions waiting for them, oldest first;
// - treasurer: open periods ending within 30 days (or already over), envelopes near their
//   limit, what is left to pay in closed periods, payees without a valid IBAN;
// - admin: invitations not yet accepted, and people with no role beyond contributor.
import 'server-only';
import { db } from '@/lib/db';
import { assertCan, can, type Actor } from '@/lib/auth/permissions';
import { fromIsoDate, toIsoDate } from '@/lib/format/date';
import { addDays, weekStartOf } from '@/lib/contributions/week-dates';
import { getPayouts } from '@/lib/periods/get-payouts';
import { UNSAFE_loadPeriodTreasury } from '@/lib/treasury/period-treasury';
import { listPayees } from '@/lib/payees/list-payees';
import { envelopesNearLimit, hoursByStatus, weekMinutes, type HoursByStatus } from './figures';

const SENT_BACK_SHOWN = 5;
const WAITING_SHOWN = 5;
const ENDING_SOON_DAYS = 30;

export type ContributorHome = {
  period: { id: string; name: string; startDate: string; endDate: string } | null;
  hours: HoursByStatus;
  payCents: number;
  sentBack: { id: string; date: string; minutes: number; status: 'CHANGES_REQUESTED' | 'REJECTED'; chantier: string }[];
  weekStart: string;
  weekMinutes: number;
};

export async function getContributorHome(options: { actor: Actor; today: string }): Promise<ContributorHome> {
  const { actor, today } = options;
  const weekStart = weekStartOf(today);
  const [period, sentBack, week] = await Promise.all([
    db().fundingPeriod.findFirst({
      where: { status: 'OPEN', startDate: { lte: fromIsoDate(today) }, endDate: { gte: fromIsoDate(today) } },
      select: { id: true, name: true, startDate: true, endDate: true },
    }),
    db().contribution.findMany({
      where: { personId: actor.id, deletedAt: null, status: { in: ['CHANGES_REQUESTED', 'REJECTED'] } },
      orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
      take: SENT_BACK_SHOWN,
      select: { id: true, date: true, minutes: true, status: true, chantier: { select: { name: true } } },
    }),
    db().contribution.findMany({
      where: {
        personId: actor.id,
        deletedAt: null,
        date: { gte: fromIsoDate(weekStart), lte: fromIsoDate(addDays(weekStart, 6)) },
      },
      select: { status: true, minutes: true },
    }),
  ]);
  let hours: HoursByStatus = { submitted: 0, approved: 0, toFix: 0, draft: 0 };
  let payCents = 0;
  if (period) {
    const [byStatus, payouts] = await Promise.all([
      db().contribution.groupBy({
        by: ['status'],
        where: { personId: actor.id, periodId: period.id, deletedAt: null },
        _sum: { minutes: true },
      }),
      getPayouts({ actor, periodId: period.id }),
    ]);
    hours = hoursByStatus(byStatus.map((row) => ({ status: row.status, minutes: row._sum.minutes ?? 0 })));
    payCents = payouts.lines
      .filter((line) => line.personId === actor.id)
      .reduce((sum, line) => sum + line.amountCents, 0);
  }
  return {
    period: period ? { ...period, startDate: toIsoDate(period.startDate), endDate: toIsoDate(period.endDate) } : null,
    hours,
    payCents,
    sentBack: sentBack.map((row) => ({
      id: row.id,
      date: toIsoDate(row.date),
      minutes: row.minutes,
      status: row.status as 'CHANGES_REQUESTED' | 'REJECTED',
      chantier: row.chantier.name,
    })),
    weekStart,
    weekMinutes: weekMinutes(week),
  };
}

export type ReviewerHome = {
  waitingCount: number;
  oldest: { id: string; date: string; minutes: number; person: string; chantier: string; submittedAt: string }[];
};

/** Submitted contributions the person may review (their chantiers; every one for an admin), not their own. */
export async function getReviewerHome(options: { actor: Actor }): Promise<ReviewerHome> {
  const { actor } = options;
  const where = {
    status: 'SUBMITTED' as const,
    deletedAt: null,
    personId: { not: actor.id },
    ...(actor.roles.includes('ADMIN') ? {} : { chantierId: { in: actor.referentOf } }),
  };
  const [waitingCount, oldest] = await Promise.all([
    db().contribution.count({ where }),
    db().contribution.findMany({
      where,
      orderBy: [{ submittedAt: 'asc' }, { date: 'asc' }, { id: 'asc' }],
      take: WAITING_SHOWN,
      select: {
        id: true,
        date: true,
        minutes: true,
        submittedAt: true,
        person: { select: { name: true } },
        chantier: { select: { name: true } },
      },
    }),
  ]);
  return {
    waitingCount,
    oldest: oldest.map((row) => ({
      id: row.id,
      date: toIsoDate(row.date),
      minutes: row.minutes,
      person: row.person.name,
      chantier: row.chantier.name,
      submittedAt: (row.submittedAt ?? new Date(0)).toISOString(),
    })),
  };
}

export type TreasurerHome = {
  endingSoon: { id: string; name: string; endDate: string; over: boolean }[];
  envelopes: {
    periodId: string;
    periodName: string;
    chantierId: string;
    envelopeCents: number;
    demandCents: number;
    percent: number;
  }[];
  toPay: { id: string; name: string; dueCents: number; payees: number }[];
  payeesWithoutIban: number;
};

export async function getTreasurerHome(options: { actor: Actor; today: string }): Promise<TreasurerHome> {
  const { actor, today } = options;
  assertCan(actor, 'payments.record');
  const [open, closed, payees] = await Promise.all([
    db().fundingPeriod.findMany({
      where: { status: 'OPEN', startDate: { lte: fromIsoDate(today) } },
      select: { id: true, name: true, endDate: true },
      orderBy: { endDate: 'asc' },
    }),
    db().fundingPeriod.findMany({ where: { status: 'CLOSED' }, select: { id: true }, orderBy: { endDate: 'asc' } }),
    can(actor, 'personalData.readAny') ? listPayees({ actor }) : Promise.resolve([]),
  ]);
  const soonLimit = addDays(today, ENDING_SOON_DAYS);
  const endingSoon = open
    .map((period) => ({ id: period.id, name: period.name, endDate: toIsoDate(period.endDate) }))
    .filter((period) => period.endDate <= soonLimit)
    .map((period) => ({ ...period, over: period.endDate < today }));
  const envelopes = (
    await Promise.all(
      open.map(async (period) => {
        const payouts = await getPayouts({ actor, periodId: period.id });
        return envelopesNearLimit(payouts.chantiers).map((chantier) => ({
          periodId: period.id,
          periodName: period.name,
          chantierId: chantier.chantierId,
          envelopeCents: chantier.envelopeCents ?? 0,
          demandCents: chantier.demandCents,
          percent: chantier.percent,
        }));
      }),
    )
  ).flat();
  const toPay = (
    await Promise.all(
      closed.map(async ({ id }) => {
        const treasury = await UNSAFE_loadPeriodTreasury(db(), id);
        const owing = treasury.payees.filter((payee) => payee.status.dueCents > 0);
        return {
          id,
          name: treasury.period.name,
          dueCents: owing.reduce((sum, payee) => sum + payee.status.dueCents, 0),
          payees: owing.length,
        };
      }),
    )
  ).filter((period) => period.dueCents > 0);
  return {
    endingSoon,
    envelopes,
    toPay,
    payeesWithoutIban: payees.filter((payee) => payee.ibanStatus !== 'VALID').length,
  };
}

export type AdminHome = {
  pendingInvitations: { personId: string; name: string; email: string; expiresAt: string; expired: boolean }[];
  contributorsOnly: number;
};

export async function getAdminHome(options: { actor: Actor; now?: Date }): Promise<AdminHome> {
  assertCan(options.actor, 'people.update');
  const now = options.now ?? new Date();
  const [invitations, contributorsOnly] = await Promise.all([
    db().invitation.findMany({
      where: { purpose: 'INVITE', usedAt: null, person: { active: true, passwordHash: null } },
      orderBy: { createdAt: 'asc' },
      select: { personId: true, expiresAt: true, person: { select: { name: true, email: true } } },
    }),
    db().person.count({
      where: { active: true, NOT: { roles: { hasSome: ['ADMIN', 'TREASURER', 'REFERENT'] } } },
    }),
  ]);
  // One line per person: their latest invitation.
  const byPerson = new Map<string, AdminHome['pendingInvitations'][number]>();
  for (const invitation of invitations)
    byPerson.set(invitation.personId, {
      personId: invitation.personId,
      name: invitation.person.name,
      email: invitation.person.email,
      expiresAt: invitation.expiresAt.toISOString(),
      expired: invitation.expiresAt <= now,
    });
  return { pendingInvitations: [...byPerson.values()], contributorsOnly };
}
