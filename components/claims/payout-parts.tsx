// Under my pay for a period: what it is made of, in words and as a small table (hours, expenses,
// fixed fees, and what I gave in kind, valued but not paid). Shown only when claims are part of it.
import { getLocale, getTranslations } from 'next-intl/server';
import { formatCents } from '@/lib/format/money';
import { asLocale } from '@/lib/i18n/locales';
import { hasClaimParts, payoutParts, type LineParts } from '@/lib/claim-form/payout-parts';

export async function PayoutParts({ lines }: { lines: readonly LineParts[] }) {
  const parts = payoutParts(lines);
  if (!hasClaimParts(parts)) return null;
  const t = await getTranslations('claimsUi.payouts');
  const locale = asLocale(await getLocale());
  const money = (cents: number) => formatCents(cents, locale);
  const rows: [string, number][] = [
    [t('hours'), parts.hoursCents],
    [t('expenses'), parts.expensesCents],
    [t('fees'), parts.feesCents],
    ...(parts.inKindCents > 0 ? ([[t('inKind'), parts.inKindCents]] as [string, number][]) : []),
  ];
  return (
    <div className="flex flex-col gap-2" data-testid="payout-parts">
      <p className="text-sm text-slate-800">
        {t('explain', {
          hours: money(parts.hoursCents),
          expenses: money(parts.expensesCents),
          fees: money(parts.feesCents),
          inKind: money(parts.inKindCents),
          inKindShown: parts.inKindCents > 0 ? 'yes' : 'no',
        })}
      </p>
      <table className="w-full max-w-md text-sm">
        <caption className="sr-only">{t('parts')}</caption>
        <tbody>
          {rows.map(([label, cents]) => (
            <tr key={label} className="border-b border-slate-200">
              <th scope="row" className="py-1 pr-4 text-left font-normal text-slate-700">
                {label}
              </th>
              <td className="py-1 text-right tabular-nums">{money(cents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
