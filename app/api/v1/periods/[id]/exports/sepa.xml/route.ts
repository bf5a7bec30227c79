// GET /api/v1/periods/{id}/exports/sepa.xml — the SEPA credit transfer file (pain.001.001.03) of a
// closed period, treasurers only. Payees the file leaves out are counted in X-Butin-Excluded and
// listed, with their reasons, by GET /api/v1/periods/{id}/payments (`sepa.excluded`); a file with
// no transfer at all is a 409 listing them in error.details.excluded.
import { TREASURY_API } from '@/lib/treasury/openapi';
import { apiRoute } from '@/lib/api/route';
import { exportSepa } from '@/lib/treasury/export-sepa';
import { downloadResponse } from '@/lib/treasury/files';

export const GET = apiRoute({
  operation: TREASURY_API.exportSepa,
  permission: 'exports.read',
  handler: async ({ actor, params, query }) => {
    const file = await exportSepa({ actor, periodId: params.id, executionDate: query.executionDate });
    return downloadResponse(file.xml, {
      contentType: 'application/xml; charset=utf-8',
      filename: file.filename,
      headers: {
        'x-butin-transfers': String(file.transfers.length),
        'x-butin-total-cents': String(file.totalCents),
        'x-butin-excluded': String(file.excluded.length),
        // Keys and reasons only (ASCII): the names are in GET …/payments.
        'x-butin-excluded-payees': file.excluded
          .map((payee) => `${payee.payeeKey}=${payee.reason}`)
          .join(', ')
          .slice(0, 4_000),
      },
    });
  },
});
