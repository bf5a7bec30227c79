// Schemas of the API's own inputs and outputs, reused by the handlers and the OpenAPI document.
import { z } from 'zod';
import { ZEmail, ZId, ZPersonOut } from '@/lib/people/schemas';
import { ZTokenName } from '@/lib/tokens/api-tokens';

export const ZIdParams = z.object({ id: ZId });

export const ZTokenCreate = z.object({
  email: ZEmail,
  password: z.string().min(1, 'validation.required').max(1024),
  name: ZTokenName.optional(),
});
export const ZTokenCreated = z.object({ id: z.string(), token: z.string(), name: z.string() });

export const ZMe = ZPersonOut.omit({ active: true });

export const ZChantierOut = z.object({
  id: z.string(),
  code: z.string().nullable(),
  name: z.string(),
  description: z.string(),
  active: z.boolean(),
  referents: z.array(z.string()),
});
export const ZPlaceOut = z.object({
  id: z.string(),
  code: z.string().nullable(),
  name: z.string(),
  active: z.boolean(),
});

export const ZErrorOut = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** Field → what is wrong with it, for a refused input. */
    fields: z.record(z.string(), z.string()).optional(),
    /** What the code's description says to read: the current values of a stale record, what blocks a close… */
    details: z.unknown().optional(),
  }),
});

export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable().optional() });
