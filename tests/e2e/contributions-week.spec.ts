// The weekly timesheet on a phone: a contributor adds rows, types durations like in a
// spreadsheet, watches the totals follow, saves the week, then changes it and submits it, and
// finds the entries submitted in "Mes contributions". Fatou is used by no other browser test.
import { expect, test, type Page } from '@playwright/test';
import { signIn, expectNoSeriousA11yViolations, sql } from './support';

const FATOU = 'fatou@monscobar.test';
const C1 = 'C1 — Gestion et animation des tiers-lieux';
const C3 = 'C3 — Développement de nouveaux services';
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Soft-deletes the person's contributions of the week `weeksAgo` weeks before this one. */
async function clearWeekOf(email: string, weeksAgo: number) {
  await sql(
    `UPDATE contributions SET deleted_at = now()
      WHERE person_id = (SELECT id FROM people WHERE email = $1) AND deleted_at IS NULL
        AND date >= date_trunc('week', (now() AT TIME ZONE 'Europe/Paris')::date - 7 * $2)::date
        AND date < date_trunc('week', (now() AT TIME ZONE 'Europe/Paris')::date - 7 * $2)::date + 7`,
    [email, weeksAgo],
  );
}

/** The input of a row's day, found as a screen reader would: by its "<chantier> <day>" label. */
const cell = (page: Page, row: string, weekday: string) =>
  page.getByRole('textbox', { name: new RegExp(`^${escape(row)} ${weekday}\\. \\d\\d/\\d\\d$`) });

test('a contributor types a week on a phone, sees the totals live, saves it and submits it', async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const permanence = `Permanence d'accueil ${stamp}`;
  const rencontre = `Rencontre commerçants ${stamp}`;
  const phone = await browser.newContext({
    viewport: { width: 360, height: 740 },
    locale: 'fr-FR',
    hasTouch: true,
    isMobile: true,
  });
  const page = await phone.newPage();
  await signIn(page, FATOU);

  // Last week: inside the demo's open period, and over (hours are declared once worked); the demo's
  // entries of Fatou that week are set aside so the grid starts empty.
  await clearWeekOf(FATOU, 1);
  await page.goto('/contributions/week');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ma semaine');
  const range = await page.getByTestId('week-range').textContent();
  await page.getByRole('link', { name: 'Semaine précédente' }).click();
  await expect(page.getByTestId('week-range')).not.toHaveText(range!);
  await expect(page).toHaveURL(/\/contributions\/week\?start=\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByTestId('week-empty')).toHaveText(
    'Aucune heure cette semaine : ajoutez une ligne pour commencer.',
  );

  // Two rows: a chantier at a place, and a chantier anywhere.
  await page.getByLabel('Chantier', { exact: true }).selectOption({ label: C1 });
  await page.getByLabel('Lieu', { exact: true }).selectOption({ label: 'La Coroutine' });
  await page.getByRole('button', { name: 'Ajouter une ligne' }).click();
  const row1 = `${C1} · La Coroutine`;
  await expect(page.getByLabel(`Description pour ${row1}`)).toBeFocused();
  await page.getByLabel(`Description pour ${row1}`).fill(permanence);
  await page.getByLabel('Chantier', { exact: true }).selectOption({ label: C3 });
  await page.getByRole('button', { name: 'Ajouter une ligne' }).click();
  await page.getByLabel(`Description pour ${C3}`).fill(rencontre);

  // Typed like a spreadsheet; an unreadable cell says why in place; the totals follow.
  await cell(page, row1, 'lun').fill('1h30');
  await cell(page, row1, 'mar').fill('2');
  await cell(page, row1, 'mer').fill('abc');
  await expect(
    page.getByTestId('week-grid').getByText('Durée non comprise : écrivez par exemple 1h30, 45min, 1:30 ou 1,5.'),
  ).toBeVisible();
  await expect(cell(page, row1, 'mer')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('week-total')).toHaveText('Total de la semaine : 3 h 30');
  await cell(page, row1, 'mer').fill('0,5');
  await cell(page, C3, 'mer').fill('45min');
  const rows = page.getByTestId('week-row');
  await expect(rows.nth(0).getByTestId('row-total')).toHaveText('4 h');
  await expect(rows.nth(1).getByTestId('row-total')).toHaveText('45 min');
  await expect(page.getByTestId('day-total')).toHaveText([
    '1 h 30',
    '2 h',
    '1 h 15',
    '0 min',
    '0 min',
    '0 min',
    '0 min',
  ]);
  await expect(page.getByTestId('week-total')).toHaveText('Total de la semaine : 4 h 45');

  // The table scrolls inside its frame; the page itself does not overflow.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('button', { name: 'Enregistrer la semaine', exact: true }).click();
  await expect(page.getByText('Semaine enregistrée.')).toBeVisible();
  // The grid comes back as stored: drafts are typed durations again.
  await expect(cell(page, row1, 'lun')).toHaveValue('1h30');
  await expect(cell(page, row1, 'mar')).toHaveValue('2h');
  await expect(cell(page, row1, 'mer')).toHaveValue('30min');

  // Clearing a cell deletes its draft; then the week is submitted.
  await cell(page, row1, 'mar').fill('');
  await expect(page.getByTestId('week-total')).toHaveText('Total de la semaine : 2 h 45');
  await page.getByRole('button', { name: 'Enregistrer et soumettre la semaine' }).click();
  await expect(page.getByText('Semaine enregistrée : 3 contributions soumises à validation.')).toBeVisible();
  // Submitted cells are read-only now, and say so.
  await expect(cell(page, row1, 'lun')).toHaveCount(0);
  await expect(rows.nth(0)).toContainText('Soumise');
  await expect(page.getByTestId('week-total')).toHaveText('Total de la semaine : 2 h 45');

  await page.goto('/contributions');
  const mine = page.getByTestId('contribution');
  await expect(mine.filter({ hasText: permanence })).toHaveCount(2);
  for (const entry of await mine.filter({ hasText: permanence }).all()) await expect(entry).toContainText('Soumise');
  await expect(mine.filter({ hasText: rencontre })).toContainText('Soumise');
  await expect(mine.filter({ hasText: rencontre })).toContainText('45 min');
  await phone.close();
});

