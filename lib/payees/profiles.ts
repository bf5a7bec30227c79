// Payout profiles: how and to whom a person is paid. Personal data: read by the person and by
// treasurers only, and to anyone else a profile does not exist (NOT_FOUND, not FORBIDDEN, so an id
// reveals nothing). Only the person edits their own profile — not a treasurer, not an admin:
// whoever may change where the money goes could divert it, so a correction is asked of the person,
// who is told of every IBAN change.
import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { writeAudit } from '@/lib/audit';
import { appUrl } from '@/lib/env';
import { getSettings } from '@/lib/settings/settings';
import { todayIn } from '@/lib/contributions/server/periods';
import { canReadPersonalData, type Actor } from '@/lib/auth/permissions';
import type { PayoutProfile } from '@/lib/generated/prisma/client';
import { ZPayoutProfileInput, type TPayoutProfile, type TPayoutProfileInput, type TPayoutProfileOut } from './schemas';
import { isValidIban, maskIban } from './validate';
import { payeeKeyFor, payeeName } from './payee';
import { mailEnabled, sendMail } from '@/lib/mail/mailer';
import { IBAN_CHANGED_KIND, ibanChangeMail, type IbanChange } from './iban-change';

export { payeeKeyFor, payeeName } from './payee';

const notFound = () => new AppError('NOT_FOUND', 'Payout profile not found');

const PROFILE_FIELDS = [
  'payeeType',
  'organisationName',
  'legalName',
  'iban',
  'bic',
  'siret',
  'addressLine1',
  'addressLine2',
  'postalCode',
  'city',
  'country',
] as const satisfies readonly (keyof TPayoutProfile)[];

export function toPayoutProfileOut(profile: PayoutProfile, person: { name: string }): TPayoutProfileOut {
  return {
    personId: profile.personId,
    payeeType: profile.payeeType,
    organisationName: profile.organisationName,
    legalName: profile.legalName,
    iban: profile.iban,
    ibanMasked: maskIban(profile.iban),
    ibanValid: isValidIban(profile.iban),
    bic: profile.bic,
    siret: profile.siret,
    addressLine1: profile.addressLine1,
    addressLine2: profile.addressLine2,
    postalCode: profile.postalCode,
    city: profile.city,
    country: profile.country,
    payeeKey: payeeKeyFor(profile, profile.personId),
    payeeName: payeeName(profile, person),
    updatedAt: profile.updatedAt.toISOString(),
  };
}

/** The person's profile, or null when they have not filled it yet. Others: NOT_FOUND. */
export async function getPayoutProfile(options: { actor: Actor; personId: string }): Promise<TPayoutProfileOut | null> {
  if (!canReadPersonalData(options.actor, options.personId)) throw notFound();
  const person = await db().person.findUnique({
    where: { id: options.personId },
    select: { name: true, payoutProfile: true },
  });
  if (!person) throw notFound();
  return person.payoutProfile ? toPayoutProfileOut(person.payoutProfile, person) : null;
}

/**
 * Creates or replaces the whole profile (fields left out become empty), in one transaction with
 * its audit entry. An IBAN that differs from the stored one — set, changed or removed — gets an
 * audit entry of its own (both IBANs masked) and an in-app notification, in that same
 * transaction, then an email once committed. Saving identical values changes and records nothing.
 */
export async function savePayoutProfile(options: { actor: Actor; personId: string; input: TPayoutProfileInput }) {
  const { actor, personId } = options;
  if (actor.id !== personId) {
    // A treasurer knows the profile exists, so is told no; anyone else is told nothing.
    if (canReadPersonalData(actor, personId))
      throw new AppError('FORBIDDEN', 'Only the person themselves may change their payout profile');
    throw notFound();
  }
  // Parsed here too, so that no way in (a script, a future caller) can store an unchecked IBAN.
  const input = ZPayoutProfileInput.parse(options.input);
  const settings = await getSettings();
  const result = await db().$transaction(async (tx) => {
    // Two saves at once by the same person are serialised, so the audited "before" is the truth.
    const [person] = await tx.$queryRaw<{ id: string; name: string; email: string; active: boolean }[]>`
      SELECT id, name, email, active FROM people WHERE id = ${personId} FOR UPDATE`;
    if (!person) throw notFound();
    const before = await tx.payoutProfile.findUnique({ where: { personId } });
    const changedFields = PROFILE_FIELDS.filter((field) => !before || before[field] !== input[field]);
    if (before && changedFields.length === 0) return { person, profile: before, ibanChange: null };
    const profile = await tx.payoutProfile.upsert({
      where: { personId },
      create: { personId, ...input },
      update: input,
    });
    // Field names only: the audit log is read by admins, who may not see personal data.
    await writeAudit(tx, {
      actorId: actor.id,
      action: before ? 'payout-profile.updated' : 'payout-profile.created',
      entityType: 'payout-profile',
      entityId: personId,
      data: { changedFields },
    });
    let ibanChange: IbanChange | null = null;
    if ((before?.iban ?? null) !== profile.iban) {
      ibanChange = {
        from: maskIban(before?.iban),
        to: maskIban(profile.iban),
        changedAt: profile.updatedAt.toISOString(),
        date: todayIn(settings.timeZone, profile.updatedAt),
        changedById: actor.id,
        changedByName: actor.name,
      };
      await writeAudit(tx, {
        actorId: actor.id,
        action: 'payout-profile.iban-changed',
        entityType: 'payout-profile',
        entityId: personId,
        data: { from: ibanChange.from, to: ibanChange.to },
      });
      await tx.notification.create({ data: { personId, kind: IBAN_CHANGED_KIND, data: ibanChange } });
    }
    return { person, profile, ibanChange };
  });
  let emailed = false;
  if (result.ibanChange) {
    emailed = await emailIbanChange({
      to: result.person.email,
      name: result.person.name,
      collective: settings.name,
      timeZone: settings.timeZone,
      change: result.ibanChange,
      url: `${appUrl()}/profile/payout`,
    });
  }
  return {
    profile: toPayoutProfileOut(result.profile, result.person),
    ibanChanged: result.ibanChange !== null,
    emailed,
  };
}

/** Emails the person, after the change committed, when SMTP is configured; says whether it did. Never throws. */
async function emailIbanChange(options: {
  to: string;
  name: string;
  collective: string;
  change: IbanChange;
  timeZone: string;
  url: string;
}): Promise<boolean> {
  if (!mailEnabled()) return false;
  try {
    return await sendMail({ to: options.to, ...ibanChangeMail(options) });
  } catch (error) {
    // The change is saved, and the in-app notice with it; a mail server hiccup must not undo it.
    console.error('[butin] could not email an IBAN change notice:', error instanceof Error ? error.message : error);
    return false;
  }
}
