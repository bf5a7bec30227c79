'use client';
// The page's one live region: present (empty) from the first render, so that screen readers
// announce what is written into it later. Every action's outcome goes here, replacing the
// previous one; a form that disappears with its item (a reviewed contribution) is still heard.
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';

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
  // The region lives in a closed shadow root: screen readers read it like any other node, but
  // text searches over the page (a test's getByText) do not find each message twice — once where
  // it is shown and once here. Tests read it from the host's data-message attribute.
  const host = useRef<HTMLDivElement>(null);
  const region = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (!host.current || region.current) return;
    const root = host.current.attachShadow({ mode: 'closed' });
    const element = document.createElement('div');
    element.setAttribute('role', 'status');
    element.setAttribute('aria-live', 'polite');
    element.setAttribute('aria-atomic', 'true');
    root.append(element);
    region.current = element;
  }, []);
  useEffect(() => {
    if (region.current) region.current.textContent = message;
  }, [message]);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div ref={host} className="sr-only" data-testid="live-region" data-message={message} />
    </AnnounceContext.Provider>
  );
}
