'use client';
// The payout profile form: who receives the money, the legal name, the bank account, the SIRET
// and the postal address. Every field is checked again on the server; errors show beside them.
import { useState, type ComponentProps } from 'react';
import { useTranslations } from 'next-intl';
import { ActionForm, SubmitButton } from '@/components/ui/action-form';
import { FormField, RadioGroup } from '@/components/ui/fields';
import { savePayoutProfileAction } from './actions';

export type PayoutFormDefaults = {
  payeeType: 'SELF' | 'ORGANISATION';
  organisationName: string;
  legalName: string;
  iban: string;
  bic: string;
  siret: string;
  addressLine1: string;
  addressLine2: string;
  postalCode: string;
  city: string;
  country: string;
};

type TextName = Exclude<keyof PayoutFormDefaults, 'payeeType'>;

/** Bank codes are typed in capitals, as written on a RIB, and are no words to correct. */
const bankCode = { autoComplete: 'off', spellCheck: false, autoCapitalize: 'characters', className: 'font-mono' };

export function PayoutProfileForm({ defaults }: { defaults: PayoutFormDefaults }) {
  const t = useTranslations('payees.profile');
  const [payeeType, setPayeeType] = useState(defaults.payeeType);
  /** A text field of the profile: its label from the messages, its value from the saved profile. */
  const field = (name: TextName, props: Omit<ComponentProps<typeof FormField>, 'label' | 'name'> = {}) => (
    <FormField label={t(name)} name={name} defaultValue={defaults[name]} {...props} />
  );
  return (
    <ActionForm action={savePayoutProfileAction}>
      <RadioGroup
        legend={t('payeeType')}
        name="payeeType"
        value={payeeType}
        onChange={setPayeeType}
        options={(['SELF', 'ORGANISATION'] as const).map((type) => ({ value: type, label: t(`payee${type}`) }))}
      />
      {payeeType === 'ORGANISATION'
        ? field('organisationName', { hint: t('organisationNameHint'), autoComplete: 'organization', required: true })
        : null}
      {field('legalName', { hint: t('legalNameHint'), autoComplete: 'name', required: true })}
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-base font-semibold text-slate-900">{t('bank')}</legend>
        {field('iban', { hint: t('ibanHint'), ...bankCode })}
        <div className="grid gap-4 sm:grid-cols-2">
          {field('bic', { hint: t('bicHint'), ...bankCode })}
          {field('siret', { hint: t('siretHint'), autoComplete: 'off', inputMode: 'numeric' })}
        </div>
      </fieldset>
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-base font-semibold text-slate-900">{t('address')}</legend>
        {field('addressLine1', { autoComplete: 'address-line1' })}
        {field('addressLine2', { autoComplete: 'address-line2' })}
        <div className="grid gap-4 sm:grid-cols-3">
          {field('postalCode', { autoComplete: 'postal-code', inputMode: 'numeric' })}
          {field('city', { autoComplete: 'address-level2' })}
          {field('country', {
            hint: t('countryHint'),
            autoComplete: 'country',
            maxLength: 2,
            autoCapitalize: 'characters',
          })}
        </div>
      </fieldset>
      <div>
        <SubmitButton>{t('save')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
