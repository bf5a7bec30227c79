'use client';
// The page's one live region: present (empty) from the first render, so that screen readers
// announce what is written into it later. Every action's outcome goes here, replacing the
// previous one; a form that disappears with its item (a reviewed contribution) is still heard.
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';

type Announce = (message: string) => void;

const AnnounceContext = createContext<Announce>(() => {});

/** Writes a message into the page's live region (a no-op outside an AnnouncerProvider). */
export function useAnnounce(): Announce {
  return useContext(AnnounceContext);
}

export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const announce = useCallback<Announce>((next) => {
    // Emptied first, then filled a moment later: the same sentence twice in a row is announced
    // twice, and the old message never lingers after a new action.
    setMessage('');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setMessage(next), 100);
  }, []);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div role="status" aria-live="polite" aria-atomic="true" className="sr-only" data-testid="live-region">
        {message}
      </div>
    </AnnounceContext.Provider>
  );
}
