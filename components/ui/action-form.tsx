'use client';
// A form bound to a server action made with formAction(): shows the action's message and each
// field's error next to it, and keeps the button busy while the action runs.
import { createContext, useActionState, useContext, type ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import type { ActionState } from '@/lib/actions/form-action';
import { Button, Notice } from '@/components/ui/primitives';

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

const FormStateContext = createContext<ActionState>(null);

/** The error of one field of the enclosing ActionForm, if the last submit gave one. */
export function useFieldError(name: string): string | undefined {
  const state = useContext(FormStateContext);
  return state && !state.ok ? state.fields?.[name] : undefined;
}

export function ActionForm({
  action,
  children,
  className = 'flex flex-col gap-4',
  success,
  resetOnSuccess = false,
}: {
  action: Action;
  children: ReactNode;
  className?: string;
  /** What to show on success, given the action's state (its message or data). */
  success?: (state: Extract<ActionState, { ok: true }>) => ReactNode;
  resetOnSuccess?: boolean;
}) {
  const [state, formAction] = useActionState(action, null);
  return (
    <FormStateContext.Provider value={state}>
      <form action={formAction} className={className} key={resetOnSuccess && state?.ok ? JSON.stringify(state) : undefined} noValidate>
        {state && !state.ok ? <Notice tone="error">{state.message}</Notice> : null}
        {state && state.ok ? (success ? success(state) : state.message ? <Notice tone="success">{state.message}</Notice> : null) : null}
        {children}
      </form>
    </FormStateContext.Provider>
  );
}

export function SubmitButton({ children, variant = 'primary', name, value }: { children: ReactNode; variant?: 'primary' | 'secondary' | 'danger'; name?: string; value?: string }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant={variant} disabled={pending} aria-busy={pending} name={name} value={value}>
      {children}
    </Button>
  );
}
