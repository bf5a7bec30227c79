// GET/PUT /api/v1/settings/identity: the collective's legal name, address, SIRET and RNA number,
// as its documents print them. Admins read and set them (as on the settings page), treasurers
// read them (their documents carry them); anyone else gets 403 and changes nothing; a wrong or
// hostile value is a 400 naming its field, and nothing changes either.
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { GET as getIdentity, PUT as putIdentity } from '@/app/api/v1/settings/identity/route';
import type { Role } from '@/lib/auth/permissions';
import { bearerToken, callRoute, createChantier, createPerson, resetDatabase, tableCounts } from '../support/database';

const SIRET = '73282932000074';
const EMPTY = { legalName: null, address: null, siret: null, rna: null };
let adminToken: string;

beforeEach(async () => {
  await resetDatabase();
  adminToken = await bearerToken((await createPerson({ roles: ['ADMIN'] })).id);
});

const put = (token: string | undefined, body: unknown) => callRoute(putIdentity, { method: 'PUT', token, body });
const stored = async () => {
  const settings = await db().collectiveSettings.findUnique({ where: { id: 1 } });
  return {
    legalName: settings?.legalName ?? null,
    address: settings?.address ?? null,
    siret: settings?.siret ?? null,
    rna: settings?.rna ?? null,
  };
};

describe('the collective’s identity over the API', () => {
  it('is empty until set, then answers what was stored, normalised; PUT replaces all four; each change is audited', async () => {
    const empty = await callRoute(getIdentity, { token: adminToken });
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual(EMPTY);

    const saved = await put(adminToken, {
      legalName: '  Association Monscobar  ',
      address: '12 rue de Lannoy\n59100 Roubaix',
      siret: '732 829 320 00074',
      rna: 'w595012345',
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({
      legalName: 'Association Monscobar',
      address: '12 rue de Lannoy\n59100 Roubaix',
      siret: SIRET,
      rna: 'W595012345',
    });
    expect((await callRoute(getIdentity, { token: adminToken })).body).toEqual(saved.body);

    // A field left out, null or blank is cleared: PUT sets the identity as a whole.
    const cleared = await put(adminToken, { legalName: 'Association Monscobar', address: '  ', siret: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toEqual({ ...EMPTY, legalName: 'Association Monscobar' });
    expect(await stored()).toEqual(cleared.body);
    expect(await db().auditLog.count({ where: { action: 'settings.identityUpdated' } })).toBe(2);
  });

  it.each<[string, unknown, string]>([
    ['a SIRET with a wrong check digit', { siret: '73282932000075' }, 'siret'],
    ['a SIRET of 13 digits', { siret: '7328293200007' }, 'siret'],
    ['an RNA number without its W', { rna: '595012345' }, 'rna'],
    ['an RNA number with letters', { rna: 'W59501234X' }, 'rna'],
    ['an address of five lines', { address: 'a\nb\nc\nd\ne' }, 'address'],
    ['a legal name of 201 characters', { legalName: 'x'.repeat(201) }, 'legalName'],
    ['a legal name as a number', { legalName: 42 }, 'legalName'],
    ['an address as an array', { address: ['12 rue de Lannoy'] }, 'address'],
    ['a SIRET as an object', { siret: { $gt: '' } }, 'siret'],
    ['a megabyte of RNA', { rna: 'W'.repeat(1024 * 1024) }, 'rna'],
  ])('refuses %s with 400 naming the field, changing nothing', async (_label, body, field) => {
    await put(adminToken, { legalName: 'Avant', siret: SIRET });
    const before = await tableCounts();
    const response = await put(adminToken, body);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION');
    expect(Object.keys(response.body.error.fields)).toContain(field);
    expect(await tableCounts()).toEqual(before);
    expect(await stored()).toEqual({ ...EMPTY, legalName: 'Avant', siret: SIRET });
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['an array', []],
    ['a string', 'Association'],
  ])('refuses %s as the whole body with 400', async (_label, body) => {
    const response = await put(adminToken, body);
    expect(response.status).toBe(400);
    expect(await stored()).toEqual(EMPTY);
  });

  it('keeps markup and quotes as text, never interpreting them', async () => {
    const legalName = `<script>alert("x")</script> L'Atelier & Cie`;
    const saved = await put(adminToken, { legalName });
    expect(saved.status).toBe(200);
    expect(saved.body.legalName).toBe(legalName);
  });

  it.each<[string, Role[], boolean, boolean]>([
    ['an admin', ['ADMIN'], true, true],
    ['a treasurer', ['TREASURER'], true, false],
    ['a referent', ['REFERENT'], false, false],
    ['a contributor', [], false, false],
  ])('%s (roles %j) may read it: %s, set it: %s', async (_label, roles, mayRead, mayWrite) => {
    await put(adminToken, { legalName: 'Association Monscobar' });
    const chantierId = (await createChantier()).id;
    const token = await bearerToken(
      (await createPerson({ roles, referentOf: roles.includes('REFERENT') ? [chantierId] : [] })).id,
    );
    const read = await callRoute(getIdentity, { token });
    expect(read.status).toBe(mayRead ? 200 : 403);
    if (mayRead) expect(read.body.legalName).toBe('Association Monscobar');
    else expect(read.body.error.code).toBe('FORBIDDEN');

    const write = await put(token, { legalName: 'Détournée', siret: SIRET });
    expect(write.status).toBe(mayWrite ? 200 : 403);
    expect((await stored()).legalName).toBe(mayWrite ? 'Détournée' : 'Association Monscobar');
  });

  it('refuses an anonymous caller with 401', async () => {
    expect((await callRoute(getIdentity)).status).toBe(401);
    expect((await put(undefined, { legalName: 'X' })).status).toBe(401);
    expect(await stored()).toEqual(EMPTY);
  });
});
