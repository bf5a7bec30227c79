'use client';
// One chantier's plan typed like a spreadsheet (docs/plans.md): a row per person or "tout le
// monde", planned hours and a fixed amount; the planned money of each row and the chantier's total
// against its envelope computed as one types, by the same function the server counts with. Up and
// down move between rows in the same column, as in the week grid. Saving sends every row to
// `savePlanAction`, which answers each bad value on its field.
import { useState, type KeyboardEvent } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { ActionForm, SubmitButton, useFieldError } from '@/components/ui/action-form';
import { Field, SelectInput, TextInput } from '@/components/ui/field';
import { Button } from '@/components/ui/primitives';
import { parseHoursToMinutes } from '@/lib/format/hours';
import { formatCents, parseEurosToCents } from '@/lib/format/money';
import { ANYONE, plannedLineCents } from '@/lib/plans/planned';
import { savePlanAction } from '@/lib/plans/actions';

export type PlanRow = { personId: string; hours: string; amount: string };
type Option = { value: string; label: string };

/** A row's planned cents, or null while what is typed cannot be read. */
function rowCents(row: PlanRow, rates: Record<string, number>): number | null {
  const hours = row.hours.trim() === '' ? { ok: true as const, minutes: 0 } : parseHoursToMinutes(row.hours);
  const amount = row.amount.trim() === '' ? { ok: true as const, cents: 0 } : parseEurosToCents(row.amount);
  if (!hours.ok || !amount.ok) return null;
  const rate = rates[row.personId] ?? rates[ANYONE] ?? 0;
  return plannedLineCents(hours.minutes, rate, amount.cents);
}

function Cell({
  id,
  name,
  label,
  hint,
  children,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  children: (error: string | undefined) => React.ReactNode;
}) {
  const error = useFieldError(name);
  return (
    <Field
      id={id}
      name={name}
      label={<span className="sm:sr-only">{label}</span>}
      hint={hint}
      error={error}
      className="flex min-w-0 flex-col gap-1"
    >
      {children(error)}
    </Field>
  );
}

