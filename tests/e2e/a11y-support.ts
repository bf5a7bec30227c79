// Steps shared by the accessibility specs: where the focus is, what the live region says, an axe
// scan that fails from "moderate" up, and whether the page scrolls sideways.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** What has the keyboard focus, described well enough to assert on. */
export async function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return {
      tag: element?.tagName.toLowerCase() ?? '',
      id: element?.id ?? '',
      testId: element?.dataset.testid ?? '',
      formMessage: element?.dataset.formMessage ?? '',
      text: (element?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      name: element?.getAttribute('aria-label') ?? '',
    };
  });
}

/** The page's one live region, where each action's outcome is written. */
export const liveRegion = (page: Page) => page.getByTestId('live-region');

/** axe finds nothing of moderate, serious or critical impact (listed if it does). */
export async function expectNoModerateA11yViolations(page: Page, context = '') {
  const results = await new AxeBuilder({ page }).analyze();
  const found = results.violations.filter((violation) =>
    ['moderate', 'serious', 'critical'].includes(violation.impact ?? ''),
  );
  expect(
    found.map(
      (violation) =>
        `${context} ${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .slice(0, 5)
          .map((node) => node.target.join(' '))
          .join(', ')}`,
    ),
  ).toEqual([]);
}

/** How many pixels the page scrolls sideways (0 when it reflows). */
export const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
