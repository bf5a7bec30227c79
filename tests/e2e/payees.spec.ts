// Payout details in a real browser: a contributor (Élise, used by no other test) fills them; a bad
// IBAN is refused in its field and nothing is saved; a good one is shown masked and the change is
// emailed, masked too. The treasurer sees her in the list of payees; she cannot open that list.
import { expect, test } from '@playwright/test';
import { caughtMail, DEMO, mailText, signIn, sql, expectNoSeriousA11yViolations } from './support';

const ELISE = 'elise@monscobar.test';
const IBAN = 'FR7630006000011234567890189';

test('a contributor fills their payout details: a bad IBAN is refused in its field, a good one is shown masked', async ({
  page,
  browser,
}) => {
  // The demo gives Élise a profile; this test fills one from nothing.
  await sql(`DELETE FROM payout_profiles WHERE person_id = (SELECT id FROM people WHERE email = $1)`, [ELISE]);
  await signIn(page, ELISE);
  await page.goto('/profile/payout');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mes coordonnées de paiement');
  await expect(page.getByTestId('payout-summary')).toHaveCount(0);
  await expect(page.getByLabel('Nom légal')).toHaveValue('Élise Moreau');
  await expectNoSeriousA11yViolations(page);

  // One mistyped digit: the IBAN's check digits catch it, in the field; nothing is saved.
  const iban = page.getByLabel('IBAN', { exact: true });
  await iban.fill('FR76 3000 6000 0112 3456 7890 188');
  await page.getByLabel('Adresse', { exact: true }).fill('12 rue de Lannoy');
  await page.getByLabel('Code postal').fill('59100');
  await page.getByLabel('Ville').fill('Roubaix');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(iban).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#iban-error')).toHaveText(/^IBAN invalide/);
  await expect(iban).toHaveValue('FR76 3000 6000 0112 3456 7890 188');
  await expect(page.getByLabel('Ville')).toHaveValue('Roubaix');
  await page.reload();
  await expect(page.getByTestId('payout-summary')).toHaveCount(0);

  // A good one, typed without spaces: saved, shown masked, and the change emailed.
  await iban.fill(IBAN);
  await page.getByLabel('BIC').fill('bnpafrpp');
  await page.getByLabel('Code postal').fill('59100');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(
    page.getByText("Coordonnées de paiement enregistrées. Un e-mail vous confirme le changement d'IBAN."),
  ).toBeVisible();
  await expect(page.getByTestId('payout-iban-masked')).toHaveText('FR76 •••• •••• 0189');
  await expect(page.getByTestId('payout-summary')).not.toContainText('30006');
  await expect(iban).not.toHaveAttribute('aria-invalid', 'true');

  await expect.poll(async () => (await caughtMail()).filter((message) => message.to.includes(ELISE)).length).toBe(1);
  const [message] = (await caughtMail()).filter((caught) => caught.to.includes(ELISE));
  const text = mailText(message.raw);
  expect(text).toContain('Nouvel IBAN : FR76 •••• •••• 0189');
  expect(text).toContain('Ancien IBAN : aucun');
  expect(message.raw).not.toContain('30006000011234567890');

  // Read back: the IBAN grouped by four, the BIC upper case.
  await page.reload();
  await expect(iban).toHaveValue('FR76 3000 6000 0112 3456 7890 189');
  await expect(page.getByLabel('BIC')).toHaveValue('BNPAFRPP');

  // An organisation must be named, in its field.
  await page.getByLabel(/Une organisation qui reçoit pour moi/).check();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.locator('#organisationName-error')).toHaveText(
    "Indiquez le nom de l'organisation qui reçoit le paiement.",
  );

  // The treasury's list is not hers to see.
  const refused = await page.goto('/treasury/payees');
  expect(refused!.status()).toBe(404);

  // The treasurer sees her, with the IBAN masked and valid.
  const desk = await browser.newContext({ locale: 'fr-FR' });
  const treasurer = await desk.newPage();
  await signIn(treasurer, DEMO.treasurer);
  const response = await treasurer.goto('/treasury/payees');
  expect(response!.status()).toBe(200);
  await expect(treasurer.getByRole('heading', { level: 1 })).toHaveText('Bénéficiaires');
  const row = treasurer.getByTestId(`payee-${ELISE}`);
  await expect(row).toContainText('Élise Moreau');
  await expect(row).toContainText('FR76 •••• •••• 0189');
  await expect(row).toContainText('valide');
  await expect(row).not.toContainText('30006');
  await expectNoSeriousA11yViolations(treasurer);
  await desk.close();
});
