// The payout profile endpoints, called as Next would with bearer tokens: GET and PUT
// /me/payout-profile, GET /people/{id}/payout-profile. A contributor reaches nobody else's profile
// through any route; a treasurer reads anyone's; a bad IBAN or SIRET is a 400 naming the field and
// saves nothing; a change of IBAN is emailed (masked) when SMTP is configured, and a mail server
// that is down never undoes it.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/auth/permissions';
import { GET as getMine, PUT as putMine } from '@/app/api/v1/me/payout-profile/route';
import { GET as getPersons } from '@/app/api/v1/people/[id]/payout-profile/route';
import { GET as getPeople } from '@/app/api/v1/people/route';
import { GET as getMe } from '@/app/api/v1/me/route';
import { resetMailer } from '@/lib/mail/mailer';
import { freePort } from '@/scripts/embedded-postgres';
import { mailText } from '../support/mail-catcher';
import { useSmtp } from '../support/smtp';
import { bearerToken, callRoute, createPerson, resetDatabase, tableCounts } from '../support/database';

const IBAN = 'FR7630006000011234567890189';
const OTHER_IBAN = 'DE89370400440532013000';
const ELISE_PROFILE = {
  payeeType: 'SELF',
  legalName: 'Élise Moreau',
  iban: 'FR76 3000 6000 0112 3456 7890 189',
  bic: 'BNPAFRPP',
  siret: '73282932000074',
  addressLine1: '12 rue de Lannoy',
  postalCode: '59100',
  city: 'Roubaix',
};

let elise: Actor;
let bruno: Actor;
let referent: Actor;
let admin: Actor;
let treasurer: Actor;
const tokens: Record<string, string> = {};

const put = (who: string, body: unknown) =>
  callRoute(putMine, { method: 'PUT', path: '/api/v1/me/payout-profile', token: tokens[who], body });
const getOwn = (who: string) => callRoute(getMine, { path: '/api/v1/me/payout-profile', token: tokens[who] });
const getOf = (who: string | undefined, id: string) =>
  callRoute(getPersons, {
    path: `/api/v1/people/${id}/payout-profile`,
    token: who ? tokens[who] : undefined,
    params: { id },
  });

beforeAll(async () => {
  delete process.env.SMTP_URL;
  resetMailer();
  await resetDatabase();
  elise = await createPerson({ name: 'Élise Moreau', email: 'elise@test.local' });
  bruno = await createPerson({ name: 'Bruno Lefebvre', email: 'bruno@test.local' });
  const chantier = await db().chantier.create({ data: { name: 'Chantier', code: 'C1' } });
  referent = await createPerson({ name: 'Rachida Référente', referentOf: [chantier.id] });
  admin = await createPerson({ name: 'Camille Admin', roles: ['ADMIN'] });
  treasurer = await createPerson({ name: 'Théo Trésorier', roles: ['TREASURER'] });
  for (const [key, person] of Object.entries({ elise, bruno, referent, admin, treasurer }))
    tokens[key] = await bearerToken(person.id);
});

beforeEach(async () => {
  await db().payoutProfile.deleteMany();
  await db().notification.deleteMany();
});

describe('GET and PUT /api/v1/me/payout-profile', () => {
  it('404 until filled; PUT stores it normalised and answers the profile; GET then gives it back', async () => {
    expect(await getOwn('elise')).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    const saved = await put('elise', ELISE_PROFILE);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      personId: elise.id,
      payeeType: 'SELF',
      organisationName: null,
      legalName: 'Élise Moreau',
      iban: IBAN,
      ibanMasked: 'FR76 •••• •••• 0189',
      ibanValid: true,
      bic: 'BNPAFRPP',
      siret: '73282932000074',
      postalCode: '59100',
      country: 'FR',
      payeeKey: `person:${elise.id}`,
      payeeName: 'Élise Moreau',
      ibanChanged: true,
      ibanChangeEmailed: false,
    });
    const read = await getOwn('elise');
    expect(read.status).toBe(200);
    const { ibanChanged: _changed, ibanChangeEmailed: _emailed, ...profile } = saved.body;
    expect(read.body).toEqual(profile);
  });

  it('PUT replaces the whole profile: fields left out become empty', async () => {
    await put('elise', ELISE_PROFILE);
    const replaced = await put('elise', { legalName: 'Élise Moreau', iban: IBAN });
    expect(replaced.body).toMatchObject({
      iban: IBAN,
      bic: null,
      siret: null,
      addressLine1: null,
      city: null,
      ibanChanged: false,
    });
  });

  it('a treasurer’s PUT changes their own profile, never someone else’s', async () => {
    await put('elise', ELISE_PROFILE);
    const response = await put('treasurer', { legalName: 'Théo Trésorier', iban: OTHER_IBAN, personId: elise.id });
    expect(response.status).toBe(200);
    expect(response.body.personId).toBe(treasurer.id);
    expect((await db().payoutProfile.findUnique({ where: { personId: elise.id } }))?.iban).toBe(IBAN);
  });

  it.each([
    ['iban', { iban: 'FR7630006000011234567890188' }, /IBAN/],
    ['iban', { iban: 'hello' }, /IBAN/],
    ['siret', { siret: '73282932000075' }, /SIRET/],
    ['siret', { siret: '7328293200007' }, /14 digits/],
    ['bic', { bic: 'BNPAFRP' }, /BIC/],
    ['postalCode', { postalCode: '5910' }, /postal code/],
    ['legalName', { legalName: '' }, /required/],
    ['organisationName', { payeeType: 'ORGANISATION', organisationName: null }, /organisation/],
  ])('a bad %s is a 400 naming the field (in English), and nothing is saved', async (field, change, message) => {
    await put('elise', ELISE_PROFILE);
    const before = await tableCounts();
    const stored = await db().payoutProfile.findUnique({ where: { personId: elise.id } });
    const response = await put('elise', { ...ELISE_PROFILE, iban: OTHER_IBAN, ...change });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION');
    expect(Object.keys(response.body.error.fields)).toEqual([field]);
    expect(response.body.error.fields[field]).toMatch(message);
    expect(await tableCounts()).toEqual(before);
    expect(await db().payoutProfile.findUnique({ where: { personId: elise.id } })).toEqual(stored);
  });

  it('malformed JSON or a body that is not an object is a 400, never a 500', async () => {
    expect((await callRoute(putMine, { method: 'PUT', token: tokens.elise, rawBody: '{"legalName": ' })).status).toBe(
      400,
    );
    expect((await put('elise', ['not', 'an', 'object'])).status).toBe(400);
    expect((await put('elise', { legalName: 42, iban: { nested: true } })).status).toBe(400);
  });

  it('without a token: 401', async () => {
    expect((await callRoute(getMine, {})).status).toBe(401);
    expect((await callRoute(putMine, { method: 'PUT', body: ELISE_PROFILE })).status).toBe(401);
  });
});

