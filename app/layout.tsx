import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages } from 'next-intl/server';
import { builtClientMessagePaths, pickMessages } from '@/lib/i18n/pick-messages';
import { AnnouncerProvider } from '@/components/ui/live-region';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Butin', template: '%s — Butin' },
  description: 'Budget contributif : déclarer ses heures, les valider, rétribuer chacun selon des règles ouvertes.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const messages = await getMessages();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <NextIntlClientProvider locale={locale} messages={pickMessages(messages, builtClientMessagePaths())}>
          <AnnouncerProvider>{children}</AnnouncerProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
