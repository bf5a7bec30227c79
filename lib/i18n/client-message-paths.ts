// The messages the browser needs, read from the code at build time (next.config.ts): those of the
// client components ('use client' files that call useTranslations). Server components translate
// on the server, so their strings reach the page as text; sending every message to
// NextIntlClientProvider would put ~13 kB gzipped of unused strings into each page's HTML. Being
// derived, the list cannot drift from the components; a translator this reading cannot follow
// (a namespace or a root key that is not written out) is refused, so the build fails instead.
import fs from 'node:fs';
import path from 'node:path';

const CLIENT_ROOTS = ['app', 'components'];

/** Every 'use client' file under app/ and components/, relative to `root`. */
export function clientFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.tsx?$/.test(entry.name) && /^\s*(\/\/.*\n\s*)*['"]use client['"]/.test(fs.readFileSync(file, 'utf8')))
        found.push(path.relative(root, file));
    }
  };
  for (const dir of CLIENT_ROOTS) walk(path.join(root, dir));
  return found.sort();
}

/**
 * The message paths one client file reads: its useTranslations namespaces, and for a root
 * translator (useTranslations()) the dotted keys it reads: t('week.addRow') → "week.addRow",
 * t(`errors.duration.${code}`) → "errors.duration".
 */
export function messagePathsUsedBy(source: string, file = 'source'): string[] {
  const paths: string[] = [];
  for (const match of source.matchAll(/useTranslations\(([^)]*)\)/g)) {
    const argument = match[1].trim();
    if (argument === '') continue;
    const literal = /^'([\w.]+)'$/.exec(argument);
    if (!literal) throw new Error(`${file}: useTranslations(${argument}) names no namespace the build can read`);
    paths.push(literal[1]);
  }
  if (/useTranslations\(\s*\)/.test(source)) {
    for (const match of source.matchAll(/\bt\(\s*['`]([a-zA-Z]+\.[\w.]*?)\.?(?:\$\{[^`]*)?['`]/g))
      paths.push(match[1].replace(/\.$/, ''));
  }
  return paths;
}

/** The shortest paths that cover every client file's messages, sorted. */
export function clientMessagePaths(root: string): string[] {
  const all = new Set(
    clientFiles(root).flatMap((file) => messagePathsUsedBy(fs.readFileSync(path.join(root, file), 'utf8'), file)),
  );
  const covered = (dotted: string) => [...all].some((other) => other !== dotted && dotted.startsWith(`${other}.`));
  return [...all].filter((dotted) => !covered(dotted)).sort();
}
