// Loading `@prisma/schema-engine-wasm`.
//
// The package's entry point does `import * as wasm from "./schema_engine_bg.wasm"`,
// which Node 20 only accepts with --experimental-wasm-modules. We instantiate the
// module by hand instead: its JS glue (`schema_engine_bg.js`) exports every import the
// wasm module needs and takes the instance through `__wbg_set_wasm()`.
//
// The glue keeps the instance and views of its memory in module-level variables, so a
// *fresh* engine (see `newWasmBindings`) needs a fresh copy of the glue module as well:
// we import it again under a different URL query, which gives a new module record.

import { readFileSync } from 'node:fs';

const glueUrl = import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
let compiledModule; // compiling the 5 MB module once is enough; instances are cheap-ish
let instanceCount = 0;

/**
 * A new, independent copy of the wasm bindings (its own memory, own glue state).
 * @returns {Promise<typeof import('@prisma/schema-engine-wasm')>}
 */
export async function newWasmBindings() {
  instanceCount += 1;
  const glue = await import(`${glueUrl}?instance=${instanceCount}`);
  compiledModule ??= new WebAssembly.Module(readFileSync(new URL('schema_engine_bg.wasm', glueUrl)));
  const instance = new WebAssembly.Instance(compiledModule, { './schema_engine_bg.js': glue });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return glue;
}

/** "7.10.0-4.<engine commit hash>" -> "<engine commit hash>" */
export function engineCommitHash() {
  const pkg = JSON.parse(readFileSync(new URL('package.json', glueUrl), 'utf8'));
  const match = /-\d+\.([0-9a-f]{40})$/.exec(pkg.version);
  return { packageVersion: pkg.version, commit: match ? match[1] : pkg.version };
}
