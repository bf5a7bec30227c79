// Any other /api path: a JSON 404, never an HTML page, whatever the method.
import { json } from '@/lib/api/route';

const notFound = () => json({ error: { code: 'NOT_FOUND', message: 'No such API endpoint' } }, 404);

export {
  notFound as GET,
  notFound as HEAD,
  notFound as POST,
  notFound as PUT,
  notFound as PATCH,
  notFound as DELETE,
  notFound as OPTIONS,
};
