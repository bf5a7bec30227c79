'use client';
// Déclarer une dépense, made for a phone: the kind first (its fields follow), then date, chantier,
// amount or distance, description and the receipts from the camera or the files. Under the fields
// the form says what is still missing before any button is pressed (an expense needs a receipt, a
// trip needs the period's mileage rate and where from, where to).
//
// Saving goes in steps the person sees: the claim is saved (server action, a draft), each file is
// sent to the API with its progress bar, then the claim is submitted if asked. A step that fails
// leaves the claim saved as a draft and the form bound to it, so pressing again never makes a
// second claim.
import { useEffect, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { ActionForm, SubmitButton } from '@/components/ui/action-form';
import {
  ChantierField,
  DateField,
  DescriptionField,
  FieldsGrid,
  PlaceField,
  PlainField,
} from '@/components/claims/claim-fields';
import { useAnnounce } from '@/components/ui/live-region';
import { ReceiptPicker, type ChosenFile } from '@/components/claims/receipt-picker';
import { KindPicker } from '@/components/claims/kind-picker';
import { MissingList } from '@/components/claims/missing-list';
import { UPLOAD_ERROR_CODES, uploadFile, type UploadErrorCode } from '@/components/claims/upload';
import type { ActionState } from '@/lib/actions/form-action';
import { declareClaimAction, editClaimAction, submitClaimAction } from '@/lib/claims/actions';
import {
  missingForClaim,
  mileageCents,
  parseDistanceKm,
  periodOf,
  splitTripDescription,
  tripDescription,
  type ClaimKind,
  type Missing,
  type OpenPeriod,
} from '@/lib/claim-form/missing';
import { MISSING_FIELD } from '@/lib/claim-form/fields';
import { centsToInput, formatCents, parseEurosToCents } from '@/lib/format/money';
import { asLocale } from '@/lib/i18n/locales';

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;
type Option = { id: string; name: string; code?: string | null };

export type ClaimFormValues = {
  id?: string;
  version?: number;
  kind?: ClaimKind;
  date: string;
  chantierId?: string;
  placeId?: string | null;
  amountCents?: number | null;
  distanceKm?: number | null;
  description?: string;
  storedFiles?: number;
};

export function ClaimForm({
  chantiers,
  places,
  periods,
  initial,
  editing = false,
  submittable = true,
}: {
  chantiers: Option[];
  places: Option[];
  /** The open periods: which dates are allowed and which pay mileage. */
  periods: OpenPeriod[];
  initial: ClaimFormValues;
  editing?: boolean;
  /** Whether the claim can still be submitted (not when it already is). */
  submittable?: boolean;
}) {
  const t = useTranslations('claimsUi');
  const locale = asLocale(useLocale());
  const router = useRouter();
  const announce = useAnnounce();
  const trip = splitTripDescription(initial.kind === 'MILEAGE' ? (initial.description ?? '') : '');
  const [kind, setKind] = useState<ClaimKind | ''>(initial.kind ?? '');
  const [date, setDate] = useState(initial.date);
  const [chantierId, setChantierId] = useState(initial.chantierId ?? '');
  const [amount, setAmount] = useState(initial.amountCents ? centsToInput(initial.amountCents, locale) : '');
  const [distance, setDistance] = useState(initial.distanceKm ? String(initial.distanceKm) : '');
  const [from, setFrom] = useState(trip.from);
  const [to, setTo] = useState(trip.to);
  const [purpose, setPurpose] = useState(trip.purpose);
  const [description, setDescription] = useState(initial.kind === 'MILEAGE' ? '' : (initial.description ?? ''));
  const [files, setFiles] = useState<ChosenFile[]>([]);
  // The claim once saved: a later press updates it rather than making another.
  const saved = useRef<{ id: string; version: number } | null>(
    initial.id && initial.version ? { id: initial.id, version: initial.version } : null,
  );
  const [storedFiles, setStoredFiles] = useState(initial.storedFiles ?? 0);
  const filesRef = useRef(files);

  const draft = {
    kind,
    date,
    chantierId,
    amount,
    distance,
    from,
    to,
    description,
    files: files.filter((entry) => !entry.uploaded).map((entry) => entry.file),
    storedFiles,
  };
  const period = date ? periodOf(date, periods) : undefined;
  const missingToSubmit = missingForClaim(draft, { periods }, 'submit');
  // What the action reads when the person presses a button (it runs after this render's effects).
  const latest = useRef({ draft, missingToSubmit, purpose });
  useEffect(() => {
    latest.current = { draft, missingToSubmit, purpose };
    filesRef.current = files;
  });

  const setProgress = (key: string, progress: number, uploaded = false) =>
    setFiles((current) => current.map((entry) => (entry.key === key ? { ...entry, progress, uploaded } : entry)));

  function refusal(missing: Missing[]): ActionState {
    const fields: Record<string, string> = {};
    for (const code of missing) fields[MISSING_FIELD[code]] ??= t(`missing.${code}`);
    return { ok: false, code: 'VALIDATION', message: t('form.refused'), fields };
  }

  async function uploadAll(claimId: string): Promise<string | null> {
    for (const entry of filesRef.current.filter((file) => !file.uploaded)) {
      setProgress(entry.key, 0);
      announce(t('form.uploading', { name: entry.file.name }));
      const result = await uploadFile(`/api/v1/claims/${claimId}/receipts`, entry.file, (fraction) =>
        setProgress(entry.key, fraction),
      );
      if (!result.ok) {
        setFiles((current) =>
          current.map((file) => (file.key === entry.key ? { ...file, progress: null, uploaded: false } : file)),
        );
        const known = UPLOAD_ERROR_CODES as readonly string[];
        const reason = known.includes(result.code)
          ? t(`upload.${result.code as UploadErrorCode}`)
          : t('upload.other', { code: result.code });
        return `${entry.file.name} : ${reason}`;
      }
      setProgress(entry.key, 1, true);
      setStoredFiles((count) => count + 1);
    }
    return null;
  }

  const act: Action = async (_previous, formData) => {
    const intent = formData.get('intent') === 'submit' ? 'submit' : 'draft';
    const { draft: now, missingToSubmit: missingNow, purpose: purposeNow } = latest.current;
    const missing = intent === 'submit' ? missingNow : missingForClaim(now, { periods }, 'draft');
    if (missing.length > 0) return refusal(missing);
    if (now.kind === 'MILEAGE') formData.set('description', tripDescription(now.from, now.to, purposeNow));
    // Saved as a draft first: an expense cannot be submitted before its receipt is stored.
    formData.set('intent', 'draft');
    if (saved.current) {
      formData.set('id', saved.current.id);
      formData.set('version', String(saved.current.version));
    }
    const result = await (saved.current ? editClaimAction : declareClaimAction)(null, formData);
    if (!result?.ok) return result;
    const data = result.data as { id: string; version: number };
    saved.current = { id: data.id, version: data.version };
    const uploadError = await uploadAll(data.id);
    if (uploadError) {
      router.refresh();
      return { ok: false, code: 'VALIDATION', message: t('form.savedButUpload', { reason: uploadError }) };
    }
    if (intent === 'submit') {
      const submitted = new FormData();
      submitted.set('id', data.id);
      submitted.set('version', String(saved.current.version));
      const outcome = await submitClaimAction(null, submitted);
      if (!outcome?.ok) return outcome;
    }
    router.push(`/claims/${data.id}?done=${intent === 'submit' ? 'submitted' : 'draft'}`);
    return { ok: true, message: t(intent === 'submit' ? 'detail.savedSubmitted' : 'detail.savedDraft') };
  };

  const amountParsed = amount.trim() ? parseEurosToCents(amount) : null;
  const km = parseDistanceKm(distance);
  const amountLabel =
    kind === 'IN_KIND' ? t('form.amountInKind') : kind === 'FIXED_FEE' ? t('form.amountFee') : t('form.amount');

  return (
    <ActionForm action={act}>
      <KindPicker value={kind} onChange={setKind} locked={editing} />
      <FieldsGrid>
        <DateField value={date} onChange={setDate} hint={t('form.dateHint')} />
        <ChantierField value={chantierId} onChange={setChantierId} chantiers={chantiers} />
      </FieldsGrid>
      <PlaceField places={places} defaultValue={initial.placeId} />
      {kind === 'MILEAGE' ? (
        <>
          <FieldsGrid>
            <PlainField name="from" label={t('form.from')} value={from} onChange={setFrom} autoComplete="off" />
            <PlainField name="to" label={t('form.to')} value={to} onChange={setTo} autoComplete="off" />
          </FieldsGrid>
          <PlainField
            name="distanceKm"
            label={t('form.distance')}
            hint={t('form.distanceHint')}
            value={distance}
            onChange={setDistance}
            inputMode="numeric"
            autoComplete="off"
            after={
              <p className="min-h-5 text-sm text-brand-800" aria-live="polite" data-testid="mileage-computed">
                {period && !period.mileageRateCents
                  ? t('form.mileageNoRate', { period: period.name })
                  : period?.mileageRateCents && km
                    ? t('form.mileageComputed', {
                        km,
                        rate: formatCents(period.mileageRateCents, locale),
                        amount: formatCents(mileageCents(km, period.mileageRateCents), locale),
                      })
                    : ''}
              </p>
            }
          />
          <PlainField
            name="purpose"
            label={t('form.purpose')}
            hint={t('form.purposeHint')}
            value={purpose}
            onChange={setPurpose}
          />
        </>
      ) : kind ? (
        <>
          <PlainField
            name="amount"
            label={amountLabel}
            hint={t('form.amountHint')}
            value={amount}
            onChange={setAmount}
            inputMode="decimal"
            autoComplete="off"
            after={
              <p className="min-h-5 text-sm text-brand-800" aria-live="polite" data-testid="amount-understood">
                {amountParsed?.ok
                  ? t('form.understoodAmount', { amount: formatCents(amountParsed.cents, locale) })
                  : ''}
              </p>
            }
          />
          <DescriptionField value={description} onChange={setDescription} />
        </>
      ) : null}
      {kind === 'EXPENSE' || (kind && files.length > 0) ? (
        <ReceiptPicker files={files} onChange={setFiles} storedCount={storedFiles} />
      ) : kind ? (
        <details className="rounded-md border border-slate-200 p-3">
          <summary className="min-h-11 cursor-pointer py-2 text-sm font-medium">{t('form.receipts')}</summary>
          <ReceiptPicker files={files} onChange={setFiles} storedCount={storedFiles} />
        </details>
      ) : null}
      <MissingList
        missing={submittable ? missingToSubmit : missingForClaim(draft, { periods }, 'draft')}
        intent={submittable ? 'submit' : 'draft'}
      />
      <div className="flex flex-wrap gap-2">
        <SubmitButton variant="secondary" name="intent" value="draft">
          {editing ? t('form.saveChanges') : t('form.saveDraft')}
        </SubmitButton>
        {submittable ? (
          <SubmitButton name="intent" value="submit">
            {t('form.submit')}
          </SubmitButton>
        ) : null}
      </div>
    </ActionForm>
  );
}
