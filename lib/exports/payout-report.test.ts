// The payout report's rows: the worked example's cents, payees grouped, and the CSV records —
// euros with a decimal comma beside integer cents — as French spreadsheets read them.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvReadable } from './csv';
import { buildPayoutReport } from './payout-report';
import { payeesCsvRecords, payoutCsvRecords, payoutDetailHeader, payoutDetailRecord } from './payout-csv';
import { WORKED_CHANTIERS, WORKED_PEOPLE, workedResult } from './test-fixtures';

const report = () =>
  buildPayoutReport({ lines: workedResult().lines, people: WORKED_PEOPLE, chantiers: WORKED_CHANTIERS });

async function csvOf(records: Iterable<readonly (string | number | null)[]>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of csvReadable(records)) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

describe('buildPayoutReport', () => {
  it('has one row per person and chantier, by name, with the cents of the payout lines', () => {
    const { detail } = report();
    expect(
      detail.map((row) => [
        row.personName,
        row.chantierCode,
        row.amountCents,
        row.unpaidValueCents,
        row.volunteerValueCents,
      ]),
    ).toEqual([
      ['Alice Martin', 'C1', 44445, 15555, 0],
      ['Alice Martin', 'C2', 0, 0, 6000],
      ['Bob Lefebvre', 'C1', 44444, 15556, 0],
      ['Chloé Dubois', 'C1', 11111, 3889, 0],
    ]);
    expect(detail[2]).toMatchObject({
      email: 'bob@monscobar.test',
      payeeName: 'La Coroutine',
      rateCents: 4000,
      rateSource: 'PERSON',
      approvedMinutes: 900,
      cappedMinutes: 0,
    });
  });

  it('sums each payee over the people it receives for, named by its first person', () => {
    const { payees, totals } = report();
    expect(payees).toEqual([
      { payeeKey: 'person:p-alice', payeeName: 'Alice Martin', peopleNames: ['Alice Martin'], amountCents: 44445 },
      {
        payeeKey: 'org:la-coroutine',
        payeeName: 'La Coroutine',
        peopleNames: ['Bob Lefebvre', 'Chloé Dubois'],
        amountCents: 55555,
      },
    ]);
    expect(totals).toEqual({
      amountCents: 100_000,
      unpaidValueCents: 35000,
      volunteerValueCents: 6000,
      hoursAmountCents: 100_000,
      expensesCents: 0,
      fixedFeesCents: 0,
      inKindValueCents: 0,
      people: 3,
    });
  });

  it('refuses a line whose person it cannot name, rather than dropping it', () => {
    expect(() =>
      buildPayoutReport({ lines: workedResult().lines, people: new Map(), chantiers: WORKED_CHANTIERS }),
    ).toThrow(/no person p-alice/);
  });
});

describe('payout CSV records', () => {
  it('writes every amount in euros with a decimal comma and in integer cents', () => {
    const alice = report().detail[0];
    expect(payoutDetailHeader('fr')).toEqual([
      'Personne',
      'E-mail',
      'Bénéficiaire',
      'Code chantier',
      'Chantier',
      'Taux (€/h)',
      'Taux (centimes/h)',
      'Origine du taux',
      'Heures validées',
      'Minutes validées',
      'Heures bénévoles',
      'Minutes bénévoles',
      'Heures au-delà du plafond',
      'Minutes au-delà du plafond',
      'Rétribution (€)',
      'Rétribution (centimes)',
      'Valeur non rétribuée (€)',
      'Valeur non rétribuée (centimes)',
      'Bénévolat valorisé (€)',
      'Bénévolat valorisé (centimes)',
      'Heures rétribuées (€)',
      'Heures rétribuées (centimes)',
      'Frais et kilomètres (€)',
      'Frais et kilomètres (centimes)',
      'Forfaits (€)',
      'Forfaits (centimes)',
      'Valorisation en nature (€)',
      'Valorisation en nature (centimes)',
    ]);
    expect(payoutDetailRecord(alice, 'fr')).toEqual([
      'Alice Martin',
      'alice@monscobar.test',
      'Alice Martin',
      'C1',
      'Gestion et animation des tiers-lieux',
      '30,00',
      3000,
      'Par défaut',
      '20,00',
      1200,
      '0,00',
      0,
      '0,00',
      0,
      '444,45',
      44445,
      '155,55',
      15555,
      '0,00',
      0,
      '444,45',
      44445,
      '0,00',
      0,
      '0,00',
      0,
      '0,00',
      0,
    ]);
    expect(payoutDetailRecord(alice, 'en')[7]).toBe('Default');
  });

  it('writes a negative unpaid value (a leftover cent) as -0,01 and -1', () => {
    const row = { ...report().detail[0], unpaidValueCents: -1 };
    expect(payoutDetailRecord(row, 'fr').slice(16, 18)).toEqual(['-0,01', -1]);
  });

  it('is the header and the detail only; the payees and a total are payees.csv, one table per file', async () => {
    const text = await csvOf(payoutCsvRecords(report(), 'fr'));
    expect(text.startsWith('\ufeffPersonne;E-mail;Bénéficiaire;')).toBe(true);
    const lines = text.split('\r\n');
    expect(lines[1]).toBe(
      'Alice Martin;alice@monscobar.test;Alice Martin;C1;Gestion et animation des tiers-lieux;30,00;3000;Par défaut;20,00;1200;0,00;0;0,00;0;444,45;44445;155,55;15555;0,00;0;444,45;44445;0,00;0;0,00;0;0,00;0',
    );
    expect(lines.slice(5)).toEqual(['']);
    const payees = (await csvOf(payeesCsvRecords(report(), 'fr'))).slice(1).split('\r\n');
    expect(payees).toEqual([
      'Bénéficiaire;Personnes;Nombre de personnes;Montant (€);Montant (centimes)',
      'Alice Martin;Alice Martin;1;444,45;44445',
      'La Coroutine;Bob Lefebvre, Chloé Dubois;2;555,55;55555',
      'Total;;3;1000,00;100000',
      '',
    ]);
  });

  it('keeps names with semicolons, quotes and line breaks in their cells', async () => {
    const people = new Map(WORKED_PEOPLE);
    people.set('p-chloe', { ...people.get('p-chloe')!, name: 'Dubois; Chloé "Clo"\nseconde ligne' });
    const odd = buildPayoutReport({ lines: workedResult().lines, people, chantiers: WORKED_CHANTIERS });
    const records: string[][] = parse(await csvOf(payoutCsvRecords(odd, 'fr')), {
      delimiter: ';',
      bom: true,
      relax_column_count: true,
    });
    const chloe = records.find((record) => record[1] === 'chloe@monscobar.test')!;
    expect(chloe[0]).toBe('Dubois; Chloé "Clo"\nseconde ligne');
    expect(chloe[15]).toBe('11111');
    const payees: string[][] = parse(await csvOf(payeesCsvRecords(odd, 'fr')), { delimiter: ';', bom: true });
    expect(payees.find((record) => record[0] === 'La Coroutine')![1]).toBe(
      'Bob Lefebvre, Dubois; Chloé "Clo"\nseconde ligne',
    );
  });

  it('neutralises a name that a spreadsheet would run as a formula', () => {
    const row = { ...report().detail[0], personName: '=HYPERLINK("http://evil")' };
    expect(payoutDetailRecord(row, 'fr')[0]).toBe(`'=HYPERLINK("http://evil")`);
  });
});
