'use client';
import { useTranslations } from 'next-intl';
import { ActionForm, SubmitButton } from '@/components/ui/action-form';
import { FormField } from '@/components/ui/fields';
import { Notice } from '@/components/ui/primitives';
import { createTokenAction, revokeTokenAction } from './actions';

export function CreateTokenForm() {
  const t = useTranslations('profile');
  return (
    <ActionForm
      action={createTokenAction}
      className="flex flex-col gap-3 sm:flex-row sm:items-end"
      success={(state) => (
        <Notice tone="success">
          {t('tokenCreated')}
          <code className="mt-2 block break-all rounded bg-white p-2 font-mono text-sm" data-testid="new-token">
            {String(state.data?.token ?? '')}
          </code>
        </Notice>
      )}
    >
      <FormField label={t('tokenName')} name="name" required maxLength={100} />
      <SubmitButton>{t('createToken')}</SubmitButton>
    </ActionForm>
  );
}

export function RevokeTokenForm({ id }: { id: string }) {
  const t = useTranslations('profile');
  return (
    <ActionForm action={revokeTokenAction} className="inline">
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="danger">{t('revoke')}</SubmitButton>
    </ActionForm>
  );
}
