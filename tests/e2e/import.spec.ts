// The CSV import in a real browser: the admin loads a spreadsheet with one bad row, the dry run
// shows that row's line and why, the admin corrects it on the page, checks again, imports; the
// referent of the chantier then finds the imported contributions waiting for review, and their
// history says the admin imported them.
import { expect, test } from '@playwright/test';
import { DEMO, signIn, sql, expectNoSeriousA11yViolations, plain } from './support';

test('an admin checks a CSV, corrects the refused row, imports; the referent finds the rows to review', async ({
  browser,
}) => {
  const stamp = Date.now().toString(36);
  // The demo's open period covers today.
  const today = new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'Europe/Paris',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date());
  const descriptions = [`Import ${stamp} atelier`, `Import ${stamp} réunion`, `Import ${stamp} permanence`];
  const file = [
    'Email;Date;Durée;Chantier;Lieu;Description;Bénévole',
    `alice@monscobar.test;${today};1h30;C1;La Coroutine;${descriptions[0]};non`,
    `inconnu@monscobar.test;${today};45min;C1;;"${descriptions[1]} ; compte rendu`,
    `sur deux lignes";oui`,
    `chloe@monscobar.test;${today};2h;c1;La Baraka;${descriptions[2]};`,
  ].join('\r\n');

  const desk = await browser.newContext({ locale: 'fr-FR' });
  const admin = await desk.newPage();
  await signIn(admin, DEMO.admin);
  await admin.goto('/admin/import');
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Importer des contributions');
  await expectNoSeriousA11yViolations(admin);

  // The file, with its bad row, checked: nothing is written, the row's line and reason are shown.
  await admin
    .getByLabel('Fichier CSV')
    .setInputFiles({ name: 'tableur.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${file}`, 'utf8') });
  await expect(admin.getByLabel('Contenu CSV')).toHaveValue(new RegExp(`inconnu@monscobar.test;${today}`));
  await expect(admin.getByText('tableur.csv : 5 lignes chargées.')).toBeVisible();
  await admin.getByRole('button', { name: 'Vérifier (essai à blanc)' }).click();
  await expect(admin.getByText("1 ligne sur 3 serait refusée. Rien n'a été enregistré.")).toBeVisible();
  const refused = admin.getByTestId('import-refused-row');
  await expect(refused).toHaveCount(1);
  await expect(refused.locator('td').first()).toHaveText('3');
  await expect(refused).toContainText('Personne inconnue : inconnu@monscobar.test.');
  await expectNoSeriousA11yViolations(admin);
  expect(await sql(`SELECT id FROM contributions WHERE description LIKE $1`, [`Import ${stamp}%`])).toHaveLength(0);

  // Corrected on the page, checked again, imported.
  const content = admin.getByLabel('Contenu CSV');
  await content.fill((await content.inputValue()).replace('inconnu@monscobar.test', 'bruno@monscobar.test'));
  // Edited by hand, the text is no longer the file's: the page stops naming it.
  await expect(admin.getByText('tableur.csv : 5 lignes chargées.')).toHaveCount(0);
  await admin.getByRole('button', { name: 'Vérifier (essai à blanc)' }).click();
  await expect(admin.locator('[data-form-message]').filter({ hasText: 'toutes peuvent être importées' })).toBeVisible();
  expect(
    plain(
      await admin.locator('[data-form-message]').filter({ hasText: 'toutes peuvent être importées' }).textContent(),
    ),
  ).toBe("3 lignes lues : toutes peuvent être importées (4 h 15 au total). Rien n'a encore été enregistré.");
  await expect(admin.getByTestId('import-refused-row')).toHaveCount(0);
  await admin.getByRole('button', { name: 'Importer', exact: true }).click();
  await expect(admin.getByText('3 contributions importées, soumises à validation (4 h 15 au total).')).toBeVisible();
  await expect(admin.getByLabel('Contenu CSV')).toHaveValue('');

  const stored = await sql<{
    email: string;
    minutes: number;
    status: string;
    volunteer: boolean;
    description: string;
    kinds: string[];
    actors: string[];
  }>(
    `SELECT p.email, c.minutes, c.status, c.volunteer, c.description,
            array_agg(e.kind::text ORDER BY e.id) AS kinds, array_agg(a.email ORDER BY e.id) AS actors
       FROM contributions c JOIN people p ON p.id = c.person_id
       JOIN contribution_events e ON e.contribution_id = c.id JOIN people a ON a.id = e.actor_id
      WHERE c.description LIKE $1 GROUP BY c.id, p.email ORDER BY c.minutes`,
    [`Import ${stamp}%`],
  );
  expect(stored.map(({ email, minutes, status, volunteer }) => ({ email, minutes, status, volunteer }))).toEqual([
    { email: 'bruno@monscobar.test', minutes: 45, status: 'SUBMITTED', volunteer: true },
    { email: 'alice@monscobar.test', minutes: 90, status: 'SUBMITTED', volunteer: false },
    { email: 'chloe@monscobar.test', minutes: 120, status: 'SUBMITTED', volunteer: false },
  ]);
  expect(stored[0].description).toBe(`${descriptions[1]} ; compte rendu\nsur deux lignes`);
  for (const row of stored) {
    expect(row.kinds).toEqual(['IMPORTED', 'TRANSITION']);
    expect(row.actors).toEqual([DEMO.admin, DEMO.admin]);
  }

  // The referent of C1 finds the three waiting for review.
  const referentContext = await browser.newContext({ locale: 'fr-FR' });
  const referent = await referentContext.newPage();
  await signIn(referent, DEMO.referent);
  await referent.goto('/review');
  for (const description of descriptions)
    await expect(referent.getByTestId('review-item').filter({ hasText: description })).toHaveCount(1);
  await referentContext.close();
  await desk.close();
});

test('a contributor cannot open the import page', async ({ page }) => {
  await signIn(page, DEMO.contributor);
  const response = await page.goto('/admin/import');
  expect(response?.status()).toBe(404);
});
