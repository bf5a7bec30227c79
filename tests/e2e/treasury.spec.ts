// Paying a closed period in a real browser. The demo's people get payout profiles (straight in the
// e2e database; filling them is the payee screen's test) — all but Fatou, who has none, and Chloé
// and Djamel paid through one organisation. The treasurer, told by the SEPA export that the
// collective's account is missing, sets it in the settings, sees who
// the SEPA file leaves out, downloads it (its count, control sum and IBANs checked), records its
// transfers at once, then Fatou's by hand, and the period is paid; Bruno then reads "Payé le …"
// on Ma rétribution and downloads his statement.
import fs from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { DEMO, signIn, sql, expectNoSeriousA11yViolations, plain } from './support';
import { decimalToCents, readSepaFile } from '../../lib/treasury/sepa-read';

const frenchDate = (iso: string) => iso.split('-').reverse().join('/');
const todayInParis = () =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());

// Valid IBANs of the SEPA zone, one per payee.
const PROFILES: Record<string, { iban: string; bic?: string; organisation?: string }> = {
  'alice@monscobar.test': { iban: 'FR1420041010050500013M02606', bic: 'PSSTFRPPLIL' },
  'bruno@monscobar.test': { iban: 'DE89370400440532013000' },
  'chloe@monscobar.test': { iban: 'BE68539007547034', organisation: 'La Baraka' },
  'djamel@monscobar.test': { iban: 'BE68539007547034', organisation: 'La Baraka' },
  'elise@monscobar.test': { iban: 'NL91ABNA0417164300' },
  'referent.tierslieux@monscobar.test': { iban: 'ES9121000418450200051332' },
  'referent.accompagnement@monscobar.test': { iban: 'IT60X0542811101000000123456' },
  'referent.services@monscobar.test': { iban: 'AT611904300234573201' },
};

