// Files as HTTP answers: a plain ASCII name (never a raw free-text name in a header), the right
// type, offered as a download, and never kept by a shared cache (they hold names, pay and IBANs).
import { asLocale, LOCALE_COOKIE, type Locale } from '@/lib/i18n/locales';

/** "Élise Moreau" → "elise-moreau": what a file name may carry of a person's or period's name. */
export function fileSlug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/œ/g, 'oe')
      .replace(/æ/g, 'ae')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'x'
  );
}

export function downloadResponse(
  body: BodyInit,
  options: { contentType: string; filename: string; headers?: Record<string, string> },
): Response {
  return new Response(body, {
    headers: {
      'content-type': options.contentType,
      'content-disposition': `attachment; filename="${options.filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
      'cache-control': 'private, no-store',
      ...options.headers,
    },
  });
}

/** The language a document is written in: the UI's choice (its cookie) for a browser, else the person's. */
export function documentLocale(request: Request, personLocale: string): Locale {
  const cookie = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=(fr|en)(?:;|$)`).exec(
    request.headers.get('cookie') ?? '',
  )?.[1];
  return asLocale(cookie ?? personLocale);
}
