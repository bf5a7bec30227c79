// The treasury's view of payout profiles: every active person, who receives their money, and
// whether a transfer can be made (a valid IBAN). Personal data: treasurers only.
import 'server-only';
import { db } from '@/lib/db';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { isSepaIban, isValidIban, isValidSiret, maskIban } from './validate';
import { payeeKeyFor, payeeName } from './payee';
import { byName, byString } from '@/lib/format/compare';

export type PayeeRow = {
  personId: string;
  name: string;
  email: string;
  hasProfile: boolean;
  payeeType: 'SELF' | 'ORGANISATION';
  payeeKey: string;
  payeeName: string;
  organisationName: string | null;
  legalName: string | null;
  /** The whole IBAN (electronic format), for the SEPA file; screens show ibanMasked. */
  iban: string | null;
  ibanMasked: string | null;
  ibanStatus: 'MISSING' | 'INVALID' | 'OUTSIDE_SEPA' | 'VALID';
  bic: string | null;
  siret: string | null;
  siretValid: boolean | null;
};

type PersonWithProfile = {
  id: string;
  name: string;
  email: string;
  payoutProfile:
    (Parameters<typeof payeeKeyFor>[0] & { iban: string | null; bic: string | null; siret: string | null }) | null;
};

export function toPayeeRow(person: PersonWithProfile): PayeeRow {
  const profile = person.payoutProfile;
  const iban = profile?.iban ?? null;
  return {
    personId: person.id,
    name: person.name,
    email: person.email,
    hasProfile: profile !== null,
    payeeType: profile?.payeeType ?? 'SELF',
    payeeKey: payeeKeyFor(profile, person.id),
    payeeName: payeeName(profile, person),
    organisationName: profile?.organisationName ?? null,
    legalName: profile?.legalName ?? null,
    iban,
    ibanMasked: maskIban(iban),
    // Stored IBANs were checked when saved; checked again, in case the rules (ibantools) moved.
    ibanStatus:
      iban === null ? 'MISSING' : !isValidIban(iban) ? 'INVALID' : !isSepaIban(iban) ? 'OUTSIDE_SEPA' : 'VALID',
    bic: profile?.bic ?? null,
    siret: profile?.siret ?? null,
    siretValid: profile?.siret ? isValidSiret(profile.siret) : null,
  };
}

// Sorted here rather than by the database, whose collation may put "Élise" after "Zoé".

/** Every active person, in alphabetical order (accents aside), with their payee; treasurers only. */
export async function listPayees(options: { actor: Actor }): Promise<PayeeRow[]> {
  assertCan(options.actor, 'personalData.readAny');
  const people = await db().person.findMany({
    where: { active: true },
    select: { id: true, name: true, email: true, payoutProfile: true },
    orderBy: { id: 'asc' },
  });
  return people.map(toPayeeRow).sort((a, b) => byName(a.name, b.name) || byString(a.personId, b.personId));
}

/**
 * The payees of the given people (active or not: a closed period may pay someone since
 * deactivated), keyed by person id, for payments and the SEPA file; treasurers only.
 * A person without a profile is their own payee, without an IBAN — listed, never dropped.
 */
export async function loadPayees(options: {
  actor: Actor;
  personIds: readonly string[];
}): Promise<Map<string, PayeeRow>> {
  assertCan(options.actor, 'personalData.readAny');
  const people = await db().person.findMany({
    where: { id: { in: [...new Set(options.personIds)] } },
    select: { id: true, name: true, email: true, payoutProfile: true },
  });
  return new Map(people.map((person) => [person.id, toPayeeRow(person)]));
}
