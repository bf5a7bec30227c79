// Payout profiles against a real PostgreSQL, through the domain functions: who may read and who
// may edit (the person; treasurers read only; anyone else is told the profile does not exist),
// what a save records (audit entries without personal data, the IBAN change masked, an in-app
// notification), what a refusal leaves (nothing), and the treasury's list of payees.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/auth/permissions';
import { getPayoutProfile, savePayoutProfile } from '@/lib/payees/profiles';
import { listPayees, loadPayees } from '@/lib/payees/list-payees';
import { resetMailer } from '@/lib/mail/mailer';
import { createPerson, rejectionOf, resetDatabase, tableCounts } from '../support/database';

const IBAN = 'FR7630006000011234567890189';
const OTHER_IBAN = 'DE89370400440532013000';

let elise: Actor;
let bruno: Actor;
let referent: Actor;
let admin: Actor;
let treasurer: Actor;

const profileOf = (personId: string) => db().payoutProfile.findUnique({ where: { personId } });
/** The audit log is append-only (a trigger refuses deletes): each test reads what it added. */
let auditMark = BigInt(0);
const auditOf = (personId: string) =>
  db().auditLog.findMany({
    where: { entityType: 'payout-profile', entityId: personId, id: { gt: auditMark } },
    orderBy: { id: 'asc' },
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
});

beforeEach(async () => {
  await db().payoutProfile.deleteMany();
  await db().notification.deleteMany();
  auditMark = (await db().auditLog.aggregate({ _max: { id: true } }))._max.id ?? BigInt(0);
});

