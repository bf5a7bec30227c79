// The translator for code that runs outside a React render: server actions, the API's errors, the
// import, PDFs and e-mails. It is next-intl's own (createTranslator), over the same messages as
// getTranslations and useTranslations, so keys are typed (global.d.ts) and ICU is formatted once.
// Inside Next, next.config.ts swaps in next-intl's formatter for precompiled messages, so the
// translator is handed those (lib/i18n/precompiled.ts); vitest and tsx run the ICU parser, which
// reads the source strings. The formatter says which it is: only the parser formats `t.raw`.
import { createTranslator, type MessageKeys, type NestedKeyOf } from 'next-intl';
import formatMessage from 'use-intl/format-message';
import { messagesFor, type Locale, type Messages } from '@/lib/i18n/locale';
import { precompiledMessagesFor } from '@/lib/i18n/precompiled';

/** Every key of the messages, "errors.FORBIDDEN" or "people.count": a wrong one fails the type check. */
export type MessageKey = MessageKeys<Messages, NestedKeyOf<Messages>>;

/** Values for a message whose key is data (an error's, a schema's): checked when formatted, not typed. */
export type MessageValues = Record<string, string | number>;

const PRECOMPILED = formatMessage.raw === false;

function create(locale: Locale) {
  return createTranslator({
    locale,
    messages: (PRECOMPILED ? precompiledMessagesFor(locale) : messagesFor(locale)) as Messages,
    timeZone: process.env.BUTIN_TIME_ZONE ?? 'Europe/Paris',
  });
}

type ServerTranslator = ReturnType<typeof create>;
const translators = new Map<Locale, ServerTranslator>();

/** next-intl's translator for a locale, made once per process. */
export function translatorFor(locale: Locale): ServerTranslator {
  let translator = translators.get(locale);
  if (!translator) {
    translator = create(locale);
    translators.set(locale, translator);
  }
  return translator;
}

/** Whether a string read from data ("validation.email" from a schema) is a key of the messages. */
export function isMessageKey(value: string): value is MessageKey {
  return /^[a-zA-Z][\w-]*(\.[\w-]+)+$/.test(value) && translatorFor('fr').has(value as MessageKey);
}

/**
 * A message whose key travels as data (AppError.messageKey, a field's key): the same translator,
 * with values checked against the message when formatted rather than by the type check.
 */
export function translateKey(locale: Locale, key: MessageKey, values?: MessageValues): string {
  return (translatorFor(locale) as unknown as (key: string, values?: MessageValues) => string)(key, values);
}
