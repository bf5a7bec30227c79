// The names the period screens print beside ids: every person and chantier, inactive ones too
// (a frozen run may name someone who has since left). Names are not personal data here: every
// signed-in person can list the people and the chantiers.
import 'server-only';
import { db } from '@/lib/db';
import { chantierLabel } from '@/lib/format/chantier';

export type Names = { people: Record<string, string>; chantiers: Record<string, string> };

export async function loadNames(): Promise<Names> {
  const [people, chantiers] = await Promise.all([
    db().person.findMany({ select: { id: true, name: true } }),
    db().chantier.findMany({ select: { id: true, name: true, code: true } }),
  ]);
  return {
    people: Object.fromEntries(people.map((person) => [person.id, person.name])),
    chantiers: Object.fromEntries(chantiers.map((chantier) => [chantier.id, chantierLabel(chantier)])),
  };
}
