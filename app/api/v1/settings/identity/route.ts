// GET /api/v1/settings/identity — the collective's legal name, address, SIRET and RNA number, as
// its documents print them (admins, who set them, and treasurers, whose documents carry them);
// PUT — set them (admins, as on the settings page): checked and audited.
import { SETTINGS_API } from '@/lib/settings/openapi';
import { apiRoute } from '@/lib/api/route';
import { getCollectiveIdentity, updateCollectiveIdentity } from '@/lib/settings/settings';
import type { CollectiveIdentity } from '@/lib/settings/identity';

const toIdentityOut = (identity: Omit<CollectiveIdentity, 'name'>) => ({
  legalName: identity.legalName,
  address: identity.address,
  siret: identity.siret,
  rna: identity.rna,
});

export const GET = apiRoute({
  operation: SETTINGS_API.getIdentity,
  handler: async ({ actor }) => toIdentityOut(await getCollectiveIdentity({ actor })),
});

export const PUT = apiRoute({
  operation: SETTINGS_API.saveIdentity,
  permission: 'settings.manage',
  handler: async ({ actor, body }) => toIdentityOut(await updateCollectiveIdentity({ actor, input: body })),
});
