// GET /api/v1/chantiers — the active chantiers, with their referents' ids.
import { CORE_API } from '@/lib/api/operations';
import { apiRoute } from '@/lib/api/route';
import { listChantiers } from '@/lib/chantiers/chantiers';

export const GET = apiRoute({
  operation: CORE_API.listChantiers,
  handler: async () => ({
    items: (await listChantiers()).map((chantier) => ({
      id: chantier.id,
      code: chantier.code,
      name: chantier.name,
      description: chantier.description,
      active: chantier.active,
      referents: chantier.referents.map((link) => link.personId),
    })),
  }),
});
