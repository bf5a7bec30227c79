// Liveness and readiness in one: 200 when the database answers, 503 when it does not.
import { json } from '@/lib/api/route';
import { checkDatabase } from '@/lib/health/check-database';

export const dynamic = 'force-dynamic';

export async function GET() {
  const database = await checkDatabase();
  return json({ status: database.ok ? 'ok' : 'unavailable', database }, database.ok ? 200 : 503);
}
