// This route's page title; the page itself is in page.tsx.
import type { ReactNode } from 'react';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('alerts.report');
  return { title: { absolute: `${t('title')} — Butin` } };
}

export default function Layout({ children }: { children: ReactNode }) {
  return children;
}
