'use client';
// A submit button that asks first. A click opens a native modal <dialog> saying what will happen;
// its confirm button is a submit button of the same form (so the form posts as it would have), and
// Cancel or Escape closes it and gives the focus back to the button that opened it. The dialog
// opens with the focus on Cancel (its first button, which showModal() focuses): Enter on a
// destructive question does nothing harmful. Without
// JavaScript the button submits the form straight away (the server checks everything anyway).
// Inside an ActionForm, while the action runs, both buttons are busy as SubmitButton is
// (useSubmitPending): the focus stays on them, and the dialog does not open again.
import { useId, useRef, type MouseEvent, type ReactNode } from 'react';
import { useSubmitPending } from '@/components/ui/action-form';
import { Button } from '@/components/ui/primitives';

export type ConfirmTexts = {
  /** The question, as the dialog's title: "Clôturer la période « Été 2027 » ?" */
  title: string;
  /** What will happen, in a sentence or two (and any warning). */
  body: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
};

export function ConfirmSubmit({
  children,
  confirm,
  variant = 'danger',
  name,
  value,
  disabled,
  testId,
  'aria-label': ariaLabel,
}: {
  children: ReactNode;
  confirm: ConfirmTexts;
  variant?: 'primary' | 'secondary' | 'danger';
  name?: string;
  value?: string;
  disabled?: boolean;
  testId?: string;
  /** When the visible text repeats on the page: a name that says what this button acts on. */
  'aria-label'?: string;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  const { pending, attributes } = useSubmitPending();

  function open(event: MouseEvent<HTMLButtonElement>) {
    if (pending) {
      event.preventDefault(); // the action asked for is still running
      return;
    }
    const dialog = dialogRef.current;
    if (!dialog || typeof dialog.showModal !== 'function') return; // no dialog support: submit at once
    event.preventDefault();
    dialog.returnValue = '';
    dialog.showModal();
  }

  return (
    <>
      <Button
        ref={openerRef}
        type="submit"
        variant={variant}
        name={name}
        value={value}
        disabled={disabled}
        {...attributes}
        aria-haspopup="dialog"
        aria-label={ariaLabel}
        onClick={open}
        data-testid={testId}
      >
        {children}
      </Button>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        onClose={() => {
          // Back to the button that opened it, cancelled or confirmed: while a confirmed action runs
          // the button is busy there, and the form then moves the focus on (action-form.tsx).
          openerRef.current?.focus();
        }}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
        data-testid={testId ? `${testId}-dialog` : 'confirm-dialog'}
      >
        <div className="flex flex-col gap-4 p-5">
          <h2 id={titleId} className="text-lg font-semibold">
            {confirm.title}
          </h2>
          <div id={bodyId} className="flex flex-col gap-2 text-sm text-slate-700">
            {confirm.body}
          </div>
          <div className="flex flex-wrap justify-end gap-2">
            <Button
              type="button"
              variant="secondary"
              onClick={() => {
                dialogRef.current?.close('cancel');
              }}
            >
              {confirm.cancelLabel}
            </Button>
            <Button
              type="submit"
              variant={variant === 'secondary' ? 'primary' : variant}
              name={name}
              value={value}
              {...attributes}
              onClick={() => {
                // The click submits the form (this button belongs to it); the dialog then closes.
                setTimeout(() => dialogRef.current?.close('confirm'), 0);
              }}
            >
              {confirm.confirmLabel}
            </Button>
          </div>
        </div>
      </dialog>
    </>
  );
}
