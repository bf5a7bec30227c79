// Which menu entry is the current page: the longest entry the path starts with, so that
// /contributions/week marks "Ma semaine", not also "Mes contributions". Pure, for the menu and
// its tests.

export function currentHref(pathname: string | null, links: { href: string }[]): string | undefined {
  if (!pathname) return undefined;
  let best: string | undefined;
  for (const { href } of links) {
    const matches = href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
    if (matches && (!best || href.length > best.length)) best = href;
  }
  return best;
}
