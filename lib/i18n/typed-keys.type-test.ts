// A type test, run by `npm run typecheck` (never executed): message keys are typed
// (global.d.ts), so each wrong key below must fail to compile, or the `@ts-expect-error` above it
// is itself an error.
import { useTranslations } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { AppError } from '@/lib/errors';
import { translatorFor } from './translator';

export async function wrongKeysDoNotCompile() {
  const t = translatorFor('fr');
  t('errors.FORBIDDEN');
  t('review.approved', { count: 2 });
  // @ts-expect-error -- no such key
  t('errors.NO_SUCH_ERROR');

  const review = await getTranslations('review');
  review('approved', { count: 1 });
  // @ts-expect-error -- no such key in the namespace
  review('approvedd', { count: 1 });
  // @ts-expect-error -- no such namespace
  await getTranslations('reviews');

  new AppError('FORBIDDEN', 'Not yours', { messageKey: 'errors.FORBIDDEN' });
  // @ts-expect-error -- an error's message key is a key of the messages
  new AppError('FORBIDDEN', 'Not yours', { messageKey: 'errors.NOT_YOURS' });
}

export function WrongKeysInAClientComponent() {
  const t = useTranslations('declare');
  // @ts-expect-error -- no such key in the namespace
  return t('nothingHere');
}
