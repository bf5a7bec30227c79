// GET /api/v1/places — the active places (tiers-lieux).
import { CORE_API } from '@/lib/api/operations';
import { apiRoute } from '@/lib/api/route';
import { listPlaces } from '@/lib/chantiers/chantiers';

export const GET = apiRoute({
  operation: CORE_API.listPlaces,
  handler: async () => ({
    items: (await listPlaces()).map((place) => ({
      id: place.id,
      code: place.code,
      name: place.name,
      active: place.active,
    })),
  }),
});
