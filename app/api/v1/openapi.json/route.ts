// GET /api/v1/openapi.json — the API's description, generated from its zod schemas.
import { json } from '@/lib/api/route';
import { buildOpenApiDocument } from '@/lib/api/openapi';

export const dynamic = 'force-static';

export function GET() {
  return json(buildOpenApiDocument(), 200, { 'cache-control': 'public, max-age=300' });
}
