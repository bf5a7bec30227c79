// My profile: who I am, my roles, my data to download, my API tokens.
import { getFormatter, getTranslations } from 'next-intl/server';
import { requireActor } from '@/lib/auth/require';
import { listApiTokens } from '@/lib/tokens/api-tokens';
import { Badge, PageTitle, Section } from '@/components/ui/primitives';
import { CreateTokenForm, RevokeTokenForm } from './token-forms';
import { PayoutProfileSummary } from '@/components/payees/payout-profile-summary';

export default async function ProfilePage() {
  const actor = await requireActor();
  const t = await getTranslations();
  const format = await getFormatter();
  const tokens = await listApiTokens(actor.id);
  const when = (date: Date) => format.dateTime(date, { day: '2-digit', month: '2-digit', year: 'numeric' });
  return (
    <>
      <PageTitle>{t('profile.title')}</PageTitle>
      <div className="flex flex-col gap-6">
        <Section title={t('profile.identity')}>
          <p className="font-medium">{actor.name}</p>
          <p className="text-slate-700">{actor.email}</p>
          <ul className="mt-2 flex flex-wrap gap-2">
            {actor.roles.map((role) => (
              <li key={role}>
                <Badge>{t(`roles.${role}`)}</Badge>
              </li>
            ))}
          </ul>
        </Section>
        <PayoutProfileSummary actor={actor} />
        <Section title={t('profile.archiveTitle')}>
          <p className="mb-4 text-sm text-slate-700">{t('profile.archiveIntro')}</p>
          <a
            className="inline-flex min-h-11 items-center rounded-md border border-slate-300 px-4 font-medium text-brand-700 underline"
            href="/api/v1/me/export"
            download
            data-testid="download-my-data"
          >
            {t('profile.archiveDownload')}
          </a>
        </Section>
        <Section title={t('profile.tokens')}>
          <p className="mb-4 text-sm text-slate-700">{t('profile.tokensIntro')}</p>
          <CreateTokenForm />
          <ul className="mt-6 divide-y divide-slate-200" data-testid="token-list">
            {tokens.length === 0 ? <li className="py-2 text-sm text-slate-600">{t('profile.noTokens')}</li> : null}
            {tokens.map((token) => (
              <li key={token.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  <span className="font-medium">{token.name}</span>{' '}
                  <code className="text-xs text-slate-600">{token.prefix}…</code>{' '}
                  <span className="text-xs text-slate-600">
                    {t('profile.createdOn', { date: when(token.createdAt) })} ·{' '}
                    {token.lastUsedAt
                      ? t('profile.lastUsed', { date: when(token.lastUsedAt) })
                      : t('profile.neverUsed')}
                  </span>
                </span>
                <RevokeTokenForm id={token.id} />
              </li>
            ))}
          </ul>
          <p className="mt-4 text-sm">
            <a className="text-brand-700 underline" href="/api/v1/openapi.json">
              {t('profile.apiDoc')}
            </a>
          </p>
        </Section>
      </div>
    </>
  );
}
