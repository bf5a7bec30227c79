'use client';
import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';

export function SignOutButton() {
  const t = useTranslations('app');
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: '/signin' })} className="min-h-11 rounded-md px-3 text-sm underline-offset-2 hover:underline">
      {t('signOut')}
    </button>
  );
}
