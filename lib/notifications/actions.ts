'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction } from '@/lib/actions/form-action';
import { markNotificationsRead } from '@/lib/notifications/notifications';

export const markReadAction = formAction({
  name: 'markNotificationsRead',
  schema: z.object({}),
  handler: async ({ actor }) => {
    await markNotificationsRead({ actor });
    revalidatePath('/');
    return { ok: true };
  },
});
