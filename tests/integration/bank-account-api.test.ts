// GET/PUT /api/v1/settings/bank-account: the collective's account the SEPA transfers leave from,
// a treasurer's to read and set (checked, normalised, audited with the IBAN masked); anyone else
// gets 403 and changes nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { GET as getAccount, PUT as putAccount } from '@/app/api/v1/settings/bank-account/route';
import type { Role } from '@/lib/auth/permissions';
import { bearerToken, callRoute, createChantier, createPerson, resetDatabase, tableCounts } from '../support/database';

const IBAN = 'FR7630006000011234567890189';
let treasurerToken: string;

beforeEach(async () => {
  await resetDatabase();
  treasurerToken = await bearerToken((await createPerson({ roles: ['TREASURER'] })).id);
});

const put = (token: string, body: unknown) => callRoute(putAccount, { method: 'PUT', token, body });

describe('the collective’s bank account over the API', () => {
  it('is empty until set, then answers what was stored, normalised; the change is audited masked', async () => {
    const empty = await callRoute(getAccount, { token: treasurerToken });
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ debtorName: null, debtorIban: null, debtorBic: null });

    const saved = await put(treasurerToken, {
      debtorName: 'Collectif Monscobar',
      debtorIban: 'fr76 3000 6000 0112 3456 7890 189',
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ debtorName: 'Collectif Monscobar', debtorIban: IBAN, debtorBic: null });
    expect((await callRoute(getAccount, { token: treasurerToken })).body).toEqual(saved.body);

    const withBic = await put(treasurerToken, {
      debtorName: 'Collectif Monscobar',
      debtorIban: IBAN,
      debtorBic: 'agrifrpp',
    });
    expect(withBic.body.debtorBic).toBe('AGRIFRPP');
    const audit = await db().auditLog.findMany({ where: { action: 'settings.debtor-account-updated' } });
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit.map((entry) => entry.data))).not.toContain(IBAN);
  });

  it.each<[string, unknown, string]>([
    ['no name', { debtorIban: IBAN }, 'debtorName'],
    ['a wrong IBAN checksum', { debtorName: 'C', debtorIban: 'FR7630006000011234567890188' }, 'debtorIban'],
    ['no IBAN', { debtorName: 'C' }, 'debtorIban'],
    ['a malformed BIC', { debtorName: 'C', debtorIban: IBAN, debtorBic: 'nope' }, 'debtorBic'],
    ['a name too long for SEPA', { debtorName: 'x'.repeat(71), debtorIban: IBAN }, 'debtorName'],
  ])('refuses %s with 400 naming the field, changing nothing', async (_label, body, field) => {
    const before = await tableCounts();
    const response = await put(treasurerToken, body);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION');
    expect(Object.keys(response.body.error.fields)).toContain(field);
    expect(await tableCounts()).toEqual(before);
  });

  it.each<[string, Role[], boolean]>([
    ['a treasurer', ['TREASURER'], true],
    ['an admin', ['ADMIN'], false],
    ['a referent', ['REFERENT'], false],
    ['a contributor', [], false],
  ])('%s (roles %j) may read and set it: %s', async (_label, roles, allowed) => {
    const chantierId = (await createChantier()).id;
    const token = await bearerToken(
      (await createPerson({ roles, referentOf: roles.includes('REFERENT') ? [chantierId] : [] })).id,
    );
    const read = await callRoute(getAccount, { token });
    const write = await put(token, { debtorName: 'Détourné', debtorIban: IBAN });
    const settings = await db().collectiveSettings.findUnique({ where: { id: 1 } });
    if (allowed) {
      expect([read.status, write.status]).toEqual([200, 200]);
      expect(settings?.debtorName).toBe('Détourné');
    } else {
      expect([read.status, write.status]).toEqual([403, 403]);
      expect(read.body.error.code).toBe('FORBIDDEN');
      expect(settings?.debtorName ?? null).toBeNull();
    }
  });

  it('refuses an anonymous caller with 401', async () => {
    expect((await callRoute(getAccount)).status).toBe(401);
    expect((await callRoute(putAccount, { method: 'PUT', body: { debtorName: 'X', debtorIban: IBAN } })).status).toBe(
      401,
    );
  });
});
