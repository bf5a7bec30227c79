// GET /api/v1/periods/{id}/exports/receipts.zip — the receipts of the period's approved claims,
// named for the accountant, in a ZIP streamed as the files are read; treasurers only.
import { EXPORT_API } from '@/lib/exports/openapi';
import { apiRoute } from '@/lib/api/route';
import { receiptsZip } from '@/lib/exports/receipts-zip';
import { documentLocale, downloadResponse } from '@/lib/treasury/files';

export const GET = apiRoute({
  operation: EXPORT_API.exportReceiptsZip,
  permission: 'exports.read',
  handler: async ({ actor, params, request }) => {
    const zip = await receiptsZip({ actor, periodId: params.id, locale: documentLocale(request, actor.locale) });
    return downloadResponse(zip.stream, {
      contentType: 'application/zip',
      filename: zip.filename,
      headers: { 'x-butin-receipts': String(zip.count) },
    });
  },
});
