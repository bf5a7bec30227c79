// The choices the period form offers: active chantiers and people, plus any inactive one the
// period already names (so saving it unchanged keeps its envelopes and rates).
import 'server-only';
import { db } from '@/lib/db';
import type { TPeriodOut } from './schemas';
import { chantierLabel } from '@/lib/format/chantier';

export type Option = { value: string; label: string };

export async function periodFormOptions(period?: TPeriodOut): Promise<{ chantiers: Option[]; people: Option[] }> {
  const chantierIds = [
    ...(period?.envelopes.map((envelope) => envelope.chantierId) ?? []),
    ...(period?.rates.flatMap((rate) => (rate.chantierId ? [rate.chantierId] : [])) ?? []),
  ];
  const personIds = period?.rates.flatMap((rate) => (rate.personId ? [rate.personId] : [])) ?? [];
  const [chantiers, people] = await Promise.all([
    db().chantier.findMany({
      where: { OR: [{ active: true }, { id: { in: chantierIds } }] },
      orderBy: [{ position: 'asc' }, { code: 'asc' }, { name: 'asc' }],
      select: { id: true, code: true, name: true },
    }),
    db().person.findMany({
      where: { OR: [{ active: true }, { id: { in: personIds } }] },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      select: { id: true, name: true },
    }),
  ]);
  return {
    chantiers: chantiers.map((chantier) => ({
      value: chantier.id,
      label: chantierLabel(chantier),
    })),
    people: people.map((person) => ({ value: person.id, label: person.name })),
  };
}