export function PlanEditor({
  periodId,
  chantierId,
  chantierLabel,
  envelopeCents,
  people,
  rates,
  initial,
}: {
  periodId: string;
  chantierId: string;
  chantierLabel: string;
  envelopeCents: number | null;
  people: Option[];
  /** The hourly rate of each person on this chantier, and of "tout le monde" under ANYONE. */
  rates: Record<string, number>;
  initial: PlanRow[];
}) {
  const t = useTranslations('plans.editor');
  const locale = useLocale() === 'en' ? 'en' : 'fr';
  const money = (cents: number) => formatCents(cents, locale);
  const fromInitial = (first: number) =>
    (initial.length > 0 ? initial : [{ personId: '', hours: '', amount: '' }]).map((row, index) => ({
      ...row,
      key: first + index,
    }));
  const [rows, setRows] = useState(() => fromInitial(0));
  const [nextKey, setNextKey] = useState(rows.length);
  // When the stored plan changes (saved, or copied from the previous period), show it: the form
  // itself stays, with its message. (React's "information from previous renders" pattern.)
  const signature = JSON.stringify(initial);
  const [seen, setSeen] = useState(signature);
  if (seen !== signature) {
    setSeen(signature);
    setRows(fromInitial(nextKey));
    setNextKey(nextKey + Math.max(initial.length, 1));
  }
  const update = (key: number, patch: Partial<PlanRow>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const cents = rows.map((row) => rowCents(row, rates));
  const total = cents.reduce<number>((sum, value) => sum + (value ?? 0), 0);
  const prefix = `plan-${chantierId}`;

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>, column: string, index: number) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const target = document.getElementById(`${prefix}-${index + (event.key === 'ArrowDown' ? 1 : -1)}-${column}`);
    if (target) {
      event.preventDefault();
      target.focus();
    }
  }

  const columns = 'sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_minmax(0,1fr)_auto]';
  return (
    <ActionForm action={savePlanAction} aria-label={chantierLabel}>
      <input type="hidden" name="periodId" value={periodId} />
      <input type="hidden" name="chantierId" value={chantierId} />
      <div aria-hidden className={`hidden gap-3 text-sm font-medium text-slate-800 sm:grid ${columns}`}>
        <span>{t('person')}</span>
        <span>{t('hours')}</span>
        <span>{t('amount')}</span>
        <span>{t('planned')}</span>
        <span className="w-28" />
      </div>
      <ol className="flex flex-col gap-3" data-testid={`plan-rows-${chantierId}`}>
        {rows.map((row, index) => {
          const name = (field: string) => `lines.${index}.${field}`;
          const id = (field: string) => `${prefix}-${index}-${field}`;
          const rowLabel = t('row', { row: index + 1 });
          return (
            <li
              key={row.key}
              className={`grid grid-cols-1 items-start gap-3 rounded-md border border-slate-200 p-3 sm:border-0 sm:p-0 ${columns}`}
            >
              <Cell id={id('personId')} name={name('personId')} label={`${t('person')} — ${rowLabel}`}>
                {() => (
                  <SelectInput
                    id={id('personId')}
                    name={name('personId')}
                    value={row.personId}
                    onChange={(event) => update(row.key, { personId: event.target.value })}
                    className="w-full"
                  >
                    <option value="">{t('choose')}</option>
                    <option value={ANYONE}>{t('anyone')}</option>
                    {people.map((person) => (
                      <option key={person.value} value={person.value}>
                        {person.label}
                      </option>
                    ))}
                  </SelectInput>
                )}
              </Cell>
              <Cell id={id('hours')} name={name('hours')} label={`${t('hours')} — ${rowLabel}`}>
                {(error) => (
                  <TextInput
                    id={id('hours')}
                    name={name('hours')}
                    value={row.hours}
                    inputMode="decimal"
                    autoComplete="off"
                    error={error}
                    onChange={(event) => update(row.key, { hours: event.target.value })}
                    onKeyDown={(event) => onKeyDown(event, 'hours', index)}
                    className="w-full"
                  />
                )}
              </Cell>
              <Cell id={id('amount')} name={name('amount')} label={`${t('amount')} — ${rowLabel}`}>
                {(error) => (
                  <TextInput
                    id={id('amount')}
                    name={name('amount')}
                    value={row.amount}
                    inputMode="decimal"
                    autoComplete="off"
                    error={error}
                    onChange={(event) => update(row.key, { amount: event.target.value })}
                    onKeyDown={(event) => onKeyDown(event, 'amount', index)}
                    className="w-full"
                  />
                )}
              </Cell>
              <p className="flex min-h-11 items-center gap-2 tabular-nums" data-testid="plan-row-cents">
                <span className="text-sm font-medium text-slate-800 sm:sr-only">{t('planned')} :</span>
                {cents[index] === null ? <span className="text-red-700">{t('unreadable')}</span> : money(cents[index]!)}
              </p>
              <Button
                type="button"
                variant="secondary"
                className="w-28"
                onClick={() => setRows((current) => current.filter((candidate) => candidate.key !== row.key))}
                aria-label={t('remove', { row: index + 1 })}
              >
                {t('removeShort')}
              </Button>
            </li>
          );
        })}
      </ol>
      <div className="flex flex-wrap items-center gap-3">
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            setRows((current) => [...current, { personId: '', hours: '', amount: '', key: nextKey }]);
            setNextKey(nextKey + 1);
          }}
        >
          {t('add')}
        </Button>
        <SubmitButton aria-label={`${t('save')} — ${chantierLabel}`}>{t('save')}</SubmitButton>
      </div>
      <p className="text-sm text-slate-700">{t('hoursHint')}</p>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1" data-testid={`plan-total-${chantierId}`}>
        <dt className="font-medium text-slate-800">{t('total')}</dt>
        <dd className="tabular-nums" data-testid="plan-total-cents">
          {money(total)}
        </dd>
        <dt className="font-medium text-slate-800">{t('envelope')}</dt>
        <dd className="tabular-nums">{envelopeCents === null ? t('noEnvelope') : money(envelopeCents)}</dd>
      </dl>
      {envelopeCents !== null ? (
        <p
          className={total > envelopeCents ? 'font-medium text-red-800' : 'text-emerald-900'}
          data-testid="plan-envelope-state"
        >
          {total > envelopeCents
            ? `⚠ ${t('over', { amount: money(total - envelopeCents) })}`
            : t('within', { amount: money(envelopeCents - total) })}
        </p>
      ) : null}
    </ActionForm>
  );
}
