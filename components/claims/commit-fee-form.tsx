'use client';
// Engager un forfait: a referent of the chantier (or a treasurer) agrees a price with a person
// before the work; the person submits it once done (docs/claims.md). A plain server-action form:
// there is no receipt to send.
import { useTranslations } from 'next-intl';
import { ActionForm, SubmitButton, useFieldError } from '@/components/ui/action-form';
import { FormField } from '@/components/ui/fields';
import { CountedTextArea, Field, SelectInput } from '@/components/ui/field';
import { MAX_DESCRIPTION_LENGTH } from '@/lib/contributions/limits';
import { chantierLabel } from '@/lib/format/chantier';
import { commitFeeAction } from '@/lib/claims/actions';

type Option = { id: string; name: string; code?: string | null };

function Select({
  name,
  label,
  placeholder,
  options,
}: {
  name: string;
  label: string;
  placeholder: string;
  options: Option[];
}) {
  const error = useFieldError(name);
  return (
    <Field label={label} name={name} error={error}>
      <SelectInput defaultValue="" required>
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

function Description() {
  const t = useTranslations('claimsUi.form');
  const error = useFieldError('description');
  return (
    <Field label={t('description')} name="description" error={error} hint={t('descriptionHint')}>
      <CountedTextArea rows={3} required limit={MAX_DESCRIPTION_LENGTH} />
    </Field>
  );
}

export function CommitFeeForm({ people, chantiers, today }: { people: Option[]; chantiers: Option[]; today: string }) {
  const t = useTranslations('claimsUi');
  return (
    <ActionForm action={commitFeeAction} resetOnSuccess>
      <Select name="personId" label={t('commit.person')} placeholder={t('commit.choosePerson')} options={people} />
      <Select name="chantierId" label={t('form.chantier')} placeholder={t('form.chooseChantier')} options={chantiers} />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          label={t('form.date')}
          name="date"
          type="date"
          defaultValue={today}
          hint={t('form.dateHint')}
          required
        />
        <FormField
          label={t('form.amountFee')}
          name="amount"
          inputMode="decimal"
          autoComplete="off"
          hint={t('form.amountFeeHint')}
          required
        />
      </div>
      <Description />
      <div>
        <SubmitButton>{t('commit.submit')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
