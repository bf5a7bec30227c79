// The one way in for every JSON API handler: who is calling (token or session), input parsed
// with zod (path params, query, body), permission, and every error mapped to
// `{ "error": { "code", "message" } }` with the right status. Handlers return plain data or a
// Response; they never see an unparsed input or an anonymous caller unless they ask for it.
import type { z, ZodType } from 'zod';
import '@/lib/api/zod-messages';
import { requestActor } from '@/lib/auth/actor';
import { assertCan, type Actor, type Permission } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { toPublicError } from '@/lib/api/errors';
import type { Operation } from '@/lib/api/openapi-types';
import { env } from '@/lib/env';
import { isSameOrigin } from '@/lib/validation/origin';
import { cleanInput } from '@/lib/validation/text';

type RouteContext = { params: Promise<Record<string, string | string[]>> };

type Infer<S> = S extends ZodType ? z.infer<S> : undefined;

type HandlerArgs<P, Q, B, A> = { actor: A; params: Infer<P>; query: Infer<Q>; body: Infer<B>; request: Request };

type RouteSpec<
  P extends ZodType | undefined,
  Q extends ZodType | undefined,
  B extends ZodType | undefined,
  Public extends boolean,
> = {
  /** What the route takes and answers, as the OpenAPI document shows it (lib/<domain>/openapi.ts). */
  operation: Operation<P, Q, B, Public>;
  permission?: Permission;
  /** Next's dynamic segments to the operation's path parameters, where they differ ("{personId}.pdf"). */
  routeParams?: (raw: Record<string, string | string[]>) => Record<string, unknown>;
  handler: (args: HandlerArgs<P, Q, B, Public extends true ? null : Actor>) => Promise<unknown>;
};

/** A route handler, carrying the operation it implements (the contract tests read it). */
export type ApiRouteHandler = ((request: Request, context: RouteContext) => Promise<Response>) & {
  operation: Operation;
};

export function json(data: unknown, status = 200, headers: HeadersInit = {}): Response {
  return new Response(JSON.stringify(data), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

export function errorResponse(error: unknown, context = ''): Response {
  const { status, code, message, fields, details } = toPublicError(error, context);
  const headers: Record<string, string> = status === 429 ? { 'retry-after': '900' } : {};
  return json(
    { error: { code, message, ...(fields ? { fields } : {}), ...(details !== undefined ? { details } : {}) } },
    status,
    headers,
  );
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A browser session may call the API too; for a change it must come from our own origin, so a
 * page elsewhere cannot make a signed-in person's browser act for them (CSRF). Bearer tokens are
 * never sent by a browser on its own, so they need no such check.
 */
function assertSameOrigin(request: Request): void {
  const origin = request.headers.get('origin');
  if (!origin) return; // non-browser clients; browsers always send Origin on cross-site POSTs
  if (!isSameOrigin(origin, request, env().APP_URL)) throw new AppError('FORBIDDEN', 'Cross-site request refused');
}

async function readBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === '') return {};
  return JSON.parse(text); // a SyntaxError becomes a 400
}

export function apiRoute<
  P extends ZodType | undefined = undefined,
  Q extends ZodType | undefined = undefined,
  B extends ZodType | undefined = undefined,
  Public extends boolean = false,
>(spec: RouteSpec<P, Q, B, Public>): ApiRouteHandler {
  const { operation } = spec;
  const handler = async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      let actor: Actor | null = null;
      if (!operation.public) {
        actor = await requestActor(request);
        if (!actor)
          throw new AppError('UNAUTHENTICATED', 'Sign in, or send a valid API token (Authorization: Bearer …)');
        if (actor.via === 'session' && UNSAFE_METHODS.has(request.method)) assertSameOrigin(request);
        if (spec.permission) assertCan(actor, spec.permission);
      }
      const segments = context?.params ? await context.params : {};
      const rawParams = spec.routeParams ? spec.routeParams(segments) : segments;
      // Every input passes the one edge rule for text (lib/validation) before its own schema.
      const params = operation.params ? operation.params.parse(cleanInput(rawParams)) : undefined;
      const url = new URL(request.url);
      const query = operation.query
        ? operation.query.parse(cleanInput(Object.fromEntries(url.searchParams)))
        : undefined;
      const body = operation.body ? operation.body.parse(cleanInput(await readBody(request))) : undefined;
      const result = await spec.handler({
        actor: actor as Public extends true ? null : Actor,
        params: params as Infer<P>,
        query: query as Infer<Q>,
        body: body as Infer<B>,
        request,
      });
      return result instanceof Response ? result : json(result);
    } catch (error) {
      return errorResponse(error, `${request.method} ${new URL(request.url).pathname}`);
    }
  };
  return Object.assign(handler, { operation: operation as Operation });
}
