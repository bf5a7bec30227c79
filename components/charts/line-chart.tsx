// A line chart drawn on the server as SVG: no JavaScript shipped; each series has its own colour
// AND its own dash pattern (never colour alone), named in the legend, and the data table beside it
// reads the same figures to a screen reader.
import { layoutLines, type LineColumn } from '@/lib/charts/lines';

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
  const axis = 28;
  const { paths, max, xOf } = layoutLines({ columns, series: series.map((item) => item.key), width, height });
  const style = (key: string) => series.find((item) => item.key === key)!;
  const first = columns[0]?.label;
  const last = columns.at(-1)?.label;
  return (
    <figure className="flex flex-col gap-2">
      <figcaption className="font-medium text-slate-900">{title}</figcaption>
      <svg
        viewBox={`-4 0 ${width + 8} ${height + axis}`}
        className="h-auto w-full forced-color-adjust-none"
        role="img"
        aria-label={title}
      >
        <line x1="0" y1={height} x2={width} y2={height} stroke="#94a3b8" />
        <line x1="0" y1="0" x2="0" y2={height} stroke="#94a3b8" />
        <text x="6" y="12" fontSize="11" fill="#475569">
          {formatValue(max)}
        </text>
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
      </svg>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
        {series.map((item) => (
          <li key={item.key} className="inline-flex items-center gap-2">
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
                  {series.map((item) => {
                    const value = column.values[item.key];
                    return (
                      <td key={item.key} className="p-1 tabular-nums">
                        {value === null || value === undefined ? '—' : formatValue(value)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
