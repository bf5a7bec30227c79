// The messages as next-intl formats them: compiled ahead of time (icu-minify, next-intl's own
// compiler), so the browser runs use-intl's small formatter for compiled messages instead of
// shipping the ICU parser (next.config.ts points `use-intl/format-message` at it). Compiled once
// per locale per server process; translate() in ./locale.ts keeps reading the plain strings.
import compile from 'icu-minify/compile';
import type { AbstractIntlMessages } from 'next-intl';
import { messagesFor, type Locale } from '@/lib/i18n/locale';
import { frenchTypographyTree } from '@/lib/i18n/typography';

type Messages = { [key: string]: string | Messages };

function compileTree(messages: Messages): Record<string, unknown> {
  const compiled: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(messages))
    compiled[key] = typeof value === 'string' ? compile(value) : compileTree(value);
  return compiled;
}

/**
 * Through JSON, as next-intl's own catalog loader does: the compiler builds its plural and select
 * branches on null-prototype objects, which React refuses to pass to client components. Compiled
 * messages are strings or arrays; next-intl's type only knows the source strings.
 */
const plain = (compiled: Record<string, unknown>) => JSON.parse(JSON.stringify(compiled)) as AbstractIntlMessages;

const cache = new Map<Locale, AbstractIntlMessages>();

export function precompiledMessagesFor(locale: Locale): AbstractIntlMessages {
  let compiled = cache.get(locale);
  if (!compiled) {
    const messages = messagesFor(locale) as Messages;
    compiled = plain(compileTree(locale === 'fr' ? frenchTypographyTree(messages) : messages));
    cache.set(locale, compiled);
  }
  return compiled;
}