test('the treasurer downloads the SEPA file and records its payments; a contributor reads “payé le …”', async ({
  browser,
}) => {
  // A long flow through several screens and people: more than the default minute on a busy machine.
  test.slow();
  const [period] = await sql<{ id: string; name: string; run_id: string }>(
    `SELECT p.id, p.name, r.id AS run_id FROM funding_periods p JOIN payout_runs r ON r.period_id = p.id AND r.status = 'CURRENT'
      WHERE p.status = 'CLOSED' ORDER BY p.start_date LIMIT 1`,
  );
  expect(period, 'the demo has a closed period').toBeTruthy();
  for (const [email, profile] of Object.entries(PROFILES)) {
    // Élise may have filled hers in the payee test: a profile already there is left as it is.
    await sql(
      `INSERT INTO payout_profiles (person_id, payee_type, organisation_name, legal_name, iban, bic, country, updated_at)
       SELECT id, $2::"PayeeType", $3, name, $4, $5, 'FR', now() FROM people WHERE email = $1
       ON CONFLICT (person_id) DO NOTHING`,
      [
        email,
        profile.organisation ? 'ORGANISATION' : 'SELF',
        profile.organisation ?? null,
        profile.iban,
        profile.bic ?? null,
      ],
    );
  }
  const owed = await sql<{
    email: string;
    id: string;
    name: string;
    cents: string;
    iban: string | null;
    organisation: string | null;
  }>(
    `SELECT p.email, p.id, p.name, sum(l.amount_cents)::text AS cents, pp.iban, pp.organisation_name AS organisation
       FROM payout_lines l JOIN people p ON p.id = l.person_id LEFT JOIN payout_profiles pp ON pp.person_id = p.id
      WHERE l.run_id = $1 GROUP BY p.email, p.id, p.name, pp.iban, pp.organisation_name`,
    [period.run_id],
  );
  const fatou = owed.find((row) => row.email === 'fatou@monscobar.test')!;
  expect(Number(fatou.cents)).toBeGreaterThan(0);
  // What the file must hold: per IBAN, the sum of its people's payout lines (Fatou has no IBAN).
  const expected = new Map<string, number>();
  for (const row of owed)
    if (row.iban && Number(row.cents) > 0) expected.set(row.iban, (expected.get(row.iban) ?? 0) + Number(row.cents));
  const expectedTotal = [...expected.values()].reduce((sum, cents) => sum + cents, 0);

  const desk = await browser.newContext({ locale: 'fr-FR' });
  const page = await desk.newPage();
  await signIn(page, DEMO.treasurer);

  // Without the collective's account, the SEPA export says why on the page, in French, and links to
  // the settings where the treasurer sets it (the download used to be cancelled without a word).
  await sql('UPDATE collective_settings SET debtor_name = NULL, debtor_iban = NULL, debtor_bic = NULL');
  await page.goto(`/periods/${period.id}`);
  await page.getByTestId('export-sepaXml').click();
  const refusal = page.getByTestId('export-sepaXml-error');
  await expect(refusal).toContainText(
    "Le fichier SEPA ne peut pas être produit : le compte bancaire du collectif, d'où partent les virements, n'est pas renseigné.",
  );
  await refusal.getByRole('link', { name: 'Renseigner le compte dans les réglages' }).click();
  await expect(page).toHaveURL(/\/admin\/settings#bank-account$/);
  const account = page.getByTestId('debtor-account');
  await expect(account).toContainText("Aucun compte n'est indiqué");
  await account.getByLabel('Titulaire du compte').fill('Association Monscobar');
  await account.getByLabel('IBAN', { exact: true }).fill('FR76 3000 6000 0112 3456 7890 189');
  await account.getByLabel('BIC').fill('bnpafrpp');
  await account.getByRole('button', { name: 'Enregistrer le compte' }).click();
  await expect(account.getByText('Compte du collectif enregistré.')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.goto(`/periods/${period.id}/payments`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Paiements — ${period.name}`);
  await expect(page.getByTestId('debtor-account')).toContainText(
    'Association Monscobar · FR76 3000 6000 0112 3456 7890 189 · BNPAFRPP',
  );

  // Fatou is left out of the file, and said to be.
  const sepa = page.getByTestId('sepa-section');
  await expect(page.getByTestId('sepa-summary')).toContainText(`${expected.size} virements`);
  await expect(page.getByTestId('sepa-excluded')).toContainText('Fatou Diallo');
  await expect(page.getByTestId('sepa-excluded')).toContainText("pas d'IBAN");
  await expectNoSeriousA11yViolations(page);

  // The file: one transfer per payee with an IBAN, the right count, control sum and amounts.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    sepa.getByRole('link', { name: 'Télécharger le fichier SEPA (XML)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^virements-sepa-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.xml$/);
  const file = readSepaFile(await fs.readFile((await download.path())!, 'utf8'));
  expect(file.namespace).toBe('urn:iso:std:iso:20022:tech:xsd:pain.001.001.03');
  expect(file.nbOfTxs).toBe(String(expected.size));
  expect(decimalToCents(file.ctrlSum)).toBe(expectedTotal);
  expect(new Map(file.transfers.map((transfer) => [transfer.creditorIban, decimalToCents(transfer.amount)]))).toEqual(
    expected,
  );
  expect(file.payment.debtorIban).toBe('FR7630006000011234567890189');
  expect(file.transfers.find((transfer) => transfer.creditorIban === 'BE68539007547034')?.creditorName).toBe(
    'La Baraka',
  );

  // Every transfer of the file recorded at once, with the bank's reference.
  const reference = `REMISE-${Date.now().toString(36).toUpperCase()}`;
  const batch = page.getByTestId('sepa-batch');
  await batch.getByLabel('Référence bancaire').fill(reference);
  await batch.getByRole('button', { name: `Enregistrer ces ${expected.size} paiements` }).click();
  await expect(page.getByText(`${expected.size} paiements enregistrés.`)).toBeVisible();
  await expect(page.getByTestId('sepa-summary')).toContainText('Aucun virement');
  await expect(page.getByTestId(`payee-row-person:${fatou.id}`).getByTestId('payee-state')).toContainText('à payer');
  await expect(page.getByTestId('period-status')).toHaveText('Clôturée');

  // Fatou is paid by hand (a cheque): the period is paid.
  const row = page.getByTestId(`payee-row-person:${fatou.id}`);
  await row.getByText('Enregistrer un paiement').click();
  await row.getByLabel('Référence bancaire').fill('CHQ-0042');
  await row.getByRole('button', { name: /^Enregistrer le paiement de/ }).click();
  await expect(page.getByText('Tous les bénéficiaires sont payés : la période est payée.')).toBeVisible();
  await expect(page.getByTestId('period-status')).toHaveText('Payée');
  await expect(page.getByTestId('payments-history')).toContainText(reference);
  await desk.close();

  // Bruno reads that he was paid, and when, and downloads his statement.
  const phone = await browser.newContext({ locale: 'fr-FR', viewport: { width: 390, height: 844 } });
  const bruno = await phone.newPage();
  await signIn(bruno, 'bruno@monscobar.test');
  await bruno.goto('/payouts');
  const status = bruno.getByTestId(`my-payout-${period.id}`).getByTestId('my-payment-line');
  await expect(status).toHaveText(`Payé le ${frenchDate(todayInParis())}, réf. ${reference}`);
  const [statement] = await Promise.all([
    bruno.waitForEvent('download'),
    bruno.getByTestId(`my-payout-${period.id}`).getByRole('link', { name: 'Mon attestation (PDF)' }).click(),
  ]);
  expect((await fs.readFile((await statement.path())!)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(statement.suggestedFilename()).toMatch(/^attestation-bruno-lefebvre-/);

  // Chloé, paid through La Baraka, is told so.
  const chloeContext = await browser.newContext({ locale: 'fr-FR' });
  const chloe = await chloeContext.newPage();
  await signIn(chloe, 'chloe@monscobar.test');
  await chloe.goto('/payouts');
  expect(plain(await chloe.getByTestId(`my-payout-${period.id}`).getByTestId('my-payment-line').textContent())).toBe(
    `Versé à La Baraka le ${frenchDate(todayInParis())}, réf. ${reference}`,
  );
  // Nobody but a treasurer sees the payments page.
  expect((await chloe.goto(`/periods/${period.id}/payments`))!.status()).toBe(404);
  await chloeContext.close();
  await phone.close();
});
