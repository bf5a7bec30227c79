import { expect, test } from '@playwright/test';
import { DEMO, invitationLinkFor, signIn, uniqueEmail } from './support';

test('an admin invites a person, who gets the link by email, joins and signs in', async ({ page, browser }) => {
  const email = uniqueEmail('invitee');
  await signIn(page, DEMO.admin);
  await page.getByTestId('nav').getByRole('link', { name: 'Personnes' }).click();
  // The test server sends mail (to the test SMTP server): the form says an email goes out.
  await expect(page.getByTestId('invite-intro')).toHaveText(
    'Butin lui envoie par e-mail un lien valable 7 jours pour choisir son nom et son mot de passe.',
  );
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Nom', { exact: true }).fill('Nina Nouvelle');
  await page.getByRole('checkbox', { name: 'Trésorier·e' }).first().check();
  await page.getByRole('button', { name: "Envoyer l'invitation" }).click();
  await expect(page.getByText(`Invitation envoyée par e-mail à ${email}.`)).toBeVisible();
  await expect(page.getByTestId(`person-${email}`)).toContainText('Invitation en attente');

  const link = await invitationLinkFor(email);

  const invitee = await browser.newContext({ locale: 'fr-FR' });
  const inviteePage = await invitee.newPage();
  await inviteePage.goto(link!);
  await expect(inviteePage.getByRole('heading', { level: 1 })).toHaveText('Rejoindre Monscobar');
  await inviteePage.getByLabel('Votre nom').fill('Nina N.');
  await inviteePage.getByLabel('Mot de passe', { exact: true }).fill('un mot de passe solide');
  await inviteePage.getByLabel('Confirmez le mot de passe').fill('un mot de passe solide');
  await inviteePage.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(inviteePage.getByText('Votre compte est prêt. Connectez-vous.')).toBeVisible();
  await signIn(inviteePage, email, 'un mot de passe solide');
  await expect(inviteePage.getByRole('heading', { level: 1 })).toHaveText('Bonjour Nina N.');
  await expect(inviteePage.getByTestId('my-roles')).toContainText('Trésorier·e');
  await expect(inviteePage.getByTestId('nav').getByRole('link', { name: 'Personnes' })).toHaveCount(0);

  // The link was for one use only.
  await inviteePage.goto(link!);
  await expect(inviteePage.getByText("Ce lien n'est plus valable")).toBeVisible();
  await invitee.close();
});

test('a deactivated person is cut off on their next request', async ({ page, browser }) => {
  const email = uniqueEmail('leaver');
  await signIn(page, DEMO.admin);
  await page.goto('/admin/people');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Nom', { exact: true }).fill('Léo Partant');
  await page.getByRole('button', { name: "Envoyer l'invitation" }).click();
  await expect(page.getByText(`Invitation envoyée par e-mail à ${email}.`)).toBeVisible();
  const link = await invitationLinkFor(email);

  const leaver = await browser.newContext({ locale: 'fr-FR' });
  const leaverPage = await leaver.newPage();
  await leaverPage.goto(link!);
  await leaverPage.getByLabel('Mot de passe', { exact: true }).fill('mot de passe du partant');
  await leaverPage.getByLabel('Confirmez le mot de passe').fill('mot de passe du partant');
  await leaverPage.getByRole('button', { name: 'Créer mon compte' }).click();
  await signIn(leaverPage, email, 'mot de passe du partant');

  await page.reload();
  const row = page.getByTestId(`person-${email}`);
  await row.getByText('Modifier').click();
  await row.getByRole('button', { name: 'Désactiver' }).click();
  const confirm = page.getByRole('dialog', { name: /^Désactiver .*\?$/ });
  await expect(confirm).toContainText('ne pourra plus se connecter');
  await confirm.getByRole('button', { name: 'Désactiver' }).click();
  await expect(row.getByText('Personne désactivée')).toBeVisible();

  await leaverPage.goto('/profile');
  await expect(leaverPage).toHaveURL(/\/signin/);
  await leaver.close();
});
