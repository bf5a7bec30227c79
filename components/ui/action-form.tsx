'use client';
// A form bound to a server action made with formAction(): shows the action's message and each
// field's error next to it, and keeps the buttons busy while the action runs. Submitting goes
// through a transition rather than React's built-in form action, so that a refused form keeps
// what the person typed (React would reset it); without JavaScript the form still posts.
//
// After each submit, focus goes where the person continues (WCAG 2.4.3, 3.3.1, 4.1.3): to the
// first field in error, or to the form's message, or — when the action removed the item the form
// belonged to (a reviewed contribution in a list) — to the next item of that list. The outcome is
// also written into the page's live region, which outlives the form.
//
// Without JavaScript the form posts straight to its server action; the server answers with the
// page as it then stands (an action may redirect to say more, as the week grid's does).
import {
  createContext,
  startTransition,
  useActionState,
  useContext,
  useEffect,
  useRef,
  useState,
  type FormEvent,
  type ReactNode,
} from 'react';
import { useTranslations } from 'next-intl';
import type { ActionState } from '@/lib/actions/form-action';
import { Button } from '@/components/ui/primitives';
import { useAnnounce } from '@/components/ui/live-region';
import { focusAfterRemoval, focusElement, listItemOf } from '@/components/ui/focus';
import { controlNames, inFormOrder } from '@/components/ui/form-order';

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

const messageStyles = {
  error: 'border-red-700 bg-red-50 text-red-900',
  success: 'border-emerald-700 bg-emerald-50 text-emerald-900',
};

