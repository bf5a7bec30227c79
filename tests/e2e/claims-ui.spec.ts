// Claims in a browser: a contributor declares an expense on a 360 px phone with a photo of the
// receipt (a real JPEG, sent over a throttled connection so the progress bar shows), learning
// what is missing before submitting; the referent of the chantier opens the receipt from À
// valider and approves the claim; the contributor finds it approved in Mes contributions.
// Screenshots of each screen at 360 and 1280 px go to test-results/claims-ui/.
// Then: a referent commits a fixed fee (forfait engagé) for Alice,
// then edits its agreed price; Alice finds it in Mes contributions, submits it once the work is
// done, and its page tells the whole story (committed, edited, submitted). The menu's
// "Déclarer une dépense" leads to the claim form and is marked as the current page.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, expectNoSeriousA11yViolations, plain, sql } from './support';

const DJAMEL = 'djamel@monscobar.test';
const C1 = 'C1 — Gestion et animation des tiers-lieux';
const SHOTS = 'test-results/claims-ui';

/** support's signIn, waiting longer for the home page: hashing a password takes seconds on a loaded machine. */
async function signIn(page: Page, email: string) {
  await page.goto('/signin');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Bonjour/ })).toBeVisible({ timeout: 30_000 });
}

async function phoneFor(browser: Browser) {
  return browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'fr-FR', hasTouch: true, isMobile: true });
}

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

/** A photo of a receipt as a phone makes one: a JPEG drawn by the browser, large enough to take a while. */
async function receiptPhoto(page: Page, label: string): Promise<Buffer> {
  const base64 = await page.evaluate((text) => {
    const canvas = document.createElement('canvas');
    canvas.width = 1200;
    canvas.height = 1600;
    const context = canvas.getContext('2d')!;
    // Grain, as in a real photo: it keeps the JPEG from compressing to nothing.
    const image = context.createImageData(canvas.width, canvas.height);
    let seed = 7;
    for (let index = 0; index < image.data.length; index += 4) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const shade = 200 + (seed % 56);
      image.data.set([shade, shade, shade - 10, 255], index);
    }
    context.putImageData(image, 0, 0);
    context.fillStyle = '#111';
    context.font = 'bold 64px sans-serif';
    context.fillText('SNCB', 80, 160);
    context.font = '48px sans-serif';
    context.fillText(text, 80, 260);
    context.fillText('TOTAL 23,40 EUR', 80, 360);
    return canvas.toDataURL('image/jpeg', 0.92).split(',')[1];
  }, label);
  return Buffer.from(base64, 'base64');
}

