'use client';
// Form fields wired to the enclosing ActionForm's errors.
import type { ComponentProps } from 'react';
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
  return (
    <div className="flex flex-col gap-1">
      <label className="inline-flex min-h-11 items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" name={name} className="h-5 w-5 accent-brand-700" {...input} />
        {label}
      </label>
      {error ? (
        <p className="text-sm text-red-700" role="alert">
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
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className="flex flex-wrap gap-x-4">
        {options.map((option) => (
          <label key={option.value} className="inline-flex min-h-11 items-center gap-2 text-sm text-slate-800">
            <input
              type="checkbox"
              name={`${name}[]`}
              value={option.value}
              defaultChecked={defaultValues.includes(option.value)}
              className="h-5 w-5 accent-brand-700"
            />
            {option.label}
          </label>
        ))}
      </div>
      {error ? (
        <p className="text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
