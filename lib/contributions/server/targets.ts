// Whether the chantiers and places a contribution names can still receive work: one check for
// the declaration form, the API and the week grid (a deactivated chantier or place takes no new
// hours).
import 'server-only';
import type { Tx } from '@/lib/db';

export type ContributionTarget = { chantierId: string; placeId?: string | null };

/** Which of the targets' chantiers and places are unknown or inactive, read in one query each. */
export async function inactiveTargets(
  tx: Tx,
  targets: readonly ContributionTarget[],
): Promise<{ chantierIds: Set<string>; placeIds: Set<string> }> {
  const chantierIds = [...new Set(targets.map((target) => target.chantierId))];
  const placeIds = [...new Set(targets.flatMap((target) => (target.placeId ? [target.placeId] : [])))];
  const [chantiers, places] = await Promise.all([
    chantierIds.length
      ? tx.chantier.findMany({ where: { id: { in: chantierIds }, active: true }, select: { id: true } })
      : [],
    placeIds.length ? tx.place.findMany({ where: { id: { in: placeIds }, active: true }, select: { id: true } }) : [],
  ]);
  const activeChantiers = new Set(chantiers.map((chantier) => chantier.id));
  const activePlaces = new Set(places.map((place) => place.id));
  return {
    chantierIds: new Set(chantierIds.filter((id) => !activeChantiers.has(id))),
    placeIds: new Set(placeIds.filter((id) => !activePlaces.has(id))),
  };
}
