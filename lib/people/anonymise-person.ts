// Anonymising a deactivated person (their RGPD right to erasure, within what a collective must keep
// for its accounts): their name becomes "Personne anonymisée n"; their email, password, IBAN, BIC,
// address, SIRET and legal name are erased; their API tokens, invitations, notifications and
// sign-in attempts are removed. Hours, amounts, dates, frozen payout runs and recorded payments are
// kept as they are, so every export of a closed period stays the same to the cent. Only an admin,
// only a person already deactivated; one transaction with its audit entry. See docs/permissions.md.
import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit';

/** The name and email an anonymised person gets; the email is unique and never deliverable. */
export function anonymisedIdentity(n: number) {
  return { name: `Personne anonymisée ${n}`, email: `personne-anonymisee-${n}@anonyme.invalid` };
}

const ANONYMISED_EMAIL = /^personne-anonymisee-(\d+)@anonyme\.invalid$/;
const LOCK_KEY = 72707371; // numbering of anonymised people

export const ERASED_FIELDS = [
  'name',
  'email',
  'password',
  'iban',
  'bic',
  'legalName',
  'siret',
  'addressLine1',
  'addressLine2',
  'postalCode',
  'city',
] as const;

export type AnonymiseResult = {
  id: string;
  name: string;
  anonymised: true;
  removed: { apiTokens: number; invitations: number; notifications: number; authAttempts: number };
};

export async function anonymisePerson(options: { actor: Actor; personId: string }): Promise<AnonymiseResult> {
  assertCan(options.actor, 'people.update');
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_KEY})`;
    const [person] = await tx.$queryRaw<{ id: string; email: string; name: string; active: boolean }[]>`
      SELECT id, email, name, active FROM people WHERE id = ${options.personId} FOR UPDATE`;
    if (!person) throw new AppError('NOT_FOUND', 'Person not found');
    if (ANONYMISED_EMAIL.test(person.email))
      throw new AppError('CONFLICT', 'This person is already anonymised', {
        details: { reason: 'ALREADY_ANONYMISED' },
      });
    if (person.active)
      throw new AppError('CONFLICT', 'Deactivate this person first: only a deactivated person can be anonymised', {
        details: { reason: 'PERSON_ACTIVE' },
      });
    const taken = await tx.$queryRaw<{ n: number | null }[]>`
      SELECT max(substring(email FROM '^personne-anonymisee-([0-9]+)@anonyme\\.invalid$')::int) AS n FROM people`;
    const identity = anonymisedIdentity((taken[0]?.n ?? 0) + 1);
    await tx.person.update({
      where: { id: person.id },
      data: { ...identity, passwordHash: null, sessionVersion: { increment: 1 } },
    });
    // The profile stays, emptied: its payee type and organisation (not the person's own data)
    // keep grouping their past lines under the same payee in every export.
    await tx.payoutProfile.updateMany({
      where: { personId: person.id },
      data: {
        legalName: identity.name,
        iban: null,
        bic: null,
        siret: null,
        addressLine1: null,
        addressLine2: null,
        postalCode: null,
        city: null,
      },
    });
    const removed = {
      apiTokens: (await tx.apiToken.deleteMany({ where: { personId: person.id } })).count,
      invitations: (await tx.invitation.deleteMany({ where: { personId: person.id } })).count,
      notifications: (await tx.notification.deleteMany({ where: { personId: person.id } })).count,
      authAttempts: (await tx.authAttempt.deleteMany({ where: { email: person.email } })).count,
    };
    await writeAudit(tx, {
      actorId: options.actor.id,
      action: 'person.anonymised',
      entityType: 'person',
      entityId: person.id,
      data: { name: identity.name, erased: [...ERASED_FIELDS], removed },
    });
    return { id: person.id, name: identity.name, anonymised: true as const, removed };
  });
}
