// A person's data in a real browser: Alice downloads her archive from Mon profil; an admin
// anonymises a deactivated person behind a confirmation that says what is erased and what is kept.
import fs from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { DEMO, signIn, sql, expectNoSeriousA11yViolations, uniqueEmail } from './support';

test('a contributor downloads everything Butin holds about her, from her profile', async ({ page }) => {
  await signIn(page, DEMO.contributor);
  await page.goto('/profile');
  await expect(page.getByRole('heading', { name: 'Mes données' })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Télécharger mes données' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^butin-mes-donnees-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = unzipSync(new Uint8Array(await fs.readFile((await download.path())!)));
  expect(JSON.parse(strFromU8(files['profil.json'])).email).toBe(DEMO.contributor);
  expect(JSON.parse(strFromU8(files['contributions.json'])).length).toBeGreaterThan(0);
  await expectNoSeriousA11yViolations(page);
});

test('an admin anonymises a deactivated person, after reading what is erased and what is kept', async ({ page }) => {
  const email = uniqueEmail('gone');
  const id = `e2e${randomUUID().replace(/-/g, '')}`;
  await sql(`INSERT INTO people (id, email, name, active, updated_at) VALUES ($1, $2, 'Gaspard Parti', false, now())`, [
    id,
    email,
  ]);
  await sql(
    `INSERT INTO payout_profiles (person_id, legal_name, iban, city, updated_at) VALUES ($1, 'Gaspard Parti', 'FR7630006000011234567890189', 'Lille', now())`,
    [id],
  );
  await signIn(page, DEMO.admin);
  await page.goto('/admin/people');
  const row = page.getByTestId(`person-${email}`);
  await row.getByText('Modifier').click();
  await row.getByText('Anonymiser…').click();
  const confirm = row.getByTestId('anonymise');
  await expect(confirm).toContainText('Anonymiser Gaspard Parti');
  await expect(confirm).toContainText("Effacé : le nom (remplacé par « Personne anonymisée n »), l'adresse e-mail");
  await expect(confirm).toContainText('Conservé : les heures, les montants, les dates');
  await expectNoSeriousA11yViolations(page);

  // Without the box ticked it is refused: nothing is erased.
  await confirm.getByRole('button', { name: 'Anonymiser définitivement' }).click();
  // The form's refusal (announced through the page's live region).
  await expect(row.locator('[data-form-message="error"]')).toBeVisible();
  expect((await sql<{ name: string }>(`SELECT name FROM people WHERE id = $1`, [id]))[0].name).toBe('Gaspard Parti');

  await confirm.getByLabel("Je comprends que c'est définitif").check();
  await confirm.getByRole('button', { name: 'Anonymiser définitivement' }).click();
  await expect(
    page.getByText(/^Personne anonymisée \d+\s:\sles données personnelles ont été effacées\.$/),
  ).toBeVisible();
  const [stored] = await sql<{ name: string; email: string; iban: string | null; city: string | null }>(
    `SELECT p.name, p.email, pp.iban, pp.city FROM people p JOIN payout_profiles pp ON pp.person_id = p.id WHERE p.id = $1`,
    [id],
  );
  expect(stored.name).toMatch(/^Personne anonymisée \d+$/);
  expect(stored.email).toMatch(/^personne-anonymisee-\d+@anonyme\.invalid$/);
  expect(stored).toMatchObject({ iban: null, city: null });
});
