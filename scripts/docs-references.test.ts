// docs/ says which module holds each rule, and code comments cite docs/ pages: both go stale
// silently when a file is renamed or a page removed. This test reads the documentation as a
// reader would follow it — every relative link and every repository path it names must lead
// somewhere, and every docs/ page a comment cites must exist.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const docsDir = path.join(root, 'docs');
const pages = fs
  .readdirSync(docsDir)
  .filter((name) => name.endsWith('.md'))
  .map((name) => path.join('docs', name));
const documents = [...pages, 'README.md'];

const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const exists = (file: string) => fs.existsSync(path.join(root, file));

/** Relative markdown links, `[text](target)`, without their #anchor; web links left out. */
function relativeLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)]
    .map((match) => match[1])
    .filter((target) => !/^[a-z]+:/i.test(target));
}

/** Repository paths written in backticks (`lib/pricing/types.ts`), patterns and placeholders left out. */
function repositoryPaths(markdown: string): string[] {
  return [...markdown.matchAll(/`((?:app|bench|components|lib|messages|prisma|scripts|tests|tools)\/[^`\s]*)`/g)]
    .map((match) => match[1].replace(/\/$/, ''))
    .filter((candidate) => !/[*{}<>…]/.test(candidate));
}

/** Source files outside generated code and dependencies. */
function sourceFiles(dir: string): string[] {
  const skip = new Set(['node_modules', '.next', 'generated', '.data', '.test-data', 'results']);
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return skip.has(entry.name) ? [] : sourceFiles(relative);
    return /\.(ts|tsx|mjs)$/.test(entry.name) ? [relative] : [];
  });
}

describe('docs/', () => {
  it('has an index that links every page', () => {
    const index = relativeLinks(read('docs/README.md'));
    for (const page of pages.filter((page) => page !== path.join('docs', 'README.md'))) {
      expect(index, page).toContain(path.basename(page));
    }
  });

  it.each(documents)('%s: every relative link leads to a file', (document) => {
    const broken = relativeLinks(read(document)).filter(
      (target) => !exists(path.join(path.dirname(document), decodeURIComponent(target))),
    );
    expect(broken).toEqual([]);
  });

  it.each(documents)('%s: every repository path it names exists', (document) => {
    const missing = repositoryPaths(read(document)).filter((file) => !exists(file));
    expect(missing).toEqual([]);
  });
});

describe('code comments that cite docs/', () => {
  const files = ['app', 'components', 'lib', 'scripts', 'tests', 'bench', 'eslint.config.mjs'].flatMap((entry) =>
    fs.statSync(path.join(root, entry)).isDirectory() ? sourceFiles(entry) : [entry],
  );

  it('cite pages that exist', () => {
    const cited = files.flatMap((file) =>
      [...read(file).matchAll(/\bdocs\/([\w-]+\.md)/g)].map((match) => ({ file, page: `docs/${match[1]}` })),
    );
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.filter(({ page }) => !exists(page))).toEqual([]);
  });

  it('never cite the product specification, which is not in the repository', () => {
    const marker = ['PRODUCT', 'md'].join('.');
    expect(files.filter((file) => read(file).includes(marker))).toEqual([]);
  });
});
