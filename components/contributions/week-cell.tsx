'use client';
// The cells of the weekly timesheet. A day cell is an input when it may be typed in (empty, or
// one draft), otherwise what it holds and its status; a duration that cannot be read says why in
// place, as the person types, and the server's refusal of a cell shows there until it is edited.
// A row's header names the row and holds the description its new drafts get.
import type { KeyboardEvent } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { useFieldError } from '@/components/ui/action-form';
import { formatDuration, parseDuration } from '@/lib/contributions/duration';
import type { WeekCellView } from '@/lib/contributions/week-grid';
import { asLocale } from '@/lib/i18n/locales';

const STATUS_STYLES: Record<string, string> = {
  DRAFT: 'text-slate-700',
  SUBMITTED: 'text-sky-900',
  APPROVED: 'text-emerald-900',
  REJECTED: 'text-red-800',
  CHANGES_REQUESTED: 'text-amber-900',
};

export function WeekCellInput({
  rowIndex,
  day,
  label,
  text,
  showServerError,
  onChange,
  onKeyDown,
}: {
  rowIndex: number;
  day: number;
  label: string;
  text: string;
  showServerError: boolean;
  onChange: (text: string) => void;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
}) {
  const t = useTranslations();
  const path = `rows.${rowIndex}.cells.${day}`;
  const cellError = useFieldError(path);
  const textError = useFieldError(`${path}.text`);
  const parsed = text.trim() ? parseDuration(text) : null;
  const liveError = parsed && !parsed.ok ? t(`errors.duration.${parsed.code}`) : undefined;
  const error = liveError ?? (showServerError ? (cellError ?? textError) : undefined);
  const errorId = `week-cell-${rowIndex}-${day}-error`;
  return (
    <div className="flex flex-col items-stretch gap-1">
      <input
        name={`cell.${rowIndex}.${day}`}
        value={text}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        data-cell={`${rowIndex}-${day}`}
        inputMode="decimal"
        autoComplete="off"
        className="min-h-11 w-20 rounded-md border border-slate-300 bg-white px-2 py-1 text-center text-base tabular-nums aria-[invalid]:border-red-600"
      />
      {error ? (
        <p id={errorId} className="w-28 whitespace-normal text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A cell that cannot be typed in: what it holds and the status of its entries, or a dash. */
export function WeekCellReadOnly({ cell }: { cell: WeekCellView }) {
  const t = useTranslations();
  const locale = asLocale(useLocale());
  if (cell.minutes === 0 && cell.statuses.length === 0) {
    return (
      <span className="text-slate-500" title={cell.state === 'CLOSED' ? t('week.closedDay') : undefined}>
        <span aria-hidden="true">—</span>
        {cell.state === 'CLOSED' ? <span className="sr-only">{t('week.closedDay')}</span> : null}
      </span>
    );
  }
  return (
    <span
      className="flex flex-col items-center"
      title={cell.state === 'CLOSED' ? t('week.closedDay') : t('week.locked')}
    >
      <span className="font-medium tabular-nums">{formatDuration(cell.minutes, locale)}</span>
      {cell.statuses.map((status) => (
        <span key={status} className={`text-xs ${STATUS_STYLES[status] ?? ''}`}>
          {t(`status.${status}`)}
        </span>
      ))}
    </span>
  );
}

export function WeekRowHeader({
  label,
  rowIndex,
  description,
  describable,
  showServerError,
  onDescribe,
}: {
  label: string;
  rowIndex: number;
  description: string;
  /** Whether the row can take a description: it has a cell to type in, or drafts described already. */
  describable: boolean;
  showServerError: boolean;
  onDescribe: (text: string) => void;
}) {
  const t = useTranslations('week');
  const descriptionError = useFieldError(`rows.${rowIndex}.description`);
  const chantierError = useFieldError(`rows.${rowIndex}.chantierId`);
  const placeError = useFieldError(`rows.${rowIndex}.placeId`);
  const rowError = chantierError ?? placeError;
  const error = showServerError ? descriptionError : undefined;
  const errorId = `week-row-${rowIndex}-error`;
  return (
    <th
      scope="row"
      className="sticky left-0 z-10 w-36 min-w-36 bg-white px-3 py-2 text-left font-normal break-words sm:w-auto sm:min-w-44"
    >
      <span className="block font-medium text-slate-900">{label}</span>
      {rowError ? <span className="block text-xs text-red-700">{rowError}</span> : null}
      {describable ? (
        // A visible label (the placeholder is only an example); the accessible name also names the row.
        <span aria-hidden className="mt-1 block text-xs font-medium text-slate-700">
          {t('descriptionLabel')}
        </span>
      ) : null}
      {describable ? (
        <input
          name={`description.${rowIndex}`}
          value={description}
          onChange={(event) => onDescribe(event.target.value)}
          aria-label={t('descriptionFor', { row: label })}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          placeholder={t('descriptionPlaceholder')}
          data-description={rowIndex}
          className="mt-1 min-h-11 w-full rounded-md border border-slate-500 bg-white px-2 py-1 text-sm"
        />
      ) : null}
      {error ? (
        <span id={errorId} className="mt-1 block text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </th>
  );
}
