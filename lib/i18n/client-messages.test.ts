import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIENT_MESSAGE_PATHS, pickMessages } from './client-messages';
import { messagesFor } from './locale';

describe('pickMessages', () => {
  it('keeps the chosen namespaces and parts of namespaces, nested as in the source', () => {
    const messages = {
      app: { name: 'Butin' },
      nav: { home: 'Accueil' },
      errors: { duration: { EMPTY: 'Vide' }, FORBIDDEN: 'Non' },
    };
    expect(pickMessages(messages, ['app', 'errors.duration', 'missing.path'])).toEqual({
      app: { name: 'Butin' },
      errors: { duration: { EMPTY: 'Vide' } },
    });
  });
});

/** Every 'use client' file under app/ and components/. */
function clientFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.tsx?$/.test(entry.name) && /^\s*(\/\/.*\n\s*)*['"]use client['"]/.test(fs.readFileSync(file, 'utf8')))
        found.push(file);
    }
  };
  for (const root of ['app', 'components']) walk(path.resolve(root));
  return found;
}

/** The message keys a client file asks for: its useTranslations namespaces, and the keys it reads through a root translator. */
function keysUsedBy(source: string): string[] {
  const keys = [...source.matchAll(/useTranslations\(\s*'([\w.]+)'\s*\)/g)].map((match) => match[1]);
  if (/useTranslations\(\s*\)/.test(source)) {
    // With a root translator, the keys are dotted literals: t('week.addRow'), t(`errors.duration.${code}`).
    for (const match of source.matchAll(/\bt\(\s*['`]([a-zA-Z]+\.[\w.]*?)\.?(?:\$\{[^`]*)?['`]/g))
      keys.push(match[1].replace(/\.$/, ''));
  }
  return keys;
}

describe('CLIENT_MESSAGE_PATHS', () => {
  const files = clientFiles();
  const covered = (key: string) =>
    CLIENT_MESSAGE_PATHS.some((prefix) => key === prefix || key.startsWith(`${prefix}.`));

  it('finds the client components that translate', () => {
    expect(files.filter((file) => /useTranslations/.test(fs.readFileSync(file, 'utf8'))).length).toBeGreaterThan(10);
  });

  it.each(files.map((file) => [path.relative(process.cwd(), file)]))('covers every key that %s translates', (file) => {
    const missing = keysUsedBy(fs.readFileSync(file, 'utf8')).filter((key) => !covered(key));
    expect(missing).toEqual([]);
  });

  it('names only paths that exist', () => {
    const messages = messagesFor('fr') as Record<string, unknown>;
    for (const dotted of CLIENT_MESSAGE_PATHS) {
      expect(
        dotted.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messages),
        dotted,
      ).toBeDefined();
    }
  });
});
