// The collective's identity on its documents: only an admin changes it, and the export period
// carries it with who closed the period (the certification of frozen figures).
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { getSettings, updateCollectiveIdentity } from '@/lib/settings/settings';
import { ZCollectiveIdentity } from '@/lib/settings/identity';
import { loadExportPeriod } from '@/lib/exports/export-period';
import { createPeriod, createPerson, rejectionOf, resetDatabase, setPeriodStatus } from '../support/database';

const input = ZCollectiveIdentity.parse({
  legalName: 'Association Monscobar',
  address: '5 place de la Liberté\n59100 Roubaix',
  siret: '73282932000074',
  rna: 'W595012345',
});

beforeEach(async () => {
  await resetDatabase();
});

describe('updateCollectiveIdentity', () => {
  it.each([
    ['ADMIN', true],
    ['TREASURER', false],
    ['CONTRIBUTOR', false],
  ] as const)('as %s: allowed %s', async (role, allowed) => {
    const actor = await createPerson({ roles: [role] });
    if (allowed) {
      await updateCollectiveIdentity({ actor, input });
      expect(await getSettings()).toMatchObject(input);
      expect(await db().auditLog.count({ where: { action: 'settings.identityUpdated' } })).toBe(1);
    } else {
      expect((await rejectionOf(updateCollectiveIdentity({ actor, input }))).code).toBe('FORBIDDEN');
      expect((await getSettings()).legalName).toBeNull();
    }
  });
});

describe('loadExportPeriod', () => {
  it('carries the identity, and who closed the period once it is closed', async () => {
    const admin = await createPerson({ name: 'Adèle Admin', roles: ['ADMIN', 'TREASURER'] });
    await updateCollectiveIdentity({ actor: admin, input });
    const period = await createPeriod({ name: 'Janvier', startDate: '2026-01-01', endDate: '2026-01-31' });
    expect((await loadExportPeriod(period.id)).certifiedBy).toBeNull();
    await setPeriodStatus(period.id, 'CLOSED');
    await db().fundingPeriod.update({
      where: { id: period.id },
      data: { closedById: admin.id, closedAt: new Date('2026-02-02T10:00:00Z') },
    });
    const loaded = await loadExportPeriod(period.id);
    expect(loaded.identity).toMatchObject({ legalName: 'Association Monscobar', rna: 'W595012345' });
    expect(loaded.certifiedBy).toEqual({ name: 'Adèle Admin', on: '2026-02-02' });
  });
});
