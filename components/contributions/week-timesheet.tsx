'use client';
// The weekly timesheet, typed like a spreadsheet: chantiers (and places) in rows, days in
// columns, totals per row, per day and for the week recomputed as the person types (a day over
// 24 h shows red before anything is sent: the server refuses it). The whole
// grid is posted as one JSON field and saved in one transaction by saveWeekAction.
//
// After a save the page comes back with the week as stored; the grid is keyed by the week's
// snapshot, so it starts afresh from it. A refusal changes nothing on the server, so the grid
// keeps what was typed, with each error next to its cell.
//
// Without JavaScript the grid still saves: every input carries a name, `loaded` says what the
// page showed, and the server reads the typed cells from them (week-inputs.ts); the JSON `rows`
// is written only once the script runs. Typing not yet saved is not lost by accident: leaving the
// page, or following a link (another week), asks first.
import { useEffect, useState, useSyncExternalStore, type FocusEvent, type KeyboardEvent } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { ActionForm, SubmitButton, useActionFormState } from '@/components/ui/action-form';
import { WeekCellInput, WeekCellReadOnly, WeekRowHeader } from '@/components/contributions/week-cell';
import { WeekAddRow, type WeekOption } from '@/components/contributions/week-add-row';
import type { ActionState } from '@/lib/actions/form-action';
import type { WeekOut } from '@/lib/contributions/server/week';
import { formatDuration } from '@/lib/contributions/duration';
import { emptyCell, rowKey } from '@/lib/contributions/week-grid';
import { chantierLabel } from '@/lib/format/chantier';
import {
  isEditable,
  loadedText,
  toFormRow,
  toRowInputs,
  weekTotals,
  type WeekFormRow,
} from '@/lib/contributions/week-form';
import { formatShortDay } from '@/lib/format/date';
import { asLocale } from '@/lib/i18n/locales';

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  week: WeekOut;
  chantiers: WeekOption[];
  places: WeekOption[];
  today: string;
};

type GridRow = WeekFormRow & { key: string; label: string };

export function WeekTimesheet(props: Props) {
  return (
    <ActionForm action={props.action} className="flex min-w-0 flex-col gap-4">
      <WeekGrid key={props.week.snapshot} {...props} />
    </ActionForm>
  );
}

