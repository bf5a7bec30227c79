'use client';
// One chantier's explanation of its gap, for the compte rendu financier.
import { useTranslations } from 'next-intl';
import { ActionForm, SubmitButton, useFieldError } from '@/components/ui/action-form';
import { CountedTextArea, Field } from '@/components/ui/field';
import type { ActionState } from '@/lib/actions/form-action';
import { MAX_EXPLANATION_LENGTH } from '@/lib/plans/report-schemas';

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

function TextField({ id, label, defaultValue }: { id: string; label: string; defaultValue: string }) {
  const t = useTranslations('alerts.report');
  const error = useFieldError('text');
  return (
    <Field label={label} name="text" id={id} error={error} hint={t('explanationHint')}>
      <CountedTextArea id={id} name="text" rows={4} limit={MAX_EXPLANATION_LENGTH} defaultValue={defaultValue} />
    </Field>
  );
}

export function ExplanationForm({
  action,
  periodId,
  chantier,
}: {
  action: Action;
  periodId: string;
  chantier: { chantierId: string; label: string; text: string };
}) {
  const t = useTranslations('alerts.report');
  return (
    <ActionForm action={action} className="flex flex-col gap-3">
      <input type="hidden" name="periodId" value={periodId} />
      <input type="hidden" name="chantierId" value={chantier.chantierId} />
      <TextField
        id={`explanation-${chantier.chantierId}`}
        label={t('explanation', { chantier: chantier.label })}
        defaultValue={chantier.text}
      />
      <div>
        <SubmitButton variant="secondary">{t('save', { chantier: chantier.label })}</SubmitButton>
      </div>
    </ActionForm>
  );
}
