// Any other /api/v1 path: a JSON 404, never an HTML page.
import { json } from '@/lib/api/route';

const notFound = () => json({ error: { code: 'NOT_FOUND', message: 'No such API endpoint' } }, 404);

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
