'use client';
// Copies a text (an invitation link) to the clipboard with one button, and says so in the page's
// live region: a link shown as text cannot be selected by keyboard alone.
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/primitives';
import { useAnnounce } from '@/components/ui/live-region';

export function CopyButton({ text, label }: { text: string; label?: string }) {
  const t = useTranslations('app.form');
  const announce = useAnnounce();
  return (
    <Button
      type="button"
      variant="secondary"
      className="mt-2"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          announce(t('copied'));
        } catch {
          // No clipboard (an insecure origin, a refused permission): select the text instead.
          const code = document.querySelector<HTMLElement>(`[data-copy-source="${CSS.escape(text)}"]`);
          if (code) window.getSelection()?.selectAllChildren(code);
        }
      }}
    >
      {label ?? t('copy')}
    </Button>
  );
}
