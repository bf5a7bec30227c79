// GET /api/v1/periods/{id}/exports/statements/{personId}.pdf — a person's statement for the period
// (an A4 PDF): that person, or a treasurer. To anyone else it does not exist (404), whatever the id.
// (Next routes a folder literally named "[personId].pdf" as a static segment, so the dynamic
// segment is the whole file name, read here.)
import { Readable } from 'node:stream';
import { TREASURY_API } from '@/lib/treasury/openapi';
import { apiRoute } from '@/lib/api/route';
import { AppError } from '@/lib/errors';
import { getStatement } from '@/lib/treasury/statement-data';
import { renderStatementPdf } from '@/lib/treasury/statement-pdf';
import { statementFilename } from '@/lib/treasury/statements-zip';
import { documentLocale, downloadResponse } from '@/lib/treasury/files';

/** "{personId}.pdf", the one dynamic segment Next gives, to the path parameters the operation names. */
function statementParams(raw: Record<string, string | string[]>) {
  const personId = /^([A-Za-z0-9_-]{1,64})\.pdf$/.exec(String(raw.file))?.[1];
  if (!personId) throw new AppError('NOT_FOUND', 'Statement not found');
  return { id: raw.id, personId };
}

export const GET = apiRoute({
  operation: TREASURY_API.exportStatement,
  routeParams: statementParams,
  handler: async ({ actor, params, request }) => {
    const { personId } = params;
    const locale = documentLocale(request, actor.locale);
    const statement = await getStatement({ actor, periodId: params.id, personId, locale });
    const document = renderStatementPdf(statement, { locale });
    return downloadResponse(Readable.toWeb(document) as ReadableStream<Uint8Array>, {
      contentType: 'application/pdf',
      filename: statementFilename(statement),
    });
  },
});
