// POST /api/v1/tokens — exchange an email and password for a personal API token (rate limited).
import { apiRoute, json } from '@/lib/api/route';
import { ZTokenCreate } from '@/lib/api/schemas';
import { AppError } from '@/lib/errors';
import { authenticate, SIGN_IN_ERRORS } from '@/lib/auth/options';
import { clientIp } from '@/lib/auth/client-ip';
import { createApiToken } from '@/lib/tokens/api-tokens';

export const POST = apiRoute({
  public: true,
  body: ZTokenCreate,
  handler: async ({ body, request }) => {
    let person;
    try {
      person = await authenticate(body.email, body.password, clientIp(request.headers), 'TOKEN');
    } catch (error) {
      if (error instanceof Error && error.message === SIGN_IN_ERRORS.rateLimited) {
        throw new AppError('RATE_LIMITED', 'Too many failed attempts; try again in 15 minutes');
      }
      throw error;
    }
    if (!person) throw new AppError('UNAUTHENTICATED', 'Invalid email or password');
    const created = await createApiToken({ personId: person.id, name: body.name ?? 'API' });
    return json({ id: created.id, token: created.token, name: created.name }, 201);
  },
});
