// "Forgot my password": emails a link when SMTP is set up; otherwise says to ask an admin.
import { getTranslations } from 'next-intl/server';
import { mailEnabled } from '@/lib/mail/mailer';
import { Notice, PageTitle } from '@/components/ui/primitives';
import { ActionForm, SubmitButton } from '@/components/ui/action-form';
import { FormField } from '@/components/ui/fields';
import { forgotPasswordAction } from '@/app/(public)/join/[token]/actions';

export default async function ForgotPasswordPage() {
  const t = await getTranslations('reset');
  return (
    <>
      <PageTitle>{t('requestTitle')}</PageTitle>
      {mailEnabled() ? (
        <>
          <p className="mb-6 text-slate-700">{t('requestIntro')}</p>
          <ActionForm action={forgotPasswordAction}>
            <FormField label={t('email')} name="email" type="email" autoComplete="username" required />
            <SubmitButton>{t('requestSubmit')}</SubmitButton>
          </ActionForm>
        </>
      ) : (
        <Notice>{t('noMail')}</Notice>
      )}
    </>
  );
}
