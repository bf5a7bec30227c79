// The collective's identity as its documents print it: the legal name, the postal address, the
// SIRET and the RNA number (Répertoire national des associations), each optional. Pure: the
// schema of the settings form and the lines a PDF prints under the collective's name.
import { z } from 'zod';
import { formatSiret } from '@/lib/payees/validate';
import { ZSiretInput } from '@/lib/payees/schemas';

const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);

export const ZCollectiveIdentity = z.object({
  legalName: z.preprocess(blankToNull, z.string().trim().max(200, 'validation.tooLong').nullable().default(null)),
  /** Up to 4 lines ("12 rue de Lannoy\n59100 Roubaix"). */
  address: z.preprocess(
    blankToNull,
    z
      .string()
      .trim()
      .max(400, 'validation.tooLong')
      .refine((text) => text.split('\n').length <= 4, 'everyday.identity.addressLines')
      .nullable()
      .default(null),
  ),
  siret: ZSiretInput,
  /** W followed by 9 digits, as the prefecture writes it ("W595012345"). */
  rna: z.preprocess(
    (value) => (typeof value === 'string' ? blankToNull(value.replace(/\s+/g, '').toUpperCase()) : value),
    z
      .string()
      .regex(/^W\d{9}$/, 'everyday.identity.rnaInvalid')
      .nullable()
      .default(null),
  ),
});
export type TCollectiveIdentity = z.infer<typeof ZCollectiveIdentity>;

export type CollectiveIdentity = {
  name: string;
  legalName: string | null;
  address: string | null;
  siret: string | null;
  rna: string | null;
};

/** The identity fields of the settings row. */
export function collectiveIdentityOf(settings: CollectiveIdentity): CollectiveIdentity {
  return {
    name: settings.name,
    legalName: settings.legalName,
    address: settings.address,
    siret: settings.siret,
    rna: settings.rna,
  };
}

/** What a document prints under the collective's name: legal name, address lines, numbers. */
export function identityLines(
  identity: CollectiveIdentity,
  labels: { siret: (siret: string) => string; rna: (rna: string) => string },
): string[] {
  const numbers = [
    identity.siret ? labels.siret(formatSiret(identity.siret)) : null,
    identity.rna ? labels.rna(identity.rna) : null,
  ].filter((line): line is string => line !== null);
  return [
    ...(identity.legalName && identity.legalName !== identity.name ? [identity.legalName] : []),
    ...(identity.address ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    ...(numbers.length ? [numbers.join(' · ')] : []),
  ];
}
