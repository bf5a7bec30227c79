// Telling a claim's person it was rejected or sent back: with SMTP_URL set, an email (caught by a
// real SMTP server) carrying the reason or the comment, the amount and a link to the claim; an
// approval sends nothing, nor does a refused review; a mail server that is down never undoes it.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { POST as actionRoute } from '@/app/api/v1/claims/[id]/[action]/route';
import { createClaim, reviewClaims, transitionClaim } from '@/lib/claims/server/mutations';
import { resetMailer } from '@/lib/mail/mailer';
import { freePort } from '@/scripts/embedded-postgres';
import type { Actor } from '@/lib/auth/permissions';
import { mailText } from '../support/mail-catcher';
import { useSmtp } from '../support/smtp';
import { bearerToken, callRoute, createChantier, createPeriod, createPerson, resetDatabase } from '../support/database';

let owner: Actor;
let remi: Actor;
let chantierId: string;
const DATE = '2026-04-01';

beforeAll(async () => {
  await resetDatabase();
  chantierId = (await createChantier({ name: 'Chantier' })).id;
  await createPeriod({ name: '2026', startDate: '2026-01-01', endDate: '2026-12-31' });
  owner = await createPerson({ name: 'Olga Owner', email: 'olga@test.local' });
  remi = await createPerson({ name: 'Rémi Référent', email: 'remi@test.local', referentOf: [chantierId] });
});

/** A fixed fee of 150 €, submitted by its person. */
async function submitted(description = 'Atelier vélo', person = owner) {
  const draft = await createClaim(person, {
    kind: 'FIXED_FEE',
    date: DATE,
    chantierId,
    description,
    amountCents: 15_000,
    submit: false,
  });
  return transitionClaim(person, draft.id, 'submit', { version: draft.version });
}

describe('claim review notices by email, with SMTP_URL set', () => {
  const mail = useSmtp();

  it('the person is emailed the reason of a rejection, with the amount and a link to the claim', async () => {
    const claim = await submitted('Permanence à La Baraka');
    const response = await callRoute(actionRoute, {
      method: 'POST',
      token: await bearerToken(remi.id),
      params: { id: claim.id, action: 'reject' },
      body: { reason: 'Déjà payée en septembre', version: claim.version },
    });
    expect(response.status).toBe(200);
    expect(mail.messages).toHaveLength(1);
    expect(mail.messages[0].to).toEqual(['olga@test.local']);
    const text = mailText(mail.messages[0].raw);
    expect(text).toContain('Bonjour Olga Owner');
    expect(text).toMatch(
      /Rémi Référent a refusé votre demande du 01\/04\/2026 \(« Permanence à La Baraka », 150,00\s€\)/,
    );
    expect(text).toContain('Motif : Déjà payée en septembre');
    expect(text).toContain(`http://localhost:3000/claims/${claim.id}`);
  });

  it('the comment of a change request, one email per claim of a bulk review; an approval sends nothing', async () => {
    const first = await submitted('Atelier 1');
    const second = await submitted('Atelier 2');
    await reviewClaims(remi, [first.id, second.id], 'requestChanges', 'Joins le devis signé');
    const approved = await submitted('Atelier 3');
    await transitionClaim(remi, approved.id, 'approve', { version: approved.version });
    expect(mail.messages).toHaveLength(2);
    const texts = mail.messages.map((message) => mailText(message.raw));
    for (const [text, description] of texts.map((text, index) => [text, `Atelier ${index + 1}`])) {
      expect(text).toContain(`a demandé des modifications sur votre demande du 01/04/2026 (« ${description} »`);
      expect(text).toContain('Commentaire : Joins le devis signé');
    }
  });

  it('a refused review sends nothing; a deactivated person is not emailed', async () => {
    const claim = await submitted();
    await expect(transitionClaim(remi, claim.id, 'reject', { reason: ' ' })).rejects.toMatchObject({
      code: 'COMMENT_REQUIRED',
    });
    const leaver = await createPerson({ name: 'Léa Partie', email: 'lea@test.local' });
    const theirs = await submitted('Atelier de Léa', leaver);
    await db().person.update({ where: { id: leaver.id }, data: { active: false } });
    await transitionClaim(remi, theirs.id, 'reject', { reason: 'Non' });
    expect(mail.messages).toHaveLength(0);
  });

  it('a mail server that is down does not undo the review', async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${await freePort()}`; // nothing listens there
    resetMailer();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const claim = await submitted();
      const result = await transitionClaim(remi, claim.id, 'reject', { reason: 'Motif' });
      expect(result.status).toBe('REJECTED');
      expect((await db().claim.findUniqueOrThrow({ where: { id: claim.id } })).status).toBe('REJECTED');
      expect(logged).toHaveBeenCalledWith(expect.stringContaining('could not email'), expect.anything());
    } finally {
      logged.mockRestore();
    }
  });
});
