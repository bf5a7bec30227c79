'use client';
// Signing out through next-auth's own endpoint, as next-auth/react's signOut() does (CSRF token,
// then POST /api/auth/signout, then follow the URL it answers) without shipping next-auth/react
// (12 kB gzipped) to every signed-in page for this one button. Nothing listens for next-auth's
// cross-tab session broadcast here (no SessionProvider), so leaving it out changes nothing.
import { useTranslations } from 'next-intl';

const CALLBACK_URL = '/signin';

async function signOut() {
  const csrf = await fetch('/api/auth/csrf');
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch('/api/auth/signout', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken, callbackUrl: CALLBACK_URL, json: 'true' }),
  });
  const { url } = (await response.json()) as { url?: string };
  window.location.href = url ?? CALLBACK_URL;
  if (url?.includes('#')) window.location.reload();
}

export function SignOutButton() {
  const t = useTranslations('app');
  return (
    <button
      type="button"
      onClick={() => void signOut()}
      className="min-h-11 rounded-md px-3 text-sm underline-offset-2 hover:underline"
    >
      {t('signOut')}
    </button>
  );
}
