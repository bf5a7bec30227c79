'use client';
// After a client-side navigation the browser keeps focus on the link that was followed, and a
// screen reader hears nothing of the new page: move focus to the new page's heading instead
// (WCAG 2.4.3). The first render (a full page load) is left alone.
import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { focusHeading } from '@/components/ui/focus';

export function RouteFocus() {
  const pathname = usePathname();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    // The new page's content may stream in just after the path changes.
    let tries = 0;
    const attempt = () => {
      if (!focusHeading() && ++tries < 20) setTimeout(attempt, 50);
    };
    attempt();
  }, [pathname]);
  return null;
}
