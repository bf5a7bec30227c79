// The payees' strings: French and English say the same things, with the same placeholders, and
// every message key the schemas use exists in both languages.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fr from '@/messages/fr/payees.json';
import en from '@/messages/en/payees.json';
import frBase from '@/messages/fr/validation.json';
import enBase from '@/messages/en/validation.json';

function entries(node: unknown, prefix = ''): [string, string][] {
  if (typeof node !== 'object' || node === null) return [[prefix, String(node)]];
  return Object.entries(node).flatMap(([key, value]) => entries(value, prefix ? `${prefix}.${key}` : key));
}

/** The names of a message's top-level arguments: "{count, plural, one {# x} …}" → ["count"]. */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  let depth = 0;
  for (let index = 0; index < message.length; index++) {
    if (message[index] === '{') {
      if (depth === 0) names.add(/^\{\s*(\w+)/.exec(message.slice(index))?.[1] ?? '');
      depth++;
    } else if (message[index] === '}') depth--;
  }
  return [...names].sort();
}

describe('payees messages', () => {
  it('have the same keys in French and English', () => {
    expect(entries(en).map(([key]) => key)).toEqual(entries(fr).map(([key]) => key));
  });

  it('use the same placeholders in both languages', () => {
    const english = new Map(entries(en));
    for (const [key, message] of entries(fr))
      expect([key, placeholders(english.get(key)!)]).toEqual([key, placeholders(message)]);
  });

  it('cover every message key the payee schemas use, in both languages', () => {
    const source = fs.readFileSync(path.join(import.meta.dirname, 'schemas.ts'), 'utf8');
    const keys = [...new Set([...source.matchAll(/'(validation\.\w+)'/g)].map((match) => match[1]))];
    expect(keys.length).toBeGreaterThan(5);
    const french = new Map(entries(frBase));
    const english = new Map(entries(enBase));
    for (const key of keys) {
      expect(french.get(key), key).toBeTruthy();
      expect(english.get(key), key).toBeTruthy();
    }
  });
});
