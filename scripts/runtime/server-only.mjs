// `node --import ./scripts/runtime/server-only.mjs …`: registers server-only-hooks.mjs.
import { register } from 'node:module';

register('./server-only-hooks.mjs', import.meta.url);
