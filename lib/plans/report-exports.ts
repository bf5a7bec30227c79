// GET …/exports/compte-rendu.csv, .xlsx and .pdf as answers: the report is loaded first (a
// refusal or an unknown period is a JSON error), then streamed.
import 'server-only';
import { PassThrough } from 'node:stream';
import type { Actor } from '@/lib/auth/permissions';
import { todayIn } from '@/lib/contributions/server/periods';
import { csvReadable } from '@/lib/exports/csv';
import { asExportLocale } from '@/lib/exports/labels';
import { exportFilename, fileResponse, streamInBackground } from '@/lib/exports/response';
import { loadCompteRendu } from '@/lib/plans/server/report';
import { reportCsvRecords } from '@/lib/plans/report-csv';
import { reportLabels } from '@/lib/plans/report-labels';
import { renderReportPdf } from '@/lib/plans/report-pdf';
import { writeReportWorkbook } from '@/lib/plans/report-xlsx';

type Format = 'csv' | 'xlsx' | 'pdf';

export async function compteRenduResponse(options: { actor: Actor; periodId: string; format: Format }) {
  const { period, report } = await loadCompteRendu(options);
  const locale = asExportLocale(options.actor.locale);
  const filename = exportFilename(reportLabels(locale).filename, period, options.format);
  if (options.format === 'csv')
    return fileResponse(csvReadable(reportCsvRecords(report, period, locale)), { extension: 'csv', filename });
  if (options.format === 'pdf')
    return fileResponse(renderReportPdf({ report, period, locale, issuedOn: todayIn(period.timeZone) }), {
      extension: 'pdf',
      filename,
    });
  const output = new PassThrough();
  streamInBackground(
    output,
    () => writeReportWorkbook(report, period, locale, output),
    `compte-rendu.xlsx of period ${period.id}`,
  );
  return fileResponse(output, { extension: 'xlsx', filename });
}
