// Shared steps of the browser tests.
import AxeBuilder from '@axe-core/playwright';
import pg from 'pg';
import { expect, type Page } from '@playwright/test';

import { mailText } from '../support/mail-catcher';

export { mailText };

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

export const uniqueEmail = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}@e2e.test`;

/** A query on the app's database, for a test that sets up or checks what the UI cannot show. */
export async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** An axe scan of the page finds no serious or critical violation (they are listed if it does). */
export async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  expect(
    serious.map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    ),
  ).toEqual([]);
}

/** Intl's no-break spaces as plain ones, to compare sentences as people read them. */
export const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();

/** The invitation link emailed to this address, once the test SMTP server has it. */
export async function invitationLinkFor(email: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(async () => {
      const message = (await caughtMail()).find((mail) => mail.to.includes(email));
      link = message ? mailText(message.raw).match(/https?:\/\/\S+\/join\/\S+/)?.[0] : undefined;
      return link;
    })
    .toBeTruthy();
  return link!;
}
