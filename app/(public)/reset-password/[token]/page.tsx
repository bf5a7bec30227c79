// The password-reset link: choose a new password.
import { getTranslations } from 'next-intl/server';
import { findValidInvitation } from '@/lib/auth/invitations';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/password';
import { Notice, PageTitle } from '@/components/ui/primitives';
import { ActionForm, SubmitButton } from '@/components/ui/action-form';
import { FormField } from '@/components/ui/fields';
import { resetPasswordAction } from '@/app/(public)/join/[token]/actions';

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations('reset');
  const invitation = await findValidInvitation(token, 'PASSWORD_RESET');
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      {!invitation ? (
        <Notice tone="error">{t('invalid')}</Notice>
      ) : (
        <ActionForm action={resetPasswordAction}>
          <input type="hidden" name="token" value={token} />
          <p className="text-sm text-slate-700">{invitation.person.email}</p>
          <FormField
            label={t('password')}
            name="password"
            type="password"
            autoComplete="new-password"
            minLength={PASSWORD_MIN_LENGTH}
            required
          />
          <FormField
            label={t('passwordConfirm')}
            name="passwordConfirm"
            type="password"
            autoComplete="new-password"
            required
          />
          <SubmitButton>{t('submit')}</SubmitButton>
        </ActionForm>
      )}
    </>
  );
}
