// Plans and forecasts in the browser (docs/plans.md): the treasurer types a chantier's plan and
// sees the money as she types; a referent reads the dashboard of a period over its envelope, alert
// in words; a contributor sees her own plan and pace on her home page. Each page axe-clean and
// without sideways scroll at 360 and 1280 px; screenshots in /tmp/plans-shots/.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, plain, sql } from './support';
import { expectNoModerateA11yViolations, sidewaysOverflow } from './a11y-support';

const SHOTS = '/tmp/plans-shots';

/** Money as shown ("1 234,56 €") in integer cents: every shown amount has its two decimals. */
const cents = (text: string | null) => Number(plain(text).replace(/\D/g, ''));

async function openPeriodToday() {
  const [period] = await sql<{ id: string; name: string }>(
    `SELECT id, name FROM funding_periods WHERE status = 'OPEN' AND start_date <= current_date AND end_date >= current_date`,
  );
  return period!;
}

async function chantier(code: string) {
  const [row] = await sql<{ id: string; name: string; code: string }>(
    `SELECT id, name, code FROM chantiers WHERE code = $1`,
    [code],
  );
  return { ...row!, label: `${row!.code} — ${row!.name}` };
}

async function personName(email: string) {
  const [row] = await sql<{ name: string; id: string }>(`SELECT id, name FROM people WHERE email = $1`, [email]);
  return row!;
}

/** Signs in, waiting for the home page as long as a loaded machine needs. */
async function signIn(page: Page, email: string) {
  await page.goto('/signin');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Bonjour/ })).toBeVisible({ timeout: 60_000 });
}

/** The cell of `row` under the column headed `header` in `table`: found by its header, not its place. */
async function cellUnder(table: Locator, row: Locator, header: string): Promise<Locator> {
  // Read once the table and the row are there (allTextContents does not wait).
  await expect(row).toBeVisible();
  const headers = (await table.getByRole('columnheader').allTextContents()).map(plain);
  expect(headers, `a column headed ${header}`).toContain(header);
  return row.locator(':scope > th, :scope > td').nth(headers.indexOf(header));
}

/** At both widths: no sideways scroll, axe clean, a full-page screenshot. */
async function lookAt(page: Page, name: string) {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
    await expectNoModerateA11yViolations(page, `${name} at ${width} px:`);
  }
}

