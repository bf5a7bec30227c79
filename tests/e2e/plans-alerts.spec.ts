// The treasurer presses "Envoyer les rappels" on the open demo period: the reminders arrive by
// email, each saying why and linking to the declare page, and pressing again the same day sends
// nothing. The treasurer downloads the closed demo period's compte rendu financier (CSV, XLSX,
// PDF) from its exports, with the explanations the demo wrote.
import fs from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { expect, test, type APIRequestContext, type Download } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, caughtMail, expectNoSeriousA11yViolations, mailText, signIn } from './support';

async function demoPeriod(request: APIRequestContext, status: 'OPEN' | 'CLOSED') {
  const token = (
    await (
      await request.post('/api/v1/tokens', {
        data: { email: DEMO.treasurer, password: DEMO_PASSWORD, name: 'e2e plans' },
      })
    ).json()
  ).token as string;
  const periods = (
    await (
      await request.get(`/api/v1/periods?status=${status}&limit=200`, { headers: { authorization: `Bearer ${token}` } })
    ).json()
  ).items as { id: string; status: string; startDate: string }[];
  // The demo's own periods come first; the other e2e tests' periods are decades ahead.
  return periods
    .filter((period) => period.status === status)
    .sort((a, b) => a.startDate.localeCompare(b.startDate))[0]!;
}

const downloaded = async (download: Download) => fs.readFile((await download.path())!);

test('a treasurer sends the reminders; they arrive by email, say why, and nothing is sent twice the same day', async ({
  page,
  request,
}) => {
  const open = await demoPeriod(request, 'OPEN');
  const before = (await caughtMail()).length;
  await signIn(page, DEMO.treasurer);
  await page.goto(`/periods/${open.id}`);
  const section = page.locator('section', { has: page.getByRole('heading', { name: 'Rappels de déclaration' }) });
  await expect(section).toContainText('7 jours avant la fin de la période');
  await page.getByRole('button', { name: 'Envoyer les rappels' }).click();
  await expect(page.getByText(/^Rappels? envoyés? à \d+ personnes?\.$/)).toBeVisible();

  const reminders = (await caughtMail())
    .slice(before)
    .map((message) => ({ to: message.to, text: mailText(message.raw) }));
  expect(reminders.length).toBeGreaterThan(0);
  for (const reminder of reminders) {
    expect(reminder.text).toContain('Ce rappel vous est envoyé parce que');
    expect(reminder.text).toMatch(/\/contributions\/week/);
  }
  // The demo gives Alice a draft in the open period.
  const toAlice = reminders.find((reminder) => reminder.to.includes(DEMO.contributor));
  expect(toAlice?.text).toMatch(/en brouillon, pas encore soumises?, dans la période/);
  await expectNoSeriousA11yViolations(page);

  // The same day again: nothing more.
  const afterFirst = (await caughtMail()).length;
  await page.reload();
  await page.getByRole('button', { name: 'Envoyer les rappels' }).click();
  await expect(page.getByText("Aucun rappel à envoyer aujourd'hui.")).toBeVisible();
  expect((await caughtMail()).length).toBe(afterFirst);
});

test('a treasurer downloads the compte rendu financier of the closed demo period', async ({ page, request }) => {
  const closed = await demoPeriod(request, 'CLOSED');
  await signIn(page, DEMO.treasurer);
  await page.goto(`/periods/${closed.id}`);
  const exports = page.getByTestId('export-links');

  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    exports.getByRole('link', { name: 'Compte rendu financier (CSV)' }).click(),
  ]);
  expect(csvDownload.suggestedFilename()).toMatch(/^compte-rendu-financier-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await downloaded(csvDownload);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = csv.toString('utf8');
  expect(text).toContain('Compte rendu financier\r\n');
  expect(text).toContain('Collectif;Monscobar');
  expect(text).toContain('payée au prorata');
  const total = text
    .split('\r\n')
    .find((line) => line.startsWith(';Total;'))!
    .split(';');
  // Planned − realised, in cents, adds up: the gap column is realised − planned.
  expect(Number(total[7])).toBe(Number(total[5]) - Number(total[3]));

  const [xlsxDownload] = await Promise.all([
    page.waitForEvent('download'),
    exports.getByRole('link', { name: 'Compte rendu financier (Excel)' }).click(),
  ]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await downloaded(xlsxDownload)) as unknown as ArrayBuffer);
  expect(workbook.worksheets[0]!.getCell('A1').value).toBe('Compte rendu financier');

  const [pdfDownload] = await Promise.all([
    page.waitForEvent('download'),
    exports.getByRole('link', { name: 'Compte rendu financier (PDF)' }).click(),
  ]);
  expect((await downloaded(pdfDownload)).subarray(0, 5).toString()).toBe('%PDF-');

  // The explanations' page, where the treasurer writes them.
  await exports.getByRole('link', { name: 'Expliquer les écarts (compte rendu financier)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Compte rendu financier — / })).toBeVisible();
  await expect(page.getByTestId('explanations')).toContainText("Explication de l'écart");
  await expectNoSeriousA11yViolations(page);
});
