'use client';
// The import screen's form: a file (read in the browser into the editable text below, so a
// refused row can be corrected on the spot), the "as approved" option, and the two buttons —
// check (a dry run) and import. The refused rows appear under it, line by line.
import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslations } from 'next-intl';
import { ActionForm, SubmitButton, useActionFormState, useFieldError } from '@/components/ui/action-form';
import { CheckboxField } from '@/components/ui/fields';
import { Field, TextArea } from '@/components/ui/field';
import { ScrollArea } from '@/components/ui/scroll-area';
import type { ImportReportView } from './actions';
import { importAction } from './actions';

const MAX_FILE_BYTES = 5 * 1024 * 1024;

export function ImportForm() {
  return (
    <ActionForm action={importAction}>
      <ImportFields />
      <ImportReport />
    </ActionForm>
  );
}

function ImportFields() {
  const t = useTranslations('import');
  const state = useActionFormState();
  const csvError = useFieldError('csv');
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState('');
  const [fileNotice, setFileNotice] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const [fileInputKey, setFileInputKey] = useState(0);
  const reading = useRef(0);

  // Once imported, the form empties: pressing "Importer" again must not import the rows twice.
  const [seenState, setSeenState] = useState(state);
  if (seenState !== state) {
    setSeenState(state);
    if (state?.ok && state.data?.imported) {
      setCsv('');
      setFileName('');
      setFileNotice(null);
      setFileInputKey((key) => key + 1);
    }
  }

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setFileError(undefined);
    if (file.size > MAX_FILE_BYTES) {
      setFileError(t('fileTooLarge'));
      return;
    }
    const attempt = ++reading.current;
    const text = await file.text();
    if (attempt !== reading.current) return; // another file was chosen meanwhile
    setCsv(text);
    setFileName(file.name);
    setFileNotice(
      t('fileLoaded', { name: file.name, lines: text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '').length }),
    );
  }

  return (
    <>
      <Field label={t('file')} name="csvFile" hint={fileNotice ?? t('fileHint')} error={fileError}>
        <span className="relative">
          <input
            key={fileInputKey}
            id="csvFile"
            type="file"
            accept=".csv,text/csv,text/plain"
            onChange={onFile}
            aria-describedby={fileError ? 'csvFile-hint csvFile-error' : 'csvFile-hint'}
            aria-invalid={fileError ? true : undefined}
            className="peer sr-only"
          />
          {/* The browser's own button speaks the browser's language; this one the page's. */}
          <label
            htmlFor="csvFile"
            className="inline-flex min-h-11 cursor-pointer items-center justify-center rounded-md border border-slate-500 bg-white px-4 py-2 text-sm font-medium text-slate-800 peer-focus-visible:outline peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-700"
          >
            {t('chooseFile')}
          </label>
        </span>
      </Field>
      <input type="hidden" name="fileName" value={fileName} />
      <Field label={t('csv')} name="csv" error={csvError} hint={t('csvHint')}>
        <TextArea
          value={csv}
          onChange={(event) => {
            setCsv(event.target.value);
            // Edited by hand, the text is no longer the file's: stop naming it (here and in the history).
            if (fileName) {
              setFileName('');
              setFileNotice(null);
              setFileInputKey((key) => key + 1);
            }
          }}
          rows={10}
          spellCheck={false}
          wrap="off"
          className="font-mono text-sm"
        />
      </Field>
      <CheckboxField label={t('approve')} name="approve" />
      <div className="flex flex-wrap gap-2">
        <SubmitButton variant="secondary" name="mode" value="dry-run">
          {t('dryRun')}
        </SubmitButton>
        <SubmitButton name="mode" value="import">
          {t('submit')}
        </SubmitButton>
      </div>
    </>
  );
}

function isReport(value: unknown): value is ImportReportView {
  return typeof value === 'object' && value !== null && Array.isArray((value as ImportReportView).refused);
}

/** Rows the import would take, identical to what is stored or to another row: said before importing. */
function DuplicateWarning({ duplicates }: { duplicates: ImportReportView['duplicates'] }) {
  const t = useTranslations('everyday.importDuplicates');
  if (duplicates.length === 0) return null;
  return (
    <div
      className="rounded-md border border-amber-700 bg-amber-50 px-4 py-3 text-sm text-amber-950"
      data-testid="import-duplicates"
    >
      <p className="font-medium">{t('title', { count: duplicates.length })}</p>
      <p>{t('intro')}</p>
      <ul className="mt-1 list-disc pl-5">
        {duplicates.map((duplicate) => (
          <li key={duplicate.line}>
            {duplicate.firstLine === null
              ? t('stored', { line: duplicate.line })
              : t('inFile', { line: duplicate.line, firstLine: duplicate.firstLine })}
          </li>
        ))}
      </ul>
    </div>
  );
}

function ImportReport() {
  const t = useTranslations('import');
  const state = useActionFormState();
  const holder = state?.ok ? state.data : state && !state.ok ? state.details : undefined;
  const report = holder && typeof holder === 'object' ? (holder as { report?: unknown }).report : undefined;
  if (!isReport(report)) return null;
  return (
    <div className="flex flex-col gap-3">
      <DuplicateWarning duplicates={report.duplicates ?? []} />
      {report.ignoredColumns.length ? (
        <p className="text-sm text-slate-700">{t('ignoredColumns', { columns: report.ignoredColumns.join(', ') })}</p>
      ) : null}
      {report.refused.length ? (
        <ScrollArea label={t('refusedTitle')}>
          <table className="w-full border-collapse text-left text-sm" data-testid="import-refused">
            <caption className="mb-2 text-left text-base font-semibold text-slate-900">{t('refusedTitle')}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t('line')}
                </th>
                <th scope="col" className="py-2 font-medium">
                  {t('reasons')}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.refused.map((row, index) => (
                <tr
                  key={`${row.line}-${index}`}
                  className="border-b border-slate-200 align-top"
                  data-testid="import-refused-row"
                >
                  <td className="py-2 pr-4 tabular-nums">{row.line ?? t('wholeFile')}</td>
                  <td className="py-2">
                    <ul className="flex flex-col gap-1">
                      {row.reasons.map((reason, reasonIndex) => (
                        <li key={reasonIndex}>{reason}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      ) : null}
      {report.refusedCount > report.refused.length ? (
        <p className="text-sm text-slate-700">
          {t('truncated', { shown: report.refused.length, count: report.refusedCount })}
        </p>
      ) : null}
    </div>
  );
}