test('the treasurer types a chantier’s plan and sees the money as she types', async ({ page }) => {
  test.setTimeout(420_000);
  const period = await openPeriodToday();
  const c1 = await chantier('C1');
  const alice = await personName(DEMO.contributor);
  await signIn(page, DEMO.treasurer);
  await page.goto(`/periods/${period.id}`);
  await page
    .getByRole('navigation', { name: 'Vues de la période' })
    .getByRole('link', { name: 'Prévisionnel' })
    .click();
  await expect(page).toHaveTitle('Prévisionnel — Butin');
  const form = page.getByRole('form', { name: c1.label });
  const rows = form.getByTestId(`plan-rows-${c1.id}`).getByRole('listitem');

  // Start from an empty plan on this chantier: remove what is there.
  while ((await rows.count()) > 1)
    await form
      .getByRole('button', { name: /^Retirer la ligne/ })
      .first()
      .click();
  await form.getByLabel('Personne — Ligne 1').selectOption({ label: alice.name });
  await form.getByLabel('Heures prévues — Ligne 1').fill('10');
  const tenHours = cents(await rows.nth(0).getByTestId('plan-row-cents').textContent());
  expect(tenHours).toBeGreaterThan(0);
  await form.getByLabel('Heures prévues — Ligne 1').fill('20');
  await expect
    .poll(async () => cents(await rows.nth(0).getByTestId('plan-row-cents').textContent()))
    .toBe(2 * tenHours);

  await form.getByRole('button', { name: 'Ajouter une ligne' }).click();
  await form.getByLabel('Personne — Ligne 2').selectOption({ label: 'Tout le monde' });
  await form.getByLabel('Montant fixe (€) — Ligne 2').fill('250');
  await expect(rows.nth(1).getByTestId('plan-row-cents')).toHaveText(/250,00/);
  await expect
    .poll(async () => cents(await form.getByTestId('plan-total-cents').textContent()))
    .toBe(2 * tenHours + 25_000);

  // A bad value: the form says so on the field, and nothing is saved.
  await form.getByLabel('Heures prévues — Ligne 1').fill('-3');
  await expect(rows.nth(0).getByTestId('plan-row-cents')).toContainText('à corriger');
  await form.getByRole('button', { name: `Enregistrer — ${c1.label}` }).click();
  await expect(form.getByText("Un nombre d'heures ne peut pas être négatif.").first()).toBeVisible();
  await expect(form.getByLabel('Heures prévues — Ligne 1')).toHaveAttribute('aria-invalid', 'true');

  // Up and down move between rows in the same column.
  await form.getByLabel('Heures prévues — Ligne 1').fill('20');
  await form.getByLabel('Heures prévues — Ligne 1').press('ArrowDown');
  await expect(form.getByLabel('Heures prévues — Ligne 2')).toBeFocused();

  await form.getByRole('button', { name: `Enregistrer — ${c1.label}` }).click();
  await expect(form.getByText(`Prévisionnel enregistré : ${c1.name}.`)).toBeVisible();
  const [stored] = await sql<{ lines: number; minutes: number; fixed: number }>(
    `SELECT count(*)::int AS lines, sum(planned_minutes)::int AS minutes, sum(planned_fixed_cents)::int AS fixed
       FROM plan_lines WHERE period_id = $1 AND chantier_id = $2`,
    [period.id, c1.id],
  );
  expect(stored).toEqual({ lines: 2, minutes: 1_200, fixed: 25_000 });
  await lookAt(page, 'plan-treasurer');

  // The dashboard counts the same planned money.
  await page
    .getByRole('navigation', { name: 'Vues de la période' })
    .getByRole('link', { name: 'Tableau de bord' })
    .click();
  const table = page.getByTestId('dashboard-chantiers');
  const row = table.getByRole('row', { name: new RegExp(c1.label) });
  const planned = await cellUnder(table, row, 'Prévu');
  await expect(planned).toHaveText(/\d/);
  expect(cents(await planned.textContent())).toBe(2 * tenHours + 25_000);
});

