// The walk of every screen as each role, on a 360 px phone: each page a person of that role
// reaches, doing their jobs, fits the screen (no sideways scroll of the page), and shows no raw
// message key and no raw ISO date. The payments and payees tables stack on a phone, so an
// amount is on the screen, not behind a sideways scroll.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO, signIn, sql } from './support';
import { sidewaysOverflow } from './a11y-support';

const PHONE = { width: 360, height: 800 };

/** The message namespaces: a visible "home.contributor.title" is a key that was not translated. */
const NAMESPACES = fs.readdirSync(path.join(process.cwd(), 'messages', 'fr')).map((file) => file.replace('.json', ''));
const RAW_KEY = new RegExp(`\\b(${NAMESPACES.join('|')})\\.[a-z][a-zA-Z]*(\\.[a-zA-Z_]+)*\\b`, 'g');
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/g;
/** The import documents the dates its file may hold: "2026-11-28 ou 28/11/2026". */
const ISO_DATES_SHOWN_ON_PURPOSE = ['/admin/import'];

async function periods() {
  const rows = await sql<{ id: string; status: string }>(
    `SELECT id, status FROM funding_periods ORDER BY start_date DESC`,
  );
  const open = rows.find((row) => row.status === 'OPEN')!;
  const closed = rows.find((row) => row.status === 'CLOSED')!;
  const paid = rows.find((row) => row.status === 'PAID')!;
  return { open: open.id, closed: closed.id, paid: paid.id };
}

async function ownIds(email: string) {
  const [contribution] = await sql<{ id: string }>(
    `SELECT c.id FROM contributions c JOIN people p ON p.id = c.person_id
      WHERE p.email = $1 AND c.deleted_at IS NULL ORDER BY c.date DESC LIMIT 1`,
    [email],
  );
  const [claim] = await sql<{ id: string }>(
    `SELECT c.id FROM claims c JOIN people p ON p.id = c.person_id WHERE p.email = $1 ORDER BY c.date DESC LIMIT 1`,
    [email],
  );
  return { contribution: contribution?.id, claim: claim?.id };
}

/** What a person reads on the page (laid out, so blocks are apart), without code samples. */
const readableText = (page: Page) =>
  page.evaluate(() => {
    let text = document.body.innerText;
    for (const sample of document.querySelectorAll<HTMLElement>('code, pre')) text = text.replace(sample.innerText, '');
    return text;
  });

async function walk(page: Page, paths: string[]): Promise<string[]> {
  const failures: string[] = [];
  for (const pathname of paths) {
    const response = await page.goto(pathname);
    if (!response || response.status() >= 400) {
      failures.push(`${pathname}: HTTP ${response?.status()}`);
      continue;
    }
    const overflow = await sidewaysOverflow(page);
    if (overflow > 0) failures.push(`${pathname}: the page scrolls sideways by ${overflow} px`);
    const text = await readableText(page);
    const keys = text.match(RAW_KEY);
    if (keys) failures.push(`${pathname}: raw message keys ${[...new Set(keys)].join(', ')}`);
    const dates = ISO_DATES_SHOWN_ON_PURPOSE.includes(pathname) ? null : text.match(ISO_DATE);
    if (dates) failures.push(`${pathname}: raw ISO dates ${[...new Set(dates)].join(', ')}`);
  }
  return failures;
}

async function phoneAs(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

test('the contributor walks her screens at 360 px: declare, week, contributions, claims, pay, profile', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { open } = await periods();
  const own = await ownIds(DEMO.contributor);
  const page = await phoneAs(browser, DEMO.contributor);
  const failures = await walk(page, [
    '/',
    '/contributions/new',
    '/claims/new',
    '/contributions/week',
    '/contributions',
    ...(own.contribution ? [`/contributions/${own.contribution}`] : []),
    ...(own.claim ? [`/claims/${own.claim}`] : []),
    '/approved',
    '/payouts',
    '/profile',
    '/profile/payout',
    '/periods',
    `/periods/${open}`,
    `/periods/${open}/plan`,
    `/periods/${open}/dashboard`,
  ]);
  expect(failures).toEqual([]);
  await page.context().close();
});

test('the referent walks his screens at 360 px: what waits, fixed fees, the plan and the compte rendu', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { open, closed } = await periods();
  const page = await phoneAs(browser, DEMO.referent);
  const failures = await walk(page, [
    '/',
    '/review',
    '/claims/commit',
    '/contributions',
    '/approved',
    `/periods/${open}`,
    `/periods/${open}/plan`,
    `/periods/${open}/dashboard`,
    `/periods/${open}/compte-rendu`,
    `/periods/${closed}`,
  ]);
  expect(failures).toEqual([]);
  await page.context().close();
});

test('the treasurer walks her screens at 360 px: periods, close, payments, SEPA, payees, settings', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { open, closed, paid } = await periods();
  const page = await phoneAs(browser, DEMO.treasurer);
  const failures = await walk(page, [
    '/',
    '/periods',
    `/periods/${open}`,
    `/periods/${open}/plan`,
    `/periods/${open}/dashboard`,
    `/periods/${open}/compte-rendu`,
    `/periods/${closed}`,
    `/periods/${closed}/payments`,
    `/periods/${paid}`,
    `/periods/${paid}/payments`,
    '/treasury/payees',
    '/admin/settings',
    '/payouts',
  ]);
  expect(failures).toEqual([]);

  // On the phone, each payee's amount and payment state are on the screen, under the name, each
  // headed by its column; not in a 768 px table's hidden columns.
  await page.goto(`/periods/${closed}/payments`);
  const row = page.getByTestId('payments-table').locator('tbody tr').first();
  for (const cell of [row.locator('td').first(), row.getByTestId('payee-state')]) {
    const box = (await cell.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
  }
  await expect(row.locator('td').first()).toHaveAttribute('data-label', 'Montant');
  await page.goto('/treasury/payees');
  const iban = page.getByTestId('payee-table').locator('tbody tr').first().locator('td').nth(2);
  const ibanBox = (await iban.boundingBox())!;
  expect(ibanBox.x + ibanBox.width).toBeLessThanOrEqual(PHONE.width);
  await page.context().close();
});

test('on a desktop the payments table keeps its columns side by side, headed', async ({ page }) => {
  const { closed } = await periods();
  await signIn(page, DEMO.treasurer);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/periods/${closed}/payments`);
  const table = page.getByTestId('payments-table');
  await expect(table.getByRole('columnheader', { name: 'Montant' })).toBeVisible();
  const row = table.locator('tbody tr').first();
  const name = (await row.locator('th').boundingBox())!;
  const amount = (await row.locator('td').first().boundingBox())!;
  expect(amount.x).toBeGreaterThan(name.x + name.width - 1);
});

test('the admin walks his screens at 360 px: people, invites, chantiers, places, settings, import', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = await phoneAs(browser, DEMO.admin);
  const failures = await walk(page, [
    '/',
    '/admin/people',
    '/admin/chantiers',
    '/admin/places',
    '/admin/settings',
    '/admin/import',
    '/review',
  ]);
  expect(failures).toEqual([]);
  await page.context().close();
});

test('the public pages fit a 360 px phone: sign-in, forgot password, reset and join links', async ({ browser }) => {
  const context = await browser.newContext({ viewport: PHONE, locale: 'fr-FR' });
  const page = await context.newPage();
  const failures = await walk(page, [
    '/signin',
    '/reset-password',
    '/reset-password/no-such-token',
    '/join/no-such-token',
  ]);
  expect(failures).toEqual([]);
  // A page that does not exist says so as a title, not as an error's sentence ("Introuvable.").
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
  await context.close();
});
