'use client';
// The period form, to create a period or edit an open one: name, first and last day, default
// rate in euros, cap in hours, overflow policy, an envelope per chantier and a table of rate
// overrides. Amounts are typed as people write them ("30,50"); the server turns them into cents.
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { ActionForm, SubmitButton, useFieldError } from '@/components/ui/action-form';
import { FormField, RadioGroup } from '@/components/ui/fields';
import { Button } from '@/components/ui/primitives';
import { Field, SelectInput } from '@/components/ui/field';
import type { ActionState } from '@/lib/actions/form-action';
import type { PeriodFormValues } from '@/lib/periods/form-values';

type Option = { value: string; label: string };
type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;
type RateRow = { key: number; personId: string; chantierId: string; rate: string };

const selectStyle =
  'min-h-11 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 aria-[invalid]:border-red-600';

function SelectField({
  label,
  name,
  id,
  options,
  emptyLabel,
  defaultValue,
}: {
  label: string;
  name: string;
  id: string;
  options: Option[];
  emptyLabel: string;
  defaultValue: string;
}) {
  const error = useFieldError(name);
  return (
    <Field label={label} name={name} id={id} error={error}>
      <SelectInput defaultValue={defaultValue} className={selectStyle}>
        <option value="">{emptyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </SelectInput>
    </Field>
  );
}

function PolicyField({ defaultValue }: { defaultValue: 'PRORATA' | 'FIRST_COME' }) {
  const t = useTranslations('periods');
  return (
    <RadioGroup
      legend={t('fields.policy')}
      name="overflowPolicy"
      defaultValue={defaultValue}
      options={(['PRORATA', 'FIRST_COME'] as const).map((policy) => ({
        value: policy,
        label: (
          <>
            <span className="font-medium">{t(`policy.${policy}`)}</span> — {t(`policyHint.${policy}`)}
          </>
        ),
      }))}
    />
  );
}

function RatesTable({
  initial,
  people,
  chantiers,
  idPrefix,
}: {
  initial: PeriodFormValues['rates'];
  people: Option[];
  chantiers: Option[];
  idPrefix: string;
}) {
  const t = useTranslations('periods.fields');
  const [rows, setRows] = useState<RateRow[]>(() => initial.map((rate, index) => ({ key: index, ...rate })));
  const [nextKey, setNextKey] = useState(initial.length);
  const add = () => {
    setRows((current) => [...current, { key: nextKey, personId: '', chantierId: '', rate: '' }]);
    setNextKey((key) => key + 1);
  };
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="text-sm font-medium text-slate-800">{t('rates')}</legend>
      <p className="text-xs text-slate-600">{t('ratesHint')}</p>
      {rows.length === 0 ? <p className="text-sm text-slate-700">{t('noRates')}</p> : null}
      <ol className="flex flex-col gap-3" data-testid="rate-rows">
        {rows.map((row, index) => (
          <li key={row.key} className="rounded-md border border-slate-200 p-3">
            <fieldset className="grid gap-3 sm:grid-cols-[1fr_1fr_9rem_auto] sm:items-end">
              <legend className="sr-only">{t('rateRow', { number: index + 1 })}</legend>
              <SelectField
                label={t('ratePerson')}
                name={`rates.${index}.personId`}
                id={`${idPrefix}-rate-${row.key}-person`}
                options={people}
                emptyLabel={t('anyPerson')}
                defaultValue={row.personId}
              />
              <SelectField
                label={t('rateChantier')}
                name={`rates.${index}.chantierId`}
                id={`${idPrefix}-rate-${row.key}-chantier`}
                options={chantiers}
                emptyLabel={t('anyChantier')}
                defaultValue={row.chantierId}
              />
              <FormField
                label={t('rateAmount')}
                name={`rates.${index}.rateCents`}
                id={`${idPrefix}-rate-${row.key}-amount`}
                defaultValue={row.rate}
                inputMode="decimal"
                autoComplete="off"
              />
              <Button
                type="button"
                variant="secondary"
                onClick={() => setRows((current) => current.filter((candidate) => candidate.key !== row.key))}
                aria-label={`${t('removeRate')} (${index + 1})`}
              >
                {t('removeRate')}
              </Button>
            </fieldset>
          </li>
        ))}
      </ol>
      <div>
        <Button type="button" variant="secondary" onClick={add}>
          {t('addRate')}
        </Button>
      </div>
    </fieldset>
  );
}

export function PeriodForm({
  action,
  period,
  chantiers,
  people,
}: {
  action: Action;
  period?: PeriodFormValues;
  chantiers: Option[];
  people: Option[];
}) {
  const t = useTranslations('periods');
  const tClaims = useTranslations('claims.periodForm');
  const prefix = period ? `period-${period.periodId}` : 'period-new';
  const id = (name: string) => `${prefix}-${name}`;
  return (
    <ActionForm action={action} resetOnSuccess={!period}>
      {period ? (
        <>
          <input type="hidden" name="periodId" value={period.periodId} />
          <input type="hidden" name="version" value={period.version} />
        </>
      ) : null}
      <FormField
        label={t('fields.name')}
        name="name"
        id={id('name')}
        defaultValue={period?.name ?? ''}
        required
        maxLength={120}
        autoComplete="off"
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          label={t('fields.startDate')}
          name="startDate"
          id={id('startDate')}
          type="date"
          defaultValue={period?.startDate ?? ''}
          required
        />
        <FormField
          label={t('fields.endDate')}
          name="endDate"
          id={id('endDate')}
          type="date"
          defaultValue={period?.endDate ?? ''}
          required
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          label={t('fields.defaultRate')}
          name="defaultRateCents"
          id={id('defaultRate')}
          defaultValue={period?.defaultRate ?? ''}
          hint={t('fields.defaultRateHint')}
          inputMode="decimal"
          autoComplete="off"
          required
        />
        <FormField
          label={tClaims('mileageRate')}
          name="mileageRateCents"
          id={id('mileageRate')}
          defaultValue={period?.mileageRate ?? ''}
          hint={tClaims('mileageRateHint')}
          inputMode="decimal"
          autoComplete="off"
        />
        <FormField
          label={t('fields.cap')}
          name="capMinutes"
          id={id('cap')}
          defaultValue={period?.cap ?? ''}
          hint={t('fields.capHint')}
          inputMode="decimal"
          autoComplete="off"
        />
      </div>
      <PolicyField defaultValue={period?.overflowPolicy ?? 'PRORATA'} />
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium text-slate-800">{t('fields.envelopes')}</legend>
        <p className="text-xs text-slate-600">{t('fields.envelopesHint')}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          {chantiers.map((chantier, index) => (
            <div key={chantier.value}>
              <input type="hidden" name={`envelopes.${index}.chantierId`} value={chantier.value} />
              <FormField
                label={t('fields.envelopeFor', { chantier: chantier.label })}
                name={`envelopes.${index}.amountCents`}
                id={id(`envelope-${chantier.value}`)}
                defaultValue={period?.envelopes[chantier.value] ?? ''}
                inputMode="decimal"
                autoComplete="off"
              />
            </div>
          ))}
        </div>
      </fieldset>
      <RatesTable initial={period?.rates ?? []} people={people} chantiers={chantiers} idPrefix={prefix} />
      <div>
        <SubmitButton>{period ? t('save') : t('create')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
