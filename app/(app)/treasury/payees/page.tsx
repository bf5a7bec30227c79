// The treasury's list of payees: for every active person, who receives their pay, their legal
// name, whether their IBAN allows a transfer, and their SIRET. Treasurers only (others get a 404).
import { getTranslations } from 'next-intl/server';
import { ScrollArea } from '@/components/ui/scroll-area';
import { requirePermission } from '@/lib/auth/require';
import { listPayees, type PayeeRow } from '@/lib/payees/list-payees';
import { formatSiret } from '@/lib/payees/validate';
import { PageTitle, Section } from '@/components/ui/primitives';

const STATUS_STYLE: Record<PayeeRow['ibanStatus'], string> = {
  VALID: 'bg-emerald-100 text-emerald-900',
  MISSING: 'bg-amber-100 text-amber-900',
  INVALID: 'bg-red-100 text-red-900',
  OUTSIDE_SEPA: 'bg-amber-100 text-amber-900',
};

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
        <ScrollArea label={t('title')}>
          <table className="w-full min-w-[48rem] text-left text-sm" data-testid="payee-table">
            <thead className="border-b border-slate-300 text-slate-700">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t('person')}
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t('payee')}
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t('legalName')}
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t('iban')}
                </th>
                <th scope="col" className="py-2 font-medium">
                  {t('siret')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {payees.map((payee) => (
                <tr key={payee.personId} data-testid={`payee-${payee.email}`} className="align-top">
                  <th scope="row" className="py-2 pr-4 font-normal">
                    <span className="font-medium">{payee.name}</span>
                    <span className="block text-xs text-slate-600">{payee.email}</span>
                  </th>
                  <td className="py-2 pr-4">
                    {payee.hasProfile ? payee.payeeName : <span className="text-slate-600">{t('noProfile')}</span>}
                    {payee.payeeType === 'ORGANISATION' ? (
                      <span className="block text-xs text-slate-600">{t('organisation')}</span>
                    ) : null}
                  </td>
                  <td className="py-2 pr-4">{payee.legalName ?? t('none')}</td>
                  <td className="py-2 pr-4">
                    {payee.ibanMasked ? <span className="mr-2 font-mono">{payee.ibanMasked}</span> : null}
                    <span
                      className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[payee.ibanStatus]}`}
                    >
                      {t(`status.${payee.ibanStatus}`)}
                    </span>
                  </td>
                  <td className="py-2">
                    {payee.siret ? <span className="font-mono">{formatSiret(payee.siret)}</span> : t('none')}
                    {payee.siretValid === false ? (
                      <span className="block text-xs text-red-700">{t('siretInvalid')}</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      </Section>
    </>
  );
}
