// Small presentational primitives shared by every screen: buttons, fields, notices, sections.
import type { ComponentProps, ReactNode } from 'react';

const buttonStyles = {
  primary:
    'border border-transparent bg-brand-700 text-white hover:bg-brand-800 disabled:opacity-60 aria-disabled:cursor-wait',
  secondary:
    'border border-slate-500 bg-white text-slate-800 hover:bg-slate-50 disabled:opacity-60 aria-disabled:cursor-wait',
  danger: 'border border-red-700 bg-white text-red-700 hover:bg-red-50 disabled:opacity-60 aria-disabled:cursor-wait',
} as const;

export function Button({
  variant = 'primary',
  className = '',
  ...props
}: ComponentProps<'button'> & { variant?: keyof typeof buttonStyles }) {
  return (
    <button
      className={`inline-flex min-h-11 items-center justify-center rounded-md px-4 py-2 text-sm font-medium ${buttonStyles[variant]} ${className}`}
      {...props}
    />
  );
}

// The field and its controls live in field.tsx (a client module: they share a context).
export { Field, TextInput } from '@/components/ui/field';

export function Notice({ tone = 'info', children }: { tone?: 'info' | 'success' | 'error'; children: ReactNode }) {
  const styles = {
    info: 'border-sky-200 bg-sky-50 text-sky-900',
    success: 'border-emerald-200 bg-emerald-50 text-emerald-900',
    error: 'border-red-200 bg-red-50 text-red-900',
  }[tone];
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} className={`rounded-md border px-4 py-3 text-sm ${styles}`}>
      {children}
    </div>
  );
}

export function Section({ title, children, actions }: { title?: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      {title || actions ? (
        <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
          {title ? <h2 className="text-lg font-semibold text-slate-900">{title}</h2> : <span />}
          {actions}
        </div>
      ) : null}
      {children}
    </section>
  );
}

export function PageTitle({ children }: { children: ReactNode }) {
  return <h1 className="mb-6 text-2xl font-bold text-slate-900">{children}</h1>;
}

export function Badge({ children }: { children: ReactNode }) {
  return (
    <span className="inline-flex items-center rounded-full bg-brand-100 px-2 py-0.5 text-xs font-medium text-brand-800">
      {children}
    </span>
  );
}
