// A list as a table, the way the treasury's screens show them: in a named, focusable scroll area
// (wide tables scroll sideways on a small tablet; on a phone, below 40rem, each row stacks its cells,
// each headed by its column's name from the cell's data-label: app/globals.css), headed by its
// columns, each row's first cell its header. And the small coloured label its cells use for a state (an IBAN's, a payment's).
import type { ReactNode } from 'react';
import { ScrollArea } from '@/components/ui/scroll-area';

export type Column = { label: string; numeric?: boolean };

export function DataTable({
  label,
  columns,
  testId,
  children,
}: {
  /** What the scroll area holds, for screen readers. */
  label: string;
  columns: Column[];
  testId: string;
  /** The rows. */
  children: ReactNode;
}) {
  return (
    <ScrollArea label={label}>
      <table className="data-table-stacked w-full text-left text-sm sm:min-w-[48rem]" data-testid={testId}>
        <thead className="border-b border-slate-300 text-slate-700">
          <tr>
            {columns.map((column, index) => (
              <th
                key={column.label}
                scope="col"
                className={`py-2 font-medium ${index < columns.length - 1 ? 'pr-4' : ''} ${column.numeric ? 'text-right' : ''}`}
              >
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">{children}</tbody>
      </table>
    </ScrollArea>
  );
}

/** The colours of a state, from good to bad. */
const TONES = {
  good: 'bg-emerald-100 text-emerald-900',
  done: 'bg-sky-100 text-sky-900',
  warning: 'bg-amber-100 text-amber-900',
  bad: 'bg-red-100 text-red-900',
  neutral: 'bg-slate-200 text-slate-900',
  quiet: 'bg-slate-100 text-slate-700',
} as const;

export type Tone = keyof typeof TONES;

export function StatePill({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${TONES[tone]}`}>{children}</span>;
}

/** How an IBAN's state reads, wherever it is shown. */
export const IBAN_TONE: Record<string, Tone> = {
  VALID: 'good',
  MISSING: 'warning',
  INVALID: 'bad',
  OUTSIDE_SEPA: 'warning',
  CONFLICT: 'bad',
};
