// Module resolution hook for the command-line scripts (seed, migrate, backups…), which run the
// same server modules as the app but outside Next.js: `server-only` is the bundler's marker that
// keeps database code out of the browser, so in a plain Node process it resolves to nothing.
const empty = new URL('./server-only-empty.mjs', import.meta.url).href;

export async function resolve(specifier, context, next) {
  if (specifier === 'server-only') return { url: empty, shortCircuit: true };
  return next(specifier, context);
}
