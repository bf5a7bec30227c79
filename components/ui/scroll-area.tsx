// A wide table's sideways scroll area: focusable and named, so that it can be scrolled with the
// keyboard (WCAG 2.1.1) and a screen reader says what it holds.
import type { ReactNode } from 'react';

export function ScrollArea({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="relative overflow-x-auto" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
