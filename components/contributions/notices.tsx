// On the home page: what happened to my contributions (what waits for my review is the reviewer's
// own block, components/home/home-sections.tsx).
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Actor } from '@/lib/auth/permissions';
import { listUnreadNotifications } from '@/lib/notifications/notifications';
import { formatCalendarDate } from '@/lib/format/date';
import { Section } from '@/components/ui/primitives';
import { MarkReadButton } from '@/components/contributions/mark-read';
import { IbanChangedNotice, isIbanChangedNotification } from '@/components/payees/iban-changed-notice';
import { asLocale } from '@/lib/i18n/locales';
import { isPlanAlertNotification, PlanAlertNotice } from '@/components/plans/plan-alert-notice';

export async function HomeNotices({ actor }: { actor: Actor }) {
  const t = await getTranslations();
  const locale = asLocale(await getLocale());
  const notifications = await listUnreadNotifications(actor.id);
  if (notifications.length === 0) return null;
  return (
    <div className="mb-6 flex flex-col gap-4">
      {notifications.length > 0 ? (
        <Section title={t('notifications.title')} actions={<MarkReadButton />}>
          <ul className="flex flex-col gap-2" data-testid="notifications">
            {notifications.map((notification) => {
              if (isIbanChangedNotification(notification)) {
                return (
                  <li key={notification.id}>
                    <IbanChangedNotice data={notification.data} />
                  </li>
                );
              }
              if (isPlanAlertNotification(notification)) {
                return (
                  <li key={notification.id}>
                    <PlanAlertNotice data={notification.data} />
                  </li>
                );
              }
              const data = notification.data as {
                kind: 'REJECTED' | 'CHANGES_REQUESTED';
                reviewerName: string;
                date: string;
                comment: string;
                contributionId: string;
              };
              return (
                <li key={notification.id}>
                  <Link href={`/contributions/${data.contributionId}`} className="underline">
                    {t(`notifications.${data.kind}`, {
                      reviewer: data.reviewerName,
                      date: formatCalendarDate(data.date, locale),
                      comment: data.comment,
                    })}
                  </Link>
                </li>
              );
            })}
          </ul>
        </Section>
      ) : null}
    </div>
  );
}
