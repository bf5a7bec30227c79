// What the contribution screens need around a form: the active chantiers and places, and today
// in the collective's time zone.
import { listChantiers, listPlaces } from '@/lib/chantiers/chantiers';
import { getSettings } from '@/lib/settings/settings';
import { todayIn } from '@/lib/contributions/server/periods';

export async function contributionFormOptions() {
  const [chantiers, places, settings] = await Promise.all([listChantiers(), listPlaces(), getSettings()]);
  return {
    chantiers: chantiers.map((chantier) => ({ id: chantier.id, code: chantier.code, name: chantier.name })),
    places: places.map((place) => ({ id: place.id, name: place.name })),
    today: todayIn(settings.timeZone),
    transparency: settings.transparency,
  };
}
