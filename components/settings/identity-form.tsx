'use client';
// The collective's identity as its documents print it: legal name, address, SIRET, RNA.
import { useTranslations } from 'next-intl';
import { ActionForm, SubmitButton, useFieldError } from '@/components/ui/action-form';
import { FormField } from '@/components/ui/fields';
import { Field, TextArea } from '@/components/ui/field';
import type { ActionState } from '@/lib/actions/form-action';

type Identity = { legalName: string | null; address: string | null; siret: string | null; rna: string | null };

function AddressField({ label, hint, defaultValue }: { label: string; hint: string; defaultValue: string }) {
  const error = useFieldError('address');
  return (
    <Field label={label} name="address" hint={hint} error={error}>
      <TextArea name="address" id="address" rows={3} defaultValue={defaultValue} autoComplete="street-address" />
    </Field>
  );
}

export function IdentityForm({
  action,
  identity,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  identity: Identity;
}) {
  const t = useTranslations('everyday.identity');
  return (
    <ActionForm action={action}>
      <FormField
        label={t('legalName')}
        name="legalName"
        defaultValue={identity.legalName ?? ''}
        autoComplete="organization"
      />
      <AddressField label={t('address')} hint={t('addressHint')} defaultValue={identity.address ?? ''} />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          label={t('siret')}
          name="siret"
          hint={t('siretHint')}
          defaultValue={identity.siret ?? ''}
          inputMode="numeric"
        />
        <FormField label={t('rna')} name="rna" hint={t('rnaHint')} defaultValue={identity.rna ?? ''} />
      </div>
      <div>
        <SubmitButton>{t('save')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
