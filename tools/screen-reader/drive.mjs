// Drives Butin's main jobs in a visible Chromium (on the X display the caller gives) with its
// accessibility tree exposed over AT-SPI, for a screen reader (Orca) or tools/screen-reader/listen.py
// to read. Between steps it waits long enough for the screen reader to speak. Run by
// tools/screen-reader/run.sh; not part of `npm test` (CI has no X server, AT-SPI bus nor Orca).
//   BASE_URL=http://localhost:3000 node tools/screen-reader/drive.mjs
import { chromium } from '@playwright/test';

const base = process.env.BASE_URL ?? 'http://localhost:3000';
const password = process.env.DEMO_PASSWORD ?? 'butin-demo';
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const step = (text) => console.log(`[drive] ${new Date().toISOString()} ${text}`);

const browser = await chromium.launch({
  headless: false,
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    '--force-renderer-accessibility',
    '--disable-features=Translate',
    '--lang=fr',
  ],
});
const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
const liveMessage = () => page.getByTestId('live-region').getAttribute('data-message');

async function signIn(email) {
  step(`sign in as ${email}`);
  await page.goto(`${base}/signin`);
  await pause(3000);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: /^Bonjour/ }).waitFor();
  await pause(4000);
}

try {
  await signIn('alice@monscobar.test');

  step('Déclarer: submit the empty form');
  await page.goto(`${base}/contributions/new`);
  await pause(4000);
  await page.getByRole('button', { name: 'Soumettre' }).focus();
  await pause(1500);
  await page.keyboard.press('Enter');
  await pause(5000);
  step(`live region holds: ${await liveMessage()}`);

  step('Déclarer: fill and submit');
  const description = `Lecteur d'écran ${Date.now()}`;
  await page.getByLabel('Durée').fill('1h30');
  await page.getByLabel('Chantier').selectOption({ index: 1 });
  await page.getByLabel('Description').fill(description);
  await page.getByRole('button', { name: 'Soumettre' }).focus();
  await pause(1500);
  await page.keyboard.press('Enter');
  await pause(6000);
  step(`live region holds: ${await liveMessage()}`);

  await context.clearCookies();
  await signIn('referent.tierslieux@monscobar.test');
  step('À valider: approve the contribution just declared');
  await page.goto(`${base}/review?sort=newest`);
  await pause(4000);
  const item = page.getByTestId('review-item').filter({ hasText: description });
  await item.getByRole('button', { name: /^Valider : / }).focus();
  await pause(1500);
  await page.keyboard.press('Enter');
  await pause(6000);
  step(`live region holds: ${await liveMessage()}`);
} finally {
  await browser.close();
}
step('done');
