'use client';
// Choosing a claim's receipts on a phone: one button opens the camera, the other the files (a
// PDF); each chosen file shows its name, size and, for a photo, a thumbnail, and while it is sent
// a progress bar. The inputs have no name: files go to the API one by one (with progress), never
// inside the form's server action.
import { useEffect, useId, useMemo, type ChangeEvent } from 'react';
import { useTranslations } from 'next-intl';
import { useFieldError } from '@/components/ui/action-form';
import { formatBytes } from '@/lib/claim-form/format-bytes';

export const RECEIPT_ACCEPT = 'image/*,application/pdf';

export type ChosenFile = { key: string; file: File; progress: number | null; uploaded: boolean };

let counter = 0;
export function chosen(files: FileList | File[]): ChosenFile[] {
  return [...files].map((file) => ({ key: `f${++counter}`, file, progress: null, uploaded: false }));
}

function Thumbnail({ file }: { file: File }) {
  const url = useMemo(() => (file.type.startsWith('image/') ? URL.createObjectURL(file) : null), [file]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  if (!url)
    return (
      <span className="flex h-12 w-12 shrink-0 items-center justify-center rounded border border-slate-300 text-xs font-medium text-slate-700">
        {file.name.toLowerCase().endsWith('.pdf') ? 'PDF' : '…'}
      </span>
    );
  // eslint-disable-next-line @next/next/no-img-element -- a local blob: preview, nothing to optimise
  return <img src={url} alt="" className="h-12 w-12 shrink-0 rounded border border-slate-300 object-cover" />;
}

const pickerClass =
  'inline-flex min-h-11 cursor-pointer items-center justify-center rounded-md border px-4 py-2 text-sm font-medium peer-focus-visible:outline peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-700';

export function ReceiptPicker({
  files,
  onChange,
  storedCount,
}: {
  files: ChosenFile[];
  onChange: (files: ChosenFile[]) => void;
  storedCount: number;
}) {
  const t = useTranslations('claimsUi.form');
  const id = useId();
  const error = useFieldError('receipts');
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hintId, error ? errorId : null].filter(Boolean).join(' ');
  const add = (event: ChangeEvent<HTMLInputElement>) => {
    if (event.target.files?.length) onChange([...files, ...chosen(event.target.files)]);
    event.target.value = '';
  };
  return (
    <fieldset className="flex min-w-0 flex-col gap-2" aria-describedby={describedBy} data-testid="receipt-picker">
      <legend className="text-sm font-medium text-slate-800">{t('receipts')}</legend>
      <div className="flex flex-wrap gap-2">
        <span className="relative">
          <input
            id={`${id}-camera`}
            type="file"
            accept={RECEIPT_ACCEPT}
            capture="environment"
            multiple
            onChange={add}
            className="peer sr-only"
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            data-testid="receipt-camera"
          />
          <label htmlFor={`${id}-camera`} className={`${pickerClass} border-transparent bg-brand-700 text-white`}>
            {t('takePhoto')}
          </label>
        </span>
        <span className="relative">
          <input
            id={`${id}-file`}
            type="file"
            accept={RECEIPT_ACCEPT}
            multiple
            onChange={add}
            className="peer sr-only"
            aria-describedby={describedBy}
            data-testid="receipt-file"
          />
          <label htmlFor={`${id}-file`} className={`${pickerClass} border-slate-500 bg-white text-slate-800`}>
            {t('chooseFile')}
          </label>
        </span>
      </div>
      <p id={hintId} className="text-sm text-slate-700">
        {t('receiptsHint')}
        {storedCount > 0 ? ` · ${t('stored', { count: storedCount })}` : ''}
      </p>
      {error ? (
        <p id={errorId} className="text-sm font-medium text-red-700" data-field-error="receipts">
          {error}
        </p>
      ) : null}
      {files.length > 0 ? (
        <ul className="flex flex-col gap-2" aria-label={t('chosen', { count: files.length })}>
          {files.map((entry) => (
            <li
              key={entry.key}
              className="flex min-w-0 items-center gap-3 rounded-md border border-slate-200 p-2"
              data-testid="chosen-file"
            >
              <Thumbnail file={entry.file} />
              <div className="flex min-w-0 flex-1 flex-col gap-1">
                <p className="truncate text-sm font-medium" title={entry.file.name}>
                  {entry.file.name}
                </p>
                <p className="text-xs text-slate-700">{formatBytes(entry.file.size)}</p>
                {entry.progress !== null ? (
                  <div className="flex items-center gap-2">
                    <progress
                      className="h-2 w-full accent-brand-700"
                      max={100}
                      value={Math.round(entry.progress * 100)}
                      aria-label={
                        entry.uploaded
                          ? t('uploaded', { name: entry.file.name })
                          : t('uploading', { name: entry.file.name })
                      }
                      data-testid="upload-progress"
                    />
                    <span className="w-12 shrink-0 text-right text-xs tabular-nums text-slate-700">
                      {t('progress', { percent: Math.round(entry.progress * 100) })}
                    </span>
                  </div>
                ) : null}
              </div>
              {entry.progress === null ? (
                <button
                  type="button"
                  onClick={() => onChange(files.filter((other) => other.key !== entry.key))}
                  className="min-h-11 shrink-0 rounded-md px-3 text-sm font-medium text-red-700 underline"
                  aria-label={t('removeNamed', { name: entry.file.name })}
                >
                  {t('remove')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
