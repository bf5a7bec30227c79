// A line chart drawn on the server as SVG: no JavaScript shipped; each series has its own colour
// AND its own dash pattern (never colour alone), named in the legend, and the data table beside it
// reads the same figures to a screen reader (the frame, axes and legend: chart-frame.tsx).
import { layoutLines, type LineColumn } from '@/lib/charts/lines';
import { ChartFrame } from './chart-frame';

export type LineSeries = { key: string; label: string; color: string; dash?: string; width?: number };

export function LineChart({
  title,
  columns,
  series,
  formatValue,
  tableLabel,
  cornerLabel,
}: {
  title: string;
  columns: LineColumn[];
  series: LineSeries[];
  formatValue: (value: number) => string;
  tableLabel: string;
  cornerLabel: string;
}) {
  const width = 640;
  const height = 220;
  const { paths, max, xOf } = layoutLines({ columns, series: series.map((item) => item.key), width, height });
  const style = (key: string) => series.find((item) => item.key === key)!;
  const first = columns[0]?.label;
  const last = columns.at(-1)?.label;
  return (
    <ChartFrame
      title={title}
      width={width}
      height={height}
      axis={28}
      padX={4}
      yAxis
      maxLabel={formatValue(max)}
      legend={series.map((item) => ({
        ...item,
        swatch: (
          <svg aria-hidden width="28" height="10" className="forced-color-adjust-none">
            <line
              x1="0"
              y1="5"
              x2="28"
              y2="5"
              stroke={item.color}
              strokeWidth={item.width ?? 2.5}
              strokeDasharray={item.dash}
            />
          </svg>
        ),
      }))}
      rows={columns}
      formatCell={(value) => (value === null || value === undefined ? '—' : formatValue(value))}
      tableLabel={tableLabel}
      cornerLabel={cornerLabel}
    >
      {paths.map((path) =>
        path.points.map((run, index) =>
          run.length === 1 ? (
            <circle
              key={`${path.series}-${index}`}
              cx={run[0]!.x}
              cy={run[0]!.y}
              r={3}
              fill={style(path.series).color}
            />
          ) : (
            <polyline
              key={`${path.series}-${index}`}
              points={run.map((point) => `${point.x.toFixed(1)},${point.y.toFixed(1)}`).join(' ')}
              fill="none"
              stroke={style(path.series).color}
              strokeWidth={style(path.series).width ?? 2.5}
              strokeDasharray={style(path.series).dash}
              strokeLinejoin="round"
            />
          ),
        ),
      )}
      {first ? (
        <text x={xOf(0)} y={height + 18} fontSize="11" fill="#334155">
          {first}
        </text>
      ) : null}
      {last && columns.length > 1 ? (
        <text x={xOf(columns.length - 1)} y={height + 18} fontSize="11" textAnchor="end" fill="#334155">
          {last}
        </text>
      ) : null}
    </ChartFrame>
  );
}
