// The pieces the public pages that set a password share (first run, invitation, password reset):
// the two password fields, and the form a link's token carries.
import type { ComponentProps, ReactNode } from 'react';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/password';
import { ActionForm } from '@/components/ui/action-form';
import { FormField } from '@/components/ui/fields';

/** `password` and `passwordConfirm`, as withNewPassword (lib/people/schemas.ts) reads them. */
export function NewPasswordFields({ label, confirmLabel }: { label: string; confirmLabel: string }) {
  return (
    <>
      <FormField
        label={label}
        name="password"
        type="password"
        autoComplete="new-password"
        minLength={PASSWORD_MIN_LENGTH}
        required
      />
      <FormField label={confirmLabel} name="passwordConfirm" type="password" autoComplete="new-password" required />
    </>
  );
}

/** The form of an emailed link: it posts the link's token and shows whose account it is. */
export function LinkForm({
  action,
  token,
  email,
  children,
}: {
  action: ComponentProps<typeof ActionForm>['action'];
  token: string;
  email: string;
  children: ReactNode;
}) {
  return (
    <ActionForm action={action}>
      <input type="hidden" name="token" value={token} />
      <p className="text-sm text-slate-700">{email}</p>
      {children}
    </ActionForm>
  );
}
