// How a chantier is named wherever people pick or read one: "C1 — Gestion du lieu", or its name
// alone when it has no code.

export function chantierLabel(chantier: { code?: string | null; name: string }): string {
  return chantier.code ? `${chantier.code} — ${chantier.name}` : chantier.name;
}
