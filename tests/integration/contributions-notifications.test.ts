// Telling contributors their work was rejected or sent back: always a notification row in the
// app; with SMTP_URL set, an email (caught by a real SMTP server) carrying the reason. A mail
// server that is down never undoes the review.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { POST as actionRoute } from '@/app/api/v1/contributions/[id]/[action]/route';
import { reviewContribution } from '@/lib/contributions/server/review';
import { resetMailer } from '@/lib/mail/mailer';
import { freePort } from '@/scripts/embedded-postgres';
import type { Actor } from '@/lib/auth/permissions';
import { type CaughtMail } from '../support/mail-catcher';
import { useSmtp } from '../support/smtp';
import {
  bearerToken,
  callRoute,
  createChantier,
  createPeriod,
  createPerson,
  resetDatabase,
  seedContribution,
} from '../support/database';

let owner: Actor;
let remi: Actor;
let chantierId: string;
let periodId: string;
const DATE = '2026-02-10';

/** A raw message's headers and its body decoded to text (quoted-printable or base64, UTF-8). */
function decode(raw: string): { subject: string; text: string } {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = head.replace(/\r?\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(headers)?.[1]?.trim() ?? '';
  const words = (value: string) =>
    value.replace(/=\?utf-8\?([qb])\?([^?]*)\?=\s*/gi, (_, encoding: string, data: string) =>
      encoding.toLowerCase() === 'b'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(
            data
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (__, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8'),
    );
  const body = rest.join('\n\n');
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? Buffer.from(
            body
              .replace(/=\r?\n/g, '')
              .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8')
        : body;
  return { subject: words(header('Subject')), text: text.replace(/\r\n/g, '\n') };
}

beforeAll(async () => {
  delete process.env.SMTP_URL;
  resetMailer();
  await resetDatabase();
  chantierId = (await createChantier({ name: 'Chantier' })).id;
  periodId = (await createPeriod({ name: '2026', startDate: '2026-01-01', endDate: '2026-12-31' })).id;
  owner = await createPerson({ name: 'Olga Owner', email: 'olga@test.local' });
  remi = await createPerson({ name: 'Rémi Référent', email: 'remi@test.local', referentOf: [chantierId] });
});

beforeEach(async () => {
  await db().notification.deleteMany();
});

const submitted = (description = 'Atelier vélo') =>
  seedContribution({ personId: owner.id, chantierId, periodId, date: DATE, status: 'SUBMITTED', description });

describe('in the app (no SMTP)', () => {
  it('a rejection leaves the owner a notification with the reason, and nobody else one', async () => {
    const contribution = await submitted();
    const response = await callRoute(actionRoute, {
      method: 'POST',
      token: await bearerToken(remi.id),
      params: { id: contribution.id, action: 'reject' },
      body: { reason: 'Hors périmètre' },
    });
    expect(response.status).toBe(200);
    const notifications = await db().notification.findMany();
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({
      personId: owner.id,
      kind: 'contribution.REJECTED',
      readAt: null,
      data: {
        contributionId: contribution.id,
        ownerId: owner.id,
        kind: 'REJECTED',
        reviewerName: 'Rémi Référent',
        comment: 'Hors périmètre',
        date: DATE,
        description: 'Atelier vélo',
      },
    });
  });

  it('a change request too, with the comment; an approval or un-approval leaves none', async () => {
    const sentBack = await submitted();
    await reviewContribution({ actor: remi, id: sentBack.id, action: 'requestChanges', comment: 'Ajoute le lieu' });
    const approved = await submitted();
    await reviewContribution({ actor: remi, id: approved.id, action: 'approve' });
    await reviewContribution({ actor: remi, id: approved.id, action: 'unapprove', comment: 'À revoir' });
    const notifications = await db().notification.findMany();
    expect(
      notifications.map((notification) => [
        notification.personId,
        notification.kind,
        (notification.data as { comment: string }).comment,
      ]),
    ).toEqual([[owner.id, 'contribution.CHANGES_REQUESTED', 'Ajoute le lieu']]);
  });

  it('a refused review notifies nobody', async () => {
    const contribution = await submitted();
    await expect(
      reviewContribution({ actor: remi, id: contribution.id, action: 'reject', comment: ' ' }),
    ).rejects.toMatchObject({ code: 'COMMENT_REQUIRED' });
    expect(await db().notification.count()).toBe(0);
  });
});

describe('by email, with SMTP_URL set', () => {
  const mail = useSmtp();
  const to = (address: string): CaughtMail[] => mail.messages.filter((message) => message.to.includes(address));

  it('the owner is emailed the reason of a rejection', async () => {
    const contribution = await submitted('Permanence à La Baraka');
    await reviewContribution({
      actor: remi,
      id: contribution.id,
      action: 'reject',
      comment: 'Déjà déclarée par Bob — doublon',
    });
    expect(mail.messages).toHaveLength(1);
    expect(to('olga@test.local')).toHaveLength(1);
    const { subject, text } = decode(mail.messages[0].raw);
    expect(subject).toBe('Butin : contribution refusée');
    expect(text).toContain('Bonjour Olga Owner');
    expect(text).toContain('Rémi Référent a refusé votre contribution du 10/02/2026 (« Permanence à La Baraka »)');
    expect(text).toContain('Motif : Déjà déclarée par Bob — doublon');
    expect(text).toContain('http://localhost:3000/contributions');
    expect(await db().notification.count({ where: { personId: owner.id } })).toBe(1);
  });

  it('and the comment of a change request; an approval sends nothing', async () => {
    const contribution = await submitted();
    await reviewContribution({
      actor: remi,
      id: contribution.id,
      action: 'requestChanges',
      comment: 'Mets le lien du compte rendu',
    });
    const approved = await submitted();
    await reviewContribution({ actor: remi, id: approved.id, action: 'approve' });
    expect(mail.messages).toHaveLength(1);
    const { subject, text } = decode(mail.messages[0].raw);
    expect(subject).toBe('Butin : contribution à compléter');
    expect(text).toContain('Commentaire : Mets le lien du compte rendu');
  });

  it('a deactivated owner is not emailed, but the notification is kept', async () => {
    const leaver = await createPerson({ name: 'Léa Partie', email: 'lea@test.local' });
    const contribution = await seedContribution({
      personId: leaver.id,
      chantierId,
      periodId,
      date: DATE,
      status: 'SUBMITTED',
    });
    await db().person.update({ where: { id: leaver.id }, data: { active: false } });
    await reviewContribution({ actor: remi, id: contribution.id, action: 'reject', comment: 'Non' });
    expect(mail.messages).toHaveLength(0);
    expect(await db().notification.count({ where: { personId: leaver.id } })).toBe(1);
  });

  it('a mail server that is down does not undo the review; the in-app notice stays', async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${await freePort()}`; // nothing listens there
    resetMailer();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const contribution = await submitted();
      const result = await reviewContribution({ actor: remi, id: contribution.id, action: 'reject', comment: 'Motif' });
      expect(result.status).toBe('REJECTED');
      expect((await db().contribution.findUniqueOrThrow({ where: { id: contribution.id } })).status).toBe('REJECTED');
      expect(await db().notification.count({ where: { personId: owner.id } })).toBe(1);
      expect(logged).toHaveBeenCalledWith(expect.stringContaining('could not email'), expect.anything());
    } finally {
      logged.mockRestore();
    }
  });
});
