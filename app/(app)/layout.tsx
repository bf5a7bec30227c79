import type { ReactNode } from 'react';
import { requireActor } from '@/lib/auth/require';
import { getSettings } from '@/lib/settings/settings';
import { AppShell } from '@/components/layout/app-shell';
import { pageTitle } from '@/components/layout/page-title';

export const dynamic = 'force-dynamic';
// The home page's title; every other page's own layout.tsx names it.
export const generateMetadata = pageTitle('home');

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  const settings = await getSettings();
  return (
    <AppShell actor={actor} collective={settings.name}>
      {children}
    </AppShell>
  );
}
