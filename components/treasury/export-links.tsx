// The period's files for a treasurer, as plain download links to the export endpoints (the
// server checks who asks; this block is only shown to treasurers): the payout report and the
// contributions behind it, the funder report, the SEPA transfer file and every statement at once.
// A file the server cannot produce is explained next to its link (see DownloadLink); the missing
// collective's account is said before anyone clicks.
import { getTranslations } from 'next-intl/server';
import { Notice, Section } from '@/components/ui/primitives';
import { DownloadLink, type RefusalMessages } from '@/components/exports/download-link';

/** Where the collective's bank account is set. */
export const BANK_ACCOUNT_SETTINGS_HREF = '/admin/settings#bank-account';

type ReportKey = 'compteRenduCsv' | 'compteRenduXlsx' | 'compteRenduPdf';
type LinkKey =
  | 'payoutsCsv'
  | 'payeesCsv'
  | 'payoutsXlsx'
  | 'contributionsCsv'
  | 'funderCsv'
  | 'funderPdf'
  | 'sepaXml'
  | 'statementsZip'
  | ReportKey;

const REPORT_KEYS = new Set<LinkKey>(['compteRenduCsv', 'compteRenduXlsx', 'compteRenduPdf']);

const GROUPS: { group: 'payouts' | 'funder' | 'bank'; links: { key: LinkKey; file: string }[] }[] = [
  {
    group: 'payouts',
    links: [
      { key: 'payoutsCsv', file: 'payouts.csv' },
      { key: 'payeesCsv', file: 'payees.csv' },
      { key: 'payoutsXlsx', file: 'payouts.xlsx' },
      { key: 'contributionsCsv', file: 'contributions.csv' },
    ],
  },
  {
    group: 'funder',
    links: [
      { key: 'funderCsv', file: 'funder-report.csv' },
      { key: 'funderPdf', file: 'funder-report.pdf' },
      { key: 'compteRenduCsv', file: 'compte-rendu.csv' },
      { key: 'compteRenduXlsx', file: 'compte-rendu.xlsx' },
      { key: 'compteRenduPdf', file: 'compte-rendu.pdf' },
    ],
  },
  {
    group: 'bank',
    links: [
      { key: 'sepaXml', file: 'sepa.xml' },
      { key: 'statementsZip', file: 'statements.zip' },
    ],
  },
];

export function exportHref(periodId: string, file: string): string {
  return `/api/v1/periods/${encodeURIComponent(periodId)}/exports/${file}`;
}

export async function ExportLinks({
  periodId,
  preview = false,
  debtorSet = true,
}: {
  periodId: string;
  preview?: boolean;
  /** Whether the collective's account is set (the SEPA file needs it). */
  debtorSet?: boolean;
}) {
  const t = await getTranslations('exports');
  const tReport = await getTranslations('alerts.report');
  const paymentsHref = `/periods/${encodeURIComponent(periodId)}/payments`;
  const messages: RefusalMessages = {
    debtorMissing: t('refusal.debtorMissing'),
    debtorInvalid: t('refusal.debtorInvalid'),
    settingsHref: BANK_ACCOUNT_SETTINGS_HREF,
    settingsLink: t('refusal.settingsLink'),
    nothingToTransfer: t('refusal.nothingToTransfer'),
    paymentsHref,
    paymentsLink: t('refusal.paymentsLink'),
    periodOpen: t('refusal.periodOpen'),
    notFound: t('refusal.notFound'),
    forbidden: t('refusal.forbidden'),
    failed: t('refusal.failed'),
  };
  return (
    <Section title={t('title')}>
      <div className="flex flex-col gap-4" data-testid="export-links">
        <p className="text-sm text-slate-700">{preview ? t('preview') : t('frozen')}</p>
        <div className="grid gap-4 sm:grid-cols-3">
          {/* The bank transfer file and the payments exist only once the period is closed. */}
          {GROUPS.filter(({ group }) => !preview || group !== 'bank').map(({ group, links }) => (
            <div key={group}>
              <h3 className="mb-1 font-semibold text-slate-900">{t(`groups.${group}`)}</h3>
              <ul className="flex flex-col">
                {links.map(({ key, file }) => (
                  <li key={key}>
                    <DownloadLink
                      href={exportHref(periodId, file)}
                      messages={messages}
                      className="inline-flex min-h-11 items-center text-sm text-brand-700 underline"
                      testId={`export-${key}`}
                    >
                      {REPORT_KEYS.has(key)
                        ? tReport(`links.${key as ReportKey}`)
                        : t(`links.${key as Exclude<LinkKey, ReportKey>}`)}
                    </DownloadLink>
                  </li>
                ))}
              </ul>
              {group === 'bank' && !debtorSet ? (
                <Notice tone="error">
                  {t('refusal.debtorNotice')}{' '}
                  <a href={BANK_ACCOUNT_SETTINGS_HREF} className="font-medium underline">
                    {t('refusal.settingsLink')}
                  </a>
                </Notice>
              ) : null}
              {group === 'funder' ? (
                <a
                  href={`/periods/${encodeURIComponent(periodId)}/compte-rendu`}
                  className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline"
                  data-testid="compte-rendu-link"
                >
                  {tReport('open')}
                </a>
              ) : null}
              {group === 'bank' ? (
                <a
                  href={paymentsHref}
                  className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline"
                  data-testid="payments-link"
                >
                  {t('links.payments')}
                </a>
              ) : null}
            </div>
          ))}
        </div>
      </div>
    </Section>
  );
}
