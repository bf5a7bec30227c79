'use client';
// The treasurer's button that sends today's reminders to declare (relevé des compteurs).
import { useTranslations } from 'next-intl';
import { ActionForm, SubmitButton } from '@/components/ui/action-form';
import { sendRemindersAction } from '@/lib/plans/reminder-actions';

export function RemindersButton({ daysBeforeEnd }: { daysBeforeEnd: number }) {
  const t = useTranslations('alerts.reminders');
  return (
    <ActionForm action={sendRemindersAction} className="flex flex-col gap-3">
      <p className="text-sm text-slate-700">{t('intro', { days: daysBeforeEnd })}</p>
      <div>
        <SubmitButton variant="secondary">{t('send')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
