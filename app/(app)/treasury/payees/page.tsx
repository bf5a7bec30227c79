// The treasury's list of payees: for every active person, who receives their pay, their legal
// name, whether their IBAN allows a transfer, and their SIRET. Treasurers only (others get a 404).
import { getTranslations } from 'next-intl/server';
import { DataTable, IBAN_TONE, StatePill } from '@/components/ui/data-table';
import { requirePermission } from '@/lib/auth/require';
import { listPayees } from '@/lib/payees/list-payees';
import { formatSiret } from '@/lib/payees/validate';
import { PageTitle, Section } from '@/components/ui/primitives';

export default async function PayeesPage() {
  const actor = await requirePermission('personalData.readAny');
  const t = await getTranslations('payees.treasury');
  const payees = await listPayees({ actor });
  const withoutIban = payees.filter((payee) => payee.ibanStatus !== 'VALID').length;
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <p className="mb-6 text-slate-700">{t('intro')}</p>
      <Section title={`${t('count', { count: payees.length })} · ${t('withoutIban', { count: withoutIban })}`}>
        <DataTable
          label={t('title')}
          testId="payee-table"
          columns={[
            { label: t('person') },
            { label: t('payee') },
            { label: t('legalName') },
            { label: t('iban') },
            { label: t('siret') },
          ]}
        >
          {payees.map((payee) => (
            <tr key={payee.personId} data-testid={`payee-${payee.email}`} className="align-top">
              <th scope="row" className="py-2 pr-4 font-normal">
                <span className="font-medium">{payee.name}</span>
                <span className="block text-xs text-slate-600">{payee.email}</span>
              </th>
              <td className="py-2 pr-4" data-label={t('payee')}>
                {payee.hasProfile ? payee.payeeName : <span className="text-slate-600">{t('noProfile')}</span>}
                {payee.payeeType === 'ORGANISATION' ? (
                  <span className="block text-xs text-slate-600">{t('organisation')}</span>
                ) : null}
              </td>
              <td className="py-2 pr-4" data-label={t('legalName')}>
                {payee.legalName ?? t('none')}
              </td>
              <td className="py-2 pr-4" data-label={t('iban')}>
                {payee.ibanMasked ? <span className="mr-2 font-mono">{payee.ibanMasked}</span> : null}
                <StatePill tone={IBAN_TONE[payee.ibanStatus]}>{t(`status.${payee.ibanStatus}`)}</StatePill>
              </td>
              <td className="py-2" data-label={t('siret')}>
                {payee.siret ? <span className="font-mono">{formatSiret(payee.siret)}</span> : t('none')}
                {payee.siretValid === false ? (
                  <span className="block text-xs text-red-700">{t('siretInvalid')}</span>
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      </Section>
    </>
  );
}
