// The messages the browser needs: those of the client components ('use client' files that call
// useTranslations). Server components translate on the server, so their strings reach the page as
// text already; sending every message to NextIntlClientProvider would put ~13 kB gzipped of unused
// strings into each page's HTML. client-messages.test.ts checks this list against the code.
import type { AbstractIntlMessages } from 'next-intl';

/** Dotted paths into the messages: a namespace, or one part of it. */
export const CLIENT_MESSAGE_PATHS = [
  'app',
  'signin',
  'profile',
  'people',
  'chantiers',
  'places',
  'settings',
  'import',
  'payees.profile',
  'periods',
  'review',
  'week',
  'declare',
  'errors.duration',
  'validation',
  'status',
  'notifications',
  'treasury.record',
  'treasury.sepa',
  'treasury.reverse',
  'treasury.debtor',
  'outage',
  'everyday.signin',
  'everyday.identity',
  'everyday.importDuplicates',
] as const;

/** The part of `messages` under the given paths, nested as in the source. */
export function pickMessages(messages: AbstractIntlMessages, paths: readonly string[]): AbstractIntlMessages {
  const picked: Record<string, unknown> = {};
  for (const dotted of paths) {
    const parts = dotted.split('.');
    let source: unknown = messages;
    for (const part of parts)
      source = source && typeof source === 'object' ? (source as Record<string, unknown>)[part] : undefined;
    if (source === undefined) continue;
    let target = picked;
    for (const part of parts.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>;
    target[parts[parts.length - 1]] = source;
  }
  return picked as AbstractIntlMessages;
}
