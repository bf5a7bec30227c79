// Claims' other flows in a browser: a referent commits a fixed fee (forfait engagé) for Alice,
// then edits its agreed price; Alice finds it in Mes contributions, submits it once the work is
// done, and its page tells the whole story (committed, edited, submitted). The menu's
// "Déclarer une dépense" leads to the claim form and is marked as the current page.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, expectNoSeriousA11yViolations, sql } from './support';

const C1 = 'C1 — Gestion et animation des tiers-lieux';

/** support's signIn, waiting longer for the home page: hashing a password takes seconds on a loaded machine. */
async function signIn(page: Page, email: string) {
  await page.goto('/signin');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Bonjour/ })).toBeVisible({ timeout: 30_000 });
}

async function desk(browser: Browser) {
  return browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
}

test('a committed fee: the referent commits and edits it, its person submits it when the work is done', async ({
  browser,
}) => {
  test.slow();
  const description = `Atelier réparation au forfait ${Date.now().toString(36)}`;

  const referentContext = await desk(browser);
  const referent = await referentContext.newPage();
  await signIn(referent, DEMO.referent);
  await referent.goto('/claims/commit');
  await referent.getByLabel('Personne').selectOption({ label: 'Alice Martin' });
  await referent.getByLabel('Chantier').selectOption({ label: C1 });
  await referent.getByLabel('Montant convenu (€)').fill('300');
  await referent.getByLabel('Description').fill(description);
  await referent.getByRole('button', { name: 'Engager le forfait' }).click();
  await expect(referent.getByText('Forfait engagé.')).toBeVisible();
  const [committed] = await sql<{ id: string; status: string; amount_cents: number }>(
    `SELECT id, status, amount_cents FROM claims WHERE description = $1`,
    [description],
  );
  expect(committed).toMatchObject({ status: 'COMMITTED', amount_cents: 30_000 });

  // The agreed price changes before the work: the referent edits the committed fee.
  await referent.goto(`/claims/${committed.id}/edit`);
  await expect(referent.getByLabel('Montant convenu (€)').or(referent.getByLabel('Montant (€)'))).toHaveValue(
    /^300(,00)?$/,
  );
  await referent.getByLabel('Montant convenu (€)').or(referent.getByLabel('Montant (€)')).fill('350');
  await referent.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(referent).toHaveURL(new RegExp(`/claims/${committed.id}\\?done=`));
  await expect(referent.getByTestId('claim-facts')).toContainText(/350,00\s€/);
  await expectNoSeriousA11yViolations(referent);
  await referentContext.close();

  // Alice submits it from Mes contributions once the work is done.
  const aliceContext = await desk(browser);
  const alice = await aliceContext.newPage();
  await signIn(alice, DEMO.contributor);
  await alice.goto('/contributions');
  const mine = alice.getByTestId('claim').filter({ hasText: description });
  await expect(mine).toContainText('Engagé');
  await expect(mine.getByRole('link', { name: /^Modifier/ })).toHaveCount(0); // the price is the one agreed
  await mine.getByRole('button', { name: /^Soumettre \(travail fait\)/ }).click();
  await expect(mine).toContainText('Soumise');
  await expect
    .poll(async () => (await sql<{ status: string }>(`SELECT status FROM claims WHERE id = $1`, [committed.id]))[0])
    .toEqual({ status: 'SUBMITTED' });

  await alice.goto(`/claims/${committed.id}`);
  const history = alice.getByTestId('history');
  await expect(history).toContainText('Engagée par');
  await expect(history).toContainText('Modifiée par');
  await expect(history).toContainText('Soumise par Alice Martin');

  // The menu's entry for a claim, current on its page.
  const nav = alice.getByTestId('nav');
  await nav.getByRole('link', { name: 'Déclarer une dépense' }).click();
  await expect(alice).toHaveURL(/\/claims\/new$/);
  await expect(alice.getByRole('heading', { level: 1 })).toHaveText('Déclarer une dépense');
  await expect(nav.getByRole('link', { name: 'Déclarer une dépense' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Déclarer', exact: true })).not.toHaveAttribute('aria-current', 'page');
  await aliceContext.close();
});
