// The export endpoints' entries in the OpenAPI document: files, not JSON, so each names its
// content type; errors are JSON as everywhere else.
import { defineOperation, type Operation } from '@/lib/api/openapi-types';
import { ZIdParams } from '@/lib/api/schemas';
import { ZContributionsCsvQuery } from './contributions-csv';
import { CONTENT_TYPES } from './response';

const PREVIEW_OR_FROZEN =
  'the live preview while the period is open, the current frozen run once closed; the cents are exactly those of GET /periods/{id}/payouts';

export const EXPORT_API = {
  exportPayoutsCsv: defineOperation({
    operationId: 'exportPayoutsCsv',
    method: 'get',
    path: '/periods/{id}/exports/payouts.csv',
    summary: `The payout report as CSV (";", UTF-8 with BOM, CRLF; euros with a decimal comma and integer cents): one row per person and chantier (its last columns split the amount into hours, expenses and mileage, fixed fees, and give the in-kind value; the summary per payee is payees.csv: one table per file) — ${PREVIEW_OR_FROZEN}`,
    who: 'treasurer',
    params: ZIdParams,
    responses: { 200: { contentType: CONTENT_TYPES.csv } },
  }),
  exportPayeesCsv: defineOperation({
    operationId: 'exportPayeesCsv',
    method: 'get',
    path: '/periods/{id}/exports/payees.csv',
    summary: `The payout report's summary per payee as CSV (";", UTF-8 with BOM, CRLF): one row per payee (the people it receives for, how many, the amount in euros and in integer cents), then a total row — ${PREVIEW_OR_FROZEN}`,
    who: 'treasurer',
    params: ZIdParams,
    responses: { 200: { contentType: CONTENT_TYPES.csv } },
  }),
  exportPayoutsXlsx: defineOperation({
    operationId: 'exportPayoutsXlsx',
    method: 'get',
    path: '/periods/{id}/exports/payouts.xlsx',
    summary: `The payout report as a workbook: a detail sheet per person and chantier and a summary sheet per payee, with number cells (euros, hours) and integer cents and minutes — ${PREVIEW_OR_FROZEN}`,
    who: 'treasurer',
    params: ZIdParams,
    responses: { 200: { contentType: CONTENT_TYPES.xlsx } },
  }),
  exportContributionsCsv: defineOperation({
    operationId: 'exportContributionsCsv',
    method: 'get',
    path: '/periods/{id}/exports/contributions.csv',
    summary:
      'The contributions behind the payout report as CSV (";", UTF-8 with BOM, CRLF), one row per contribution in (date, id) order: date (dd/mm/yyyy), person, email, chantier code and name, place, minutes, decimal hours, volunteer, status, description, link, reviewer, reviewed at (the collective\'s time zone), id. Drafts and deleted contributions are left out; `status` keeps one status only. Streamed in batches; on an open period a contribution edited during the download may be out of step',
    who: 'treasurer',
    params: ZIdParams,
    query: ZContributionsCsvQuery,
    responses: { 200: { contentType: CONTENT_TYPES.csv } },
  }),
  exportFunderReportCsv: defineOperation({
    operationId: 'exportFunderReportCsv',
    method: 'get',
    path: '/periods/{id}/exports/funder-report.csv',
    summary: `The funder report as CSV: hours and money per chantier (envelope, demand, paid), per place and per chantier and place, volunteer hours and their value, and in the last columns the approved claims: expenses and mileage, fixed fees (both inside what was paid), in-kind value — ${PREVIEW_OR_FROZEN}; per place, each line's hours money is shared by minutes (largest remainder) and each claim counts at its own place`,
    who: 'treasurer',
    params: ZIdParams,
    responses: { 200: { contentType: CONTENT_TYPES.csv } },
  }),
  exportFunderReportPdf: defineOperation({
    operationId: 'exportFunderReportPdf',
    method: 'get',
    path: '/periods/{id}/exports/funder-report.pdf',
    summary: 'The funder report as an A4 PDF: the collective, the period, and the same tables as the CSV',
    who: 'treasurer',
    params: ZIdParams,
    responses: { 200: { contentType: CONTENT_TYPES.pdf } },
  }),
  exportReceiptsZip: defineOperation({
    operationId: 'exportReceiptsZip',
    method: 'get',
    path: '/periods/{id}/exports/receipts.zip',
    summary:
      'The receipts of every approved claim of the period in one ZIP, streamed, each named `<date>_<person>_<kind>_<amount>.<ext>` (e.g. 2026-09-10_chloe-dubois_note-de-frais_150,00.pdf; -2, -3 … when two would share a name); header X-Butin-Receipts gives their count (an empty ZIP when there is none)',
    who: 'treasurer',
    params: ZIdParams,
    responses: { 200: { contentType: 'application/zip' } },
  }),
};

export const EXPORT_OPERATIONS: Operation[] = Object.values(EXPORT_API);
