// A chantier's alert against its envelope (docs/plans.md) in colour AND words, with a sign that
// does not depend on colour: ✓ none, ⚠ warn, ✕ over.
import type { PlanAlert } from '@/lib/plans/dashboard';

const STYLES: Record<PlanAlert, { className: string; sign: string }> = {
  NONE: { className: 'bg-emerald-100 text-emerald-900 border-emerald-700', sign: '✓' },
  WARN: { className: 'bg-amber-100 text-amber-950 border-amber-700', sign: '⚠' },
  OVER: { className: 'bg-red-100 text-red-900 border-red-700', sign: '✕' },
};

export function AlertBadge({ alert, label }: { alert: PlanAlert; label: string }) {
  const style = STYLES[alert];
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-md border px-2 py-0.5 text-sm font-medium ${style.className}`}
      data-alert={alert}
    >
      <span aria-hidden>{style.sign}</span>
      {label}
    </span>
  );
}
