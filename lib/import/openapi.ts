// The import endpoint's entry in the OpenAPI document, from the schemas the handler uses.
import { defineOperation, type Operation } from '@/lib/api/openapi-types';
import { ZDryRunOut, ZImportRequest, ZImportedOut } from '@/lib/import/schemas';

export const IMPORT_API = {
  importContributions: defineOperation({
    operationId: 'importContributions',
    method: 'post',
    path: '/imports',
    summary:
      'Import contributions from CSV text, all or nothing. With dryRun: 200 and a report { ok, rows, wouldCreate, totalMinutes, refused: [{ line, reasons: [{ code, params, message }] }], ignoredColumns }, nothing written. Otherwise 201 with the import, or 422 { error: { code: "IMPORT_REFUSED", details: <the same report> } } when any row is refused (nothing written). Imported rows are SUBMITTED, or APPROVED with approve (periods that are over only); each one\'s history records the import.',
    who: 'admin',
    body: ZImportRequest,
    responses: { 200: ZDryRunOut, 201: ZImportedOut },
    errors: {
      422: 'IMPORT_REFUSED: nothing imported; error.details is the report with every refused row',
    },
  }),
};

export const IMPORT_OPERATIONS: Operation[] = Object.values(IMPORT_API);
