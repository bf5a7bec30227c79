// The order in which a refused form lists its errors: the order of the fields on the screen, the
// one a person reads and tabs through (WCAG 1.3.2, 2.4.3), not the order the server checked them.

/**
 * The same field errors, in the order of `names` (the form's controls, top to bottom). A field
 * the form does not show (a hidden id, a server-only rule) keeps its place after the shown ones.
 */
export function inFormOrder(fields: Record<string, string>, names: readonly string[]): Record<string, string> {
  const rank = new Map<string, number>();
  names.forEach((name, index) => {
    if (!rank.has(name)) rank.set(name, index);
  });
  const entries = Object.entries(fields).map(([name, message], index) => ({
    name,
    message,
    rank: rank.get(name) ?? names.length + index,
  }));
  entries.sort((a, b) => a.rank - b.rank);
  return Object.fromEntries(entries.map(({ name, message }) => [name, message]));
}

/** The names of a form's controls in document order, its `form="…"` members included. */
export function controlNames(form: HTMLFormElement): string[] {
  return Array.from(form.elements, (element) => element.getAttribute('name') ?? '').filter(Boolean);
}
