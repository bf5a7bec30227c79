// A stacked bar chart drawn on the server as SVG: no JavaScript shipped, readable by screen
// readers through its title and the data table beside it (the frame, axis and legend:
// chart-frame.tsx).
import { layoutStackedBars, type StackedColumn } from '@/lib/charts/stacked-bars';
import { ChartFrame } from './chart-frame';

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
  const { bars, max } = layoutStackedBars({ columns, series: series.map((item) => item.key), width, height });
  const color = (key: string) => PALETTE[series.findIndex((item) => item.key === key) % PALETTE.length];
  return (
    <ChartFrame
      title={title}
      width={width}
      height={height}
      axis={28}
      maxLabel={formatValue(max)}
      legend={series.map((item) => ({
        ...item,
        swatch: (
          <span
            aria-hidden
            className="inline-block h-3 w-3 rounded-sm border border-white outline outline-1 outline-slate-600 forced-color-adjust-none"
            style={{ backgroundColor: color(item.key) }}
          />
        ),
      }))}
      rows={columns}
      formatCell={(value) => formatValue(value ?? 0)}
      tableLabel={tableLabel}
      cornerLabel={cornerLabel}
    >
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
    </ChartFrame>
  );
}
