// Intentionally empty: see server-only-hooks.mjs.
export {};
