import type { ReactNode } from 'react';
import { requireActor } from '@/lib/auth/require';
import { getSettings } from '@/lib/settings/settings';
import { AppShell } from '@/components/layout/app-shell';

export const dynamic = 'force-dynamic';

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  const settings = await getSettings();
  return (
    <AppShell actor={actor} collective={settings.name}>
      {children}
    </AppShell>
  );
}
