// GET /api/v1/places — the active places (tiers-lieux).
import { apiRoute } from '@/lib/api/route';
import { listPlaces } from '@/lib/chantiers/chantiers';

export const GET = apiRoute({
  handler: async () => ({
    items: (await listPlaces()).map((place) => ({
      id: place.id,
      code: place.code,
      name: place.name,
      active: place.active,
    })),
  }),
});
