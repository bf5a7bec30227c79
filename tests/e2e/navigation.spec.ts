import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './support';

const ADMIN_LINKS = ['Personnes', 'Chantiers', 'Lieux', 'Réglages'];

const cases = [
  { who: 'admin', email: DEMO.admin, role: 'Admin', adminLinks: true },
  { who: 'treasurer', email: DEMO.treasurer, role: 'Trésorier·e', adminLinks: false },
  { who: 'referent', email: DEMO.referent, role: 'Référent·e', adminLinks: false },
  { who: 'contributor', email: DEMO.contributor, role: 'Contributeur·rice', adminLinks: false },
];

for (const { who, email, role, adminLinks } of cases) {
  test(`the ${who} signs in and sees their own navigation`, async ({ page }) => {
    await signIn(page, email);
    await expect(page.getByTestId('collective-name')).toHaveText('Monscobar');
    await expect(page.getByTestId('my-roles')).toContainText(role);
    const nav = page.getByTestId('nav');
    await expect(nav.getByRole('link', { name: 'Accueil' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Mon profil' })).toBeVisible();
    for (const name of ADMIN_LINKS) {
      // Treasurers set the collective's bank account in the settings.
      if (name === 'Réglages' && who === 'treasurer') await expect(nav.getByRole('link', { name })).toBeVisible();
      else if (adminLinks) await expect(nav.getByRole('link', { name })).toBeVisible();
      else await expect(nav.getByRole('link', { name })).toHaveCount(0);
    }
    // The server refuses what the menu does not offer.
    const response = await page.goto('/admin/people');
    expect(response!.status()).toBe(adminLinks ? 200 : 404);
  });
}

test('on a 360 px phone the menu folds and opens by keyboard', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'fr-FR' });
  const page = await context.newPage();
  await signIn(page, DEMO.admin);
  await expect(page.getByTestId('nav')).toBeHidden();
  const menu = page.getByText('Menu', { exact: true });
  await menu.focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('nav-mobile').getByRole('link', { name: 'Personnes' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Personnes');
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await context.close();
});
