// GET /api/v1/me/export and "Télécharger mes données": everything Butin holds about the person
// asking, gathered in one REPEATABLE READ transaction (a consistent picture) and zipped by
// lib/people/personal-archive.ts. Only ever one's own data: the person comes from the session.
import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/permissions';
import { payeeKeyFor } from '@/lib/payees/payee';
import { personalArchiveZip, type PersonalData } from './personal-archive';

const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const iso = (date: Date | null) => (date ? date.toISOString() : null);

export async function UNSAFE_loadPersonalData(personId: string, now = new Date()): Promise<PersonalData> {
  return db().$transaction(
    async (tx) => {
      const person = await tx.person.findUnique({
        where: { id: personId },
        include: { referentOf: { include: { chantier: { select: { name: true } } } }, payoutProfile: true },
      });
      if (!person) throw new AppError('NOT_FOUND', 'Person not found');
      const contributions = await tx.contribution.findMany({
        where: { personId },
        orderBy: [{ date: 'asc' }, { id: 'asc' }],
        include: {
          chantier: { select: { name: true } },
          place: { select: { name: true } },
          period: { select: { name: true } },
          events: { orderBy: { id: 'asc' }, include: { actor: { select: { name: true } } } },
        },
      });
      const lines = await tx.payoutLine.findMany({
        where: { personId },
        orderBy: [{ run: { createdAt: 'asc' } }, { id: 'asc' }],
        include: {
          chantier: { select: { name: true } },
          run: { select: { id: true, status: true, createdAt: true, period: { select: { name: true } } } },
        },
      });
      const payeeKeys = [...new Set([`person:${personId}`, payeeKeyFor(person.payoutProfile, personId)])];
      const payments = await tx.payment.findMany({
        where: { payeeKey: { in: payeeKeys } },
        orderBy: [{ paidOn: 'asc' }, { id: 'asc' }],
        include: { period: { select: { name: true } } },
      });
      const notifications = await tx.notification.findMany({ where: { personId }, orderBy: { createdAt: 'asc' } });
      const tokens = await tx.apiToken.findMany({ where: { personId }, orderBy: { createdAt: 'asc' } });
      const audit = await tx.auditLog.findMany({
        where: { OR: [{ actorId: personId }, { entityId: personId }] },
        orderBy: { id: 'asc' },
      });
      const profile = person.payoutProfile;
      return {
        exportedAt: now.toISOString(),
        profile: {
          id: person.id,
          name: person.name,
          email: person.email,
          roles: person.roles,
          active: person.active,
          locale: person.locale,
          referentOf: person.referentOf.map((link) => link.chantier.name),
          createdAt: iso(person.createdAt),
          updatedAt: iso(person.updatedAt),
        },
        payoutProfile: profile ? { ...profile, updatedAt: iso(profile.updatedAt) } : null,
        contributions: contributions.map((row) => ({
          id: row.id,
          date: isoDate(row.date),
          minutes: row.minutes,
          status: row.status,
          chantier: row.chantier.name,
          place: row.place?.name ?? null,
          period: row.period.name,
          description: row.description,
          link: row.link,
          volunteer: row.volunteer,
          submittedAt: iso(row.submittedAt),
          reviewedAt: iso(row.reviewedAt),
          deletedAt: iso(row.deletedAt),
          createdAt: iso(row.createdAt),
          history: row.events.map((event) => ({
            at: iso(event.at),
            by: event.actor.name,
            kind: event.kind,
            fromStatus: event.fromStatus,
            toStatus: event.toStatus,
            comment: event.comment,
            previousValues: event.previousValues,
          })),
        })),
        payouts: lines.map((line) => ({
          period: line.run.period.name,
          runId: line.run.id,
          runStatus: line.run.status,
          computedAt: iso(line.run.createdAt),
          chantier: line.chantier.name,
          rateCents: line.rateCents,
          rateSource: line.rateSource,
          approvedMinutes: line.approvedMinutes,
          volunteerMinutes: line.volunteerMinutes,
          cappedMinutes: line.cappedMinutes,
          amountCents: line.amountCents,
          unpaidValueCents: line.unpaidValueCents,
          volunteerValueCents: line.volunteerValueCents,
          explanation: line.explanation,
        })),
        payments: payments.map((payment) => ({
          period: payment.period.name,
          payee: payment.payeeName,
          amountCents: payment.amountCents,
          paidOn: isoDate(payment.paidOn),
          reference: payment.reference,
          kind: payment.kind,
          reason: payment.reason,
          recordedAt: iso(payment.createdAt),
        })),
        notifications: notifications.map((row) => ({
          kind: row.kind,
          data: row.data,
          createdAt: iso(row.createdAt),
          readAt: iso(row.readAt),
        })),
        apiTokens: tokens.map((token) => ({
          name: token.name,
          prefix: token.prefix,
          createdAt: iso(token.createdAt)!,
          lastUsedAt: iso(token.lastUsedAt),
          revokedAt: iso(token.revokedAt),
        })),
        auditEntries: audit.map((entry) => ({
          at: iso(entry.at),
          action: entry.action,
          entityType: entry.entityType,
          byThisPerson: entry.actorId === personId,
          data: entry.data,
        })),
      };
    },
    { isolationLevel: 'RepeatableRead', timeout: 60_000 },
  );
}

/** The signed-in person's own archive: a ZIP, and the name to save it under. */
export async function exportMyData(options: { actor: Actor; now?: Date }) {
  const now = options.now ?? new Date();
  const data = await UNSAFE_loadPersonalData(options.actor.id, now);
  return { filename: `butin-mes-donnees-${isoDate(now)}.zip`, zip: personalArchiveZip(data) };
}
