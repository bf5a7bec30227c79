// Where the keyboard focus goes after an action or a navigation, so that it never drops to the
// page's body (WCAG 2.4.3): small DOM helpers shared by ActionForm and the app shell.

/** Focuses an element, making it focusable from script first if it is not (a message, a heading). */
export function focusElement(element: HTMLElement | null | undefined): boolean {
  if (!element) return false;
  if (!element.matches('a[href], button, input, select, textarea, summary, [tabindex]')) element.tabIndex = -1;
  element.focus();
  return document.activeElement === element;
}

/** The page's heading: where a person lands after navigating, or when nothing else is left. */
export function focusHeading(): boolean {
  return focusElement(document.querySelector<HTMLElement>('main h1'));
}

export type ListPosition = { item: Element; list: Element; index: number };

/** The list item (a queue's entry) a form sits in, if any, and its position in the list. */
export function listItemOf(element: Element): ListPosition | null {
  const item = element.closest('li');
  const list = item?.parentElement;
  if (!item || !list) return null;
  return { item, list, index: Array.prototype.indexOf.call(list.children, item) as number };
}

/**
 * Once the action's new page has replaced the list (the item gone), focuses the entry that took
 * its place — the next one, or the last if it was the last — or the heading if the list emptied.
 * If the item is still there after a while, the action did not remove it: focus stays put.
 */
export function focusAfterRemoval({ item, list, index }: ListPosition, timeoutMs = 3000): void {
  const started = Date.now();
  const step = () => {
    if (item.isConnected) {
      if (Date.now() - started < timeoutMs) requestAnimationFrame(step);
      return;
    }
    const items = list.isConnected ? Array.from(list.children) : [];
    const next = items[Math.min(index, items.length - 1)];
    if (next instanceof HTMLElement) focusElement(next);
    else focusHeading();
  };
  requestAnimationFrame(step);
}
