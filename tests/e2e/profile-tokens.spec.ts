import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './support';

test('a person creates an API token on their profile, uses it, and revokes it', async ({ page, request }) => {
  await signIn(page, DEMO.referent);
  await page.getByTestId('nav').getByRole('link', { name: 'Mon profil' }).click();
  await page.getByLabel('Nom du jeton').fill('Mon script');
  await page.getByRole('button', { name: 'Créer un jeton' }).click();
  const token = (await page.getByTestId('new-token').textContent())!.trim();
  expect(token).toMatch(/^butin_/);

  const me = await request.get('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
  expect(me.status()).toBe(200);
  expect((await me.json()).email).toBe(DEMO.referent);

  await page.reload();
  const list = page.getByTestId('token-list');
  await expect(list).toContainText('Mon script');
  await expect(list).not.toContainText(token);
  await list.getByRole('button', { name: 'Révoquer' }).first().click();
  // The revoked token leaves the list at once.
  await expect(list).not.toContainText('Mon script');
  await expect(list).toContainText('Aucun jeton actif.');

  const after = await request.get('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
  expect(after.status()).toBe(401);
  expect((await after.json()).error.code).toBe('UNAUTHENTICATED');
});
