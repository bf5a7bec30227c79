// Layout of a line chart, as plain numbers: one polyline per series over columns (days), with
// gaps where a value is missing (the days still to come). Pure, so the drawing component only
// draws and the arithmetic is tested.
import { niceMax } from './stacked-bars';

export type LineColumn = { label: string; values: Record<string, number | null> };
export type LinePath = { series: string; points: { x: number; y: number }[][] };

export function layoutLines(options: { columns: LineColumn[]; series: string[]; width: number; height: number }): {
  paths: LinePath[];
  max: number;
  xOf: (index: number) => number;
} {
  const { columns, series, width, height } = options;
  const values = columns.flatMap((column) => series.map((name) => column.values[name] ?? 0));
  const max = niceMax(Math.max(0, ...values.map((value) => value ?? 0)));
  const xOf = (index: number) => (columns.length <= 1 ? width / 2 : (index / (columns.length - 1)) * width);
  const yOf = (value: number) => height - (Math.max(0, value) / max) * height;
  const paths = series.map((name) => {
    const runs: { x: number; y: number }[][] = [];
    let run: { x: number; y: number }[] = [];
    columns.forEach((column, index) => {
      const value = column.values[name];
      if (value === null || value === undefined) {
        if (run.length > 0) runs.push(run);
        run = [];
        return;
      }
      run.push({ x: xOf(index), y: yOf(value) });
    });
    if (run.length > 0) runs.push(run);
    return { series: name, points: runs };
  });
  return { paths, max, xOf };
}
