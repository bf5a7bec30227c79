'use client';
// Form fields wired to the enclosing ActionForm's errors.
import type { ComponentProps, ReactNode } from 'react';
import { Field, TextInput } from '@/components/ui/primitives';
import { useFieldError } from '@/components/ui/action-form';

export function FormField({
  label,
  name,
  id = name,
  hint,
  ...input
}: ComponentProps<'input'> & { label: string; name: string; hint?: string }) {
  const error = useFieldError(name);
  return (
    <Field label={label} name={name} id={id} error={error} hint={hint}>
      <TextInput name={name} id={id} error={error} {...input} />
    </Field>
  );
}

export function CheckboxField({ label, name, ...input }: ComponentProps<'input'> & { label: string; name: string }) {
  const error = useFieldError(name);
  const errorId = `${name}-error`;
  return (
    <div className="flex flex-col gap-1">
      <label className="inline-flex min-h-11 items-center gap-2 text-sm text-slate-800">
        <input
          type="checkbox"
          name={name}
          className="h-5 w-5 shrink-0 accent-brand-700"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          {...input}
        />
        {label}
      </label>
      {error ? (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function CheckboxGroup({
  legend,
  name,
  options,
  defaultValues = [],
}: {
  legend: string;
  name: string;
  options: { value: string; label: string }[];
  defaultValues?: string[];
}) {
  const error = useFieldError(name);
  const errorId = `${name}-error`;
  return (
    <fieldset
      className="flex min-w-0 flex-col gap-1"
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? errorId : undefined}
    >
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className="flex flex-wrap gap-x-4">
        {options.map((option) => (
          <label key={option.value} className="inline-flex min-h-11 items-center gap-2 text-sm text-slate-800">
            {/* shrink-0: a long label (a chantier's name) must not squash the box. */}
            <input
              type="checkbox"
              name={`${name}[]`}
              value={option.value}
              defaultChecked={defaultValues.includes(option.value)}
              className="h-5 w-5 shrink-0 accent-brand-700"
            />
            {option.label}
          </label>
        ))}
      </div>
      {error ? (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/**
 * One choice among a few, each a radio with its label (which may run over several lines). Pass
 * `value` and `onChange` when the page reacts to the choice, `defaultValue` otherwise.
 */
export function RadioGroup<Value extends string>({
  legend,
  name,
  options,
  value,
  defaultValue,
  onChange,
}: {
  legend: string;
  name: string;
  options: readonly { value: Value; label: ReactNode }[];
  value?: Value;
  defaultValue?: Value;
  onChange?: (value: Value) => void;
}) {
  const error = useFieldError(name);
  const errorId = `${name}-error`;
  return (
    <fieldset
      className="flex flex-col gap-1"
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? errorId : undefined}
    >
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="flex min-h-11 items-start gap-2 py-1 text-sm text-slate-800">
          <input
            type="radio"
            name={name}
            value={option.value}
            {...(value === undefined
              ? { defaultChecked: defaultValue === option.value }
              : { checked: value === option.value, onChange: () => onChange?.(option.value) })}
            className="mt-0.5 h-5 w-5 shrink-0 accent-brand-700"
          />
          <span>{option.label}</span>
        </label>
      ))}
      {error ? (
        <p id={errorId} className="text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
