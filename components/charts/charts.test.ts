// Both charts through their shared frame (chart-frame.tsx), as the server renders them: the SVG
// named by the title and kept in its colours in forced-colours mode, one legend entry per series
// with a swatch kept in its colours too, and a data table with a column per series and a row per
// column of the chart.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LineChart } from './line-chart';
import { StackedBarChart } from './stacked-bar-chart';

const common = { title: 'Consommation', formatValue: (v: number) => `${v} €`, tableLabel: 'Voir', cornerLabel: 'Jour' };
const line = renderToStaticMarkup(
  createElement(LineChart, {
    ...common,
    columns: [
      { label: '01/03', values: { approved: 1, plan: null } },
      { label: '02/03', values: { approved: 3, plan: 2 } },
    ],
    series: [
      { key: 'approved', label: 'Validé', color: '#2f7a4b' },
      { key: 'plan', label: 'Prévu', color: '#4b5563', dash: '8 5' },
    ],
  }),
);
const bars = renderToStaticMarkup(
  createElement(StackedBarChart, {
    ...common,
    columns: [
      { label: 'Mars', values: { c1: 1 } },
      { label: 'Avril', values: { c1: 3, c2: 2 } },
    ],
    series: [
      { key: 'c1', label: 'C1' },
      { key: 'c2', label: 'C2' },
    ],
  }),
);

const count = (html: string, pattern: RegExp) => html.match(new RegExp(pattern, 'g'))?.length ?? 0;

describe.each([
  ['line chart', line, /<svg aria-hidden="true" width="28"[^>]*forced-color-adjust-none/],
  ['stacked bar chart', bars, /<span aria-hidden="true" class="[^"]*forced-color-adjust-none/],
])('the %s', (_, html, swatch) => {
  it('is an image named by its title, kept in its colours in forced-colours mode', () => {
    expect(html).toMatch(/<figcaption[^>]*>Consommation<\/figcaption>/);
    expect(html).toMatch(/<svg [^>]*class="[^"]*forced-color-adjust-none[^"]*" role="img" aria-label="Consommation"/);
  });

  it('has one legend entry per series, each with a swatch kept in its colours', () => {
    expect(count(html, swatch)).toBe(2);
  });

  it('has a data table: a column per series, a row per column of the chart', () => {
    expect(count(html, /<th scope="col"/)).toBe(3);
    expect(count(html, /<th scope="row"/)).toBe(2);
    expect(html).toContain('aria-label="Voir — Consommation"');
  });
});

it('the line chart shows a missing value as a dash, the bar chart a missing segment as 0', () => {
  expect(line).toMatch(/<td class="p-1 tabular-nums">—<\/td>/);
  expect(bars).toMatch(/<td class="p-1 tabular-nums">0 €<\/td>/);
});
