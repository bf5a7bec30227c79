// The filter bar of the three contribution lists (Mes contributions, À valider, Contributions
// validées): a plain GET form, so it works without JavaScript and the URL can be shared. Each list
// says which filters it offers; the bar lays them out in one order with the same words.
import type { ReactNode } from 'react';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { CONTRIBUTION_STATUSES } from '@/lib/contributions/lifecycle';

type Choice = { id: string; name: string };

/** `allValue`: what "all" sends, when an empty value means something else (a default choice). */
function FilterSelect({
  label,
  name,
  value,
  options,
  allLabel,
  allValue = '',
}: {
  label: string;
  name: string;
  value?: string;
  options: { value: string; label: string }[];
  allLabel: string;
  allValue?: string;
}) {
  return (
    <label className="flex w-full min-w-0 flex-col gap-1 text-sm font-medium text-slate-800 sm:w-auto">
      {label}
      {/* A long chantier name must not widen the page on a phone: the select keeps to the screen. */}
      <select
        name={name}
        defaultValue={value ?? allValue}
        className="min-h-11 w-full max-w-full truncate rounded-md border border-slate-500 bg-white px-3 py-2 text-base font-normal sm:max-w-xs"
      >
        <option value={allValue}>{allLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

const asOptions = (choices: Choice[]) => choices.map((choice) => ({ value: choice.id, label: choice.name }));

/**
 * The filters a list offers, each with its choices and the value chosen: periods (with
 * `allValue` when an empty choice means the current period), chantiers, people, places, the
 * status, and the date order.
 */
export type ContributionFilterProps = {
  periods?: { choices: Choice[]; value?: string; allValue?: string };
  chantiers?: { choices: Choice[]; value?: string };
  people?: { choices: Choice[]; value?: string };
  places?: { choices: Choice[]; value?: string };
  status?: { value?: string };
  order?: 'asc' | 'desc';
};

export async function ContributionFilterBar({
  periods,
  chantiers,
  people,
  places,
  status,
  order,
}: ContributionFilterProps) {
  const t = await getTranslations();
  type Select = Parameters<typeof FilterSelect>[0];
  const selects: (Select | false | undefined)[] = [
    periods && {
      name: 'periodId',
      label: t('mine.period'),
      allLabel: t('mine.allPeriods'),
      value: periods.value,
      allValue: periods.allValue,
      options: asOptions(periods.choices),
    },
    chantiers && {
      name: 'chantierId',
      label: t('mine.chantier'),
      allLabel: t('mine.allChantiers'),
      value: chantiers.value,
      options: asOptions(chantiers.choices),
    },
    people && {
      name: 'personId',
      label: t('review.person'),
      allLabel: t('review.allPeople'),
      value: people.value,
      options: asOptions(people.choices),
    },
    places && {
      name: 'placeId',
      label: t('review.place'),
      allLabel: t('review.allPlaces'),
      value: places.value,
      options: asOptions(places.choices),
    },
    status && {
      name: 'status',
      label: t('mine.status'),
      allLabel: t('mine.allStatuses'),
      value: status.value,
      options: CONTRIBUTION_STATUSES.map((value) => ({ value, label: t(`status.${value}`) })),
    },
  ];
  const fields: ReactNode[] = selects
    .filter((select): select is Select => Boolean(select))
    .map((select) => <FilterSelect key={select.name} {...select} />);
  if (order)
    fields.push(
      <label key="sort" className="flex w-full min-w-0 flex-col gap-1 text-sm font-medium text-slate-800 sm:w-auto">
        {t('review.sort')}
        <select
          name="sort"
          defaultValue={order === 'desc' ? 'newest' : 'oldest'}
          className="min-h-11 w-full min-w-56 max-w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-base font-normal"
        >
          <option value="oldest">{t('review.oldest')}</option>
          <option value="newest">{t('review.newest')}</option>
        </select>
      </label>,
    );
  return (
    <form method="get" className="mb-6 flex flex-wrap items-end gap-3" role="search">
      {fields}
      <button
        type="submit"
        className="min-h-11 rounded-md border border-slate-500 bg-white px-4 text-sm font-medium hover:bg-slate-50"
      >
        {t('mine.filter')}
      </button>
    </form>
  );
}

/** The link to a list's next page, when there is one. */
export async function NextPageLink({ href }: { href: string | null }) {
  if (!href) return null;
  const t = await getTranslations();
  return (
    <p className="mt-4">
      <Link href={href} className="text-brand-700 underline">
        {t('mine.more')}
      </Link>
    </p>
  );
}
