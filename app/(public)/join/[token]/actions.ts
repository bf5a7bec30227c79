'use server';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { clientIp } from '@/lib/auth/client-ip';
import { publicFormAction } from '@/lib/actions/form-action';
import { redeemInvitation } from '@/lib/auth/invitations';
import { ZAcceptInvitation, ZResetPassword, ZForgotPassword } from '@/lib/people/schemas';
import { requestPasswordReset } from '@/lib/auth/password-reset';
import { translatorFor } from '@/lib/i18n/translator';

export const acceptInvitationAction = publicFormAction({
  name: 'acceptInvitation',
  schema: ZAcceptInvitation,
  handler: async ({ input }) => {
    await redeemInvitation({ token: input.token, purpose: 'INVITE', password: input.password, name: input.name });
    redirect('/signin?done=join');
  },
});

export const resetPasswordAction = publicFormAction({
  name: 'resetPassword',
  schema: ZResetPassword,
  handler: async ({ input }) => {
    await redeemInvitation({ token: input.token, purpose: 'PASSWORD_RESET', password: input.password });
    redirect('/signin?done=reset');
  },
});

export const forgotPasswordAction = publicFormAction({
  name: 'forgotPassword',
  schema: ZForgotPassword,
  handler: async ({ input, locale }) => {
    await requestPasswordReset(input.email, clientIp(await headers()));
    return { ok: true, message: translatorFor(locale)('reset.requestDone') };
  },
});
