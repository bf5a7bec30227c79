// A period's status as a coloured label (the word carries the meaning; colour only helps).
const STYLES = {
  OPEN: 'bg-emerald-100 text-emerald-900',
  CLOSED: 'bg-slate-200 text-slate-900',
  PAID: 'bg-sky-100 text-sky-900',
} as const;

export function PeriodStatusBadge({ status, label }: { status: keyof typeof STYLES; label: string }) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ${STYLES[status]}`}
      data-testid="period-status"
    >
      {label}
    </span>
  );
}
