import { expect, test } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, signIn, sql, uniqueEmail } from './support';

test('a wrong password shows the French message, never which part was wrong', async ({ page }) => {
  await page.goto('/signin');
  await page.getByLabel('Adresse e-mail').fill(DEMO.contributor);
  await page.getByLabel('Mot de passe').fill('not the password');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.locator('main form').getByRole('alert')).toHaveText('Adresse e-mail ou mot de passe incorrect.');

  await page.getByLabel('Adresse e-mail').fill('nobody@monscobar.test');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.locator('main form').getByRole('alert')).toHaveText('Adresse e-mail ou mot de passe incorrect.');
  await expect(page).toHaveURL(/\/signin/);
});

test('a deactivated account is told so, but only to whoever knows its password', async ({ page }) => {
  // A deactivated person whose password is the demo one (the hash is copied from Alice's).
  const email = uniqueEmail('deactivated');
  await sql(
    `INSERT INTO people (id, email, name, password_hash, active, updated_at)
     SELECT $1, $2, 'Personne désactivée', password_hash, false, now() FROM people WHERE email = $3`,
    [`deact-${Date.now().toString(36)}`, email, DEMO.contributor],
  );
  await page.goto('/signin');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill('not the password');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.locator('main form').getByRole('alert')).toHaveText('Adresse e-mail ou mot de passe incorrect.');

  await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.locator('main form').getByRole('alert')).toHaveText(
    "Ce compte est désactivé. Pour le réactiver, adressez-vous à l'administration du collectif.",
  );
  await expect(page).toHaveURL(/\/signin/);
});

test('pages need a session, and the interface switches to English and back', async ({ page }) => {
  await page.goto('/profile');
  await expect(page).toHaveURL(/\/signin/);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connexion');
});

test('signing out ends the session', async ({ page }) => {
  await signIn(page, DEMO.contributor);
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/signin/);
});

test('responses carry a strict content security policy', async ({ page }) => {
  const response = await page.goto('/signin');
  const policy = response!.headers()['content-security-policy'];
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(response!.headers()['x-content-type-options']).toBe('nosniff');
  expect(response!.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');
});

test('the sign-in page never sends a person to another site', async ({ page }) => {
  await page.goto('/signin?callbackUrl=%2F%5Cevil.example%2Fphish');
  await page.getByLabel('Adresse e-mail').fill(DEMO.contributor);
  await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Bonjour/ })).toBeVisible();
  expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);

  // Signed in, the page redirects at once: to a local path, never to `/\evil.example`.
  for (const target of ['/%5Cevil.example', '//evil.example', '/%09/evil.example', 'https://evil.example/']) {
    const response = await page.request.get(`/signin?callbackUrl=${target}`, { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(response.headers()['location']).toBe('/');
  }
});
