// GET /api/v1/periods/{id}/exports/statements.zip — every person's statement for the period, one
// PDF each, in a ZIP streamed as the PDFs are made; treasurers only.
import { TREASURY_API } from '@/lib/treasury/openapi';
import { apiRoute } from '@/lib/api/route';
import { statementsZip } from '@/lib/treasury/statements-zip';
import { documentLocale, downloadResponse } from '@/lib/treasury/files';

export const GET = apiRoute({
  operation: TREASURY_API.exportStatementsZip,
  permission: 'exports.read',
  handler: async ({ actor, params, request }) => {
    const zip = await statementsZip({ actor, periodId: params.id, locale: documentLocale(request, actor.locale) });
    return downloadResponse(zip.stream, {
      contentType: 'application/zip',
      filename: zip.filename,
      headers: { 'x-butin-statements': String(zip.count) },
    });
  },
});
