'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction } from '@/lib/actions/form-action';
import { createApiToken, revokeApiToken, ZTokenName } from '@/lib/tokens/api-tokens';
import { translatorFor } from '@/lib/i18n/translator';

export const createTokenAction = formAction({
  name: 'createToken',
  schema: z.object({ name: ZTokenName }),
  handler: async ({ actor, input }) => {
    const created = await createApiToken({ personId: actor.id, name: input.name });
    revalidatePath('/profile');
    return { ok: true, data: { token: created.token } };
  },
});

export const revokeTokenAction = formAction({
  name: 'revokeToken',
  schema: z.object({ id: z.string().min(1).max(64) }),
  handler: async ({ actor, input, locale }) => {
    await revokeApiToken({ actor, id: input.id });
    revalidatePath('/profile');
    return { ok: true, message: translatorFor(locale)('profile.revoked') };
  },
});
