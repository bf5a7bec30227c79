// The compte rendu financier's columns (docs/plans.md), written once for its CSV and its XLSX
// files: each column's header, its width in the workbook, and the cell it takes from a row. Every
// amount twice, in euros and in integer cents; the volunteer hours twice, decimal and in minutes.
// Each file writes a cell's kind its own way (report-csv.ts, report-xlsx.ts).
import type { ExportLocale } from '@/lib/exports/labels';
import { formatGapPercent, type CompteRendu, type ReportFigures } from '@/lib/plans/report';
import { reportLabels } from '@/lib/plans/report-labels';

/** A line of the files: a chantier, or the total (no code, the word "Total" as its name). */
export type ReportFileRow = ReportFigures & { code: string; name: string; explanation: string; total: boolean };

export type ReportCell =
  /** Typed by people (a name, an explanation): the CSV guards it against formulas. */
  | { kind: 'text'; value: string }
  /** Written by Butin (the gap's percent): as it is. */
  | { kind: 'label'; value: string }
  | { kind: 'euros'; cents: number }
  | { kind: 'hours'; minutes: number }
  | { kind: 'integer'; value: number };

export type ReportColumn = {
  header: string;
  /** Its width in the workbook, in characters. */
  width: number;
  /** Long text, wrapped in the workbook. */
  wrap?: boolean;
  cell: (row: ReportFileRow) => ReportCell;
};

type Cents = keyof Pick<
  ReportFigures,
  'plannedCents' | 'realisedCents' | 'gapCents' | 'volunteerValueCents' | 'inKindCents'
>;

export function reportColumns(locale: ExportLocale): ReportColumn[] {
  const c = reportLabels(locale).columns;
  const money = (euros: string, cents: string, width: number, figure: Cents): ReportColumn[] => [
    { header: euros, width, cell: (row) => ({ kind: 'euros', cents: row[figure] }) },
    { header: cents, width, cell: (row) => ({ kind: 'integer', value: row[figure] }) },
  ];
  return [
    { header: c.chantierCode, width: 10, cell: (row) => ({ kind: 'text', value: row.code }) },
    { header: c.chantier, width: 32, cell: (row) => ({ kind: 'text', value: row.name }) },
    ...money(c.planned, c.plannedCents, 14, 'plannedCents'),
    ...money(c.realised, c.realisedCents, 14, 'realisedCents'),
    ...money(c.gap, c.gapCents, 14, 'gapCents'),
    {
      header: c.gapPercent,
      width: 10,
      cell: (row) => ({ kind: 'label', value: formatGapPercent(row.gapPerThousand, locale) }),
    },
    { header: c.volunteerHours, width: 12, cell: (row) => ({ kind: 'hours', minutes: row.volunteerMinutes }) },
    { header: c.volunteerMinutes, width: 12, cell: (row) => ({ kind: 'integer', value: row.volunteerMinutes }) },
    ...money(c.volunteerValue, c.volunteerValueCents, 16, 'volunteerValueCents'),
    ...money(c.inKind, c.inKindCents, 16, 'inKindCents'),
    { header: c.explanation, width: 60, wrap: true, cell: (row) => ({ kind: 'text', value: row.explanation }) },
  ];
}

/** The rows of the files: one per chantier, then the total. */
export function reportFileRows(report: CompteRendu, locale: ExportLocale): ReportFileRow[] {
  return [
    ...report.rows.map((row) => ({ ...row, explanation: row.explanation ?? '', total: false })),
    { ...report.totals, code: '', name: reportLabels(locale).total, explanation: '', total: true },
  ];
}
