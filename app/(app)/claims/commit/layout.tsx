// This route's page title; the page itself is in page.tsx.
import type { ReactNode } from 'react';
import { claimPageTitle } from '@/components/claims/page-title';

export const generateMetadata = claimPageTitle('commit');

export default function Layout({ children }: { children: ReactNode }) {
  return children;
}