/** What the form says after a refusal: the message and a link to each field to correct. */
function ErrorSummary({
  state,
  form,
}: {
  state: Extract<ActionState, { ok: false }>;
  form: React.RefObject<HTMLFormElement | null>;
}) {
  const fields = Object.entries(state.fields ?? {});
  return (
    <div
      tabIndex={-1}
      data-form-message="error"
      className={`rounded-md border px-4 py-3 text-sm ${messageStyles.error}`}
    >
      <p className="font-medium">{state.message}</p>
      {fields.length > 1 ? (
        <ul className="mt-1 list-disc pl-5">
          {fields.map(([name, message]) => (
            <li key={name}>
              <a
                href={`#${name}`}
                className="underline"
                onClick={(event) => {
                  const control = form.current?.elements.namedItem(name);
                  if (control instanceof HTMLElement) {
                    event.preventDefault();
                    control.focus();
                  }
                }}
              >
                {message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function ActionForm({
  action,
  children,
  className = 'flex flex-col gap-4',
  success,
  resetOnSuccess = false,
  id,
  ...rest
}: {
  action: Action;
  children: ReactNode;
  className?: string;
  /** Lets inputs elsewhere on the page join this form (the HTML `form` attribute). */
  id?: string;
  /** What to show on success, given the action's state (its message or data). */
  success?: (state: Extract<ActionState, { ok: true }>) => ReactNode;
  resetOnSuccess?: boolean;
  'aria-label'?: string;
}) {
  const t = useTranslations('app.form');
  const announce = useAnnounce();
  const formRef = useRef<HTMLFormElement | null>(null);
  const submitterRef = useRef<HTMLElement | null>(null);
  // Where the form sat in a list when it was submitted, to continue with the next item if the
  // action removes this one (the form then unmounts: its effects never run, this closure does).
  const latest = useRef({ action, announce, t });
  useEffect(() => {
    latest.current = { action, announce, t };
  });
  const [state, dispatch, pending] = useActionState(async (previous: ActionState, formData: FormData) => {
    const item = formRef.current ? listItemOf(formRef.current) : null;
    let result = await latest.current.action(previous, formData);
    // The summary lists the errors as the fields stand on the screen, not as the server checked them.
    if (result && !result.ok && result.fields && formRef.current) {
      result = { ...result, fields: inFormOrder(result.fields, controlNames(formRef.current)) };
    }
    const { announce: say, t: translate } = latest.current;
    if (result?.ok) {
      say(result.message ?? translate('done'));
      if (item) focusAfterRemoval(item);
    } else if (result) {
      const count = Object.keys(result.fields ?? {}).length;
      say(count > 0 ? `${result.message} ${translate('fieldsToFix', { count })}` : result.message);
    }
    return result;
  }, null);
  // Each success gets a new key, which empties the form for the next entry; a refusal keeps the
  // same key, so what was typed stays there to be corrected.
  // (React's "information from previous renders" pattern: a state updated during render.)
  const [successes, setSuccesses] = useState({ count: 0, seen: state });
  if (successes.seen !== state) {
    setSuccesses({ count: successes.count + (state?.ok ? 1 : 0), seen: state });
  }

  useEffect(() => {
    const form = formRef.current;
    if (!state || !form) return;
    if (!state.ok) {
      // The field turns invalid and gets its error in this very commit. Focused at once, Chromium
      // sends the focus and then those changes on the focused field, and Orca read the error a
      // second time (docs/accessibility.md). One frame later the field is focused as it now
      // stands: read once, whole.
      let frame = requestAnimationFrame(() => {
        frame = requestAnimationFrame(() => {
          const firstInvalid = form.querySelector<HTMLElement>('[aria-invalid="true"]');
          focusElement(firstInvalid ?? form.querySelector<HTMLElement>('[data-form-message]'));
        });
      });
      return () => cancelAnimationFrame(frame);
    }
    const message = form.querySelector<HTMLElement>('[data-form-message]');
    if (message) focusElement(message);
    else if (submitterRef.current?.isConnected) focusElement(submitterRef.current);
  }, [state]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLElement | null;
    submitterRef.current = submitter;
    const formData = new FormData(event.currentTarget, submitter);
    startTransition(() => dispatch(formData));
  }

  return (
    <FormStateContext.Provider value={{ state, pending }}>
      <form
        id={id}
        ref={formRef}
        // The server action itself, so that without JavaScript the form posts to it (React writes
        // its id into the page) and the server answers with the page; with JavaScript, onSubmit
        // takes every submit and goes through the transition above.
        action={action as unknown as (formData: FormData) => Promise<void>}
        onSubmit={onSubmit}
        className={className}
        key={resetOnSuccess ? successes.count : undefined}
        aria-label={rest['aria-label']}
        noValidate
      >
        {state && !state.ok ? <ErrorSummary state={state} form={formRef} /> : null}
        {state && state.ok ? (
          success ? (
            <div tabIndex={-1} data-form-message="success">
              {success(state)}
            </div>
          ) : state.message ? (
            <div
              tabIndex={-1}
              data-form-message="success"
              className={`rounded-md border px-4 py-3 text-sm ${messageStyles.success}`}
            >
              {state.message}
            </div>
          ) : null
        ) : null}
        {children}
      </form>
    </FormStateContext.Provider>
  );
}

/**
 * Whether the enclosing ActionForm's action is running, and what each of its submit buttons
 * (SubmitButton, ConfirmSubmit and its dialog's button) carries meanwhile: aria-disabled and
 * aria-busy rather than disabled — a disabled button would drop the keyboard focus to the page's
 * body. The form ignores a second submit while the first runs.
 */
export function useSubmitPending(): {
  pending: boolean;
  attributes: { 'aria-disabled': true | undefined; 'aria-busy': true | undefined };
} {
  const { pending } = useContext(FormStateContext);
  return { pending, attributes: { 'aria-disabled': pending || undefined, 'aria-busy': pending || undefined } };
}

export function SubmitButton({
  children,
  variant = 'primary',
  name,
  value,
  'aria-label': ariaLabel,
}: {
  children: ReactNode;
  variant?: 'primary' | 'secondary' | 'danger';
  name?: string;
  value?: string;
  /** When the visible text repeats on the page: a name that says what this button acts on. */
  'aria-label'?: string;
}) {
  const { attributes } = useSubmitPending();
  return (
    <Button type="submit" variant={variant} {...attributes} aria-label={ariaLabel} name={name} value={value}>
      {children}
    </Button>
  );
}
