// A stacked bar chart drawn on the server as SVG: no JavaScript shipped, readable by screen
// readers through its title and the data table beside it.
import { layoutStackedBars, type StackedColumn } from '@/lib/charts/stacked-bars';

// Each colour contrasts at least 3:1 with the white background, and segments are separated by a
// white line, so that neighbouring segments stay apart even where their colours are close.
const PALETTE = [
  '#2f7a4b',
  '#2563eb',
  '#b45309',
  '#9333ea',
  '#dc2626',
  '#0e7490',
  '#4d7c0f',
  '#be185d',
  '#4b5563',
  '#a16207',
  '#0f766e',
  '#7c3aed',
];

export function StackedBarChart({
  title,
  columns,
  series,
  formatValue,
  tableLabel,
  cornerLabel,
}: {
  title: string;
  columns: StackedColumn[];
  series: { key: string; label: string }[];
  formatValue: (value: number) => string;
  tableLabel: string;
  /** The header of the table's first column (what its rows are: a period, a month…). */
  cornerLabel: string;
}) {
  const width = 640;
  const height = 220;
  const axis = 28;
  const { bars, max } = layoutStackedBars({ columns, series: series.map((item) => item.key), width, height });
  const color = (key: string) => PALETTE[series.findIndex((item) => item.key === key) % PALETTE.length];
  return (
    <figure className="flex flex-col gap-2">
      <figcaption className="font-medium text-slate-900">{title}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${height + axis}`}
        className="h-auto w-full forced-color-adjust-none"
        role="img"
        aria-label={title}
      >
        <line x1="0" y1={height} x2={width} y2={height} stroke="#94a3b8" />
        <text x="4" y="12" fontSize="11" fill="#475569">
          {formatValue(max)}
        </text>
        {bars.map((bar) => (
          <g key={bar.label}>
            {bar.segments.map((segment) => (
              <rect
                key={segment.series}
                x={bar.x}
                y={segment.y}
                width={bar.width}
                height={segment.height}
                fill={color(segment.series)}
                stroke="#ffffff"
                strokeWidth={1.5}
              >
                <title>{`${bar.label} — ${series.find((item) => item.key === segment.series)?.label}: ${formatValue(segment.value)}`}</title>
              </rect>
            ))}
            <text x={bar.x + bar.width / 2} y={height + 18} fontSize="11" textAnchor="middle" fill="#334155">
              {bar.label}
            </text>
          </g>
        ))}
      </svg>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
        {series.map((item) => (
          <li key={item.key} className="inline-flex items-center gap-2">
            <span
              aria-hidden
              className="inline-block h-3 w-3 rounded-sm border border-white outline outline-1 outline-slate-600 forced-color-adjust-none"
              style={{ backgroundColor: color(item.key) }}
            />
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
                {series.map((item) => (
                  <th key={item.key} scope="col" className="p-1 font-medium">
                    {item.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {columns.map((column) => (
                <tr key={column.label}>
                  <th scope="row" className="p-1 font-medium">
                    {column.label}
                  </th>
                  {series.map((item) => (
                    <td key={item.key} className="p-1 tabular-nums">
                      {formatValue(column.values[item.key] ?? 0)}
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
