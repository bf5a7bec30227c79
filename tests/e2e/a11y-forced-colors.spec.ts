// Forced colours (Windows high contrast): envelope bars, chart segments and legend swatches keep
// their colours, primary buttons keep an outline. Screenshots in test-results/a11y/ to look at.
import { expect, test } from '@playwright/test';
import { DEMO, signIn, sql } from './support';

test('in forced colours the period page keeps its bars, swatches and buttons visible', async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await signIn(page, DEMO.treasurer);
  const [period] = await sql<{ id: string }>(
    `SELECT p.id FROM funding_periods p JOIN envelopes e ON e.period_id = p.id ORDER BY p.start_date DESC LIMIT 1`,
  );
  await page.goto(`/periods/${period.id}`);
  expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
  await page.screenshot({ path: 'test-results/a11y/forced-colors-period.png', fullPage: true });

  // Each envelope bar's fill differs from its track.
  const bars = page.locator('[data-testid="envelope-use"] [role="img"]');
  const count = await bars.count();
  for (let index = 0; index < count; index++) {
    const colours = await bars.nth(index).evaluate((bar) => ({
      track: getComputedStyle(bar).backgroundColor,
      fill: getComputedStyle(bar.firstElementChild as Element).backgroundColor,
      border: getComputedStyle(bar).borderTopColor,
    }));
    expect(colours.fill, `bar ${index}`).not.toBe(colours.track);
    expect(colours.border, `bar ${index}`).not.toBe(colours.track);
  }

  // A primary button keeps a visible border (its background is dropped in forced colours).
  const button = page.locator('main button.bg-brand-700, main a.bg-brand-700').first();
  if ((await button.count()) > 0) {
    const border = await button.evaluate((element) => getComputedStyle(element).borderTopColor);
    const canvas = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(border).not.toBe(canvas);
  }

  await page.goto('/periods');
  await page.screenshot({ path: 'test-results/a11y/forced-colors-charts.png', fullPage: true });
  const swatches = page.locator('[data-testid="over-time-charts"] li span[aria-hidden]');
  const canvas = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const swatchColours = await swatches.evaluateAll((elements) =>
    elements.map((element) => getComputedStyle(element).backgroundColor),
  );
  expect(swatchColours.length).toBeGreaterThan(0);
  for (const colour of swatchColours) expect(colour).not.toBe(canvas);
  const segmentFills = await page
    .locator('[data-testid="over-time-charts"] svg rect')
    .evaluateAll((rects) => rects.map((rect) => getComputedStyle(rect).fill));
  expect(new Set(segmentFills).size).toBeGreaterThan(1);
});
