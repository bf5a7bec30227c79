'use client';
// Declaring or editing a contribution: made to be filled in seconds on a phone. The duration
// field says what it understood ("1 h 30") as the person types.
import { useState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { ActionForm, SubmitButton, useActionFormState, useFieldError } from '@/components/ui/action-form';
import { CheckboxField, FormField } from '@/components/ui/fields';
import { CountedTextArea, Field, SelectInput, TextInput } from '@/components/ui/field';
import { MAX_DESCRIPTION_LENGTH } from '@/lib/contributions/limits';
import type { ActionState } from '@/lib/actions/form-action';
import { formatDuration, formatDurationInput, parseDuration } from '@/lib/contributions/duration';
import { chantierLabel } from '@/lib/format/chantier';
import { asLocale } from '@/lib/i18n/locales';

type Option = { id: string; name: string; code?: string | null };
export type ContributionFormValues = {
  id?: string;
  version?: number;
  date: string;
  minutes?: number;
  chantierId?: string;
  placeId?: string | null;
  description?: string;
  link?: string | null;
  volunteer?: boolean;
};

function DurationField({ defaultMinutes }: { defaultMinutes?: number }) {
  const t = useTranslations();
  const locale = useLocale();
  const [text, setText] = useState(defaultMinutes ? formatDurationInput(defaultMinutes) : '');
  const serverError = useFieldError('duration');
  const parsed = text.trim() ? parseDuration(text) : null;
  const liveError = parsed && !parsed.ok ? t(`errors.duration.${parsed.code}`) : undefined;
  return (
    <Field
      label={t('declare.duration')}
      name="duration"
      error={serverError ?? liveError}
      hint={t('declare.durationHint')}
    >
      <TextInput
        value={text}
        onChange={(event) => setText(event.target.value)}
        inputMode="decimal"
        autoComplete="off"
        placeholder="1h30"
        required
        aria-describedby="duration-understood"
      />
      <p
        id="duration-understood"
        className="min-h-5 text-sm text-brand-800"
        aria-live="polite"
        data-testid="duration-understood"
      >
        {parsed?.ok ? t('declare.understood', { duration: formatDuration(parsed.minutes, asLocale(locale)) }) : ''}
      </p>
    </Field>
  );
}

function SelectField({
  label,
  name,
  options,
  defaultValue,
  placeholder,
  required,
}: {
  label: string;
  name: string;
  options: Option[];
  defaultValue?: string | null;
  placeholder: string;
  required?: boolean;
}) {
  const error = useFieldError(name);
  return (
    <Field label={label} name={name} error={error}>
      <SelectInput defaultValue={defaultValue ?? ''} required={required}>
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {chantierLabel(option)}
          </option>
        ))}
      </SelectInput>
    </Field>
  );
}

function DescriptionField({ defaultValue }: { defaultValue?: string }) {
  const t = useTranslations('declare');
  const error = useFieldError('description');
  return (
    <Field label={t('description')} name="description" error={error} hint={t('descriptionHint')}>
      <CountedTextArea defaultValue={defaultValue} rows={3} required limit={MAX_DESCRIPTION_LENGTH} />
    </Field>
  );
}

/** When an edit was refused as stale, what is saved now, so nothing is silently overwritten. */
function StaleValues() {
  const t = useTranslations('declare');
  const locale = useLocale();
  const state = useActionFormState();
  const current =
    state && !state.ok && state.code === 'STALE_VERSION'
      ? (state.details as { current?: { date: string; minutes: number; description: string; status: string } })?.current
      : undefined;
  if (!current) return null;
  return (
    <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="stale-values">
      <p className="font-medium">{t('staleTitle')}</p>
      <p>
        {current.date.split('-').reverse().join('/')} · {formatDuration(current.minutes, asLocale(locale))} ·{' '}
        {current.description}
      </p>
    </div>
  );
}

export function ContributionForm({
  action,
  chantiers,
  places,
  initial,
  editing = false,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  chantiers: Option[];
  places: Option[];
  initial: ContributionFormValues;
  editing?: boolean;
}) {
  const t = useTranslations('declare');
  return (
    <ActionForm action={action} resetOnSuccess={!editing}>
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      {initial.version ? <input type="hidden" name="version" value={initial.version} /> : null}
      <StaleValues />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t('date')} name="date" type="date" defaultValue={initial.date} required />
        <DurationField defaultMinutes={initial.minutes} />
      </div>
      <SelectField
        label={t('chantier')}
        name="chantierId"
        options={chantiers}
        defaultValue={initial.chantierId}
        placeholder={t('chooseChantier')}
        required
      />
      <SelectField
        label={t('place')}
        name="placeId"
        options={places}
        defaultValue={initial.placeId}
        placeholder={t('noPlace')}
      />
      <DescriptionField defaultValue={initial.description} />
      <FormField label={t('link')} name="link" type="url" defaultValue={initial.link ?? ''} placeholder="https://" />
      <CheckboxField label={t('volunteer')} name="volunteer" defaultChecked={initial.volunteer} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton variant="secondary" name="intent" value="draft">
          {editing ? t('saveChanges') : t('saveDraft')}
        </SubmitButton>
        <SubmitButton name="intent" value="submit">
          {t('submit')}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
