'use client';
// The admin's people screen: invite, change roles and referent links, deactivate, send a link.
import { useTranslations } from 'next-intl';
import { ConfirmSubmit } from '@/components/ui/confirm-dialog';
import { ActionForm, SubmitButton } from '@/components/ui/action-form';
import { CheckboxGroup, FormField } from '@/components/ui/fields';
import { Notice } from '@/components/ui/primitives';
import { CopyButton } from '@/components/ui/copy-button';
import type { ActionState } from '@/lib/actions/form-action';
import { accessLinkAction, anonymiseAction, inviteAction, setActiveAction, updateRolesAction } from './actions';

type Option = { value: string; label: string };

function LinkNotice({ state }: { state: Extract<ActionState, { ok: true }> }) {
  const url = typeof state.data?.url === 'string' ? state.data.url : null;
  return (
    <Notice tone="success">
      {state.message}
      {url ? (
        <>
          <code
            className="mt-2 block break-all rounded bg-white p-2 font-mono text-sm"
            data-testid="invitation-link"
            data-copy-source={url}
          >
            {url}
          </code>
          <CopyButton text={url} />
        </>
      ) : null}
    </Notice>
  );
}

export function InviteForm({
  roleOptions,
  chantierOptions,
  submitLabel,
}: {
  roleOptions: Option[];
  chantierOptions: Option[];
  /** "Envoyer l'invitation" only when the server sends mail. */
  submitLabel: string;
}) {
  const t = useTranslations('people');
  return (
    <ActionForm action={inviteAction} success={(state) => <LinkNotice state={state} />} resetOnSuccess>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t('email')} name="email" type="email" autoComplete="off" required />
        <FormField label={t('name')} name="name" autoComplete="off" required />
      </div>
      <CheckboxGroup legend={t('roles')} name="roles" options={roleOptions} />
      <CheckboxGroup legend={t('referentOf')} name="referentOf" options={chantierOptions} />
      <div>
        <SubmitButton>{submitLabel}</SubmitButton>
      </div>
    </ActionForm>
  );
}

export function PersonRow({
  person,
  roleOptions,
  chantierOptions,
}: {
  person: {
    id: string;
    name: string;
    email: string;
    active: boolean;
    pending: boolean;
    roles: string[];
    referentOf: string[];
  };
  roleOptions: Option[];
  chantierOptions: Option[];
}) {
  const t = useTranslations('people');
  return (
    <li className="flex flex-col gap-3 py-4" data-testid={`person-${person.email}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p>
          <span className="font-medium">{person.name}</span>{' '}
          <span className="text-sm break-all text-slate-600">{person.email}</span>
        </p>
        <span className="text-sm text-slate-700">
          {!person.active ? t('inactive') : person.pending ? t('pending') : t('active')}
        </span>
      </div>
      <details>
        <summary className="min-h-11 cursor-pointer py-2 text-sm font-medium text-brand-700">
          {t('edit')}
          <span className="sr-only"> : {person.name}</span>
        </summary>
        <div className="flex flex-col gap-4 pt-2">
          <ActionForm action={updateRolesAction}>
            <input type="hidden" name="personId" value={person.id} />
            <CheckboxGroup legend={t('roles')} name="roles" options={roleOptions} defaultValues={person.roles} />
            <CheckboxGroup
              legend={t('referentOf')}
              name="referentOf"
              options={chantierOptions}
              defaultValues={person.referentOf}
            />
            <div>
              <SubmitButton aria-label={`${t('save')} : ${person.name}`}>{t('save')}</SubmitButton>
            </div>
          </ActionForm>
          <div className="flex flex-wrap gap-2">
            <ActionForm action={setActiveAction} className="flex flex-col gap-2">
              <input type="hidden" name="personId" value={person.id} />
              <input type="hidden" name="active" value={person.active ? 'false' : 'true'} />
              {person.active ? (
                <ConfirmSubmit
                  aria-label={`${t('deactivate')} : ${person.name}`}
                  confirm={{
                    title: t('deactivateTitle', { name: person.name }),
                    body: <p>{t('deactivateBody', { name: person.name })}</p>,
                    confirmLabel: t('deactivate'),
                    cancelLabel: t('cancel'),
                  }}
                >
                  {t('deactivate')}
                </ConfirmSubmit>
              ) : (
                <SubmitButton variant="secondary" aria-label={`${t('reactivate')} : ${person.name}`}>
                  {t('reactivate')}
                </SubmitButton>
              )}
            </ActionForm>
            {person.active ? (
              <ActionForm
                action={accessLinkAction}
                className="flex flex-col gap-2"
                success={(state) => <LinkNotice state={state} />}
              >
                <input type="hidden" name="personId" value={person.id} />
                <SubmitButton variant="secondary" aria-label={`${t('accessLink')} : ${person.name}`}>
                  {t('accessLink')}
                </SubmitButton>
              </ActionForm>
            ) : null}
          </div>
          {!person.active ? (
            <AnonymiseForm person={person} anonymised={person.email.endsWith('@anonyme.invalid')} />
          ) : null}
        </div>
      </details>
    </li>
  );
}

/**
 * Erasing a deactivated person's identity, behind a confirmation that says what goes and what
 * stays. The form stays mounted once done, so its message is still read out after the refresh.
 */
function AnonymiseForm({ person, anonymised }: { person: { id: string; name: string }; anonymised: boolean }) {
  const t = useTranslations('people');
  return (
    <ActionForm action={anonymiseAction} className="flex flex-col gap-3">
      {anonymised ? null : (
        <details className="rounded-md border border-red-200 p-3" data-testid="anonymise">
          <summary className="min-h-11 cursor-pointer py-2 text-sm font-medium text-red-800">{t('anonymise')}</summary>
          <div className="flex flex-col gap-3 pt-2">
            <p className="font-medium">{t('anonymiseTitle', { name: person.name })}</p>
            <p className="text-sm text-slate-700">{t('anonymiseErased')}</p>
            <p className="text-sm text-slate-700">{t('anonymiseKept')}</p>
            <input type="hidden" name="personId" value={person.id} />
            <label className="flex min-h-11 items-center gap-2 text-sm">
              <input type="checkbox" name="confirm" required className="size-5" />
              {t('anonymiseConfirm')}
            </label>
            <div>
              <SubmitButton variant="danger">{t('anonymiseSubmit')}</SubmitButton>
            </div>
          </div>
        </details>
      )}
    </ActionForm>
  );
}
