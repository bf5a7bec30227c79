// GET /api/v1/me/export — the archive of everything Butin holds about the caller, as a ZIP.
import { PERSONAL_DATA_API } from '@/lib/people/data-openapi';
import { apiRoute } from '@/lib/api/route';
import { exportMyData } from '@/lib/people/export-personal-data';

export const GET = apiRoute({
  operation: PERSONAL_DATA_API.exportMyData,
  handler: async ({ actor }) => {
    const { filename, zip } = await exportMyData({ actor });
    return new Response(zip as Uint8Array<ArrayBuffer>, {
      headers: {
        'content-type': 'application/zip',
        'content-disposition': `attachment; filename="${filename}"`,
        'cache-control': 'no-store',
      },
    });
  },
});
