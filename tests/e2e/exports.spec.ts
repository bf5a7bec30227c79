// The treasurer downloads the closed demo period's payout report from its page, as CSV and as
// XLSX, and the files hold what the API says: a BOM and French headers, Alice Martin's rows with
// exactly the cents of GET /payouts. The funder report answers too (CSV and PDF); a contributor
// sees no export block and is refused the files.
import fs from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import ExcelJS from 'exceljs';
import { expect, test, type APIRequestContext, type Download } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, signIn } from './support';

type Line = { personId: string; chantierId: string; amountCents: number; unpaidValueCents: number };

async function apiAs(request: APIRequestContext, email: string) {
  const token = (
    await (
      await request.post('/api/v1/tokens', { data: { email, password: DEMO_PASSWORD, name: 'e2e exports' } })
    ).json()
  ).token as string;
  return { authorization: `Bearer ${token}` };
}

/** The demo's closed period (the e2e tests' own periods are decades ahead), and Alice's lines in it. */
async function closedDemoPeriod(request: APIRequestContext) {
  const headers = await apiAs(request, DEMO.treasurer);
  const periods = (await (await request.get('/api/v1/periods?status=CLOSED&limit=200', { headers })).json()).items as {
    id: string;
    status: string;
    startDate: string;
  }[];
  const closed = periods
    .filter((period) => period.status === 'CLOSED')
    .sort((a, b) => a.startDate.localeCompare(b.startDate))[0];
  const people = (await (await request.get('/api/v1/people?limit=200', { headers })).json()).items as {
    id: string;
    email: string;
  }[];
  const aliceId = people.find((person) => person.email === DEMO.contributor)!.id;
  const payouts = (await (await request.get(`/api/v1/periods/${closed.id}/payouts`, { headers })).json()) as {
    frozen: boolean;
    lines: Line[];
    totals: { amountCents: number };
  };
  expect(payouts.frozen).toBe(true);
  return {
    periodId: closed.id,
    aliceLines: payouts.lines.filter((line) => line.personId === aliceId),
    totals: payouts.totals,
  };
}

async function downloaded(download: Download): Promise<Buffer> {
  return fs.readFile((await download.path())!);
}

test('the treasurer downloads the payout report of a closed period as CSV and XLSX', async ({ page, request }) => {
  const { periodId, aliceLines, totals } = await closedDemoPeriod(request);
  expect(aliceLines.length).toBeGreaterThan(0);
  const aliceCents = aliceLines.map((line) => line.amountCents).sort((a, b) => a - b);

  await signIn(page, DEMO.treasurer);
  await page.goto(`/periods/${periodId}`);
  await expect(page.getByRole('heading', { name: 'Rétributions figées' })).toBeVisible();
  const exports = page.getByTestId('export-links');
  await expect(exports).toContainText('Les fichiers reprennent les rétributions figées à la clôture.');
  const results = await new AxeBuilder({ page }).include('[data-testid="export-links"]').analyze();
  expect(
    results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical'),
  ).toEqual([]);

  // The CSV: BOM, French header, ";" and CRLF; Alice's rows carry her cents exactly.
  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    exports.getByRole('link', { name: 'Rétributions (CSV)' }).click(),
  ]);
  expect(csvDownload.suggestedFilename()).toMatch(/^retributions-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await downloaded(csvDownload);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = csv.toString('utf8').slice(1).split('\r\n');
  const header = lines[0].split(';');
  expect(header.slice(0, 5)).toEqual(['Personne', 'E-mail', 'Bénéficiaire', 'Code chantier', 'Chantier']);
  const aliceRows = lines
    .filter((line) => line.startsWith('Alice Martin;alice@monscobar.test;'))
    .map((line) => line.split(';'));
  expect(aliceRows).toHaveLength(aliceLines.length);
  const centsColumn = header.indexOf('Rétribution (centimes)');
  const eurosColumn = header.indexOf('Rétribution (€)');
  expect(aliceRows.map((row) => Number(row[centsColumn])).sort((a, b) => a - b)).toEqual(aliceCents);
  for (const row of aliceRows)
    expect(row[eurosColumn]).toBe(
      `${Math.floor(Number(row[centsColumn]) / 100)},${String(Number(row[centsColumn]) % 100).padStart(2, '0')}`,
    );
  // One table per file: the summary per payee is its own download.
  expect(lines.filter((line) => line === '')).toEqual(['']);
  const [payeesDownload] = await Promise.all([
    page.waitForEvent('download'),
    exports.getByRole('link', { name: 'Bénéficiaires (CSV)' }).click(),
  ]);
  expect(payeesDownload.suggestedFilename()).toMatch(/^beneficiaires-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
  const payeeLines = (await downloaded(payeesDownload)).toString('utf8').slice(1).split('\r\n');
  expect(payeeLines[0]).toBe('Bénéficiaire;Personnes;Nombre de personnes;Montant (€);Montant (centimes)');
  expect(payeeLines.find((line) => line.startsWith('Total;'))!.split(';')[4]).toBe(String(totals.amountCents));

  // The XLSX: two sheets, real numbers, the same cents.
  const [xlsxDownload] = await Promise.all([
    page.waitForEvent('download'),
    exports.getByRole('link', { name: 'Rétributions (Excel)' }).click(),
  ]);
  expect(xlsxDownload.suggestedFilename()).toMatch(/^retributions-.*\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await downloaded(xlsxDownload)) as unknown as ArrayBuffer);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Détail', 'Bénéficiaires']);
  const detail = workbook.getWorksheet('Détail')!;
  const columns = (detail.getRow(1).values as unknown[]).slice(1) as string[];
  const xlsxAlice: number[] = [];
  detail.eachRow((row, index) => {
    if (index === 1 || row.getCell(columns.indexOf('E-mail') + 1).value !== DEMO.contributor) return;
    const cents = row.getCell(columns.indexOf('Rétribution (centimes)') + 1).value as number;
    expect(Math.round((row.getCell(columns.indexOf('Rétribution (€)') + 1).value as number) * 100)).toBe(cents);
    xlsxAlice.push(cents);
  });
  expect(xlsxAlice.sort((a, b) => a - b)).toEqual(aliceCents);

  // The funder report answers in the built app too (pdfkit and csv-stringify bundled as they are).
  const funderCsv = await page.request.get(`/api/v1/periods/${periodId}/exports/funder-report.csv`);
  expect(funderCsv.status()).toBe(200);
  expect((await funderCsv.body()).toString('utf8')).toContain('Collectif;Monscobar');
  const funderPdf = await page.request.get(`/api/v1/periods/${periodId}/exports/funder-report.pdf`);
  expect(funderPdf.status()).toBe(200);
  expect(funderPdf.headers()['content-type']).toBe('application/pdf');
  expect((await funderPdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
});

test('a contributor sees no exports and is refused the files', async ({ page, request }) => {
  const { periodId } = await closedDemoPeriod(request);
  await signIn(page, DEMO.contributor);
  await page.goto(`/periods/${periodId}`);
  await expect(page.getByRole('heading', { name: 'Rétributions figées' })).toBeVisible();
  await expect(page.getByTestId('export-links')).toHaveCount(0);
  const answer = await page.request.get(`/api/v1/periods/${periodId}/exports/payouts.csv`);
  expect(answer.status()).toBe(403);
  expect((await answer.json()).error.code).toBe('FORBIDDEN');
});
