// GET …/exports/funder-report.csv and …/funder-report.pdf as answers: the report is loaded first
// (a refusal or an unknown period is a JSON error), then streamed.
import type { Actor } from '@/lib/auth/permissions';
import { todayIn } from '@/lib/contributions/server/periods';
import { csvReadable } from './csv';
import { funderCsvRecords } from './funder-csv';
import { renderFunderPdf } from './funder-pdf';
import { asExportLocale, fileLabels } from './labels';
import { loadFunderReport } from './load-funder-report';
import { exportFilename, fileResponse } from './response';

export async function funderCsvResponse(options: { actor: Actor; periodId: string }): Promise<Response> {
  const { period, report } = await loadFunderReport(options);
  const locale = asExportLocale(options.actor.locale);
  return fileResponse(csvReadable(funderCsvRecords(report, period, locale)), {
    extension: 'csv',
    filename: exportFilename(fileLabels(locale).funder.filename, period, 'csv'),
  });
}

export async function funderPdfResponse(options: { actor: Actor; periodId: string }): Promise<Response> {
  const { period, report } = await loadFunderReport(options);
  const locale = asExportLocale(options.actor.locale);
  const pdf = renderFunderPdf({ report, period, locale, issuedOn: todayIn(period.timeZone) });
  return fileResponse(pdf, {
    extension: 'pdf',
    filename: exportFilename(fileLabels(locale).funder.filename, period, 'pdf'),
  });
}
