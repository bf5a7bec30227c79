// The one edge rule for yes/no fields: JSON's true and false, and the strings an HTML form sends
// for a checkbox ("on" when ticked, "true"/"false" from a hidden input); a missing field takes the
// schema's default. Anything else ("yes", 1, "maybe") is refused, instead of being read as false.
import { z } from 'zod';

const FORM_VALUES: Record<string, boolean> = { on: true, true: true, false: false };

export const ZFlag = () =>
  z.preprocess(
    (value) => (typeof value === 'string' && value in FORM_VALUES ? FORM_VALUES[value] : value),
    z.boolean({ error: 'validation.invalid' }),
  );
