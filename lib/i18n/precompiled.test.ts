// The precompiled messages, formatted by use-intl's formatter for compiled messages (the one the
// app runs, see next.config.ts), read exactly as next-intl formatted the source strings before.
import { describe, expect, it } from 'vitest';
import { createTranslator } from 'use-intl/core';
import formatCompiled from 'use-intl/format-message/format-only';
import { LOCALES, messagesFor } from './locale';
import { frenchTypographyTree } from '@/lib/i18n/typography';
import { precompiledMessagesFor } from './precompiled';

type Tree = { [key: string]: unknown };

function leaves(node: unknown, prefix = ''): [string, unknown][] {
  if (typeof node === 'string' || Array.isArray(node)) return [[prefix, node]];
  return Object.entries(node as Tree).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
}

function at(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Tree)[part], tree);
}

const formatters = {
  getNumberFormat: (...args: ConstructorParameters<typeof Intl.NumberFormat>) => new Intl.NumberFormat(...args),
  getPluralRules: (...args: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...args),
  getDateTimeFormat: (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...args),
};

/** Values for every argument of a message: the given count for plural and number ones, text otherwise. */
function valuesFor(message: string, count: number): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const match of message.matchAll(/\{\s*(\w+)\s*(?:,\s*(\w+))?/g)) {
    values[match[1]] = match[2] === 'plural' || match[2] === 'number' ? count : `«${match[1]}»`;
  }
  return values;
}

/** Objects React can pass to a client component: plain ones and arrays, all the way down. */
function plainThroughout(node: unknown): boolean {
  if (node === null || typeof node !== 'object') return true;
  const prototype = Object.getPrototypeOf(node);
  if (prototype !== Object.prototype && prototype !== Array.prototype) return false;
  return Object.values(node).every(plainThroughout);
}

describe('precompiled messages', () => {
  it.each(LOCALES)('are plain objects and arrays, which React can hand to client components (%s)', (locale) => {
    expect(plainThroughout(precompiledMessagesFor(locale))).toBe(true);
  });

  it.each(LOCALES)('format as the source strings did, French with its typography (%s)', (locale) => {
    const source = locale === 'fr' ? frenchTypographyTree(messagesFor(locale) as never) : messagesFor(locale);
    const compiled = precompiledMessagesFor(locale);
    const translate = createTranslator({ locale, messages: source as never, timeZone: 'Europe/Paris' });
    const sourceLeaves = leaves(source);
    expect(leaves(compiled).map(([key]) => key)).toEqual(sourceLeaves.map(([key]) => key));
    for (const [key, message] of sourceLeaves) {
      for (const count of [0, 1, 2, 1234]) {
        const values = valuesFor(message as string, count);
        const expected = translate(key as never, values as never);
        const actual = formatCompiled(key, at(compiled, key) as never, values, {
          cache: {} as never,
          formatters: formatters as never,
          locale,
          timeZone: 'Europe/Paris',
        });
        expect(actual, `${locale} ${key} (${count})`).toBe(expected);
      }
    }
  });
});
