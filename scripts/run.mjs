// node scripts/run.mjs NAME [arguments] — what `npm start`, `npm run db:seed`… run: the script
// scripts/NAME.ts, compiled (scripts/compile-scripts.mjs), in this same process. In a development
// checkout (esbuild installed) it compiles that script first; in a production install, pruned of
// development packages, it runs what `npm run build` compiled.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileScripts, outDir } from './compile-scripts.mjs';

const [name, ...rest] = process.argv.slice(2);
if (!name || !/^[a-z][a-z0-9-]*$/.test(name)) {
  console.error('usage: node scripts/run.mjs SCRIPT [arguments]');
  process.exit(2);
}
let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  // a production install: use what the build compiled
}
const file = path.join(outDir, `${name}.mjs`);
if (esbuild) {
  await compileScripts([name], esbuild);
  await esbuild.stop(); // its service process would outlive a signal to this one
} else if (!fs.existsSync(file)) {
  console.error(
    `${path.relative(process.cwd(), file)} is missing: run \`npm run build\` before pruning the development packages.`,
  );
  process.exit(2);
}
// The script reads its own arguments from process.argv, as if it had been started directly.
process.argv = [process.argv[0], file, ...rest];
await import(pathToFileURL(file).href);
