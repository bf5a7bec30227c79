// One in-app notification of kind 'payout.iban-changed' (lib/payees/iban-change.ts), for the
// home page's list of notices: the date, both IBANs masked, and a link to the payout details.
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { formatCalendarDate } from '@/lib/format/date';
import { IBAN_CHANGED_KIND, type IbanChange } from '@/lib/payees/iban-change';
import { asLocale } from '@/lib/i18n/locales';

export function isIbanChangedNotification(notification: { kind: string }): boolean {
  return notification.kind === IBAN_CHANGED_KIND;
}

export function IbanChangedNotice({ data }: { data: unknown }) {
  const t = useTranslations('payees.notification');
  const locale = asLocale(useLocale());
  const change = data as Partial<IbanChange>;
  const date =
    typeof change.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(change.date)
      ? formatCalendarDate(change.date, locale)
      : '';
  return (
    <Link href="/profile/payout" className="underline" data-testid="iban-changed-notice">
      {t('ibanChanged', { date, from: change.from ?? t('none'), to: change.to ?? t('none') })}
    </Link>
  );
}
