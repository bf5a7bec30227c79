// The first-run page: exists only while there is no active admin.
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { hasActiveAdmin } from '@/lib/setup/first-admin';
import { PageTitle } from '@/components/ui/primitives';
import { ActionForm, SubmitButton } from '@/components/ui/action-form';
import { FormField } from '@/components/ui/fields';
import { NewPasswordFields } from '@/components/auth/password-form';
import { setupAction } from './actions';

export default async function SetupPage() {
  if (await hasActiveAdmin()) notFound();
  const t = await getTranslations('setup');
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <p className="mb-6 text-slate-700">{t('intro')}</p>
      <ActionForm action={setupAction}>
        <FormField label={t('collective')} name="collective" required />
        <FormField label={t('email')} name="email" type="email" autoComplete="username" required />
        <FormField label={t('name')} name="name" autoComplete="name" required />
        <NewPasswordFields label={t('password')} confirmLabel={t('passwordConfirm')} />
        <SubmitButton>{t('submit')}</SubmitButton>
      </ActionForm>
    </>
  );
}
