// The collective's identity: what its form accepts, and the lines its documents print.
import { describe, expect, it } from 'vitest';
import { identityLines, ZCollectiveIdentity } from './identity';

const labels = { siret: (siret: string) => `SIRET ${siret}`, rna: (rna: string) => `RNA ${rna}` };

describe('ZCollectiveIdentity', () => {
  it.each([
    [{}, { legalName: null, address: null, siret: null, rna: null }],
    [
      {
        legalName: ' Association Monscobar ',
        address: '12 rue de Lannoy\n59100 Roubaix',
        siret: '732 829 320 00074',
        rna: 'w595012345',
      },
      {
        legalName: 'Association Monscobar',
        address: '12 rue de Lannoy\n59100 Roubaix',
        siret: '73282932000074',
        rna: 'W595012345',
      },
    ],
    [
      { legalName: '  ', address: '', siret: '', rna: ' ' },
      { legalName: null, address: null, siret: null, rna: null },
    ],
  ])('accepts %j as %j', (input, output) => {
    expect(ZCollectiveIdentity.parse(input)).toEqual(output);
  });

  it.each([
    [{ siret: '73282932000075' }, 'siret', 'validation.siret'],
    [{ siret: '1234' }, 'siret', 'validation.siretLength'],
    [{ rna: 'W12345' }, 'rna', 'everyday.identity.rnaInvalid'],
    [{ address: 'a\nb\nc\nd\ne' }, 'address', 'everyday.identity.addressLines'],
    [{ legalName: 'x'.repeat(201) }, 'legalName', 'validation.tooLong'],
  ])('refuses %j with a message on %s', (input, field, message) => {
    const result = ZCollectiveIdentity.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => [issue.path.join('.'), issue.message])).toContainEqual([field, message]);
  });
});

describe('identityLines', () => {
  it('prints the legal name, the address lines and the numbers, skipping what is missing', () => {
    expect(
      identityLines(
        {
          name: 'Monscobar',
          legalName: 'Association Monscobar',
          address: '12 rue de Lannoy\n 59100 Roubaix ',
          siret: '73282932000074',
          rna: 'W595012345',
        },
        labels,
      ),
    ).toEqual([
      'Association Monscobar',
      '12 rue de Lannoy',
      '59100 Roubaix',
      'SIRET 732 829 320 00074 · RNA W595012345',
    ]);
    expect(
      identityLines({ name: 'Monscobar', legalName: 'Monscobar', address: null, siret: null, rna: null }, labels),
    ).toEqual([]);
  });
});
