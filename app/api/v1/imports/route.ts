// POST /api/v1/imports — an admin imports contributions from CSV text: a dry run (200, the
// report), an import (201), or a refusal listing every refused row (422, nothing written).
import { IMPORT_API } from '@/lib/import/openapi';
import { apiRoute, json } from '@/lib/api/route';
import { describeRefused } from '@/lib/import/describe';
import { importContributions } from '@/lib/import/import-contributions';

export const POST = apiRoute({
  operation: IMPORT_API.importContributions,
  permission: 'contributions.import',
  handler: async ({ actor, body }) => {
    const outcome = await importContributions({
      actor,
      csv: body.csv,
      mode: body.dryRun ? 'dry-run' : 'import',
      approve: body.approve,
      fileName: body.fileName,
      locale: 'en',
    });
    if (outcome.imported) {
      const { mode: _mode, imported: _imported, ignoredColumns: _ignored, ...result } = outcome;
      return json(result, 201);
    }
    const report = {
      ok: outcome.ok,
      rows: outcome.rows,
      wouldCreate: outcome.wouldCreate,
      totalMinutes: outcome.totalMinutes,
      refused: describeRefused(outcome.refused, 'en', { isoDates: true }),
      duplicates: outcome.duplicates,
      ignoredColumns: outcome.ignoredColumns,
    };
    if (outcome.mode === 'dry-run') return json(report, 200);
    const count = outcome.refused.length;
    return json(
      {
        error: {
          code: 'IMPORT_REFUSED',
          message: `Nothing was imported: ${count} row${count === 1 ? '' : 's'} refused`,
          details: report,
        },
      },
      422,
    );
  },
});
