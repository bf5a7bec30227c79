// A funding period in a real browser: the treasurer creates one with an envelope and a rate
// override, previews its payouts, is asked to confirm the close (and warned that the period ends
// in the future), is refused it while a contribution waits (and told which), resolves it, closes; a contributor then reads her pay in words on "Ma rétribution".
// The contributions are written straight into the e2e database: reviewing them is another screen.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { DEMO, signIn, sql, expectNoSeriousA11yViolations, plain } from './support';

const C1 = 'C1 — Gestion et animation des tiers-lieux';

async function contribution(data: {
  email: string;
  chantierCode: string;
  periodId: string;
  date: string;
  minutes: number;
  status: 'APPROVED' | 'SUBMITTED';
}): Promise<string> {
  const id = `e2e${randomUUID().replace(/-/g, '')}`;
  await sql(
    `INSERT INTO contributions (id, person_id, chantier_id, period_id, date, minutes, description, status, submitted_at, updated_at)
     SELECT $1, p.id, c.id, $2, $3::date, $4, 'Atelier de test', $5::"ContributionStatus", now(), now()
       FROM people p, chantiers c WHERE p.email = $6 AND c.code = $7`,
    [id, data.periodId, data.date, data.minutes, data.status, data.email, data.chantierCode],
  );
  return id;
}

// Far in the future, and different on every run, so the demo's periods are never in the way.
const year = 2040 + Math.floor(Math.random() * 50);
const periodName = `Période de test ${year}`;

