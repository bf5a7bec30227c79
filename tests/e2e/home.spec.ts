// Each role's home page is where they start from: the contributor's big "Déclarer" and hours, the
// referent's queue, the treasurer's and the admin's to-do lists — each on a 360 px phone too.
import { expect, test } from '@playwright/test';
import { DEMO, signIn, expectNoSeriousA11yViolations } from './support';

test('a contributor starts from a big Déclarer button, their period hours and the week', async ({ page }) => {
  await signIn(page, DEMO.contributor);
  const block = page.getByTestId('home-contributor');
  await expect(block.getByRole('link', { name: 'Déclarer', exact: true })).toBeVisible();
  await expect(block.getByRole('link', { name: /^Ma semaine : / })).toBeVisible();
  await expect(page.getByTestId('home-hours')).toContainText('Validées');
  await expect(page.getByTestId('home-hours')).toContainText('À corriger');
  await expect(page.getByTestId('home-pay')).toContainText('Rétribution estimée à ce jour');
  await expect(page.getByTestId('home-reviewer')).toHaveCount(0);
  await expect(page.getByTestId('home-treasurer')).toHaveCount(0);
  await block.getByRole('link', { name: 'Déclarer', exact: true }).click();
  await expect(page).toHaveURL(/\/contributions\/new$/);
});

test('a referent sees what waits for them and reaches the review list in one tap', async ({ browser }) => {
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'fr-FR' });
  const page = await phone.newPage();
  await signIn(page, DEMO.referent);
  const block = page.getByTestId('home-reviewer');
  await expect(block).toContainText(/attend|attendent|Rien n'attend/);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoSeriousA11yViolations(page);
  if (await block.getByRole('link', { name: 'Ouvrir la liste à valider' }).count()) {
    await block.getByRole('link', { name: 'Ouvrir la liste à valider' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('À valider');
  }
  await phone.close();
});

test("the treasurer's and the admin's homes list their to-do", async ({ browser }) => {
  const desk = await browser.newContext({ locale: 'fr-FR' });
  const treasurer = await desk.newPage();
  await signIn(treasurer, DEMO.treasurer);
  await expect(treasurer.getByTestId('home-treasurer')).toBeVisible();
  await expect(treasurer.getByTestId('home-admin')).toHaveCount(0);
  await expectNoSeriousA11yViolations(treasurer);
  await desk.close();
  const office = await browser.newContext({ locale: 'fr-FR' });
  const admin = await office.newPage();
  await signIn(admin, DEMO.admin);
  await expect(admin.getByTestId('home-admin')).toContainText(/invitation/);
  await expect(admin.getByTestId('home-admin').getByRole('link', { name: 'Gérer les personnes' })).toBeVisible();
  await office.close();
});
