'use client';
// Edit forms for chantiers, places and the collective's settings.
import { useTranslations } from 'next-intl';
import { ActionForm, SubmitButton, useFieldError } from '@/components/ui/action-form';
import { CheckboxField, FormField } from '@/components/ui/fields';
import { Field, TextArea } from '@/components/ui/field';
import { saveChantierAction, savePlaceAction, saveSettingsAction } from './actions';

function DescriptionField({ label, defaultValue, id }: { label: string; defaultValue: string; id: string }) {
  const error = useFieldError('description');
  return (
    <Field label={label} name={`description-${id}`} error={error}>
      <TextArea id={`description-${id}`} name="description" defaultValue={defaultValue} rows={2} />
    </Field>
  );
}

export function ChantierForm({
  chantier,
}: {
  chantier?: { id: string; code: string | null; name: string; description: string; active: boolean };
}) {
  const t = useTranslations('chantiers');
  const key = chantier?.id ?? 'new';
  return (
    <ActionForm action={saveChantierAction} resetOnSuccess={!chantier}>
      {chantier ? <input type="hidden" name="id" value={chantier.id} /> : null}
      <div className="grid gap-4 sm:grid-cols-[8rem_1fr]">
        <FormField
          label={t('code')}
          name="code"
          id={`code-${key}`}
          defaultValue={chantier?.code ?? ''}
          maxLength={20}
        />
        <FormField label={t('name')} name="name" id={`name-${key}`} defaultValue={chantier?.name ?? ''} required />
      </div>
      <DescriptionField label={t('description')} defaultValue={chantier?.description ?? ''} id={key} />
      <CheckboxField label={t('active')} name="active" defaultChecked={chantier?.active ?? true} />
      <div>
        <SubmitButton>{chantier ? t('save') : t('add')}</SubmitButton>
      </div>
    </ActionForm>
  );
}

export function PlaceForm({ place }: { place?: { id: string; code: string | null; name: string; active: boolean } }) {
  const t = useTranslations('places');
  const key = place?.id ?? 'new';
  return (
    <ActionForm action={savePlaceAction} resetOnSuccess={!place}>
      {place ? <input type="hidden" name="id" value={place.id} /> : null}
      <div className="grid gap-4 sm:grid-cols-[8rem_1fr]">
        <FormField label={t('code')} name="code" id={`code-${key}`} defaultValue={place?.code ?? ''} maxLength={20} />
        <FormField label={t('name')} name="name" id={`name-${key}`} defaultValue={place?.name ?? ''} required />
      </div>
      <CheckboxField label={t('active')} name="active" defaultChecked={place?.active ?? true} />
      <div>
        <SubmitButton>{place ? t('save') : t('add')}</SubmitButton>
      </div>
    </ActionForm>
  );
}

export function SettingsForm({
  settings,
}: {
  settings: { name: string; timeZone: string; transparency: boolean; reminderDaysBeforeEnd: number };
}) {
  const t = useTranslations('settings');
  const tAlerts = useTranslations('alerts.settings');
  return (
    <ActionForm action={saveSettingsAction}>
      <FormField label={t('name')} name="name" defaultValue={settings.name} required />
      <FormField label={t('timeZone')} name="timeZone" defaultValue={settings.timeZone} required />
      <CheckboxField label={t('transparency')} name="transparency" defaultChecked={settings.transparency} />
      <FormField
        label={tAlerts('reminderDays')}
        hint={tAlerts('reminderDaysHint')}
        name="reminderDaysBeforeEnd"
        type="number"
        inputMode="numeric"
        min={0}
        max={90}
        step={1}
        defaultValue={settings.reminderDaysBeforeEnd}
        required
      />
      <div>
        <SubmitButton>{t('save')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
