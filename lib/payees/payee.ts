// Who receives a person's money, as plain functions: the key that groups people under one payee
// (the person, or an organisation that receives for several people) and the name a transfer is
// made out to. Payments and the SEPA file use both; no I/O here.

export type PayeeProfileFields = {
  payeeType: 'SELF' | 'ORGANISATION';
  organisationName: string | null;
  legalName: string;
};

/**
 * "La Coroutine", "la  coroutine" and "LA COROUTINE." are one organisation: accents dropped,
 * lower case, anything not a letter or digit collapsed to one dash.
 */
export function normaliseOrganisationName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * "person:<id>" when the person is paid themselves (or has no profile yet), "org:<normalised
 * name>" when an organisation receives for them. An organisation name with no letter or digit
 * at all cannot group anyone, so it falls back to the person.
 */
export function payeeKeyFor(profile: PayeeProfileFields | null | undefined, personId: string): string {
  if (profile?.payeeType === 'ORGANISATION' && profile.organisationName) {
    const normalised = normaliseOrganisationName(profile.organisationName);
    if (normalised) return `org:${normalised}`;
  }
  return `person:${personId}`;
}

/** The name a transfer is made out to: the organisation, else the legal name, else the display name. */
export function payeeName(profile: PayeeProfileFields | null | undefined, person: { name: string }): string {
  if (profile?.payeeType === 'ORGANISATION' && profile.organisationName?.trim()) return profile.organisationName.trim();
  if (profile?.legalName?.trim()) return profile.legalName.trim();
  return person.name;
}
