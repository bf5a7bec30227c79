'use client';
import { useTranslations } from 'next-intl';
import { ActionForm, SubmitButton } from '@/components/ui/action-form';
import { markReadAction } from '@/lib/notifications/actions';

export function MarkReadButton() {
  const t = useTranslations('notifications');
  return (
    <ActionForm action={markReadAction} className="flex">
      <SubmitButton variant="secondary">{t('markRead')}</SubmitButton>
    </ActionForm>
  );
}
