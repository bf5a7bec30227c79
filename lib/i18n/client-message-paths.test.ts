import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clientFiles, clientMessagePaths, messagePathsUsedBy } from './client-message-paths';
import { messagesFor } from './locale';
import { pickMessages } from './pick-messages';

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

describe('messagePathsUsedBy', () => {
  it.each([
    ["const t = useTranslations('week');", ['week']],
    ["const t = useTranslations('treasury.sepa');", ['treasury.sepa']],
    [
      "const t = useTranslations(); t('week.addRow'); t(`errors.duration.${code}`);",
      ['week.addRow', 'errors.duration'],
    ],
    ["const t = useTranslations(); t('plain');", []],
    ['const x = 1;', []],
  ])('%s → %j', (source, paths) => {
    expect(messagePathsUsedBy(source)).toEqual(paths);
  });

  it.each(['useTranslations(namespace)', 'useTranslations(`${namespace}`)'])(
    'refuses a namespace it cannot read: %s',
    (call) => {
      expect(() => messagePathsUsedBy(`const t = ${call};`, 'x.tsx')).toThrow(/x\.tsx/);
    },
  );
});

describe('clientMessagePaths', () => {
  const root = process.cwd();
  const paths = clientMessagePaths(root);

  it('finds the client components that translate', () => {
    const translating = clientFiles(root).filter((file) => fs.readFileSync(file, 'utf8').includes('useTranslations'));
    expect(translating.length).toBeGreaterThan(10);
    expect(paths).toContain('declare');
  });

  it('names only paths that exist, none inside another', () => {
    const messages = messagesFor('fr') as Record<string, unknown>;
    for (const dotted of paths) {
      expect(
        dotted.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messages),
        dotted,
      ).toBeDefined();
      expect(paths.filter((other) => dotted.startsWith(`${other}.`))).toEqual([]);
    }
  });

  it('leaves the server-only namespaces out of the page', () => {
    expect(paths).not.toContain('errors');
    expect(paths).not.toContain('titles');
  });
});
