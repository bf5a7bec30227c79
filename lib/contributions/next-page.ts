// The link to a list's next page: the same search parameters (filters, sort), the next cursor,
// and nothing empty. Pure, shared by the three contribution lists.

export function nextPageHref(
  path: string,
  params: Record<string, string | undefined>,
  nextCursor: string | null,
): string | null {
  if (!nextCursor) return null;
  const entries = Object.entries({ ...params, cursor: nextCursor }).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '',
  );
  return `${path}?${new URLSearchParams(entries).toString()}`;
}
