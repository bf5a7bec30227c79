// The link to a page's next claims: the page's own filters kept, its contributions' cursor left
// (the two lists page apart), the claims' cursor set, and the list's anchor. Pure.
export function claimsPageHref(
  path: string,
  params: Record<string, string | undefined>,
  nextCursor: string | null,
  anchor: string,
): string | null {
  if (!nextCursor) return null;
  const entries = Object.entries({ ...params, cursor: undefined, claimsCursor: nextCursor }).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '',
  );
  return `${path}?${new URLSearchParams(entries).toString()}#${anchor}`;
}