test('a referent sees the dashboard of a period over its envelope, the alert in words', async ({ page }) => {
  test.setTimeout(420_000);
  const [link] = await sql<{ chantier_id: string; name: string; code: string }>(
    `SELECT l.chantier_id, c.name, c.code FROM referent_links l JOIN people p ON p.id = l.person_id
       JOIN chantiers c ON c.id = l.chantier_id WHERE p.email = $1 LIMIT 1`,
    [DEMO.referent],
  );
  const alice = await personName(DEMO.contributor);
  const periodId = 'e2e-plans-dashboard';
  // A period of its own, far ahead (no other test meets it): 10 h approved at 30 €/h on the
  // referent's chantier against an envelope of 100 €.
  await sql(`DELETE FROM contributions WHERE period_id = $1`, [periodId]);
  await sql(`DELETE FROM funding_periods WHERE id = $1`, [periodId]);
  await sql(
    `INSERT INTO funding_periods (id, name, start_date, end_date, default_rate_cents, updated_at)
     VALUES ($1, 'Décembre 2099', '2099-12-01', '2099-12-31', 3000, now())`,
    [periodId],
  );
  try {
    await sql(`INSERT INTO envelopes (period_id, chantier_id, amount_cents) VALUES ($1, $2, 10000)`, [
      periodId,
      link!.chantier_id,
    ]);
    for (const [index, status] of ['APPROVED', 'APPROVED', 'SUBMITTED'].entries())
      await sql(
        `INSERT INTO contributions (id, person_id, chantier_id, period_id, date, minutes, description, status, updated_at)
         VALUES ($1, $2, $3, $4, $5::date, 300, 'Permanence', $6::"ContributionStatus", now())`,
        [`e2e-plans-${index}`, alice.id, link!.chantier_id, periodId, `2099-12-0${index + 1}`, status],
      );
    await signIn(page, DEMO.referent);
    await page.goto(`/periods/${periodId}/dashboard`);
    await expect(page).toHaveTitle('Tableau de bord — Butin');
    const table = page.getByTestId('dashboard-chantiers');
    const row = table.getByRole('row', { name: new RegExp(link!.name) });
    const alert = (await cellUnder(table, row, 'Alerte')).locator('[data-alert]');
    await expect(alert).toHaveAttribute('data-alert', 'OVER');
    await expect(alert).toHaveText(/Enveloppe dépassée/);
    // On a phone the alert is seen without scrolling the table sideways: it lies inside the
    // screen, and inside the table's scrolling area as it first shows.
    await page.setViewportSize({ width: 360, height: 900 });
    await alert.scrollIntoViewIfNeeded();
    expect(await table.evaluate((element) => element.closest('[role="region"]')?.scrollLeft ?? -1)).toBe(0);
    const box = await alert.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);
    await expect(page.getByRole('img', { name: /Consommation cumulée/ })).toBeVisible();
    await page.getByLabel('Chantier affiché').selectOption({ label: `${link!.code} — ${link!.name}` });
    await page.getByRole('button', { name: 'Afficher' }).click();
    await expect(page.getByRole('img', { name: new RegExp(`Consommation cumulée — ${link!.code}`) })).toBeVisible();
    const people = page.getByTestId('dashboard-people').getByRole('row', { name: new RegExp(alice.name) });
    await expect(people).toContainText('15 h');
    await expect(people).toContainText('10 h');
    await lookAt(page, 'dashboard-referent');
  } finally {
    await sql(`DELETE FROM contributions WHERE period_id = $1`, [periodId]);
    await sql(`DELETE FROM funding_periods WHERE id = $1`, [periodId]);
  }
});

test('a contributor sees her own plan and pace on her home page', async ({ page }) => {
  test.setTimeout(420_000);
  const period = await openPeriodToday();
  const c2 = await chantier('C2');
  const alice = await personName(DEMO.contributor);
  const [treasurer] = await sql<{ id: string }>(`SELECT id FROM people WHERE email = $1`, [DEMO.treasurer]);
  await sql(`DELETE FROM plan_lines WHERE period_id = $1 AND chantier_id = $2 AND person_id = $3`, [
    period.id,
    c2.id,
    alice.id,
  ]);
  await sql(
    `INSERT INTO plan_lines (id, period_id, chantier_id, person_id, planned_minutes, planned_fixed_cents, updated_by_id)
     VALUES ('e2e-plans-alice', $1, $2, $3, 2400, 0, $4)`,
    [period.id, c2.id, alice.id, treasurer!.id],
  );
  await signIn(page, DEMO.contributor);
  const block = page.getByTestId('my-plan');
  await expect(block).toContainText(`${c2.name} :`);
  await expect(block).toContainText('sur 40 h prévues');
  const pace = await page.getByTestId('my-pace').getAttribute('data-pace');
  const words = { AHEAD: 'en avance', ON_TRACK: 'dans le rythme', BEHIND: 'en retard' } as const;
  await expect(page.getByTestId('my-pace')).toContainText(words[pace as keyof typeof words]);
  await lookAt(page, 'home-contributor');
  await block.getByRole('link', { name: 'Le tableau de bord de la période' }).click();
  await expect(page).toHaveTitle('Tableau de bord — Butin');
  await lookAt(page, 'dashboard-contributor');
});
