'use client';
// The sign-in form. Wrong email and wrong password give the same message, on purpose; the right
// password of a deactivated account is told so.
import { useState, type FormEvent } from 'react';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { Button, Field, Notice, TextInput } from '@/components/ui/primitives';

export function SignInForm({ callbackUrl, notice }: { callbackUrl: string; notice?: string }) {
  const t = useTranslations('signin');
  const tEveryday = useTranslations('everyday.signin');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn('credentials', {
        email: String(form.get('email') ?? ''),
        password: String(form.get('password') ?? ''),
        redirect: false,
      });
      if (result?.ok && !result.error) {
        window.location.assign(callbackUrl);
        return;
      }
      setError(
        result?.error === 'RATE_LIMITED'
          ? t('rateLimited')
          : result?.error === 'CredentialsSignin'
            ? t('invalid')
            : result?.error === 'DEACTIVATED'
              ? tEveryday('deactivated')
              : t('unavailable'),
      );
    } catch {
      setError(t('unavailable'));
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      {error ? <Notice tone="error">{error}</Notice> : null}
      <Field label={t('email')} name="email">
        <TextInput name="email" type="email" autoComplete="username" required inputMode="email" />
      </Field>
      <Field label={t('password')} name="password">
        <TextInput name="password" type="password" autoComplete="current-password" required />
      </Field>
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? t('submitting') : t('submit')}
      </Button>
    </form>
  );
}
