import { describe, expect, it } from 'vitest';
import {
  formatIban,
  formatSiret,
  isSepaIban,
  isValidBic,
  isValidCountry,
  isValidIban,
  isValidPostalCode,
  isValidSiret,
  luhnValid,
  maskIban,
  normaliseBic,
  normaliseIban,
  normaliseSiret,
  siretProblem,
} from './validate';

describe('IBAN', () => {
  it.each([
    ['FR7630006000011234567890189', true, 'a French IBAN'],
    ['fr76 3000 6000 0112 3456 7890 189', true, 'lower case and grouped, as copied from a RIB'],
    ['FR76-3000-6000-0112-3456-7890-189', true, 'with dashes'],
    ['DE89370400440532013000', true, 'a German IBAN'],
    ['BE68539007547034', true, 'a Belgian IBAN (16 characters)'],
    ['MC5811222000010123456789030', true, 'Monaco'],
    ['BR9700360305000010009795493P1', true, 'outside SEPA, still an IBAN'],
    ['FR7630006000011234567890188', false, 'one digit mistyped: the check digits catch it'],
    ['FR7630006000011234567890', false, 'too short for France'],
    ['FR76300060000112345678901890', false, 'too long for France'],
    ['XX7630006000011234567890189', false, 'no such country'],
    ['FR00 3000 6000 0112 3456 7890 189', false, 'check digits 00'],
    ['', false, 'empty'],
    ['   ', false, 'blank'],
  ])('%s → %s (%s)', (iban, valid) => {
    expect(isValidIban(iban)).toBe(valid);
  });

  it.each([
    [' fr76 3000 6000 0112 3456 7890 189 ', 'FR7630006000011234567890189'],
    ['FR76-3000-6000', 'FR7630006000'],
    ['', null],
    [null, null],
    [undefined, null],
  ])('normalises %j to the electronic format %j', (raw, expected) => {
    expect(normaliseIban(raw)).toBe(expected);
  });

  it.each([
    ['FR7630006000011234567890189', 'FR76 3000 6000 0112 3456 7890 189'],
    ['fr7630006000011234567890189', 'FR76 3000 6000 0112 3456 7890 189'],
    ['BE68539007547034', 'BE68 5390 0754 7034'],
  ])('displays %s grouped by four', (iban, expected) => {
    expect(formatIban(iban)).toBe(expected);
  });

  it.each([
    ['FR7630006000011234567890189', 'FR76 •••• •••• 0189'],
    ['FR76 3000 6000 0112 3456 7890 189', 'FR76 •••• •••• 0189'],
    ['BE68539007547034', 'BE68 •••• •••• 7034'],
    ['FR76', '••••'],
    [null, null],
    ['', null],
  ])('masks %j as %j: country, check digits and last four only', (iban, expected) => {
    expect(maskIban(iban)).toBe(expected);
  });

  it('a mask never holds more than eight characters of the IBAN', () => {
    const iban = 'FR7630006000011234567890189';
    const visible = maskIban(iban)!.replace(/[ •]/g, '');
    expect(visible).toHaveLength(8);
    expect(maskIban(iban)).not.toContain('30006');
  });

  it.each([
    ['FR7630006000011234567890189', true],
    ['GB82WEST12345698765432', true],
    ['CH9300762011623852957', true],
    ['BR9700360305000010009795493P1', false],
    ['SA0380000000608010167519', false],
    ['FR7630006000011234567890188', false],
  ])('%s is reachable by a SEPA transfer: %s', (iban, sepa) => {
    expect(isSepaIban(iban)).toBe(sepa);
  });
});

describe('BIC', () => {
  it.each([
    ['BNPAFRPP', true],
    ['BNPAFRPPXXX', true],
    ['AGRIFRPP882', true],
    ['bnpafrpp', true],
    ['BNPA FR PP', true],
    ['DEUTDEFF500', true],
    ['BNPAFRP', false],
    ['BNPAFRPPXX', false],
    ['1NPAFRPP', false],
    ['BNPAZZPP', false],
    ['', false],
  ])('%j → %s', (bic, valid) => {
    expect(isValidBic(bic)).toBe(valid);
  });

  it('is stored upper case without spaces', () => {
    expect(normaliseBic(' bnpa fr pp ')).toBe('BNPAFRPP');
    expect(normaliseBic('  ')).toBeNull();
  });
});

describe('SIRET', () => {
  it.each([
    ['73282932000074', null, 'a Luhn-valid SIRET'],
    ['732 829 320 00074', null, 'written with spaces'],
    ['732.829.320.00074', null, 'written with dots'],
    ['44306184100047', null, 'another'],
    ['55210055400013', null, 'another'],
    ['73282932000075', 'CHECKSUM', 'last digit mistyped'],
    ['73282932000047', 'CHECKSUM', 'two digits swapped'],
    ['12345678900007', 'CHECKSUM', 'the 14 digits pass Luhn but the SIREN does not'],
    ['35600000049837', null, 'La Poste: digit sum 45, a multiple of 5, though not Luhn-valid'],
    ['35600000000048', null, "La Poste's head office keeps a Luhn key"],
    ['35600000049838', 'CHECKSUM', 'La Poste: digit sum 46 and not Luhn'],
    ['35600000012345', 'CHECKSUM', 'La Poste: digit sum 29'],
    ['7328293200007', 'LENGTH', '13 digits'],
    ['732829320000744', 'LENGTH', '15 digits'],
    ['732829320', 'LENGTH', 'a SIREN is not a SIRET'],
    ['7328293200007A', 'LENGTH', 'a letter'],
    ['', 'LENGTH', 'empty'],
  ])('%j → %s (%s)', (siret, problem, _why) => {
    expect(siretProblem(siret)).toBe(problem);
    expect(isValidSiret(siret)).toBe(problem === null);
  });

  it.each([
    ['79927398713', true],
    ['79927398710', false],
    ['0', true],
    ['', false],
    ['12a', false],
  ])('Luhn %j → %s', (digits, valid) => {
    expect(luhnValid(digits)).toBe(valid);
  });

  it('is stored as its 14 digits and printed 3 3 3 5', () => {
    expect(normaliseSiret(' 732 829 320 00074 ')).toBe('73282932000074');
    expect(formatSiret('73282932000074')).toBe('732 829 320 00074');
    expect(normaliseSiret('')).toBeNull();
  });
});

describe('postal code and country', () => {
  it.each([
    ['59100', 'FR', true, 'Roubaix'],
    ['75001', 'FR', true, 'Paris'],
    ['97100', 'FR', true, 'Basse-Terre, overseas'],
    ['20000', 'fr', true, 'Ajaccio (written 20000, not 2A)'],
    [' 59000 ', 'FR', true, 'spaces around'],
    ['5910', 'FR', false, 'four digits'],
    ['591000', 'FR', false, 'six digits'],
    ['00100', 'FR', false, 'no French code starts 00'],
    ['59 100', 'FR', false, 'a space inside'],
    ['B-1000', 'FR', false, 'a Belgian code in France'],
    ['1000', 'BE', true, 'Brussels'],
    ['SW1A 1AA', 'GB', true, 'London'],
    ['', 'BE', false, 'empty'],
  ])('%j in %s → %s (%s)', (code, country, valid) => {
    expect(isValidPostalCode(code, country)).toBe(valid);
  });

  it.each([
    ['FR', true],
    ['be', true],
    ['FRA', false],
    ['F', false],
    ['F1', false],
    ['', false],
  ])('country %j → %s', (country, valid) => {
    expect(isValidCountry(country)).toBe(valid);
  });
});
