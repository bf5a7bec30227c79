'use client';
// The four kinds of claim as large radio cards (a thumb's target on a phone), each with a line
// saying what it is for; the rest of the form follows the choice.
import { useTranslations } from 'next-intl';
import { useFieldError } from '@/components/ui/action-form';
import { CLAIM_KINDS, type ClaimKind } from '@/lib/claim-form/missing';

export function KindPicker({
  value,
  onChange,
  locked = false,
}: {
  value: ClaimKind | '';
  onChange: (kind: ClaimKind) => void;
  /** Editing: a claim's kind never changes, so it is stated, not offered. */
  locked?: boolean;
}) {
  const t = useTranslations('claimsUi');
  const error = useFieldError('kind');
  if (locked && value)
    return (
      <p className="text-sm text-slate-800">
        <input type="hidden" name="kind" value={value} />
        <span className="font-medium">{t('form.kind')} : </span>
        {t(`kind.${value}`)}
      </p>
    );
  return (
    <fieldset
      className="flex min-w-0 flex-col gap-2"
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? 'kind-error' : undefined}
    >
      <legend className="mb-1 text-sm font-medium text-slate-800">{t('form.kind')}</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {CLAIM_KINDS.map((kind, index) => (
          <div
            key={kind}
            className="flex min-h-11 items-start gap-3 rounded-md border border-slate-300 bg-white p-3 has-[:checked]:border-2 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
          >
            <input
              type="radio"
              name="kind"
              value={kind}
              id={index === 0 ? 'kind' : `kind-${kind}`}
              checked={value === kind}
              onChange={() => onChange(kind)}
              aria-describedby={`kind-${kind}-hint`}
              className="mt-0.5 h-5 w-5 shrink-0 accent-brand-700"
            />
            <div className="flex flex-col">
              <label
                htmlFor={index === 0 ? 'kind' : `kind-${kind}`}
                className="cursor-pointer text-sm font-medium text-slate-900"
              >
                {t(`kind.${kind}`)}
              </label>
              <span id={`kind-${kind}-hint`} className="text-sm text-slate-700">
                {t(`kindHint.${kind}`)}
              </span>
            </div>
          </div>
        ))}
      </div>
      {error ? (
        <p id="kind-error" className="text-sm font-medium text-red-700" data-field-error="kind">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
