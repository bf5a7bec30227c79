'use server';
// Switches the interface language (a cookie, and the person's preference when signed in). The form
// posts without JavaScript, so this is a plain form action; what it stores goes through a domain verb.
import 'server-only';
import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { LOCALE_COOKIE, asLocale } from '@/lib/i18n/locale';
import { sessionActor } from '@/lib/auth/actor';
import { setPersonLocale } from '@/lib/people/people';
import { servedOverHttps } from '@/lib/env';

export async function switchLocale(formData: FormData): Promise<void> {
  const locale = asLocale(String(formData.get('locale') ?? ''));
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: '/',
    sameSite: 'lax',
    maxAge: 365 * 24 * 3600,
    httpOnly: true,
    secure: servedOverHttps(),
  });
  // Signed out (the sign-in page has the switch too), the cookie alone keeps the choice.
  const actor = await sessionActor().catch(() => null);
  if (actor) await setPersonLocale({ actor, locale });
  revalidatePath('/', 'layout');
}
