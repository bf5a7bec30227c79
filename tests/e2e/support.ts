// Shared steps of the browser tests.
import { expect, type Page } from '@playwright/test';

export { mailText } from '../support/mail-catcher';

export const DEMO_PASSWORD = 'butin-demo';
export const DEMO = {
  admin: 'admin@monscobar.test',
  treasurer: 'tresorerie@monscobar.test',
  referent: 'referent.tierslieux@monscobar.test',
  contributor: 'alice@monscobar.test',
} as const;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/signin');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Bonjour/ })).toBeVisible();
}

/** The messages the app sent, as the test SMTP server received them. */
export async function caughtMail(): Promise<{ to: string[]; raw: string }[]> {
  const response = await fetch(process.env.E2E_MAIL_URL!);
  return response.json();
}

export const uniqueEmail = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}@e2e.test`;
