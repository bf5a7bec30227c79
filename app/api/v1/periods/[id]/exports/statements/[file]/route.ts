// GET /api/v1/periods/{id}/exports/statements/{personId}.pdf — a person's statement for the period
// (an A4 PDF): that person, or a treasurer. To anyone else it does not exist (404), whatever the id.
// (Next routes a folder literally named "[personId].pdf" as a static segment, so the dynamic
// segment is the whole file name, read here.)
import { Readable } from 'node:stream';
import { z } from 'zod';
import { apiRoute } from '@/lib/api/route';
import { AppError } from '@/lib/errors';
import { ZId } from '@/lib/people/schemas';
import { getStatement } from '@/lib/treasury/statement-data';
import { renderStatementPdf } from '@/lib/treasury/statement-pdf';
import { statementFilename } from '@/lib/treasury/statements-zip';
import { documentLocale, downloadResponse } from '@/lib/treasury/files';

const ZStatementParams = z.object({ id: ZId, file: z.string().max(80) });

export const GET = apiRoute({
  params: ZStatementParams,
  handler: async ({ actor, params, request }) => {
    const personId = /^([A-Za-z0-9_-]{1,64})\.pdf$/.exec(params.file)?.[1];
    if (!personId) throw new AppError('NOT_FOUND', 'Statement not found');
    const locale = documentLocale(request, actor.locale);
    const statement = await getStatement({ actor, periodId: params.id, personId, locale });
    const document = renderStatementPdf(statement, { locale });
    return downloadResponse(Readable.toWeb(document) as ReadableStream<Uint8Array>, {
      contentType: 'application/pdf',
      filename: statementFilename(statement),
    });
  },
});
