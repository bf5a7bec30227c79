'use client';
// A link to a file the server makes on demand (an export). Without JavaScript it is a plain
// download link. With it, the file is fetched first: when the server refuses (409: the collective's
// account is missing, nothing to transfer…), the browser would cancel the download without a word,
// so the refusal is said next to the link, in the page's language, with a link to where to fix it.
import { useId, useState, type MouseEvent, type ReactNode } from 'react';
import { downloadRefusal, filenameFrom, type RefusalMessages } from '@/lib/exports/download-refusal';

export type { RefusalMessages } from '@/lib/exports/download-refusal';

export function DownloadLink({
  href,
  className,
  testId,
  messages,
  children,
}: {
  href: string;
  className?: string;
  testId?: string;
  messages: RefusalMessages;
  children: ReactNode;
}) {
  const errorId = useId();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<{ text: string; fix?: { href: string; label: string } } | null>(null);

  async function onClick(event: MouseEvent<HTMLAnchorElement>) {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setRefusal(null);
    try {
      const response = await fetch(href, { credentials: 'same-origin' });
      if (!response.ok) {
        const body: unknown = await response.json().catch(() => null);
        setRefusal(downloadRefusal({ status: response.status, body, messages }));
        return;
      }
      const blob = await response.blob();
      const url = URL.createObjectURL(blob);
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = filenameFrom(response.headers.get('content-disposition')) ?? href.split('/').pop() ?? 'export';
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch {
      setRefusal(downloadRefusal({ status: 0, body: null, messages }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <span className="flex flex-col">
      <a
        href={href}
        download
        onClick={onClick}
        className={className}
        data-testid={testId}
        aria-busy={busy || undefined}
        aria-describedby={refusal ? errorId : undefined}
      >
        {children}
      </a>
      <span
        role="alert"
        id={errorId}
        className="text-sm text-red-700"
        data-testid={testId ? `${testId}-error` : undefined}
      >
        {refusal ? (
          <>
            {refusal.text}
            {refusal.fix ? (
              <>
                {' '}
                <a href={refusal.fix.href} className="font-medium underline">
                  {refusal.fix.label}
                </a>
              </>
            ) : null}
          </>
        ) : null}
      </span>
    </span>
  );
}
