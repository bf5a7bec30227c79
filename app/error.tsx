'use client';
// What a page shows when rendering it failed, most often because the database is away for a
// moment: a calm sentence in the person's language and a retry, instead of Next's bare 500. (Next
// gives an error boundary no way to set the status: the API says 503 itself, see lib/api/errors.ts.)
import { useEffect, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('outage');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-16 text-center" role="alert">
      <h1 className="mb-4 text-2xl font-bold">{t('title')}</h1>
      <p className="mb-6 text-slate-700">{t('body')}</p>
      <button
        type="button"
        className="rounded bg-brand-700 px-4 py-2 font-medium text-white disabled:opacity-60"
        disabled={pending}
        onClick={() =>
          startTransition(() => {
            router.refresh();
            reset();
          })
        }
      >
        {t('retry')}
      </button>
    </main>
  );
}
