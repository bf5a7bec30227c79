// This route's page title; the page itself is in page.tsx.
import type { ReactNode } from 'react';
import { pageTitle } from '@/components/layout/page-title';

export const generateMetadata = pageTitle('places');

export default function Layout({ children }: { children: ReactNode }) {
  return children;
}
