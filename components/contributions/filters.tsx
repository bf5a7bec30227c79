// A filter bar as a plain GET form: works without JavaScript, and the URL can be shared.
import type { ReactNode } from 'react';

/** `allValue`: what "all" sends, when an empty value means something else (a default choice). */
export function FilterSelect({
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

export function FilterBar({ children, submitLabel }: { children: ReactNode; submitLabel: string }) {
  return (
    <form method="get" className="mb-6 flex flex-wrap items-end gap-3" role="search">
      {children}
      <button
        type="submit"
        className="min-h-11 rounded-md border border-slate-500 bg-white px-4 text-sm font-medium hover:bg-slate-50"
      >
        {submitLabel}
      </button>
    </form>
  );
}
