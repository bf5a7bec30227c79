// The two languages of the UI, French first. The choice is a cookie, so it needs no URL prefix.
import frBase from '@/messages/fr.json';
import enBase from '@/messages/en.json';
import frContributions from '@/messages/fr/contributions.json';
import enContributions from '@/messages/en/contributions.json';
import frPeriods from '@/messages/fr/periods.json';
import enPeriods from '@/messages/en/periods.json';
import frImport from '@/messages/fr/import.json';
import enImport from '@/messages/en/import.json';
import frPayees from '@/messages/fr/payees.json';
import enPayees from '@/messages/en/payees.json';
import frExports from '@/messages/fr/exports.json';
import enExports from '@/messages/en/exports.json';
import frTreasury from '@/messages/fr/treasury.json';
import enTreasury from '@/messages/en/treasury.json';
import frClaims from '@/messages/fr/claims.json';
import enClaims from '@/messages/en/claims.json';
import frClaimsUi from '@/messages/fr/claimsUi.json';
import enClaimsUi from '@/messages/en/claimsUi.json';

import type { Locale } from '@/lib/i18n/locales';

export { asLocale, DEFAULT_LOCALE, LOCALE_COOKIE, LOCALES, type Locale } from '@/lib/i18n/locales';

// One file per domain, so that each screen's strings live together; merged at the top level.
const MESSAGES = {
  fr: {
    ...frBase,
    ...frContributions,
    ...frPeriods,
    ...frPayees,
    ...frImport,
    ...frExports,
    ...frTreasury,
    ...frClaims,
    ...frClaimsUi,
  },
  en: {
    ...enBase,
    ...enContributions,
    ...enPeriods,
    ...enPayees,
    ...enImport,
    ...enExports,
    ...enTreasury,
    ...enClaims,
    ...enClaimsUi,
  },
} as const;

export function messagesFor(locale: Locale) {
  return MESSAGES[locale];
}

/**
 * Translates a message key ("errors.FORBIDDEN", "validation.email") outside React, for server
 * actions and the API; a string that is not a known key is returned unchanged.
 */
export function translate(locale: Locale, key: string, values: Record<string, string | number> = {}): string {
  let node: unknown = MESSAGES[locale];
  for (const part of key.split('.')) {
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  }
  if (typeof node !== 'string') return key;
  return formatMessage(node, locale, values);
}

/**
 * The small part of ICU message syntax the messages use: {name} and
 * {count, plural, =0 {…} one {# …} other {# …}} (next-intl does the same in React).
 */
export function formatMessage(message: string, locale: Locale, values: Record<string, string | number>): string {
  let result = '';
  let index = 0;
  while (index < message.length) {
    const open = message.indexOf('{', index);
    if (open === -1) break;
    result += message.slice(index, open);
    let depth = 0;
    let close = open;
    for (; close < message.length; close++) {
      if (message[close] === '{') depth++;
      else if (message[close] === '}' && --depth === 0) break;
    }
    result += formatArgument(message.slice(open + 1, close), locale, values);
    index = close + 1;
  }
  return result + message.slice(index);
}

function formatArgument(argument: string, locale: Locale, values: Record<string, string | number>): string {
  const plural = /^\s*(\w+)\s*,\s*plural\s*,(.*)$/s.exec(argument);
  if (!plural) {
    const name = argument.trim();
    return name in values ? String(values[name]) : `{${argument}}`;
  }
  const count = Number(values[plural[1]] ?? 0);
  const branches = new Map<string, string>();
  for (const match of plural[2].matchAll(/(=\d+|\w+)\s*\{((?:[^{}]|\{[^{}]*\})*)\}/g)) branches.set(match[1], match[2]);
  const branch =
    branches.get(`=${count}`) ??
    branches.get(new Intl.PluralRules(locale).select(count)) ??
    branches.get('other') ??
    '';
  return formatMessage(branch.replace(/#/g, new Intl.NumberFormat(locale).format(count)), locale, values);
}
