// Every page, as the admin (who sees them all) and as a contributor, at 360 and 1280 px: its own
// title, no sideways scroll, and axe clean from "moderate" up. Screenshots land in
// test-results/a11y/ to be looked at.
import { expect, test, type Page } from '@playwright/test';
import { DEMO, signIn, sql } from './support';
import { expectNoModerateA11yViolations, sidewaysOverflow } from './a11y-support';

const WIDTHS = [360, 1280] as const;

async function pages(): Promise<{ path: string; title: string }[]> {
  const [period] = await sql<{ id: string }>(
    `SELECT p.id FROM funding_periods p JOIN envelopes e ON e.period_id = p.id ORDER BY p.start_date DESC LIMIT 1`,
  );
  const [contribution] = await sql<{ id: string }>(
    `SELECT c.id FROM contributions c JOIN people p ON p.id = c.person_id
      WHERE p.email = $1 AND c.deleted_at IS NULL AND c.status = 'DRAFT' LIMIT 1`,
    [DEMO.admin],
  );
  return [
    { path: '/', title: 'Accueil' },
    { path: '/contributions/new', title: 'Déclarer une contribution' },
    { path: '/contributions/week', title: 'Ma semaine' },
    { path: '/contributions', title: 'Mes contributions' },
    ...(contribution
      ? [
          { path: `/contributions/${contribution.id}`, title: 'Contribution' },
          { path: `/contributions/${contribution.id}/edit`, title: 'Modifier une contribution' },
        ]
      : []),
    { path: '/review', title: 'À valider' },
    { path: '/approved', title: 'Contributions validées' },
    { path: '/periods', title: 'Périodes' },
    { path: `/periods/${period.id}`, title: 'Période' },
    { path: `/periods/${period.id}/plan`, title: 'Prévisionnel' },
    { path: `/periods/${period.id}/dashboard`, title: 'Tableau de bord' },
    { path: '/payouts', title: 'Ma rétribution' },
    { path: '/profile', title: 'Mon profil' },
    { path: '/profile/payout', title: 'Mes coordonnées de paiement' },
    { path: '/admin/people', title: 'Personnes' },
    { path: '/admin/chantiers', title: 'Chantiers' },
    { path: '/admin/places', title: 'Lieux' },
    { path: '/admin/settings', title: 'Réglages' },
    { path: '/admin/import', title: 'Import' },
    { path: '/no-such-page', title: 'Page introuvable' },
    { path: '/contributions/no-such-id', title: 'Page introuvable' },
  ];
}

/** Every check of one page, each failure collected (one does not hide the next). */
async function check(page: Page, path: string, title: string, width: number): Promise<string[]> {
  const failures: string[] = [];
  const soft = async (what: string, run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (error) {
      failures.push(`${path} at ${width} px, ${what}: ${(error as Error).message.split('\n').slice(0, 14).join('\n')}`);
    }
  };
  await page.goto(path);
  await soft('title', () => expect(page).toHaveTitle(`${title} — Butin`, { timeout: 2000 }));
  await soft('one <main>', () => expect(page.locator('main')).toHaveCount(1, { timeout: 2000 }));
  await soft('reflow', async () => expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0));
  await page.screenshot({
    path: `test-results/a11y/${width}${path.replace(/\//g, '_') || '_home'}.png`,
    fullPage: true,
  });
  await soft('axe', () => expectNoModerateA11yViolations(page, `${path} at ${width} px:`));
  return failures;
}

for (const width of WIDTHS) {
  test(`every page of the admin at ${width} px: titled, reflowed, axe clean`, async ({ browser }) => {
    test.setTimeout(240_000);
    const context = await browser.newContext({ viewport: { width, height: 800 }, locale: 'fr-FR' });
    const page = await context.newPage();
    await signIn(page, DEMO.admin);
    const failures: string[] = [];
    for (const { path, title } of await pages()) failures.push(...(await check(page, path, title, width)));
    // The treasurer's own pages (the admin is not a treasurer in the demo).
    const desk = await browser.newContext({ viewport: { width, height: 800 }, locale: 'fr-FR' });
    const treasurer = await desk.newPage();
    await signIn(treasurer, DEMO.treasurer);
    const [closed] = await sql<{ id: string }>(
      `SELECT id FROM funding_periods WHERE status <> 'OPEN' ORDER BY start_date DESC LIMIT 1`,
    );
    for (const { path, title } of [
      { path: `/periods/${closed.id}/payments`, title: 'Paiements de la période' },
      { path: '/treasury/payees', title: 'Bénéficiaires' },
    ])
      failures.push(...(await check(treasurer, path, title, width)));
    await desk.close();
    expect(failures).toEqual([]);
    await context.close();
  });

  test(`states at ${width} px: form errors, the phone menu, the contributor's pages`, async ({ browser }) => {
    test.setTimeout(180_000);
    const context = await browser.newContext({ viewport: { width, height: 800 }, locale: 'fr-FR' });
    const page = await context.newPage();
    await signIn(page, DEMO.contributor);
    const failures: string[] = [];
    const attempt = async (label: string, run: () => Promise<void>) => {
      try {
        await run();
        await page.screenshot({ path: `test-results/a11y/${width}_state_${label}.png`, fullPage: true });
        await expectNoModerateA11yViolations(page, `${label} at ${width} px:`);
      } catch (error) {
        failures.push(`${label}: ${(error as Error).message.split('\n').slice(0, 12).join('\n')}`);
      }
    };
    await attempt('declare-errors', async () => {
      await page.goto('/contributions/new');
      await page.getByRole('button', { name: 'Soumettre' }).click();
      await expect(page.getByLabel('Durée')).toHaveAttribute('aria-invalid', 'true');
    });
    await attempt('week', async () => {
      await page.goto('/contributions/week');
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    });
    await attempt('mine', async () => {
      await page.goto('/contributions');
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    });
    await attempt('payouts', async () => {
      await page.goto('/payouts');
    });
    if (width === 360)
      await attempt('menu-open', async () => {
        await page.goto('/');
        await page.locator('header summary').click();
        await expect(page.getByTestId('nav-mobile')).toBeVisible();
      });
    // Signed out: the sign-in page.
    const anonymous = await browser.newContext({ viewport: { width, height: 800 }, locale: 'fr-FR' });
    const visitor = await anonymous.newPage();
    await visitor.goto('/signin');
    try {
      await expect(visitor).toHaveTitle('Connexion — Butin');
      await expectNoModerateA11yViolations(visitor, `signin at ${width} px:`);
    } catch (error) {
      failures.push(`signin: ${(error as Error).message.split('\n').slice(0, 12).join('\n')}`);
    }
    await anonymous.close();
    expect(failures).toEqual([]);
    await context.close();
  });
}