describe('who may read a profile', () => {
  beforeEach(async () => {
    await savePayoutProfile({ actor: elise, personId: elise.id, input: { legalName: 'Élise Moreau', iban: IBAN } });
  });

  it('the person reads their own, with the IBAN whole and masked', async () => {
    expect(await getPayoutProfile({ actor: elise, personId: elise.id })).toMatchObject({
      personId: elise.id,
      payeeType: 'SELF',
      legalName: 'Élise Moreau',
      iban: IBAN,
      ibanMasked: 'FR76 •••• •••• 0189',
      ibanValid: true,
      country: 'FR',
      payeeKey: `person:${elise.id}`,
      payeeName: 'Élise Moreau',
    });
  });

  it('a treasurer reads anyone’s', async () => {
    expect((await getPayoutProfile({ actor: treasurer, personId: elise.id }))?.iban).toBe(IBAN);
  });

  it.each([
    ['another contributor', () => bruno],
    ['a referent', () => referent],
    ['an admin', () => admin],
  ])('%s is told it does not exist (NOT_FOUND), exactly as for an unknown person', async (_who, actor) => {
    const existing = await rejectionOf(getPayoutProfile({ actor: actor(), personId: elise.id }));
    const unknown = await rejectionOf(getPayoutProfile({ actor: actor(), personId: 'no-such-person' }));
    expect(existing).toMatchObject({ code: 'NOT_FOUND', message: 'Payout profile not found' });
    expect(unknown).toMatchObject({ code: existing.code, message: existing.message });
  });

  it('a person without a profile yet reads null; a treasurer too; an unknown id is NOT_FOUND even for a treasurer', async () => {
    expect(await getPayoutProfile({ actor: bruno, personId: bruno.id })).toBeNull();
    expect(await getPayoutProfile({ actor: treasurer, personId: bruno.id })).toBeNull();
    expect(await rejectionOf(getPayoutProfile({ actor: treasurer, personId: 'no-such-person' }))).toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('who may edit a profile: the person only', () => {
  it.each([
    ['a treasurer, who may read it, is refused (FORBIDDEN)', () => treasurer, 'FORBIDDEN'],
    ['an admin is told it does not exist', () => admin, 'NOT_FOUND'],
    ['another contributor is told it does not exist', () => bruno, 'NOT_FOUND'],
    ['a referent is told it does not exist', () => referent, 'NOT_FOUND'],
  ])('%s; nothing is written', async (_who, actor, code) => {
    await savePayoutProfile({ actor: elise, personId: elise.id, input: { legalName: 'Élise Moreau', iban: IBAN } });
    const before = await tableCounts();
    const error = await rejectionOf(
      savePayoutProfile({ actor: actor(), personId: elise.id, input: { legalName: 'Fraudeur', iban: OTHER_IBAN } }),
    );
    expect(error).toMatchObject({ code });
    expect(await tableCounts()).toEqual(before);
    expect((await profileOf(elise.id))?.iban).toBe(IBAN);
  });
});

describe('saving', () => {
  it('stores the inputs normalised, and audits the fields changed but not their values', async () => {
    const { profile, ibanChanged, emailed } = await savePayoutProfile({
      actor: elise,
      personId: elise.id,
      input: {
        payeeType: 'ORGANISATION',
        organisationName: 'La Coroutine',
        legalName: 'Élise Moreau',
        iban: 'fr76 3000 6000 0112 3456 7890 189',
        bic: 'bnpa frpp',
        siret: '732 829 320 00074',
        addressLine1: '12 rue de Lannoy',
        postalCode: '59100',
        city: 'Roubaix',
      },
    });
    expect(ibanChanged).toBe(true);
    expect(emailed).toBe(false); // no SMTP here
    expect(profile).toMatchObject({ payeeKey: 'org:la-coroutine', payeeName: 'La Coroutine' });
    expect(await profileOf(elise.id)).toMatchObject({
      payeeType: 'ORGANISATION',
      organisationName: 'La Coroutine',
      iban: IBAN,
      bic: 'BNPAFRPP',
      siret: '73282932000074',
      postalCode: '59100',
      country: 'FR',
      addressLine2: null,
    });
    const audit = await auditOf(elise.id);
    expect(audit.map((entry) => [entry.action, entry.actorId])).toEqual([
      ['payout-profile.created', elise.id],
      ['payout-profile.iban-changed', elise.id],
    ]);
    expect(audit[0].data).toEqual({
      changedFields: [
        'payeeType',
        'organisationName',
        'legalName',
        'iban',
        'bic',
        'siret',
        'addressLine1',
        'addressLine2',
        'postalCode',
        'city',
        'country',
      ],
    });
    // The audit log is for admins: no IBAN, SIRET or address in it, only the masked IBANs.
    const text = JSON.stringify(audit.map((entry) => entry.data));
    for (const secret of [IBAN, '30006000011234567890', '73282932000074', 'Lannoy']) expect(text).not.toContain(secret);
  });

  it('an IBAN change is audited with both IBANs masked, and the person gets an in-app notification', async () => {
    await savePayoutProfile({ actor: elise, personId: elise.id, input: { legalName: 'Élise Moreau', iban: IBAN } });
    await db().notification.deleteMany();
    const { ibanChanged } = await savePayoutProfile({
      actor: elise,
      personId: elise.id,
      input: { legalName: 'Élise Moreau', iban: OTHER_IBAN },
    });
    expect(ibanChanged).toBe(true);
    const changes = (await auditOf(elise.id)).filter((entry) => entry.action === 'payout-profile.iban-changed');
    expect(changes.map((entry) => entry.data)).toEqual([
      { from: null, to: 'FR76 •••• •••• 0189' },
      { from: 'FR76 •••• •••• 0189', to: 'DE89 •••• •••• 3000' },
    ]);
    const notifications = await db().notification.findMany({ where: { personId: elise.id } });
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({
      kind: 'payout.iban-changed',
      readAt: null,
      data: {
        from: 'FR76 •••• •••• 0189',
        to: 'DE89 •••• •••• 3000',
        changedById: elise.id,
        changedByName: 'Élise Moreau',
        date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      },
    });
    expect(JSON.stringify(notifications[0].data)).not.toContain(OTHER_IBAN);
    expect(await db().notification.count({ where: { personId: { not: elise.id } } })).toBe(0);
  });

  it('removing the IBAN is a change too', async () => {
    await savePayoutProfile({ actor: elise, personId: elise.id, input: { legalName: 'Élise Moreau', iban: IBAN } });
    const { ibanChanged } = await savePayoutProfile({
      actor: elise,
      personId: elise.id,
      input: { legalName: 'Élise Moreau', iban: '' },
    });
    expect(ibanChanged).toBe(true);
    expect((await auditOf(elise.id)).at(-1)).toMatchObject({
      action: 'payout-profile.iban-changed',
      data: { from: 'FR76 •••• •••• 0189', to: null },
    });
  });

  it('a change of anything but the IBAN is audited without an IBAN entry or a notification', async () => {
    await savePayoutProfile({ actor: elise, personId: elise.id, input: { legalName: 'Élise Moreau', iban: IBAN } });
    const auditBefore = (await auditOf(elise.id)).length;
    await db().notification.deleteMany();
    const { ibanChanged } = await savePayoutProfile({
      actor: elise,
      personId: elise.id,
      input: { legalName: 'Élise Moreau', iban: 'FR76 3000 6000 0112 3456 7890 189', city: 'Lille' },
    });
    expect(ibanChanged).toBe(false);
    const audit = (await auditOf(elise.id)).slice(auditBefore);
    expect(audit.map((entry) => [entry.action, entry.data])).toEqual([
      ['payout-profile.updated', { changedFields: ['city'] }],
    ]);
    expect(await db().notification.count()).toBe(0);
  });

  it('saving the same values again records nothing', async () => {
    const input = { legalName: 'Élise Moreau', iban: IBAN, postalCode: '59100' };
    await savePayoutProfile({ actor: elise, personId: elise.id, input });
    const before = await tableCounts();
    const { ibanChanged } = await savePayoutProfile({ actor: elise, personId: elise.id, input });
    expect(ibanChanged).toBe(false);
    expect(await tableCounts()).toEqual(before);
  });

  it.each([
    ['iban', { iban: 'FR7630006000011234567890188' }, 'validation.iban'],
    ['siret', { siret: '73282932000075' }, 'validation.siret'],
    ['siret', { siret: '123' }, 'validation.siretLength'],
    ['bic', { bic: 'BNPAFRPPXX' }, 'validation.bic'],
    ['postalCode', { postalCode: '591' }, 'validation.postalCode'],
    ['organisationName', { payeeType: 'ORGANISATION' }, 'validation.organisationRequired'],
  ])('refuses a bad %s, naming the field, and leaves everything as it was', async (field, change, message) => {
    await savePayoutProfile({ actor: elise, personId: elise.id, input: { legalName: 'Élise Moreau', iban: IBAN } });
    const stored = await profileOf(elise.id);
    const before = await tableCounts();
    const error = await rejectionOf(
      savePayoutProfile({
        actor: elise,
        personId: elise.id,
        input: { legalName: 'Élise Moreau', iban: OTHER_IBAN, city: 'Lille', ...change },
      }),
    );
    expect(error.name).toBe('ZodError');
    expect((error as unknown as { issues: { path: string[]; message: string }[] }).issues).toEqual([
      expect.objectContaining({ path: [field], message }),
    ]);
    expect(await tableCounts()).toEqual(before);
    expect(await profileOf(elise.id)).toEqual(stored);
  });

  it('two saves at once are serialised: the audited IBAN changes chain, none is lost', async () => {
    await savePayoutProfile({ actor: elise, personId: elise.id, input: { legalName: 'Élise Moreau', iban: IBAN } });
    await Promise.all([
      savePayoutProfile({ actor: elise, personId: elise.id, input: { legalName: 'Élise Moreau', iban: OTHER_IBAN } }),
      savePayoutProfile({
        actor: elise,
        personId: elise.id,
        input: { legalName: 'Élise Moreau', iban: 'BE68539007547034' },
      }),
    ]);
    const changes = (await auditOf(elise.id))
      .filter((entry) => entry.action === 'payout-profile.iban-changed')
      .map((entry) => entry.data as { from: string | null; to: string });
    expect(changes).toHaveLength(3);
    // Each change starts from where the previous one ended, and the last one is what is stored.
    for (let index = 1; index < changes.length; index++) expect(changes[index].from).toBe(changes[index - 1].to);
    const stored = await profileOf(elise.id);
    expect(changes.at(-1)!.to).toBe(stored?.iban === OTHER_IBAN ? 'DE89 •••• •••• 3000' : 'BE68 •••• •••• 7034');
  });
});

describe('the treasury’s list of payees', () => {
  beforeEach(async () => {
    await savePayoutProfile({
      actor: elise,
      personId: elise.id,
      input: {
        payeeType: 'ORGANISATION',
        organisationName: 'La Coroutine',
        legalName: 'Élise Moreau',
        iban: IBAN,
        siret: '73282932000074',
      },
    });
    await savePayoutProfile({
      actor: bruno,
      personId: bruno.id,
      input: { legalName: 'Bruno Lefebvre', iban: 'BR9700360305000010009795493P1' },
    });
  });

  it('lists every active person with their payee, masked IBAN status and SIRET; a person without a profile is listed too', async () => {
    const inactive = await createPerson({ name: 'Zoé Partie', active: false });
    const payees = await listPayees({ actor: treasurer });
    expect(payees.map((payee) => payee.name)).toEqual([
      'Bruno Lefebvre',
      'Camille Admin',
      'Élise Moreau',
      'Rachida Référente',
      'Théo Trésorier',
    ]);
    expect(payees.find((payee) => payee.personId === elise.id)).toMatchObject({
      hasProfile: true,
      payeeType: 'ORGANISATION',
      payeeKey: 'org:la-coroutine',
      payeeName: 'La Coroutine',
      legalName: 'Élise Moreau',
      ibanMasked: 'FR76 •••• •••• 0189',
      ibanStatus: 'VALID',
      siret: '73282932000074',
      siretValid: true,
    });
    expect(payees.find((payee) => payee.personId === bruno.id)).toMatchObject({
      ibanStatus: 'OUTSIDE_SEPA',
      payeeKey: `person:${bruno.id}`,
      siretValid: null,
    });
    expect(payees.find((payee) => payee.personId === admin.id)).toMatchObject({
      hasProfile: false,
      ibanStatus: 'MISSING',
      payeeName: 'Camille Admin',
      payeeKey: `person:${admin.id}`,
    });
    expect(payees.some((payee) => payee.personId === inactive.id)).toBe(false);
    await db().person.delete({ where: { id: inactive.id } });
  });

  it.each([
    ['a contributor', () => bruno],
    ['a referent', () => referent],
    ['an admin', () => admin],
  ])('is refused to %s', async (_who, actor) => {
    expect(await rejectionOf(listPayees({ actor: actor() }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await rejectionOf(loadPayees({ actor: actor(), personIds: [elise.id] }))).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('loadPayees gives the payees of given people, whole IBAN included, for payments and SEPA', async () => {
    const payees = await loadPayees({ actor: treasurer, personIds: [elise.id, admin.id, elise.id] });
    expect([...payees.keys()].sort()).toEqual([elise.id, admin.id].sort());
    expect(payees.get(elise.id)).toMatchObject({ iban: IBAN, payeeKey: 'org:la-coroutine' });
    expect(payees.get(admin.id)).toMatchObject({ iban: null, ibanStatus: 'MISSING' });
  });
});
