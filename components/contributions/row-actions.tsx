'use client';
// The buttons on one of my contributions: submit and delete (server actions), each its own form.
import { ActionForm, SubmitButton } from '@/components/ui/action-form';
import type { ActionState } from '@/lib/actions/form-action';

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

export function RowAction({
  action,
  id,
  version,
  label,
  variant = 'secondary',
  extra,
  subject,
}: {
  action: Action;
  id: string;
  version: number;
  label: string;
  variant?: 'primary' | 'secondary' | 'danger';
  extra?: Record<string, string>;
  /** Which contribution the button acts on, added to its accessible name ("Supprimer : 12/06/2027, 2 h, C1"). */
  subject?: string;
}) {
  return (
    <ActionForm action={action} className="flex flex-col gap-1">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      {Object.entries(extra ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton variant={variant} aria-label={subject ? `${label} : ${subject}` : undefined}>
        {label}
      </SubmitButton>
    </ActionForm>
  );
}
