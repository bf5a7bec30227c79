'use client';
// The controlled fields of the claim form, each a Field wired to the enclosing ActionForm's
// errors (the form reads their values as they are typed, to say what is missing).
import type { ComponentProps, ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { useFieldError } from '@/components/ui/action-form';
import { CountedTextArea, Field, SelectInput, TextInput } from '@/components/ui/field';
import { MAX_DESCRIPTION_LENGTH } from '@/lib/contributions/limits';
import { chantierLabel } from '@/lib/format/chantier';

type Option = { id: string; name: string; code?: string | null };

/**
 * Two fields side by side from 640 px, stacked below. Its cells may shrink (min-w-0): a select's
 * longest option would otherwise widen the column, and the page, past a 360 px screen.
 */
export function FieldsGrid({ children }: { children: ReactNode }) {
  return <div className="grid gap-4 sm:grid-cols-2 [&>*]:min-w-0">{children}</div>;
}

export function PlainField({
  name,
  label,
  hint,
  value,
  onChange,
  after,
  ...input
}: Omit<ComponentProps<'input'>, 'onChange' | 'value'> & {
  name: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  after?: ReactNode;
}) {
  const error = useFieldError(name);
  return (
    <Field label={label} name={name} error={error} hint={hint} after={after}>
      <TextInput {...input} value={value} onChange={(event) => onChange(event.target.value)} />
    </Field>
  );
}

export function DateField({
  value,
  onChange,
  hint,
}: {
  value: string;
  onChange: (value: string) => void;
  hint: string;
}) {
  const t = useTranslations('claimsUi.form');
  return (
    <PlainField name="date" type="date" label={t('date')} hint={hint} value={value} onChange={onChange} required />
  );
}

export function ChantierField({
  value,
  onChange,
  chantiers,
}: {
  value: string;
  onChange: (value: string) => void;
  chantiers: Option[];
}) {
  const t = useTranslations('claimsUi.form');
  const error = useFieldError('chantierId');
  return (
    <Field label={t('chantier')} name="chantierId" error={error}>
      <SelectInput
        value={value}
        onChange={(event) => onChange(event.target.value)}
        required
        className="w-full max-w-full truncate"
      >
        <option value="">{t('chooseChantier')}</option>
        {chantiers.map((chantier) => (
          <option key={chantier.id} value={chantier.id}>
            {chantierLabel(chantier)}
          </option>
        ))}
      </SelectInput>
    </Field>
  );
}

export function PlaceField({ places, defaultValue }: { places: Option[]; defaultValue?: string | null }) {
  const t = useTranslations('claimsUi.form');
  const error = useFieldError('placeId');
  return (
    <Field label={t('place')} name="placeId" error={error}>
      <SelectInput defaultValue={defaultValue ?? ''}>
        <option value="">{t('noPlace')}</option>
        {places.map((place) => (
          <option key={place.id} value={place.id}>
            {place.name}
          </option>
        ))}
      </SelectInput>
    </Field>
  );
}

export function DescriptionField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const t = useTranslations('claimsUi.form');
  const error = useFieldError('description');
  return (
    <Field label={t('description')} name="description" error={error} hint={t('descriptionHint')}>
      <CountedTextArea
        defaultValue={value}
        onChange={(event) => onChange(event.target.value)}
        rows={3}
        required
        limit={MAX_DESCRIPTION_LENGTH}
      />
    </Field>
  );
}
