'use client';
// The one field of every form: a label, an optional hint, the error of the last submit, and the
// control inside them. The control (TextInput, SelectInput, TextArea, or any element given
// useFieldControl()'s props) is linked to its hint and error through aria-describedby and marked
// aria-invalid, so a screen reader says what is expected and what went wrong when it gets focus.
import { createContext, useContext, useState, type ComponentProps, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';

type FieldContext = { id: string; name: string; describedBy?: string; invalid: boolean };

const Context = createContext<FieldContext | null>(null);

export const controlClass =
  'min-h-11 rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-slate-900 aria-[invalid=true]:border-2 aria-[invalid=true]:border-red-700';

const ids = (...values: (string | false | undefined | null)[]) => values.filter(Boolean).join(' ') || undefined;

/** The attributes a control needs inside a Field: merged with its own aria-describedby. */
export function useFieldControl(props: { id?: string; name?: string; 'aria-describedby'?: string }) {
  const field = useContext(Context);
  return {
    id: props.id ?? field?.id,
    name: props.name ?? field?.name,
    'aria-invalid': field?.invalid ? true : undefined,
    'aria-describedby': ids(field?.describedBy, props['aria-describedby']),
  };
}

export function Field({
  label,
  name,
  id = name,
  error,
  hint,
  children,
  className = 'flex flex-col gap-1',
  after,
}: {
  label: ReactNode;
  name: string;
  id?: string;
  error?: string;
  hint?: ReactNode;
  children?: ReactNode;
  className?: string;
  /** Shown under the control, before the hint (e.g. a counter); give it an id to link it. */
  after?: ReactNode;
}) {
  const describedBy = ids(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined);
  return (
    <Context.Provider value={{ id, name, describedBy, invalid: Boolean(error) }}>
      <div className={className}>
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          {label}
        </label>
        {children}
        {after}
        {hint ? (
          <p id={`${id}-hint`} className="text-sm text-slate-700">
            {hint}
          </p>
        ) : null}
        {error ? (
          <p id={`${id}-error`} className="text-sm font-medium text-red-700" data-field-error={name}>
            {error}
          </p>
        ) : null}
      </div>
    </Context.Provider>
  );
}

export function TextInput({ className = '', error: _error, ...props }: ComponentProps<'input'> & { error?: string }) {
  const control = useFieldControl(props);
  return <input {...props} {...control} className={`${controlClass} ${className}`} />;
}

export function SelectInput({ className = '', ...props }: ComponentProps<'select'>) {
  const control = useFieldControl(props);
  return <select {...props} {...control} className={`${controlClass} ${className}`} />;
}

export function TextArea({ className = '', ...props }: ComponentProps<'textarea'>) {
  const control = useFieldControl(props);
  return <textarea {...props} {...control} className={`${controlClass} ${className}`} />;
}

/**
 * A text area with a counter that states its limit before it is reached ("120 / 2 000 caractères")
 * and says how much is too much once it is; the server refuses more than the limit rather than
 * cutting it, so nothing the person wrote disappears silently.
 */
export function CountedTextArea({
  limit,
  defaultValue,
  className = '',
  ...props
}: Omit<ComponentProps<'textarea'>, 'defaultValue' | 'maxLength'> & { limit: number; defaultValue?: string }) {
  const t = useTranslations('app.form');
  const [length, setLength] = useState((defaultValue ?? '').length);
  const control = useFieldControl(props);
  const counterId = `${control.id}-counter`;
  const over = length > limit;
  return (
    <>
      <textarea
        {...props}
        {...control}
        aria-describedby={ids(control['aria-describedby'], counterId)}
        aria-invalid={control['aria-invalid'] ?? (over ? true : undefined)}
        defaultValue={defaultValue}
        onChange={(event) => {
          setLength(event.target.value.length);
          props.onChange?.(event);
        }}
        className={`${controlClass} ${className}`}
      />
      <p
        id={counterId}
        className={`text-sm ${over ? 'font-medium text-red-700' : 'text-slate-700'}`}
        data-testid="counter"
      >
        {over ? t('counterOver', { count: length - limit, limit }) : t('counter', { count: length, limit })}
      </p>
    </>
  );
}
