// The password-reset link: choose a new password.
import { getTranslations } from 'next-intl/server';
import { findValidInvitation } from '@/lib/auth/invitations';
import { Notice, PageTitle } from '@/components/ui/primitives';
import { SubmitButton } from '@/components/ui/action-form';
import { LinkForm, NewPasswordFields } from '@/components/auth/password-form';
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
        <LinkForm action={resetPasswordAction} token={token} email={invitation.person.email}>
          <NewPasswordFields label={t('password')} confirmLabel={t('passwordConfirm')} />
          <SubmitButton>{t('submit')}</SubmitButton>
        </LinkForm>
      )}
    </>
  );
}
