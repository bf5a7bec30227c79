'use server';
import { revalidatePath } from 'next/cache';
import { formAction } from '@/lib/actions/form-action';
import { formatDuration } from '@/lib/contributions/duration';
import { type Locale } from '@/lib/i18n/locale';
import { translatorFor, translateKey } from '@/lib/i18n/translator';
import { describeReason } from '@/lib/import/describe';
import { importContributions, type ImportCheck } from '@/lib/import/import-contributions';
import { ZImportForm } from '@/lib/import/schemas';

// Enough to fix a file by; a file refused throughout says so after the first thousand.
const SHOWN_REFUSALS = 1_000;

export type ImportReportView = {
  refused: { line: number | null; reasons: string[] }[];
  refusedCount: number;
  duplicates: { line: number; firstLine: number | null }[];
  ignoredColumns: string[];
};

function reportView(check: ImportCheck, locale: Locale): ImportReportView {
  return {
    refused: check.refused
      .slice(0, SHOWN_REFUSALS)
      .map((row) => ({ line: row.line, reasons: row.reasons.map((reason) => describeReason(reason, locale)) })),
    refusedCount: check.refused.length,
    duplicates: check.duplicates.slice(0, SHOWN_REFUSALS),
    ignoredColumns: check.ignoredColumns,
  };
}

export const importAction = formAction({
  name: 'importContributions',
  schema: ZImportForm,
  permission: 'contributions.import',
  handler: async ({ actor, input, locale }) => {
    const outcome = await importContributions({
      actor,
      csv: input.csv,
      mode: input.mode,
      approve: input.approve,
      fileName: input.fileName,
      locale,
    });
    if (outcome.imported) {
      revalidatePath('/review');
      const key = outcome.status === 'APPROVED' ? 'import.importedApproved' : 'import.importedSubmitted';
      return {
        ok: true,
        message: translateKey(locale, key, {
          count: outcome.created,
          hours: formatDuration(outcome.totalMinutes, locale),
        }),
        data: { imported: true },
      };
    }
    const report = reportView(outcome, locale);
    if (outcome.ok) {
      return {
        ok: true,
        message: translatorFor(locale)('import.dryRunOk', {
          rows: outcome.rows,
          hours: formatDuration(outcome.totalMinutes, locale),
        }),
        data: { report },
      };
    }
    const values = { refused: outcome.refused.length, rows: outcome.rows };
    return {
      ok: false,
      code: 'VALIDATION',
      message: translatorFor(locale)(
        outcome.mode === 'dry-run' ? 'import.dryRunRefused' : 'import.importRefused',
        values,
      ),
      details: { report },
    };
  },
});
