// Ma semaine beyond the script: without JavaScript the grid still posts and saves (progressive
// enhancement), and with it, typing not yet saved is not lost by following a link to another
// week or by leaving the page. Élise's drafts of last week are hers here: no other browser test
// writes her hours.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { signIn, sql } from './support';

const ELISE = 'elise@monscobar.test';
const C2 = 'C2 — Accompagnement des collectifs aux pratiques contributives et collaboratives';
const C3 = 'C3 — Développement de nouveaux services';
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const cell = (page: Page, row: string, weekday: string) =>
  page.getByRole('textbox', { name: new RegExp(`^${escape(row)} ${weekday}\\. \\d\\d/\\d\\d$`) });

/** Soft-deletes Élise's drafts of last week (her other entries stay: they count in the payouts). */
async function clearLastWeeksDrafts() {
  await sql(
    `UPDATE contributions SET deleted_at = now()
      WHERE person_id = (SELECT id FROM people WHERE email = $1) AND deleted_at IS NULL AND status = 'DRAFT'
        AND date >= date_trunc('week', (now() AT TIME ZONE 'Europe/Paris')::date - 7)::date
        AND date < date_trunc('week', (now() AT TIME ZONE 'Europe/Paris')::date - 7)::date + 7`,
    [ELISE],
  );
}

async function lastWeek(page: Page) {
  await page.goto('/contributions/week');
  const range = await page.getByTestId('week-range').textContent();
  await page.getByRole('link', { name: 'Semaine précédente' }).click();
  await expect(page.getByTestId('week-range')).not.toHaveText(range!);
  return page.url();
}

async function addRow(page: Page, chantier: string, description: string) {
  await page.getByLabel('Chantier', { exact: true }).selectOption({ label: chantier });
  await page.getByRole('button', { name: 'Ajouter une ligne' }).click();
  await page.getByLabel(`Description pour ${chantier}`).fill(description);
}

async function signedInContext(browser: Browser) {
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  await signIn(page, ELISE);
  return { context, page };
}

test('without JavaScript the week grid posts, saves and says so', async ({ browser }) => {
  await clearLastWeeksDrafts();
  const description = `Sans script ${Date.now().toString(36)}`;
  const { context, page } = await signedInContext(browser);
  const url = await lastWeek(page);
  await addRow(page, C3, description);
  await cell(page, C3, 'lun').fill('1h');
  await page.getByRole('button', { name: 'Enregistrer la semaine', exact: true }).click();
  await expect(page.getByText('Semaine enregistrée.')).toBeVisible();

  // The same person, the same session, no script at all.
  const plain = await browser.newContext({
    locale: 'fr-FR',
    javaScriptEnabled: false,
    storageState: await context.storageState(),
  });
  const noScript = await plain.newPage();
  await noScript.goto(url);
  await expect(cell(noScript, C3, 'lun')).toHaveValue('1h');
  await cell(noScript, C3, 'lun').fill('2h');
  await cell(noScript, C3, 'mar').fill('1h30');
  await noScript.getByRole('button', { name: 'Enregistrer la semaine', exact: true }).click();
  // The browser posted the form itself; the server answers with the week as stored, and says so.
  await expect(noScript.getByTestId('week-outcome')).toHaveText('Semaine enregistrée.');
  await expect(noScript).toHaveURL(/outcome=saved/);
  await expect(cell(noScript, C3, 'lun')).toHaveValue('2h');
  await expect(cell(noScript, C3, 'mar')).toHaveValue('1h30');
  const stored = await sql<{ minutes: number }>(
    `SELECT minutes FROM contributions WHERE description = $1 AND deleted_at IS NULL AND status = 'DRAFT' ORDER BY date`,
    [description],
  );
  expect(stored.map((row) => row.minutes)).toEqual([120, 90]);

  // An unreadable duration: nothing saved, and the page says so.
  await cell(noScript, C3, 'mar').fill('abc');
  await noScript.getByRole('button', { name: 'Enregistrer la semaine', exact: true }).click();
  await expect(noScript.getByTestId('week-outcome')).toContainText("Rien n'a été enregistré");
  await expect(cell(noScript, C3, 'mar')).toHaveValue('1h30');
  await plain.close();
  await context.close();
});

test('typing not yet saved is not lost by moving to another week or leaving the page', async ({ browser }) => {
  await clearLastWeeksDrafts();
  const { context, page } = await signedInContext(browser);
  const url = await lastWeek(page);
  await addRow(page, C2, `Non enregistré ${Date.now().toString(36)}`);
  await cell(page, C2, 'mer').pressSequentially('45min');

  // Following the link to another week asks first; staying keeps what was typed.
  const questions: string[] = [];
  page.once('dialog', (dialog) => {
    questions.push(`${dialog.type()}: ${dialog.message().replace(/\s/g, ' ')}`); // French spacing read as plain
    void dialog.dismiss();
  });
  await page.getByRole('link', { name: 'Semaine suivante' }).click();
  await expect
    .poll(() => questions)
    .toEqual([
      'confirm: Des heures ou des descriptions de cette semaine ne sont pas enregistrées. Quitter la page quand même ?',
    ]);
  await expect(page).toHaveURL(url);
  await expect(cell(page, C2, 'mer')).toHaveValue('45min');

  // Leaving the page (closing, reloading, another address): the browser's own question.
  page.once('dialog', (dialog) => {
    questions.push(dialog.type());
    void dialog.dismiss();
  });
  void page.evaluate(() => {
    window.location.assign(new URL('/contributions', window.location.href).href);
  });
  await expect.poll(() => questions.at(-1)).toBe('beforeunload');
  await expect(page).toHaveURL(url);
  await expect(cell(page, C2, 'mer')).toHaveValue('45min');

  // Accepting leaves.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('link', { name: 'Semaine suivante' }).click();
  await expect(page).not.toHaveURL(url);

  // Once saved, nothing to ask: the link is followed at once.
  await page.goto(url);
  await addRow(page, C2, `Enregistré ${Date.now().toString(36)}`);
  await cell(page, C2, 'jeu').fill('1h');
  await page.getByRole('button', { name: 'Enregistrer la semaine', exact: true }).click();
  await expect(page.getByText('Semaine enregistrée.')).toBeVisible();
  let asked = false;
  page.once('dialog', (dialog) => {
    asked = true;
    void dialog.dismiss();
  });
  await page.getByRole('link', { name: 'Semaine suivante' }).click();
  await expect(page).not.toHaveURL(url);
  expect(asked).toBe(false);
  await context.close();
});
