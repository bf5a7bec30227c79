// The main jobs done by keyboard alone: after each action the focus lands where the person
// continues (the first field in error, the confirmation, the next item of the queue), and the
// outcome is written into the page's live region.
import { expect, test, type Page } from '@playwright/test';
import { DEMO, signIn, uniqueEmail } from './support';
import { focused, liveRegion } from './a11y-support';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const C1 = 'C1 — Gestion et animation des tiers-lieux';

async function press(page: Page, locator: ReturnType<Page['getByRole']>, key = 'Enter') {
  await locator.focus();
  await page.keyboard.press(key);
}

async function declare(page: Page, description: string, duration = '1h') {
  await page.goto('/contributions/new');
  await page.getByLabel('Durée').fill(duration);
  await page.getByLabel('Chantier').selectOption({ label: C1 });
  await page.getByLabel('Description').fill(description);
  await press(page, page.getByRole('button', { name: 'Soumettre' }));
  await expect(liveRegion(page)).toHaveAttribute('data-message', 'Contribution soumise à validation.');
}

test('declaring: an empty form sends focus to the first field in error, a saved one to the confirmation', async ({
  page,
}) => {
  await signIn(page, DEMO.contributor);
  await page.goto('/contributions/new');
  await expect(page).toHaveTitle('Déclarer une contribution — Butin');

  // The duration field records each focus it gets, and what it said of itself at that moment.
  await page.locator('#duration').evaluate((field) => {
    const seen: string[] = [];
    (window as unknown as { durationFocus: string[] }).durationFocus = seen;
    field.addEventListener('focus', () => {
      const ids = (field.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
      const description = ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
      seen.push(`${field.getAttribute('aria-invalid')}|${description}`);
    });
  });

  // The first submit of an empty form: every required field says what it expects, duration included.
  await press(page, page.getByRole('button', { name: 'Soumettre' }));
  await expect(liveRegion(page)).toHaveAttribute(
    'data-message',
    new RegExp(escape('Certains champs sont à corriger.')),
  );
  await expect.poll(async () => (await focused(page)).id).toBe('duration');
  const duration = page.getByLabel('Durée');
  await expect(duration).toHaveAttribute('aria-invalid', 'true');
  await expect(duration).toHaveAccessibleDescription(/Indiquez une durée, par exemple 1h30\./);
  // Read once (Orca read the error twice): the field gets the focus once, already invalid and
  // described, and its description holds the error once.
  const focuses = await page.evaluate(() => (window as unknown as { durationFocus: string[] }).durationFocus);
  expect(focuses).toHaveLength(1);
  expect(focuses[0]).toMatch(/^true\|/);
  expect(focuses[0].split('Indiquez une durée').length - 1).toBe(1);
  await expect(page.getByLabel('Chantier')).toHaveAccessibleDescription(/Choisissez un chantier\./);
  await expect(page.getByLabel('Description')).toHaveAccessibleDescription(/Décrivez en quelques mots/);
  // The summary lists the errors in the order of the fields on the screen (duration, chantier,
  // description), not in the order the server checked them, and links each error to its field.
  await expect(page.locator('[data-form-message="error"] li')).toHaveText([
    'Indiquez une durée, par exemple 1h30.',
    'Choisissez un chantier.',
    /^Décrivez en quelques mots/,
  ]);
  await page.getByRole('link', { name: 'Choisissez un chantier.' }).press('Enter');
  await expect.poll(async () => (await focused(page)).id).toBe('chantierId');

  // Typing by keyboard, then submitting with Enter on the button.
  await duration.focus();
  await page.keyboard.type('1h30');
  await page.getByLabel('Chantier').selectOption({ label: C1 });
  const description = page.getByLabel('Description');
  await description.focus();
  // A description over the limit is counted, refused with a message and kept as typed, not cut.
  await description.fill('a'.repeat(2001));
  await expect(page.getByTestId('counter')).toHaveText('1 caractère de trop : 2 000 au plus.');
  await press(page, page.getByRole('button', { name: 'Soumettre' }));
  await expect.poll(async () => (await focused(page)).id).toBe('description');
  await expect(description).toHaveAccessibleDescription(/au plus 2 000 caractères/);
  await expect(description).toHaveValue('a'.repeat(2001));

  await description.fill(`Clavier seul ${Date.now()}`);
  await expect(page.getByTestId('counter')).toContainText('sur 2 000 au plus.');
  await press(page, page.getByRole('button', { name: 'Soumettre' }));
  await expect(liveRegion(page)).toHaveAttribute('data-message', 'Contribution soumise à validation.');
  await expect.poll(async () => (await focused(page)).formMessage).toBe('success');
  expect((await focused(page)).text).toBe('Contribution soumise à validation.');
});

test('reviewing: after Valider or Refuser the focus moves to the next contribution of the queue', async ({
  page,
  browser,
}) => {
  const stamp = Date.now().toString(36);
  const descriptions = [1, 2, 3].map((n) => `File d'attente ${n} ${stamp}`);
  const contributor = await browser.newContext({ locale: 'fr-FR' });
  const alice = await contributor.newPage();
  await signIn(alice, DEMO.contributor);
  for (const description of descriptions) await declare(alice, description);
  await contributor.close();

  await signIn(page, DEMO.referent);
  await page.goto('/review?sort=newest');
  await expect(page).toHaveTitle('À valider — Butin');
  const item = (description: string) => page.getByTestId('review-item').filter({ hasText: description });
  const idAfter = (description: string) =>
    item(description).evaluate(
      (element) => element.nextElementSibling?.querySelector<HTMLInputElement>('input[name="ids[]"]')?.value ?? '',
    );
  const focusedItemId = () =>
    page.evaluate(() => document.activeElement?.querySelector<HTMLInputElement>('input[name="ids[]"]')?.value ?? '');

  // Each button's name says which contribution it acts on, in a few words: the person, the date,
  // the duration and the chantier's code (not the whole description, which Orca read at length).
  const subject = /Alice Martin, \d{2}\/\d{2}\/\d{4}, 1 h, C1$/;
  await expect(item(descriptions[2])).toHaveAccessibleName(new RegExp(`^${subject.source}`));
  await expect(item(descriptions[2]).getByRole('checkbox')).toHaveAccessibleName(
    new RegExp(`^Sélectionner : ${subject.source}`),
  );
  const approve = item(descriptions[2]).getByRole('button', { name: new RegExp(`^Valider : ${subject.source}`) });
  await expect(approve).toHaveCount(1);
  let next = await idAfter(descriptions[2]);
  await press(page, approve);
  await expect(liveRegion(page)).toHaveAttribute('data-message', '1 contribution validée.');
  await expect(item(descriptions[2])).toHaveCount(0);
  await expect.poll(focusedItemId).toBe(next);
  // The item that takes the focus is named as briefly.
  expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(
    /^[^,]+, \d{2}\/\d{2}\/\d{4}, [^,]+, [^,]+$/,
  );

  // Refusing: the reason is required, and its error is tied to the field.
  next = await idAfter(descriptions[1]);
  await press(page, item(descriptions[1]).locator('summary', { hasText: 'Refuser' }));
  const submitReject = item(descriptions[1]).getByRole('button', { name: /^Refuser : Alice/ });
  await press(page, submitReject);
  await expect(liveRegion(page)).toHaveAttribute(
    'data-message',
    new RegExp(escape('Un motif ou un commentaire est obligatoire.')),
  );
  const reason = item(descriptions[1]).getByLabel('Motif du refus');
  await expect(reason).toBeFocused();
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.type('Hors du périmètre du chantier');
  await press(page, submitReject);
  await expect(liveRegion(page)).toHaveAttribute('data-message', 'Contribution refusée.');
  await expect(item(descriptions[1])).toHaveCount(0);
  await expect.poll(focusedItemId).toBe(next);
  // The old message does not linger: the live region holds only the last outcome.
  await expect(liveRegion(page)).not.toHaveAttribute('data-message', /validée/);
});

test("inviting: errors then the confirmation get the focus, and each person's buttons name the person", async ({
  page,
}) => {
  await signIn(page, DEMO.admin);
  await page.goto('/admin/people');
  await expect(page).toHaveTitle('Personnes — Butin');
  const send = page.getByRole('button', { name: "Envoyer l'invitation" });
  await press(page, send);
  await expect.poll(async () => (await focused(page)).id).toBe('email');
  await expect(page.getByLabel('Adresse e-mail')).toHaveAttribute('aria-invalid', 'true');

  const email = uniqueEmail('clavier');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Nom', { exact: true }).fill('Claire Clavier');
  await press(page, send);
  await expect.poll(async () => (await focused(page)).formMessage).toBe('success');
  await expect(liveRegion(page)).toHaveAttribute('data-message', new RegExp(escape(email)));
  // (With mail configured, as here, the link is e-mailed; without, it is shown with a copy button.)
  // Each person's buttons name the person.
  // Each person's buttons name the person (those in a folded row are outside the tree until it opens).
  const row = page.getByTestId(`person-${email}`);
  await expect(row.locator('summary')).toHaveText('Modifier : Claire Clavier');
  await press(page, row.locator('summary'));
  await expect(row.getByRole('button', { name: 'Désactiver : Claire Clavier' })).toBeVisible();
});

test('week: saving moves the focus to the confirmation and says it', async ({ page }) => {
  await signIn(page, DEMO.contributor);
  await page.goto('/contributions/week');
  await expect(page).toHaveTitle('Ma semaine — Butin');
  const save = page.getByRole('button', { name: 'Enregistrer la semaine' });
  await press(page, save);
  await expect(liveRegion(page)).toHaveAttribute('data-message', /\S/);
  // The focus is on the confirmation itself: the form's message, saying what the live region said.
  const said = (await liveRegion(page).getAttribute('data-message'))!.replace(/\s+/g, ' ').trim();
  await expect.poll(async () => await focused(page)).toMatchObject({ formMessage: expect.any(String), text: said });
  expect((await focused(page)).formMessage).not.toBe('');
});

test('navigating: the focus goes to the new page heading, the menu marks the current page', async ({ page }) => {
  await signIn(page, DEMO.contributor);
  const nav = page.getByTestId('nav');
  await press(page, nav.getByRole('link', { name: 'Ma semaine' }));
  await expect(page).toHaveURL(/\/contributions\/week$/);
  await expect.poll(async () => (await focused(page)).tag).toBe('h1');
  await expect(nav.getByRole('link', { name: 'Ma semaine' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Mes contributions' })).not.toHaveAttribute('aria-current', 'page');
});

test('the phone menu says whether it is open, closes on Escape and after a choice', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'fr-FR' });
  const page = await context.newPage();
  await signIn(page, DEMO.contributor);
  const header = await page.locator('header').boundingBox();
  expect(header!.height).toBeLessThanOrEqual(64);
  const summary = page.locator('header summary', { hasText: 'Menu' });
  await press(page, summary);
  const mobile = page.getByTestId('nav-mobile');
  await expect(mobile).toBeVisible();
  await expect(page.locator('header details')).toHaveAttribute('open', '');
  await page.keyboard.press('Escape');
  await expect(mobile).toBeHidden();
  await expect(summary).toBeFocused();
  await page.keyboard.press('Enter');
  await press(page, mobile.getByRole('link', { name: 'Mes contributions' }));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mes contributions');
  await expect(mobile).toBeHidden();
  await context.close();
});

// Playwright counts an aria-disabled button as disabled: a plain click() would wait for it to be
// enabled for the whole test (what the first version of this test did). The second activation
// is therefore made as a person makes it, by Enter on the focused button, and by a forced click.
test('a confirmed action stays busy, focusable and closed to a second click until its answer', async ({ page }) => {
  await signIn(page, DEMO.contributor);
  const description = `Brouillon à supprimer ${Date.now()}`;
  await page.goto('/contributions/new');
  await page.getByLabel('Durée').fill('45min');
  await page.getByLabel('Chantier').selectOption({ label: C1 });
  await page.getByLabel('Description').fill(description);
  await press(page, page.getByRole('button', { name: 'Enregistrer' }));
  await expect(liveRegion(page)).toHaveAttribute('data-message', /\S/);

  await page.goto('/contributions');
  const item = page.getByTestId('contribution').filter({ hasText: description });
  const opener = item.getByRole('button', { name: /^Supprimer/ });
  const dialog = page.getByRole('dialog', { name: 'Supprimer cette contribution ?' });
  // The server action is held until the test has looked at the buttons. It posts to the page's
  // own URL (/contributions) with a Next-Action header; everything else goes through.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let sent = false;
  const isAction = (url: URL) => url.pathname === '/contributions';
  await page.route(isAction, async (route) => {
    if (route.request().method() === 'POST' && route.request().headers()['next-action']) {
      sent = true;
      await held;
    }
    await route.fallback();
  });

  try {
    await press(page, opener);
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Supprimer' }).press('Enter');
    await expect.poll(() => sent, { message: 'the delete action was posted and held' }).toBe(true);
    await expect(dialog).toBeHidden();
    // While the action runs: the button keeps the focus and says it is busy, and does not reopen the dialog.
    await expect(opener).toHaveAttribute('aria-disabled', 'true');
    await expect(opener).toHaveAttribute('aria-busy', 'true');
    await expect(opener).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await opener.click({ force: true });
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
  } finally {
    release();
  }
  await expect(liveRegion(page)).toHaveAttribute('data-message', 'Contribution supprimée.');
  await expect(item).toHaveCount(0);
  // The item gone, the focus is on the page (the next item or the heading), never on the body.
  await expect.poll(async () => (await focused(page)).tag).toMatch(/^(li|h1)$/);
  await page.unroute(isAction);
});