test('the treasurer creates, previews and closes a period; a contributor reads her pay explained', async ({
  browser,
}) => {
  // A long flow through several screens and people: more than the default minute on a busy machine.
  test.slow();
  const desk = await browser.newContext({ locale: 'fr-FR' });
  const treasurer = await desk.newPage();
  await signIn(treasurer, DEMO.treasurer);
  await treasurer.goto('/periods');
  await expect(treasurer.getByRole('heading', { level: 1 })).toHaveText('Périodes de financement');
  await expectNoSeriousA11yViolations(treasurer);

  // A first try with the last day before the first is refused with the field named.
  await treasurer.getByLabel('Nom', { exact: true }).fill(periodName);
  await treasurer.getByLabel('Premier jour').fill(`${year}-01-01`);
  await treasurer.getByLabel('Dernier jour').fill(`${year - 1}-12-31`);
  await treasurer.getByLabel('Taux horaire par défaut (€/h)').fill('30');
  await treasurer.getByLabel(`Enveloppe — ${C1}`).fill('1 000');
  await treasurer.getByRole('button', { name: 'Ajouter un taux' }).click();
  await treasurer.getByLabel('Personne', { exact: true }).selectOption({ label: 'Alice Martin' });
  await treasurer.getByLabel('Taux (€/h)').fill('40');
  await treasurer.getByRole('button', { name: 'Créer la période' }).click();
  await expect(treasurer.getByText('Le dernier jour ne peut pas précéder le premier.')).toBeVisible();
  // What was typed is still there; fix the date and create.
  await expect(treasurer.getByLabel('Taux (€/h)')).toHaveValue('40');
  await treasurer.getByLabel('Dernier jour').fill(`${year}-06-30`);
  await treasurer.getByRole('button', { name: 'Créer la période' }).click();

  await expect(treasurer.getByRole('heading', { level: 1 })).toHaveText(periodName);
  const periodId = new URL(treasurer.url()).pathname.split('/').pop()!;
  const settings = treasurer.getByTestId('period-settings');
  await expect(settings).toContainText('Du 01/01/' + year + ' au 30/06/' + year);
  expect(plain(await settings.textContent())).toContain('30,00 €/h');
  expect(plain(await settings.textContent())).toContain(`${C1} : 1 000,00 €`);
  expect(plain(await settings.textContent())).toContain('Alice Martin : 40,00 €/h');

  // Work approved in the period, and one contribution still waiting for its referent.
  await contribution({
    email: DEMO.contributor,
    chantierCode: 'C1',
    periodId,
    date: `${year}-02-02`,
    minutes: 600,
    status: 'APPROVED',
  });
  await contribution({
    email: 'bruno@monscobar.test',
    chantierCode: 'C1',
    periodId,
    date: `${year}-02-03`,
    minutes: 900,
    status: 'APPROVED',
  });
  await contribution({
    email: 'bruno@monscobar.test',
    chantierCode: 'C1',
    periodId,
    date: `${year}-02-04`,
    minutes: 900,
    status: 'APPROVED',
  });
  const waiting = await contribution({
    email: 'chloe@monscobar.test',
    chantierCode: 'C2',
    periodId,
    date: `${year}-02-05`,
    minutes: 120,
    status: 'SUBMITTED',
  });

  // The preview: C1 asks 400 € + 900 € for 1 000 € → × 10/13; Bruno gets the leftover cent.
  await treasurer.reload();
  await expect(treasurer.getByRole('heading', { name: 'Aperçu des rétributions (en direct)' })).toBeVisible();
  expect(plain(await treasurer.getByTestId('envelope-use').textContent())).toContain(
    '1 300,00 € demandés pour une enveloppe de 1 000,00 € — Dépassée de 300,00 €',
  );
  const totals = treasurer.getByTestId('people-totals');
  expect(plain(await totals.getByRole('row', { name: /Alice Martin/ }).textContent())).toContain('307,69 €');
  expect(plain(await totals.getByRole('row', { name: /Bruno Lefebvre/ }).textContent())).toContain('692,31 €');
  await treasurer.getByText('À valider avant la clôture : 1 contribution').click();
  await expect(treasurer.getByTestId('pending-contributions')).toContainText('Chloé Dubois');
  await expectNoSeriousA11yViolations(treasurer);

  // Closing asks first, saying what will happen and that the period ends in the future; Escape
  // cancels and gives the focus back to the button.
  const closeButton = treasurer.getByTestId('close-period');
  await closeButton.click();
  const dialog = treasurer.getByRole('dialog', { name: `Clôturer la période « ${periodName} » ?` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Les rétributions seront calculées et figées');
  await expect(dialog.getByTestId('close-future-warning')).toHaveText(
    `Attention : la période finit le 30/06/${year}, dans le futur. Les heures faites d'ici là ne pourront plus y être déclarées.`,
  );
  await expect(dialog.getByRole('button', { name: 'Annuler' })).toBeFocused();
  await expectNoSeriousA11yViolations(treasurer);
  await treasurer.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(closeButton).toBeFocused();
  await expect(treasurer.getByTestId('period-status')).toHaveText('Ouverte');
  // Cancel by its button does the same.
  await closeButton.click();
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await expect(dialog).toBeHidden();
  await expect(closeButton).toBeFocused();

  // Confirmed, closing is refused, naming what waits.
  await closeButton.click();
  await dialog.getByRole('button', { name: 'Clôturer la période' }).click();
  await expect(treasurer.getByText('Clôture refusée : 1 contribution attend encore une validation.')).toBeVisible();
  const refused = treasurer.getByTestId('close-refused-pending');
  await expect(refused).toContainText('Chloé Dubois');
  await expect(refused).toContainText(`05/02/${year}`);
  await expect(refused).toContainText('2 h');
  await expect(refused).toContainText('soumise');

  // Its referent approves it (straight in the database here); the close now goes through.
  await sql(`UPDATE contributions SET status = 'APPROVED', reviewed_at = now() WHERE id = $1`, [waiting]);
  await closeButton.click();
  await dialog.getByRole('button', { name: 'Clôturer la période' }).click();
  await expect(treasurer.getByText('Période clôturée : les rétributions sont figées.')).toBeVisible();
  await expect(treasurer.getByTestId('period-status')).toHaveText('Clôturée');
  await expect(treasurer.getByRole('heading', { name: 'Rétributions figées' })).toBeVisible();
  await expect(treasurer.getByRole('button', { name: 'Clôturer la période' })).toHaveCount(0);
  await expect(treasurer.getByTestId('payout-runs')).toContainText('En vigueur');
  await desk.close();

  // Alice, on her phone, reads her line in words.
  const phone = await browser.newContext({
    viewport: { width: 360, height: 740 },
    locale: 'fr-FR',
    hasTouch: true,
    isMobile: true,
  });
  const alice = await phone.newPage();
  await signIn(alice, DEMO.contributor);
  await alice.goto('/payouts');
  await expect(alice.getByRole('heading', { level: 1 })).toHaveText('Ma rétribution');
  const mine = alice.getByTestId(`my-payout-${periodId}`);
  expect(plain(await mine.getByTestId('my-total').textContent())).toBe('Votre rétribution : 307,69 €');
  expect(plain(await mine.getByTestId('payout-explanation').first().textContent())).toBe(
    '10 h × 40,00 €/h (taux personnel) = 400,00 € ; enveloppe du chantier dépassée : × 0,7692 → 307,69 € ; 92,31 € non rétribués',
  );
  // Transparency is on in the demo: everyone's totals are one tap away.
  await mine.getByText('Les rétributions de chacun·e').click();
  expect(
    plain(
      await mine
        .getByTestId('people-totals')
        .getByRole('row', { name: /Chloé Dubois/ })
        .textContent(),
    ),
  ).toContain('60,00 €');
  const overflow = await alice.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoSeriousA11yViolations(alice);

  // She may read the period, not change it: the server refuses what the page does not offer.
  await alice.goto(`/periods/${periodId}`);
  await expect(alice.getByRole('heading', { level: 1 })).toHaveText(periodName);
  await expect(alice.getByRole('button', { name: 'Rouvrir la période' })).toHaveCount(0);
  await expect(alice.getByRole('button', { name: 'Enregistrer' })).toHaveCount(0);
  const overflowPeriod = await alice.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflowPeriod).toBeLessThanOrEqual(0);
  await phone.close();
});

test('an admin reopens a closed period with a reason; the frozen run stays readable', async ({ page, request }) => {
  // A period of its own, closed through the API by the treasurer.
  const token = (
    await (
      await request.post('/api/v1/tokens', {
        data: { email: DEMO.treasurer, password: 'butin-demo', name: 'e2e periods' },
      })
    ).json()
  ).token as string;
  const headers = { authorization: `Bearer ${token}` };
  const reopenYear = year + 1;
  const created = await request.post('/api/v1/periods', {
    headers,
    data: {
      name: `À rouvrir ${reopenYear}`,
      startDate: `${reopenYear}-01-01`,
      endDate: `${reopenYear}-01-31`,
      defaultRateCents: 2500,
    },
  });
  expect(created.status()).toBe(201);
  const periodId = (await created.json()).id as string;
  await contribution({
    email: DEMO.contributor,
    chantierCode: 'C2',
    periodId,
    date: `${reopenYear}-01-15`,
    minutes: 90,
    status: 'APPROVED',
  });
  const closed = await request.post(`/api/v1/periods/${periodId}/close`, { headers });
  expect(closed.status()).toBe(200);

  await signIn(page, DEMO.admin);
  await page.goto(`/periods/${periodId}`);
  await expect(page.getByRole('heading', { name: 'Rétributions figées' })).toBeVisible();
  const reopenDialog = page.getByRole('dialog', { name: `Rouvrir la période « À rouvrir ${reopenYear} » ?` });
  await page.getByTestId('reopen-period').click();
  await reopenDialog.getByRole('button', { name: 'Rouvrir la période' }).click();
  await expect(page.getByText('Un motif ou un commentaire est obligatoire.').first()).toBeVisible();
  await page.getByLabel('Motif de la réouverture').fill('Heures oubliées sur le chantier 2');
  await page.getByTestId('reopen-period').click();
  await expect(reopenDialog).toContainText('Le calcul figé sera conservé comme « remplacé »');
  await reopenDialog.getByRole('button', { name: 'Rouvrir la période' }).click();
  await expect(page.getByText('Période rouverte.')).toBeVisible();
  await expect(page.getByTestId('period-status')).toHaveText('Ouverte');
  await expect(page.getByRole('heading', { name: 'Aperçu des rétributions (en direct)' })).toBeVisible();
  const runs = page.getByTestId('payout-runs');
  await expect(runs).toContainText('Remplacé');
  await expect(runs).toContainText('Heures oubliées sur le chantier 2');
  await runs.getByRole('link', { name: 'Voir ce calcul' }).click();
  await expect(
    page.getByText(/Vous consultez un calcul remplacé le .* \(motif\s: Heures oubliées sur le chantier 2\)/),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Rétributions figées' })).toBeVisible();
  // 1 h 30 at the default 25 €/h, frozen as it was.
  expect(plain(await page.getByTestId('payout-explanation').first().textContent())).toBe(
    '1 h 30 × 25,00 €/h = 37,50 €',
  );
});
