'use server';
// Switches the interface language (a cookie, and the person's preference when signed in).
import 'server-only';
import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { LOCALE_COOKIE, asLocale } from '@/lib/i18n/locale';
import { sessionActor } from '@/lib/auth/actor';
import { db } from '@/lib/db';
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
  const actor = await sessionActor().catch(() => null);
  if (actor) await db().person.update({ where: { id: actor.id }, data: { locale } });
  revalidatePath('/', 'layout');
}
