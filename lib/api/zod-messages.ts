// How zod names a missing field, for every schema parsed at the edge (API and forms): "Required"
// (the key validation.required), not "Invalid value". A schema's own message still wins.
import { z } from 'zod';

z.config({
  customError: (issue) =>
    issue.code === 'invalid_type' && issue.input === undefined ? 'validation.required' : undefined,
});
