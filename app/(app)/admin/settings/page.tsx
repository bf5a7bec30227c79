// The collective's settings. Admins: its name, time zone and transparency. Treasurers: the bank
// account the SEPA transfers leave from (the exports link here when it is missing). Others: 404.
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireActor } from '@/lib/auth/require';
import { can } from '@/lib/auth/permissions';
import { getSettings } from '@/lib/settings/settings';
import { getDebtorAccount } from '@/lib/treasury/debtor-account';
import { formatIban } from '@/lib/payees/validate';
import { Notice, PageTitle, Section } from '@/components/ui/primitives';
import { DebtorAccountForm } from '@/components/treasury/payments-forms';
import { SettingsForm } from '../chantiers/forms';
import { IdentityForm } from '@/components/settings/identity-form';
import { saveBankAccountAction, saveIdentityAction } from './actions';

export default async function SettingsPage() {
  const actor = await requireActor();
  const manages = can(actor, 'settings.manage');
  const treasurer = can(actor, 'payments.record');
  if (!manages && !treasurer) notFound();
  const t = await getTranslations();
  const [settings, debtor] = await Promise.all([
    getSettings(),
    treasurer ? getDebtorAccount({ actor }) : Promise.resolve(null),
  ]);
  const debtorSet = Boolean(debtor?.name?.trim() && debtor.iban);
  return (
    <>
      <PageTitle>{t('settings.title')}</PageTitle>
      <div className="flex flex-col gap-6">
        {manages ? (
          <Section title={settings.name}>
            <SettingsForm settings={settings} />
          </Section>
        ) : null}
        {manages ? (
          <Section title={t('everyday.identity.title')}>
            <p className="mb-4 text-sm text-slate-700">{t('everyday.identity.intro')}</p>
            <IdentityForm
              action={saveIdentityAction}
              identity={{
                legalName: settings.legalName,
                address: settings.address,
                siret: settings.siret,
                rna: settings.rna,
              }}
            />
          </Section>
        ) : null}
        {debtor ? (
          <section
            id="bank-account"
            aria-labelledby="bank-account-title"
            className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
            data-testid="debtor-account"
          >
            <h2 id="bank-account-title" className="mb-4 text-lg font-semibold text-slate-900">
              {t('treasury.debtor.title')}
            </h2>
            <div className="flex flex-col gap-3">
              <p className="text-sm text-slate-700">{t('treasury.debtor.intro')}</p>
              {debtorSet ? (
                <p className="font-medium text-slate-900">
                  {t('treasury.debtor.current', { name: debtor.name ?? '', iban: formatIban(debtor.iban ?? '') })}
                  {debtor.bic ? ` · ${debtor.bic}` : ''}
                </p>
              ) : (
                <Notice tone="error">{t('treasury.debtor.missing')}</Notice>
              )}
              <DebtorAccountForm action={saveBankAccountAction} debtor={debtor} />
            </div>
          </section>
        ) : null}
      </div>
    </>
  );
}
