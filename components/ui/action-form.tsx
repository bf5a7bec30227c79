'use client';
// A form bound to a server action made with formAction(): shows the action's message and each
// field's error next to it, and keeps the buttons busy while the action runs. Submitting goes
// through a transition rather than React's built-in form action, so that a refused form keeps
// what the person typed (React would reset it); without JavaScript the form still posts.
import {
  createContext,
  startTransition,
  useActionState,
  useContext,
  useState,
  type FormEvent,
  type ReactNode,
} from 'react';
import type { ActionState } from '@/lib/actions/form-action';
import { Button, Notice } from '@/components/ui/primitives';

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

const FormStateContext = createContext<{ state: ActionState; pending: boolean }>({ state: null, pending: false });

/** The error of one field of the enclosing ActionForm, if the last submit gave one. */
export function useFieldError(name: string): string | undefined {
  const { state } = useContext(FormStateContext);
  return state && !state.ok ? state.fields?.[name] : undefined;
}

/** The last state of the enclosing ActionForm (e.g. to show an error's details). */
export function useActionFormState(): ActionState {
  return useContext(FormStateContext).state;
}

export function ActionForm({
  action,
  children,
  className = 'flex flex-col gap-4',
  success,
  resetOnSuccess = false,
  id,
}: {
  action: Action;
  children: ReactNode;
  className?: string;
  /** Lets inputs elsewhere on the page join this form (the HTML `form` attribute). */
  id?: string;
  /** What to show on success, given the action's state (its message or data). */
  success?: (state: Extract<ActionState, { ok: true }>) => ReactNode;
  resetOnSuccess?: boolean;
}) {
  const [state, dispatch, pending] = useActionState(action, null);
  // Each success gets a new key, which empties the form for the next entry; a refusal keeps the
  // same key, so what was typed stays there to be corrected.
  // (React's "information from previous renders" pattern: a state updated during render.)
  const [successes, setSuccesses] = useState({ count: 0, seen: state });
  if (successes.seen !== state) {
    setSuccesses({ count: successes.count + (state?.ok ? 1 : 0), seen: state });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLElement | null;
    const formData = new FormData(event.currentTarget, submitter);
    startTransition(() => dispatch(formData));
  }

  return (
    <FormStateContext.Provider value={{ state, pending }}>
      <form
        id={id}
        action={dispatch}
        onSubmit={onSubmit}
        className={className}
        key={resetOnSuccess ? successes.count : undefined}
        noValidate
      >
        {state && !state.ok ? <Notice tone="error">{state.message}</Notice> : null}
        {state && state.ok ? (
          success ? (
            success(state)
          ) : state.message ? (
            <Notice tone="success">{state.message}</Notice>
          ) : null
        ) : null}
        {children}
      </form>
    </FormStateContext.Provider>
  );
}

export function SubmitButton({
  children,
  variant = 'primary',
  name,
  value,
}: {
  children: ReactNode;
  variant?: 'primary' | 'secondary' | 'danger';
  name?: string;
  value?: string;
}) {
  const { pending } = useContext(FormStateContext);
  return (
    <Button type="submit" variant={variant} disabled={pending} aria-busy={pending} name={name} value={value}>
      {children}
    </Button>
  );
}
