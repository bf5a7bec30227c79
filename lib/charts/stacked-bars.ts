// Layout of a stacked bar chart, as plain numbers: one bar per column (a period), one segment
// per series (a chantier). Pure, so the drawing component only draws and the arithmetic is tested.

export type StackedColumn = { label: string; values: Record<string, number> };
export type Segment = { series: string; value: number; y: number; height: number };
export type BarLayout = { label: string; total: number; x: number; width: number; segments: Segment[] };

/** A "nice" upper bound for the axis: 1, 2 or 5 times a power of ten, at least the maximum. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= max) return step * magnitude;
  return 10 * magnitude;
}

export function layoutStackedBars(options: {
  columns: StackedColumn[];
  series: string[];
  width: number;
  height: number;
  gap?: number;
}): { bars: BarLayout[]; max: number } {
  const { columns, series, width, height } = options;
  const gap = options.gap ?? 8;
  const totals = columns.map((column) => series.reduce((sum, name) => sum + Math.max(0, column.values[name] ?? 0), 0));
  const max = niceMax(Math.max(0, ...totals));
  const barWidth = columns.length ? Math.max(1, (width - gap * (columns.length + 1)) / columns.length) : 0;
  const bars = columns.map((column, index) => {
    let top = height;
    const segments: Segment[] = [];
    for (const name of series) {
      const value = Math.max(0, column.values[name] ?? 0);
      if (value === 0) continue;
      const segmentHeight = (value / max) * height;
      top -= segmentHeight;
      segments.push({ series: name, value, y: top, height: segmentHeight });
    }
    return { label: column.label, total: totals[index], x: gap + index * (barWidth + gap), width: barWidth, segments };
  });
  return { bars, max };
}