describe('GET /api/v1/people/{id}/payout-profile', () => {
  beforeEach(async () => {
    await put('elise', ELISE_PROFILE);
  });

  it('the person reads their own, a treasurer reads it too', async () => {
    for (const who of ['elise', 'treasurer']) {
      const response = await getOf(who, elise.id);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        personId: elise.id,
        iban: IBAN,
        siret: '73282932000074',
        addressLine1: '12 rue de Lannoy',
      });
    }
  });

  it.each(['bruno', 'referent', 'admin'])(
    '%s gets the same 404 as for an unknown id, or a person without a profile',
    async (who) => {
      const existing = await getOf(who, elise.id);
      const unknown = await getOf(who, 'no-such-person');
      expect(existing).toEqual({
        status: 404,
        body: { error: { code: 'NOT_FOUND', message: 'Payout profile not found' } },
      });
      expect(unknown).toEqual(existing);
      // And a treasurer asking about someone without a profile gets that very answer too.
      expect(await getOf('treasurer', bruno.id)).toEqual(existing);
    },
  );

  it('without a token: 401', async () => {
    expect((await getOf(undefined, elise.id)).status).toBe(401);
  });

  it('no route shows a contributor anything of another person’s profile', async () => {
    await put('bruno', { legalName: 'Bruno Lefebvre' });
    const answers = [
      await getOf('bruno', elise.id),
      await getOwn('bruno'),
      await callRoute(getMe, { token: tokens.bruno }),
      await callRoute(getPeople, { path: '/api/v1/people', token: tokens.bruno }),
    ];
    for (const answer of answers) {
      const text = JSON.stringify(answer.body);
      for (const secret of [IBAN, '0189', '73282932000074', 'Lannoy', '59100', 'BNPAFRPP'])
        expect(text).not.toContain(secret);
    }
  });
});

describe('a change of IBAN, by email with SMTP_URL set', () => {
  const mail = useSmtp();

  it('the person is emailed both IBANs masked, never whole; the audit log records the change', async () => {
    await put('elise', ELISE_PROFILE);
    mail.messages.length = 0;
    const response = await put('elise', { ...ELISE_PROFILE, iban: OTHER_IBAN });
    expect(response.body).toMatchObject({ iban: OTHER_IBAN, ibanChanged: true, ibanChangeEmailed: true });
    expect(mail.messages).toHaveLength(1);
    expect(mail.messages[0].to).toEqual(['elise@test.local']);
    const text = mailText(mail.messages[0].raw);
    expect(text).toContain('Bonjour Élise Moreau');
    expect(text).toContain('Ancien IBAN : FR76 •••• •••• 0189');
    expect(text).toContain('Nouvel IBAN : DE89 •••• •••• 3000');
    expect(text).toContain('http://localhost:3000/profile/payout');
    expect(mail.messages[0].raw).not.toContain(OTHER_IBAN);
    expect(mail.messages[0].raw).not.toContain('370400440532');
    const audit = await db().auditLog.findFirst({
      where: { action: 'payout-profile.iban-changed', entityId: elise.id },
      orderBy: { id: 'desc' },
    });
    expect(audit?.data).toEqual({ from: 'FR76 •••• •••• 0189', to: 'DE89 •••• •••• 3000' });
  });

  it('a save that leaves the IBAN as it was sends nothing', async () => {
    await put('elise', ELISE_PROFILE);
    mail.messages.length = 0;
    const response = await put('elise', { ...ELISE_PROFILE, city: 'Lille', iban: 'fr7630006000011234567890189' });
    expect(response.body).toMatchObject({ city: 'Lille', ibanChanged: false, ibanChangeEmailed: false });
    expect(mail.messages).toHaveLength(0);
  });

  it('a mail server that is down does not undo the change: saved, audited, notified in the app', async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${await freePort()}`;
    resetMailer();
    const response = await put('elise', ELISE_PROFILE);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ iban: IBAN, ibanChanged: true, ibanChangeEmailed: false });
    expect((await db().payoutProfile.findUnique({ where: { personId: elise.id } }))?.iban).toBe(IBAN);
    expect(await db().notification.count({ where: { personId: elise.id, kind: 'payout.iban-changed' } })).toBe(1);
  });
});
