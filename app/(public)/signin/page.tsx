import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { sessionActor } from '@/lib/auth/actor';
import { safeCallback } from '@/lib/auth/safe-callback';
import { appUrl } from '@/lib/env';
import { hasActiveAdmin } from '@/lib/setup/first-admin';
import { PageTitle } from '@/components/ui/primitives';
import { SignInForm } from './sign-in-form';

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; done?: string }>;
}) {
  const params = await searchParams;
  if (await sessionActor()) redirect(safeCallback(params.callbackUrl, appUrl()));
  const t = await getTranslations();
  const setupNeeded = !(await hasActiveAdmin());
  const notice = params.done === 'join' ? t('join.done') : params.done === 'reset' ? t('reset.done') : undefined;
  return (
    <>
      <PageTitle>{t('signin.title')}</PageTitle>
      <p className="mb-6 text-slate-700">{t('signin.intro')}</p>
      {setupNeeded ? (
        <p className="mb-4">
          <Link className="text-brand-700 underline" href="/setup">
            {t('signin.setupHint')}
          </Link>
        </p>
      ) : null}
      <SignInForm callbackUrl={safeCallback(params.callbackUrl, appUrl())} notice={notice} />
      <p className="mt-6 text-sm">
        <Link className="text-brand-700 underline" href="/reset-password">
          {t('signin.forgot')}
        </Link>
      </p>
    </>
  );
}
