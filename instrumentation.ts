// Next.js runs register() once when a server starts, and onRequestError() for every error a
// request's rendering, route handler, server action or proxy throws.
import type { Instrumentation } from 'next';

export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { installAbortReasonRelease } = await import('@/lib/runtime/abort-reasons');
    installAbortReasonRelease();
    // The sign-in pages' mail queue: what a restart interrupted or a failed send left is sent here.
    const { drainSoon } = await import('@/lib/auth/mail-outbox');
    setInterval(drainSoon, 60_000).unref();
  }
}

/**
 * One log line per failed request: its request id (set by the start script's server), the route,
 * and the digest the error page shows the person, so a report ("erreur 2745126402") finds its line.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { logError } = await import('@/lib/log');
  const requestId = request.headers['x-request-id'];
  logError('request failed', error, {
    reqId: Array.isArray(requestId) ? requestId[0] : requestId,
    method: request.method,
    path: request.path.split('?')[0],
    route: context.routePath,
    routeType: context.routeType,
    digest: (error as { digest?: unknown }).digest,
  });
};
