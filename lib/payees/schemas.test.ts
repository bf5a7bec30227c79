import { describe, expect, it } from 'vitest';
import { ZPayoutProfileInput } from './schemas';

const VALID = {
  payeeType: 'SELF',
  legalName: 'Élise Moreau',
  iban: 'FR76 3000 6000 0112 3456 7890 189',
  bic: 'bnpafrpp',
  siret: '732 829 320 00074',
  addressLine1: '12 rue de Lannoy',
  postalCode: '59100',
  city: 'Roubaix',
  country: 'fr',
};

/** Field → message key of each refusal. */
function refusals(input: Record<string, unknown>): Record<string, string> {
  const result = ZPayoutProfileInput.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

describe('ZPayoutProfileInput', () => {
  it('normalises what it accepts: electronic IBAN, upper-case BIC and country, SIRET digits', () => {
    expect(ZPayoutProfileInput.parse(VALID)).toEqual({
      payeeType: 'SELF',
      organisationName: null,
      legalName: 'Élise Moreau',
      iban: 'FR7630006000011234567890189',
      bic: 'BNPAFRPP',
      siret: '73282932000074',
      addressLine1: '12 rue de Lannoy',
      addressLine2: null,
      postalCode: '59100',
      city: 'Roubaix',
      country: 'FR',
    });
  });

  it('parses its own output to itself, so the action and the domain may both parse', () => {
    const once = ZPayoutProfileInput.parse(VALID);
    expect(ZPayoutProfileInput.parse(once)).toEqual(once);
  });

  it('needs only a legal name: a form’s empty strings and the API’s nulls both mean “none”', () => {
    const empty = {
      payeeType: '',
      organisationName: '',
      iban: '',
      bic: ' ',
      siret: '',
      addressLine1: '',
      addressLine2: '',
      postalCode: '',
      city: '',
      country: '',
    };
    const expected = {
      payeeType: 'SELF',
      organisationName: null,
      legalName: 'Élise Moreau',
      iban: null,
      bic: null,
      siret: null,
      addressLine1: null,
      addressLine2: null,
      postalCode: null,
      city: null,
      country: 'FR',
    };
    expect(ZPayoutProfileInput.parse({ ...empty, legalName: 'Élise Moreau' })).toEqual(expected);
    expect(
      ZPayoutProfileInput.parse({ legalName: 'Élise Moreau', iban: null, bic: null, siret: null, postalCode: null }),
    ).toEqual(expected);
  });

  it.each([
    [{ legalName: '' }, { legalName: 'validation.required' }],
    [{ legalName: undefined }, { legalName: 'validation.required' }],
    [{ legalName: '   ' }, { legalName: 'validation.required' }],
    [{ legalName: 'x'.repeat(201) }, { legalName: 'validation.tooLong' }],
    [{ iban: 'FR7630006000011234567890188' }, { iban: 'validation.iban' }],
    [{ iban: 'not an iban' }, { iban: 'validation.iban' }],
    [{ iban: 'FR76'.repeat(20) }, { iban: 'validation.iban' }],
    [{ bic: 'BNPAFRPPXX' }, { bic: 'validation.bic' }],
    [{ siret: '73282932000075' }, { siret: 'validation.siret' }],
    [{ siret: '35600000049838' }, { siret: 'validation.siret' }],
    [{ siret: '7328293200007' }, { siret: 'validation.siretLength' }],
    [{ postalCode: '5910' }, { postalCode: 'validation.postalCode' }],
    [{ country: 'France' }, { country: 'validation.country' }],
    [{ payeeType: 'ORGANISATION' }, { organisationName: 'validation.organisationRequired' }],
    [{ payeeType: 'ORGANISATION', organisationName: '  ' }, { organisationName: 'validation.organisationRequired' }],
    [{ payeeType: 'SOMEONE_ELSE' }, { payeeType: expect.any(String) }],
  ])('refuses %j naming the field', (change, expected) => {
    expect(refusals({ ...VALID, ...change })).toEqual(expected);
  });

  it('names every refused field at once', () => {
    expect(refusals({ ...VALID, legalName: '', iban: 'FR00', siret: '123', postalCode: '1' })).toEqual({
      legalName: 'validation.required',
      iban: 'validation.iban',
      siret: 'validation.siretLength',
      postalCode: 'validation.postalCode',
    });
  });

  it('checks postal codes by their country: a Belgian code is fine in Belgium', () => {
    expect(refusals({ ...VALID, postalCode: '1000', country: 'BE' })).toEqual({});
    expect(refusals({ ...VALID, postalCode: '1000', country: 'FR' })).toEqual({ postalCode: 'validation.postalCode' });
  });

  it('keeps the organisation name for an organisation, drops it for the person themselves', () => {
    expect(
      ZPayoutProfileInput.parse({ ...VALID, payeeType: 'ORGANISATION', organisationName: ' La Coroutine ' })
        .organisationName,
    ).toBe('La Coroutine');
    expect(
      ZPayoutProfileInput.parse({ ...VALID, payeeType: 'SELF', organisationName: 'La Coroutine' }).organisationName,
    ).toBeNull();
  });
});
