// Compiles the command-line scripts (scripts/*.ts: start, seed, migrate, create-admin…) with
// esbuild into dist/scripts/*.mjs, so that a production install runs them with plain Node after
// `npm prune --omit=dev` (tsx and esbuild are development packages). npm packages stay imports
// from node_modules; the app's own modules (`@/lib/…`) are bundled in; `server-only`, the
// bundler's marker for server code, becomes an empty module, as scripts/runtime/ does for tsx.
// `npm run build` runs it for every script; scripts/run.mjs for the one it runs when esbuild is
// there (a development checkout), so a script never runs stale.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
export const outDir = path.join(root, 'dist', 'scripts');
/** Scripts that only a development checkout runs. */
const DEV_ONLY = new Set(['test']);

export function scriptNames() {
  return fs
    .readdirSync(path.join(root, 'scripts'))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts'))
    .map((file) => file.slice(0, -3))
    .filter((name) => !DEV_ONLY.has(name));
}

const serverOnly = {
  name: 'server-only',
  setup(build) {
    build.onResolve({ filter: /^server-only$/ }, () => ({ path: 'server-only', namespace: 'empty' }));
    build.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

/** Compiles the named scripts (all by default); written atomically, as several instances may start at once. */
export async function compileScripts(names = scriptNames(), esbuild) {
  esbuild ??= await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(names.map((name) => [name, path.join(root, 'scripts', `${name}.ts`)])),
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: false,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    tsconfig: path.join(root, 'tsconfig.json'),
    plugins: [serverOnly],
    sourcemap: 'inline',
    logLevel: 'warning',
    write: false,
  });
  fs.mkdirSync(outDir, { recursive: true });
  for (const file of result.outputFiles) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, file.contents);
    fs.renameSync(temporary, file.path);
  }
  return names.map((name) => path.join(outDir, `${name}.mjs`));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = Date.now();
  const files = await compileScripts();
  console.log(`compiled ${files.length} scripts into ${path.relative(root, outDir)}/ in ${Date.now() - started} ms`);
}
