'use client';
// The payout profile form: who receives the money, the legal name, the bank account, the SIRET
// and the postal address. Every field is checked again on the server; errors show beside them.
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { ActionForm, SubmitButton, useFieldError } from '@/components/ui/action-form';
import { FormField } from '@/components/ui/fields';
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

function PayeeTypeField({
  value,
  onChange,
}: {
  value: PayoutFormDefaults['payeeType'];
  onChange: (value: PayoutFormDefaults['payeeType']) => void;
}) {
  const t = useTranslations('payees.profile');
  const error = useFieldError('payeeType');
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="text-sm font-medium text-slate-800">{t('payeeType')}</legend>
      {(['SELF', 'ORGANISATION'] as const).map((type) => (
        <label key={type} className="inline-flex min-h-11 items-center gap-2 text-sm text-slate-800">
          <input
            type="radio"
            name="payeeType"
            value={type}
            checked={value === type}
            onChange={() => onChange(type)}
            className="h-5 w-5 accent-brand-700"
          />
          {t(`payee${type}`)}
        </label>
      ))}
      {error ? (
        <p className="text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export function PayoutProfileForm({ defaults }: { defaults: PayoutFormDefaults }) {
  const t = useTranslations('payees.profile');
  const [payeeType, setPayeeType] = useState(defaults.payeeType);
  return (
    <ActionForm action={savePayoutProfileAction}>
      <PayeeTypeField value={payeeType} onChange={setPayeeType} />
      {payeeType === 'ORGANISATION' ? (
        <FormField
          label={t('organisationName')}
          name="organisationName"
          defaultValue={defaults.organisationName}
          hint={t('organisationNameHint')}
          autoComplete="organization"
          required
        />
      ) : null}
      <FormField
        label={t('legalName')}
        name="legalName"
        defaultValue={defaults.legalName}
        hint={t('legalNameHint')}
        autoComplete="name"
        required
      />
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-base font-semibold text-slate-900">{t('bank')}</legend>
        <FormField
          label={t('iban')}
          name="iban"
          defaultValue={defaults.iban}
          hint={t('ibanHint')}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="characters"
          className="font-mono"
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField
            label={t('bic')}
            name="bic"
            defaultValue={defaults.bic}
            hint={t('bicHint')}
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="characters"
            className="font-mono"
          />
          <FormField
            label={t('siret')}
            name="siret"
            defaultValue={defaults.siret}
            hint={t('siretHint')}
            autoComplete="off"
            inputMode="numeric"
          />
        </div>
      </fieldset>
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-base font-semibold text-slate-900">{t('address')}</legend>
        <FormField
          label={t('addressLine1')}
          name="addressLine1"
          defaultValue={defaults.addressLine1}
          autoComplete="address-line1"
        />
        <FormField
          label={t('addressLine2')}
          name="addressLine2"
          defaultValue={defaults.addressLine2}
          autoComplete="address-line2"
        />
        <div className="grid gap-4 sm:grid-cols-3">
          <FormField
            label={t('postalCode')}
            name="postalCode"
            defaultValue={defaults.postalCode}
            autoComplete="postal-code"
            inputMode="numeric"
          />
          <FormField label={t('city')} name="city" defaultValue={defaults.city} autoComplete="address-level2" />
          <FormField
            label={t('country')}
            name="country"
            defaultValue={defaults.country}
            hint={t('countryHint')}
            autoComplete="country"
            maxLength={2}
            autoCapitalize="characters"
          />
        </div>
      </fieldset>
      <div>
        <SubmitButton>{t('save')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