test("a day's total turns red past 24 h before saving, and the server refuses it", async ({ page }) => {
  await clearWeekOf(FATOU, 2);
  await signIn(page, FATOU);
  await page.goto('/contributions/week');
  for (let step = 0; step < 2; step++) {
    const range = await page.getByTestId('week-range').textContent();
    await page.getByRole('link', { name: 'Semaine précédente' }).click();
    await expect(page.getByTestId('week-range')).not.toHaveText(range!);
  }
  await page.getByLabel('Chantier', { exact: true }).selectOption({ label: C1 });
  await page.getByRole('button', { name: 'Ajouter une ligne' }).click();
  await page.getByLabel(`Description pour ${C1}`).fill('Chantier participatif');
  await page.getByLabel('Chantier', { exact: true }).selectOption({ label: C3 });
  await page.getByRole('button', { name: 'Ajouter une ligne' }).click();
  await page.getByLabel(`Description pour ${C3}`).fill('Salon');

  await cell(page, C1, 'lun').fill('20h');
  const monday = page.getByTestId('day-total').first();
  await expect(monday).toHaveText('20 h');
  await expect(monday).not.toHaveAttribute('data-over-limit');
  await cell(page, C3, 'lun').fill('10h');
  await expect(monday).toContainText('30 h');
  await expect(monday).toContainText('plus de 24 h');
  await expect(monday).toHaveAttribute('data-over-limit', 'true');
  await expect(page.getByTestId('week-over-limit')).toContainText('Ce jour dépasse 24 h (lun.');
  await expect(page.getByTestId('week-over-limit')).toContainText('une journée compte 24 h au plus');

  // Sent anyway: the server refuses both cells and saves nothing.
  await page.getByRole('button', { name: 'Enregistrer la semaine', exact: true }).click();
  await expect(page.getByText("Rien n'a été enregistré : 2 erreurs à corriger.")).toBeVisible();
  await expect(
    page.getByTestId('week-grid').getByText('Cette journée dépasserait 24 h avec vos autres contributions du jour.'),
  ).toHaveCount(2);

  await cell(page, C3, 'lun').fill('4h');
  await expect(monday).toHaveText('24 h');
  await expect(page.getByTestId('week-over-limit')).toHaveCount(0);
  await page.getByRole('button', { name: 'Enregistrer la semaine', exact: true }).click();
  await expect(page.getByText('Semaine enregistrée.')).toBeVisible();
});
