import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { personalArchiveFiles, personalArchiveZip, type PersonalData } from './personal-archive';

const data: PersonalData = {
  exportedAt: '2026-12-02T05:00:00.000Z',
  profile: { id: 'p1', name: 'Alice Martin', email: 'alice@monscobar.test' },
  payoutProfile: { iban: 'FR7630006000011234567890189' },
  contributions: [
    {
      id: 'c1',
      date: '2026-11-03',
      minutes: 90,
      status: 'APPROVED',
      chantier: 'C1',
      place: null,
      period: '10/2026 – 03/2027',
      description: '=HYPERLINK("http://evil")',
      volunteer: true,
      history: [{ kind: 'CREATED' }],
    },
    {
      id: 'c2',
      date: '2026-11-04',
      minutes: 30,
      status: 'DRAFT',
      chantier: 'C2',
      place: 'La Baraka',
      period: '10/2026 – 03/2027',
      description: 'Deux lignes\net un ; point-virgule',
      volunteer: false,
      history: [],
    },
  ],
  payouts: [
    {
      period: '04/2026 – 09/2026',
      chantier: 'C1',
      runStatus: 'CURRENT',
      approvedMinutes: 90,
      volunteerMinutes: 0,
      rateCents: 3000,
      amountCents: 4500,
    },
  ],
  payments: [
    { period: '04/2026 – 09/2026', amountCents: 4500, paidOn: '2026-10-05', reference: 'VIR-1', kind: 'PAYMENT' },
  ],
  notifications: [],
  apiTokens: [
    {
      name: 'Mon script',
      prefix: 'butin_abc123',
      createdAt: '2026-11-01T00:00:00.000Z',
      lastUsedAt: null,
      revokedAt: null,
    },
  ],
  auditEntries: [],
};

describe('personalArchiveFiles', () => {
  const files = personalArchiveFiles(data);

  it.each([
    ['contributions.csv', 2],
    ['retributions.csv', 1],
    ['paiements.csv', 1],
  ])('%s: a BOM, a header and one record per row (%i)', (name, rows) => {
    expect(files[name].startsWith('\ufeff')).toBe(true);
    // Records end with CRLF; a line break inside a description is quoted, not a new record.
    const records = files[name].slice(1).split('\r\n').filter(Boolean);
    expect(records).toHaveLength(rows + 1);
  });

  it('keeps a formula out of spreadsheets and quotes what needs quoting', () => {
    expect(files['contributions.csv']).toContain(`'=HYPERLINK(""http://evil"")`);
    expect(files['contributions.csv']).toContain('"Deux lignes\net un ; point-virgule"');
  });

  it('holds the JSON as given, tokens by name and prefix only', () => {
    expect(JSON.parse(files['contributions.json'])).toEqual(data.contributions);
    expect(Object.keys(JSON.parse(files['jetons-api.json'])[0]).sort()).toEqual(
      ['createdAt', 'lastUsedAt', 'name', 'prefix', 'revokedAt'].sort(),
    );
  });

  it('zips every file, readable back', () => {
    const unzipped = unzipSync(personalArchiveZip(data));
    expect(Object.keys(unzipped).sort()).toEqual(Object.keys(files).sort());
    expect(strFromU8(unzipped['profil.json'])).toBe(files['profil.json']);
  });
});
