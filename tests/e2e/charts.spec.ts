import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './support';

test('the periods page charts hours and pay per chantier over time, readable as a table too', async ({ page }) => {
  await signIn(page, DEMO.contributor);
  await page.getByTestId('nav').getByRole('link', { name: 'Périodes' }).click();
  const charts = page.getByTestId('over-time-charts');
  await expect(charts.getByRole('img', { name: 'Heures validées par période' })).toBeVisible();
  await expect(charts.getByRole('img', { name: 'Rétributions dues par période (périodes closes)' })).toBeVisible();
  await charts.getByText('Voir les chiffres').first().click();
  await expect(charts.getByRole('table').first()).toContainText('C1');
  const results = await new AxeBuilder({ page }).include('[data-testid="over-time-charts"]').analyze();
  expect(
    results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical'),
  ).toEqual([]);
});
