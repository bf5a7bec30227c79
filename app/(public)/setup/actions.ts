'use server';
import { redirect } from 'next/navigation';
import { publicFormAction } from '@/lib/actions/form-action';
import { createFirstAdmin, ZFirstAdmin } from '@/lib/setup/first-admin';

export const setupAction = publicFormAction({
  name: 'setup',
  schema: ZFirstAdmin,
  handler: async ({ input }) => {
    await createFirstAdmin(input);
    redirect('/signin');
  },
});
