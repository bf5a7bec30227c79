// Property tests explore random cases on a developer's machine (a new seed each run, printed on
// failure so it can be replayed with FC_SEED). In CI the seed is fixed, so a run is repeatable:
// CI judges the change, not the luck of the draw.
import fc from 'fast-check';

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : process.env.CI ? 20261128 : undefined;
if (seed !== undefined) fc.configureGlobal({ seed });
