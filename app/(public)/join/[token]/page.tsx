// The invitation link: the invitee chooses their name and password.
import { getTranslations } from 'next-intl/server';
import { findValidInvitation } from '@/lib/auth/invitations';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/password';
import { getSettings } from '@/lib/settings/settings';
import { Notice, PageTitle } from '@/components/ui/primitives';
import { SubmitButton } from '@/components/ui/action-form';
import { FormField } from '@/components/ui/fields';
import { LinkForm, NewPasswordFields } from '@/components/auth/password-form';
import { acceptInvitationAction } from './actions';

export default async function JoinPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations('join');
  const [invitation, settings] = await Promise.all([findValidInvitation(token, 'INVITE'), getSettings()]);
  return (
    <>
      <PageTitle>{t('title', { collective: settings.name })}</PageTitle>
      {!invitation ? (
        <Notice tone="error">{t('invalid')}</Notice>
      ) : (
        <>
          <p className="mb-6 text-slate-700">{t('intro', { min: PASSWORD_MIN_LENGTH })}</p>
          <LinkForm action={acceptInvitationAction} token={token} email={invitation.person.email}>
            <FormField
              label={t('name')}
              name="name"
              autoComplete="name"
              defaultValue={invitation.person.name}
              required
            />
            <NewPasswordFields label={t('password')} confirmLabel={t('passwordConfirm')} />
            <SubmitButton>{t('submit')}</SubmitButton>
          </LinkForm>
        </>
      )}
    </>
  );
}
