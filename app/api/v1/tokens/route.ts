// POST /api/v1/tokens — exchange an email and password for a personal API token (rate limited).
import { CORE_API } from '@/lib/api/operations';
import { apiRoute, json } from '@/lib/api/route';
import { AppError } from '@/lib/errors';
import { authenticate } from '@/lib/auth/options';
import { RateLimitedError } from '@/lib/auth/rate-limit';
import { clientIp } from '@/lib/auth/client-ip';
import { createApiToken } from '@/lib/tokens/api-tokens';

export const POST = apiRoute({
  operation: CORE_API.createToken,
  handler: async ({ body, request }) => {
    let person;
    try {
      person = await authenticate(body.email, body.password, clientIp(request.headers), 'TOKEN');
    } catch (error) {
      if (error instanceof RateLimitedError) {
        throw new AppError('RATE_LIMITED', 'Too many failed attempts; try again in 15 minutes');
      }
      throw error;
    }
    if (!person) throw new AppError('UNAUTHENTICATED', 'Invalid email or password');
    const created = await createApiToken({ personId: person.id, name: body.name ?? 'API' });
    return json({ id: created.id, token: created.token, name: created.name }, 201);
  },
});
