/**
 * The compte rendu financier of a period (the shape of Cerfa 15059, docs/plans.md): per chantier,
 * the money planned against the money realised (what the payouts pay), the gap in euros and in
 * percent of the plan, the volunteer value and the in-kind value, and the text explaining the
 * gap. Pure and exact: integer cents, the percent in tenths rounded half away from zero.
 */
export interface ReportChantierInput {
  chantierId: string;
  code: string;
  name: string;
  plannedCents: number;
  /** What the period's payouts pay this chantier (the preview while open, the frozen run once closed). */
  realisedCents: number;
  volunteerMinutes: number;
  volunteerValueCents: number;
  /** In-kind gifts valued (claims of kind IN_KIND); 0 until claims are stored. */
  inKindCents: number;
  explanation: string | null;
}

export interface ReportFigures {
  plannedCents: number;
  realisedCents: number;
  gapCents: number;
  /** The gap in tenths of a percent of the plan (e.g. 125 = 12,5 %); null when nothing was planned. */
  gapPerThousand: number | null;
  volunteerMinutes: number;
  volunteerValueCents: number;
  inKindCents: number;
}

export interface ReportRow extends ReportFigures {
  chantierId: string;
  code: string;
  name: string;
  explanation: string | null;
}

export interface CompteRendu {
  rows: ReportRow[];
  totals: ReportFigures;
}

/** gap / planned in tenths of a percent, rounded half away from zero, in integers. */
export function gapPerThousand(gapCents: number, plannedCents: number): number | null {
  if (plannedCents <= 0) return null;
  const magnitude = Math.floor((Math.abs(gapCents) * 2000 + plannedCents) / (2 * plannedCents));
  return gapCents < 0 ? -magnitude : magnitude;
}

/** "12,5 %", "-3,0 %" (French) or "12.5%" (English); empty when there is no plan to compare with. */
export function formatGapPercent(perThousand: number | null, locale: 'fr' | 'en'): string {
  if (perThousand === null) return '';
  const sign = perThousand < 0 ? '-' : perThousand > 0 ? '+' : '';
  const magnitude = Math.abs(perThousand);
  const text = `${Math.floor(magnitude / 10)}${locale === 'fr' ? ',' : '.'}${magnitude % 10}`;
  return locale === 'fr' ? `${sign}${text} %` : `${sign}${text}%`;
}

function figures(input: Omit<ReportFigures, 'gapCents' | 'gapPerThousand'>): ReportFigures {
  const gapCents = input.realisedCents - input.plannedCents;
  return { ...input, gapCents, gapPerThousand: gapPerThousand(gapCents, input.plannedCents) };
}

export function buildCompteRendu(chantiers: readonly ReportChantierInput[]): CompteRendu {
  const rows = [...chantiers]
    .filter(
      (chantier) =>
        chantier.plannedCents ||
        chantier.realisedCents ||
        chantier.volunteerMinutes ||
        chantier.inKindCents ||
        chantier.explanation,
    )
    .sort((a, b) => a.name.localeCompare(b.name, 'fr') || (a.chantierId < b.chantierId ? -1 : 1))
    .map((chantier) => ({
      chantierId: chantier.chantierId,
      code: chantier.code,
      name: chantier.name,
      explanation: chantier.explanation,
      ...figures(chantier),
    }));
  const sum = (pick: (row: ReportRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
  return {
    rows,
    totals: figures({
      plannedCents: sum((row) => row.plannedCents),
      realisedCents: sum((row) => row.realisedCents),
      volunteerMinutes: sum((row) => row.volunteerMinutes),
      volunteerValueCents: sum((row) => row.volunteerValueCents),
      inKindCents: sum((row) => row.inKindCents),
    }),
  };
}
