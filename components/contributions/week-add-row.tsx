'use client';
// Adding a row to the weekly timesheet: a chantier and, optionally, a place. The selects carry
// no `name`, so they are never posted: the row exists in the page until a cell of it is saved.
import { useId, useState } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/primitives';
import { chantierLabel } from '@/lib/format/chantier';

export type WeekOption = { id: string; name: string; code?: string | null };

export function WeekAddRow({
  chantiers,
  places,
  onAdd,
}: {
  chantiers: WeekOption[];
  places: WeekOption[];
  onAdd: (chantier: WeekOption, place: WeekOption | null) => string | null;
}) {
  const t = useTranslations();
  const id = useId();
  const [chantierId, setChantierId] = useState('');
  const [placeId, setPlaceId] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  function add() {
    const chantier = chantiers.find((option) => option.id === chantierId);
    if (!chantier) {
      setMessage(t('validation.required'));
      return;
    }
    const refusal = onAdd(chantier, places.find((option) => option.id === placeId) ?? null);
    setMessage(refusal);
    if (!refusal) {
      setChantierId('');
      setPlaceId('');
    }
  }

  const selectClass =
    'min-h-11 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base sm:w-auto sm:max-w-xs';
  return (
    <fieldset className="flex flex-col gap-2 rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-medium text-slate-800">{t('week.addRow')}</legend>
      <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-end">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-chantier`} className="text-sm font-medium text-slate-800">
            {t('declare.chantier')}
          </label>
          <select
            id={`${id}-chantier`}
            value={chantierId}
            onChange={(event) => setChantierId(event.target.value)}
            className={selectClass}
          >
            <option value="">{t('declare.chooseChantier')}</option>
            {chantiers.map((option) => (
              <option key={option.id} value={option.id}>
                {chantierLabel(option)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-place`} className="text-sm font-medium text-slate-800">
            {t('declare.place')}
          </label>
          <select
            id={`${id}-place`}
            value={placeId}
            onChange={(event) => setPlaceId(event.target.value)}
            className={selectClass}
          >
            <option value="">{t('declare.noPlace')}</option>
            {places.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name}
              </option>
            ))}
          </select>
        </div>
        <Button type="button" variant="secondary" onClick={add}>
          {t('week.addRow')}
        </Button>
      </div>
      <p className="min-h-5 text-sm text-slate-700" role="status">
        {message ?? ''}
      </p>
    </fieldset>
  );
}
