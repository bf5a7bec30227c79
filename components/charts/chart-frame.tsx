// What every chart of Butin draws around its marks (docs/accessibility.md): the title as
// the figure's caption and the SVG's accessible name, the axes with the largest value, the legend
// (each series' swatch, drawn by the chart, and its name) and the data table beside it that reads
// the same figures to a screen reader. Drawn on the server, no JavaScript shipped; the SVG and the
// swatches keep their colours in forced-colours mode (forced-color-adjust: none).
import type { ReactNode } from 'react';

export type ChartSeries = { key: string; label: string };
export type ChartRow = { label: string; values: Record<string, number | null | undefined> };

export function ChartFrame({
  title,
  width,
  height,
  axis,
  padX = 0,
  yAxis = false,
  maxLabel,
  legend,
  rows,
  formatCell,
  tableLabel,
  cornerLabel,
  children,
}: {
  title: string;
  /** The plot's size in SVG units, and the band below it for the x labels. */
  width: number;
  height: number;
  axis: number;
  /** Room left and right of the plot, for marks drawn on its edges. */
  padX?: number;
  /** Draw the vertical axis too (the horizontal one is always drawn). */
  yAxis?: boolean;
  /** The largest value, written at the top of the plot. */
  maxLabel: string;
  legend: (ChartSeries & { swatch: ReactNode })[];
  rows: ChartRow[];
  formatCell: (value: number | null | undefined) => string;
  tableLabel: string;
  /** The header of the table's first column (what its rows are: a period, a month…). */
  cornerLabel: string;
  /** The marks and the x labels, in the plot's coordinates. */
  children: ReactNode;
}) {
  return (
    <figure className="flex flex-col gap-2">
      <figcaption className="font-medium text-slate-900">{title}</figcaption>
      <svg
        viewBox={`${-padX} 0 ${width + 2 * padX} ${height + axis}`}
        className="h-auto w-full forced-color-adjust-none"
        role="img"
        aria-label={title}
      >
        <line x1="0" y1={height} x2={width} y2={height} stroke="#94a3b8" />
        {yAxis ? <line x1="0" y1="0" x2="0" y2={height} stroke="#94a3b8" /> : null}
        <text x={yAxis ? 6 : 4} y="12" fontSize="11" fill="#475569">
          {maxLabel}
        </text>
        {children}
      </svg>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
        {legend.map((item) => (
          <li key={item.key} className="inline-flex items-center gap-2">
            {item.swatch}
            {item.label}
          </li>
        ))}
      </ul>
      <details className="text-sm">
        <summary className="min-h-11 cursor-pointer py-2 text-brand-700">{tableLabel}</summary>
        <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label={`${tableLabel} — ${title}`}>
          <table className="min-w-full text-left">
            <thead>
              <tr>
                <th scope="col" className="p-1 font-medium">
                  {cornerLabel}
                </th>
                {legend.map((item) => (
                  <th key={item.key} scope="col" className="p-1 font-medium">
                    {item.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.label}>
                  <th scope="row" className="p-1 font-medium">
                    {row.label}
                  </th>
                  {legend.map((item) => (
                    <td key={item.key} className="p-1 tabular-nums">
                      {formatCell(row.values[item.key])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