function WeekGrid({ week, chantiers, places, today }: Props) {
  const t = useTranslations('week');
  const locale = asLocale(useLocale());
  const [rows, setRows] = useState<GridRow[]>(() =>
    week.rows.map((row) => ({
      ...toFormRow(row),
      key: rowKey(row.chantierId, row.placeId),
      label: row.placeLabel ? `${row.chantierLabel} · ${row.placeLabel}` : row.chantierLabel,
    })),
  );
  // Cells edited since the last answer of the server no longer show that answer's error.
  const formState = useActionFormState();
  const [answered, setAnswered] = useState(formState);
  const [editedSince, setEditedSince] = useState<Set<string>>(new Set());
  if (answered !== formState) {
    setAnswered(formState);
    setEditedSince(new Set());
  }

  const totals = weekTotals(rows, week.days.length);
  const posted = toRowInputs(rows);
  const unsaved =
    rows.length !== week.rows.length ||
    posted.some((row) => row.descriptionEdited || row.cells.some((cell) => cell.text !== null));
  const scripted = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  useLeaveWarning(unsaved, t('unsavedLeave'));
  const dayLabels = week.days.map((day) => formatShortDay(day.date, locale));

  function type(rowIndex: number, day: number, text: string) {
    setRows((current) =>
      current.map((row, index) =>
        index === rowIndex ? { ...row, texts: row.texts.map((value, at) => (at === day ? text : value)) } : row,
      ),
    );
    setEditedSince((current) => new Set(current).add(`${rowIndex}-${day}`));
  }

  function describe(rowIndex: number, description: string) {
    setRows((current) => current.map((row, index) => (index === rowIndex ? { ...row, description } : row)));
    setEditedSince((current) => new Set(current).add(`${rowIndex}-description`));
  }

  function addRow(chantier: WeekOption, place: WeekOption | null): string | null {
    const key = rowKey(chantier.id, place?.id ?? null);
    const existing = rows.findIndex((row) => row.key === key);
    if (existing >= 0) {
      focusLater(`[data-description="${existing}"]`);
      return t('rowExists');
    }
    const label = place ? `${chantierLabel(chantier)} · ${place.name}` : chantierLabel(chantier);
    const cells = week.days.map(emptyCell);
    setRows((current) => [
      ...current,
      { ...toFormRow({ chantierId: chantier.id, placeId: place?.id ?? null, cells, description: '' }), key, label },
    ]);
    focusLater(`[data-description="${rows.length}"]`);
    return null;
  }

  // Up and down move between rows on the same day, as in a spreadsheet; Tab goes along the row.
  function onCellKeyDown(event: KeyboardEvent<HTMLInputElement>, rowIndex: number, day: number) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const step = event.key === 'ArrowDown' ? 1 : -1;
    for (let next = rowIndex + step; next >= 0 && next < rows.length; next += step) {
      const target = document.querySelector<HTMLInputElement>(`[data-cell="${next}-${day}"]`);
      if (target) {
        event.preventDefault();
        target.focus();
        return;
      }
    }
  }

  return (
    <>
      <input type="hidden" name="weekStart" value={week.weekStart} />
      {scripted ? <input type="hidden" name="rows" value={JSON.stringify(posted)} /> : null}
      <input type="hidden" name="loaded" value={loadedJson(week)} />
      {rows.length === 0 ? (
        <p className="text-slate-700" data-testid="week-empty">
          {t('empty')}
        </p>
      ) : null}
      {/* relative: the cells' screen-reader texts (absolutely positioned) stay inside the scroller
          instead of widening the page. */}
      <div
        className="relative min-w-0 max-w-full overflow-x-auto rounded-lg border border-slate-200 bg-white"
        role="region"
        aria-label={t('title')}
        tabIndex={0}
        data-testid="week-grid"
        onFocus={revealBesideStickyHeader}
      >
        <table className="min-w-full border-collapse text-sm">
          <thead className="bg-slate-50">
            <tr>
              <th
                scope="col"
                className="sticky left-0 z-10 w-36 min-w-36 bg-slate-50 px-3 py-2 sm:w-auto sm:min-w-44 text-left font-medium text-slate-800"
              >
                {t('row')}
              </th>
              {week.days.map((day, index) => (
                <th
                  key={day.date}
                  scope="col"
                  className={`px-2 py-2 text-center font-medium whitespace-nowrap ${day.date === today ? 'text-brand-800 underline' : day.open ? 'text-slate-800' : 'text-slate-500'}`}
                  title={day.open ? (day.periodName ?? undefined) : t('closedDay')}
                >
                  {dayLabels[index]}
                  {day.open ? null : <span className="sr-only"> ({t('closedDay')})</span>}
                </th>
              ))}
              <th scope="col" className="px-3 py-2 text-right font-medium text-slate-800">
                {t('total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, rowIndex) => (
              <tr key={row.key} className="border-t border-slate-200 align-top" data-testid="week-row">
                <WeekRowHeader
                  label={row.label}
                  rowIndex={rowIndex}
                  description={row.description}
                  describable={row.description !== '' || row.cells.some(isEditable)}
                  showServerError={!editedSince.has(`${rowIndex}-description`)}
                  onDescribe={(text) => describe(rowIndex, text)}
                />
                {row.cells.map((cell, day) => (
                  <td key={week.days[day].date} className="px-1 py-2 text-center">
                    {/* Hours are declared once worked: an empty day after today takes none. */}
                    {cell.state === 'EMPTY' && week.days[day].date > today ? (
                      <span className="text-slate-500" title={t('futureDay')}>
                        <span aria-hidden="true">—</span>
                        <span className="sr-only">{t('futureDay')}</span>
                      </span>
                    ) : isEditable(cell) ? (
                      <WeekCellInput
                        rowIndex={rowIndex}
                        day={day}
                        label={t('cellLabel', { row: row.label, day: dayLabels[day] })}
                        text={row.texts[day]}
                        showServerError={!editedSince.has(`${rowIndex}-${day}`)}
                        onChange={(text) => type(rowIndex, day, text)}
                        onKeyDown={(event) => onCellKeyDown(event, rowIndex, day)}
                      />
                    ) : (
                      <WeekCellReadOnly cell={cell} />
                    )}
                  </td>
                ))}
                <td className="px-3 py-2 text-right font-medium whitespace-nowrap tabular-nums" data-testid="row-total">
                  {formatDuration(totals.perRow[rowIndex], locale)}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot className="border-t-2 border-slate-300 bg-slate-50">
            <tr>
              <th scope="row" className="sticky left-0 z-10 bg-slate-50 px-3 py-2 text-left font-medium">
                {t('total')}
              </th>
              {totals.perDay.map((minutes, day) => (
                <td
                  key={week.days[day].date}
                  className={`px-2 py-2 text-center font-medium whitespace-nowrap tabular-nums ${totals.overLimit[day] ? 'bg-red-50 text-red-700' : ''}`}
                  data-testid="day-total"
                  data-over-limit={totals.overLimit[day] || undefined}
                >
                  {formatDuration(minutes, locale)}
                  {totals.overLimit[day] ? (
                    <span className="block text-xs font-normal">{t('overLimitShort')}</span>
                  ) : null}
                </td>
              ))}
              <td
                className="px-3 py-2 text-right font-bold whitespace-nowrap tabular-nums"
                data-testid="week-total-cell"
              >
                {formatDuration(totals.week, locale)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <div aria-live="polite">
        <p className="font-medium" data-testid="week-total">
          {t('weekTotal', { hours: formatDuration(totals.week, locale) })}
        </p>
        {totals.overLimit.some(Boolean) ? (
          <p className="mt-1 text-sm font-medium text-red-700" data-testid="week-over-limit">
            {t('overLimit', {
              days: week.days
                .filter((_, day) => totals.overLimit[day])
                .map((day) => formatShortDay(day.date, locale))
                .join(', '),
              count: totals.overLimit.filter(Boolean).length,
            })}
          </p>
        ) : null}
      </div>
      <WeekAddRow chantiers={chantiers} places={places} onAdd={addRow} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton variant="secondary" name="intent" value="save">
          {t('save')}
        </SubmitButton>
        <SubmitButton name="intent" value="submit">
          {t('saveAndSubmit')}
        </SubmitButton>
      </div>
    </>
  );
}

/**
 * Moving back along a row on a phone, the focused cell would sit under the sticky row header:
 * scroll the grid so that it shows beside it (WCAG 2.4.11, focus not obscured).
 */
function revealBesideStickyHeader(event: FocusEvent<HTMLDivElement>) {
  const grid = event.currentTarget;
  const target = event.target as HTMLElement;
  const header = grid.querySelector('thead th');
  if (!header || target === grid || target.closest('th')) return;
  const covered = header.getBoundingClientRect().right - target.getBoundingClientRect().left;
  if (covered > 0) grid.scrollLeft -= covered + 8;
}

const noSubscription = () => () => {};

/** The rows as the page showed them, for the server to read a post made without JavaScript. */
function loadedJson(week: WeekOut): string {
  return JSON.stringify(
    week.rows.map((row) => ({
      chantierId: row.chantierId,
      placeId: row.placeId,
      description: row.description,
      cells: row.cells.map((cell) => ({ text: loadedText(cell), fingerprint: cell.fingerprint })),
    })),
  );
}

/**
 * While typing is not saved: leaving the page (closing, reloading, typing an address) asks the
 * browser's own question, and following a link of the page (another week, the menu) asks this
 * one. The click is stopped before Next's link sees it, so staying keeps everything typed.
 */
function useLeaveWarning(unsaved: boolean, question: string) {
  useEffect(() => {
    if (!unsaved) return;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    const click = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (!(link instanceof HTMLAnchorElement) || event.defaultPrevented) return;
      if (link.target === '_blank' || link.hasAttribute('download') || link.getAttribute('href')?.startsWith('#'))
        return;
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      if (window.confirm(question)) {
        window.removeEventListener('beforeunload', beforeUnload); // asked once is enough
      } else {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('click', click, true);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('click', click, true);
    };
  }, [unsaved, question]);
}

function focusLater(selector: string) {
  // After React has rendered the row being added.
  setTimeout(() => document.querySelector<HTMLElement>(selector)?.focus(), 0);
}