test('a contributor declares an expense with a photo on a phone; the referent approves it from the receipt', async ({
  browser,
}) => {
  test.slow();
  const stamp = Date.now().toString(36);
  const description = `Billet de train Mons – Bruxelles ${stamp}`;
  // The open period pays no mileage yet: the form must say so before anyone submits a trip.
  await sql(`UPDATE funding_periods SET mileage_rate_cents = NULL WHERE status = 'OPEN'`);

  const phone = await phoneFor(browser);
  const page = await phone.newPage();
  await signIn(page, DJAMEL);
  await page.goto('/contributions/new');
  await page
    .getByRole('navigation', { name: 'Que déclarez-vous ?' })
    .getByRole('link', { name: 'Une dépense' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Déclarer une dépense');
  await expectNoSeriousA11yViolations(page);

  // A trip first: the period has no mileage rate, and the form says so as soon as the date is known.
  await page.getByRole('radio', { name: /Indemnités kilométriques/ }).check();
  await page.getByLabel('Distance (km)').fill('42');
  await expect(page.getByTestId('mileage-computed')).toContainText("n'a pas de taux kilométrique");
  await expect(page.getByTestId('claim-missing')).toContainText('un taux kilométrique pour cette période');

  // Then the expense: what is missing is listed before submitting, the receipt included.
  await page.getByRole('radio', { name: /Note de frais/ }).check();
  await page.getByLabel('Chantier').selectOption({ label: C1 });
  await page.getByLabel('Montant (€)').fill('23,40');
  await expect(page.getByTestId('amount-understood')).toHaveText(/Compris\s: 23,40\s€/);
  await page.getByLabel('Description').fill(description);
  const missing = page.getByTestId('claim-missing');
  await expect(missing).toContainText('Avant de soumettre, il manque :');
  await expect(missing).toContainText('un justificatif (photo ou PDF)');
  await page.getByRole('button', { name: 'Soumettre' }).click();
  await expect(page.getByText("La demande n'est pas encore complète.")).toBeVisible();
  await expect(page.locator('[data-field-error="receipts"]')).toContainText('un justificatif');
  expect(await sql(`SELECT id FROM claims WHERE description = $1`, [description])).toHaveLength(0);

  // The photo, from the camera button; a slow connection, so the upload's progress shows.
  const photo = await receiptPhoto(page, `Mons → Bruxelles ${stamp}`);
  expect(photo.byteLength).toBeGreaterThan(200_000);
  await page
    .getByTestId('receipt-camera')
    .setInputFiles({ name: 'ticket-sncb.jpg', mimeType: 'image/jpeg', buffer: photo });
  await expect(page.getByTestId('chosen-file')).toContainText('ticket-sncb.jpg');
  await expect(missing).toHaveText('Tout y est : vous pouvez soumettre.');
  await noSidewaysScroll(page);
  await page.screenshot({ path: `${SHOTS}/360-declare.png`, fullPage: true });

  const cdp = await phone.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: 400 * 1024,
    uploadThroughput: 96 * 1024,
  });
  await page.getByRole('button', { name: 'Soumettre' }).click();
  const progress = page.getByTestId('upload-progress');
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAccessibleName(/Envoi de ticket-sncb\.jpg|ticket-sncb\.jpg envoyé/);
  await page.screenshot({ path: `${SHOTS}/360-uploading.png`, fullPage: true });
  await expect(page).toHaveURL(/\/claims\/[^/]+\?done=submitted$/, { timeout: 60_000 });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  await expect(page.getByText('Demande soumise à validation.')).toBeVisible();
  await expect(page.getByTestId('receipt')).toContainText('ticket-sncb.jpg');
  await expect(page.getByTestId('claim-facts')).toContainText(/23,40\s€/);
  await noSidewaysScroll(page);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: `${SHOTS}/360-claim.png`, fullPage: true });

  // Stored as sent: the bytes' type read by the server, the amount in cents, submitted.
  const [stored] = await sql<{ status: string; amount_cents: number; content_type: string; size_bytes: number }>(
    `SELECT c.status, c.amount_cents, a.content_type, a.size_bytes
       FROM claims c JOIN attachments a ON a.claim_id = c.id WHERE c.description = $1`,
    [description],
  );
  expect(stored).toEqual({
    status: 'SUBMITTED',
    amount_cents: 2340,
    content_type: 'image/jpeg',
    size_bytes: photo.byteLength,
  });

  // The referent of C1, at a desk, opens the receipt from À valider and approves the claim.
  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
  const referent = await desk.newPage();
  await signIn(referent, DEMO.referent);
  await referent.getByTestId('nav').getByRole('link', { name: 'À valider' }).click();
  const item = referent.getByTestId('review-claim').filter({ hasText: description });
  await expect(item).toContainText('Djamel Benali');
  await expect(item).toContainText(/Note de frais · 23,40\s€/);
  await item.getByText('Voir ticket-sncb.jpg').click();
  const image = item.getByTestId('receipt-image');
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((element) => (element as HTMLImageElement).naturalWidth)).toBe(1200);
  await expectNoSeriousA11yViolations(referent);
  await referent.screenshot({ path: `${SHOTS}/1280-review.png`, fullPage: true });
  await item.getByRole('button', { name: /^Valider : Djamel Benali/ }).click();
  await expect(referent.getByTestId('review-claim').filter({ hasText: description })).toHaveCount(0);

  // The contributor finds it approved among their claims, with its receipt.
  await page.goto('/contributions');
  const mine = page.getByTestId('claim').filter({ hasText: description });
  await expect(mine).toContainText('Validée');
  await expect(mine).toContainText('1 justificatif');
  await noSidewaysScroll(page);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: `${SHOTS}/360-mine.png`, fullPage: true });
  expect(plain(await mine.textContent())).toContain('23,40 €');
  await phone.close();
  await desk.close();
});

test('the claim form and the claims lists at 1280 px', async ({ browser }) => {
  test.slow();
  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
  const page = await desk.newPage();
  await signIn(page, DEMO.referent);
  await page.goto('/claims/new');
  await page.getByRole('radio', { name: /Note de frais/ }).check();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: `${SHOTS}/1280-declare.png`, fullPage: true });
  await page.goto('/claims/commit');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Engager un forfait');
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: `${SHOTS}/1280-commit.png`, fullPage: true });
  await page.goto('/contributions');
  await expect(page.getByRole('heading', { name: 'Mes demandes' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/1280-mine.png`, fullPage: true });
  await desk.close();
});

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
  await referent.getByRole('button', { name: 'Enregistrer les modifications' }).click();
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
