// GET …/exports/payouts.csv, …/payees.csv and …/payouts.xlsx as answers: the report is loaded first (so a
// refusal or an unknown period is a JSON error, not a broken download), then streamed.
import { PassThrough } from 'node:stream';
import type { Actor } from '@/lib/auth/permissions';
import { csvReadable } from './csv';
import { asExportLocale, fileLabels } from './labels';
import { loadPayoutReport } from './load-payout-report';
import { payeesCsvRecords, payoutCsvRecords } from './payout-csv';
import { writePayoutWorkbook } from './payout-xlsx';
import { exportFilename, fileResponse, streamInBackground } from './response';

export async function payoutsCsvResponse(options: { actor: Actor; periodId: string }): Promise<Response> {
  const { period, report } = await loadPayoutReport(options);
  const locale = asExportLocale(options.actor.locale);
  return fileResponse(csvReadable(payoutCsvRecords(report, locale)), {
    extension: 'csv',
    filename: exportFilename(fileLabels(locale).payouts.filename, period, 'csv'),
  });
}

export async function payeesCsvResponse(options: { actor: Actor; periodId: string }): Promise<Response> {
  const { period, report } = await loadPayoutReport(options);
  const locale = asExportLocale(options.actor.locale);
  return fileResponse(csvReadable(payeesCsvRecords(report, locale)), {
    extension: 'csv',
    filename: exportFilename(fileLabels(locale).payouts.payeesFilename, period, 'csv'),
  });
}

export async function payoutsXlsxResponse(options: { actor: Actor; periodId: string }): Promise<Response> {
  const { period, report } = await loadPayoutReport(options);
  const locale = asExportLocale(options.actor.locale);
  const output = new PassThrough();
  streamInBackground(output, () => writePayoutWorkbook(report, locale, output), `payouts.xlsx of period ${period.id}`);
  return fileResponse(output, {
    extension: 'xlsx',
    filename: exportFilename(fileLabels(locale).payouts.filename, period, 'xlsx'),
  });
}
