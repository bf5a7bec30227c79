// What the personal-data endpoints answer (the archive, anonymisation), for the OpenAPI document.
import { z } from 'zod';

export const ZAnonymiseOut = z.object({
  id: z.string(),
  name: z.string(),
  anonymised: z.literal(true),
  removed: z.object({
    apiTokens: z.number().int(),
    invitations: z.number().int(),
    notifications: z.number().int(),
    authAttempts: z.number().int(),
  }),
});
export type TAnonymiseOut = z.infer<typeof ZAnonymiseOut>;
