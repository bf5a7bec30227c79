// Butin's HTTP server: Next.js run in this process (its custom-server API) behind a small
// node:http server that adds what an operator needs — a request id, one access-log line per
// request, Prometheus metrics at /metrics, and a graceful stop that lets requests in flight end.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Logger } from '@/lib/log';
import { databaseDown } from '@/lib/health/database-state';
import { errorFields } from '@/lib/log/error-fields';
import { metrics } from '@/lib/metrics';
import { routeMatcher, type RouteMatcher } from '@/lib/metrics/routes';

export type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => Promise<void> | void;

export type AppServer = {
  server: http.Server;
  /** The address it listens on, e.g. http://127.0.0.1:3000. */
  url: string;
  /** Requests being answered right now. */
  inFlight: () => number;
  /**
   * Stops taking connections, waits up to `graceMs` for the requests in flight, then closes the
   * connections left. Resolves with how many requests were still running when it gave up.
   */
  close: (graceMs: number) => Promise<number>;
};

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;
/**
 * The TCP peer's address, written over anything the client sent under that name, for
 * lib/auth/client-ip.ts (which trusts the header only in a process that marked itself as setting it).
 */
const PEER_HEADER = 'x-butin-peer';
(globalThis as Record<symbol, unknown>)[Symbol.for('butin.peerAddress')] = true;
/** Paths a load balancer or a scraper polls every few seconds: logged at debug level. */
const QUIET = new Set(['/api/health', '/metrics']);

function sameSecret(given: string, expected: string): boolean {
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

function sendJsonError(response: http.ServerResponse, status: number, code: string, message: string) {
  response.statusCode = status;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.setHeader('cache-control', 'no-store');
  response.end(JSON.stringify({ error: { code, message } }));
}

/** How long a client should wait before retrying while the database is away, in seconds. */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;

/**
 * A 500 answered while the database is away becomes 503 Service Unavailable with Retry-After: the
 * page failed because a dependency is down, not because of a bug (Next gives its error pages no
 * way to set a status). Applies to every response, written through writeHead or implicitly.
 */
function outageStatus(response: http.ServerResponse): void {
  const writeHead = response.writeHead;
  response.writeHead = function writeHeadInOutage(this: http.ServerResponse, statusCode: number, ...rest: unknown[]) {
    if (statusCode === 500 && databaseDown()) {
      statusCode = 503;
      if (typeof rest[0] === 'string') rest.shift(); // "Internal Server Error" would not fit any more
      if (!this.headersSent) this.setHeader('retry-after', String(OUTAGE_RETRY_AFTER_SECONDS));
    }
    return (writeHead as (...args: unknown[]) => http.ServerResponse).call(this, statusCode, ...rest);
  } as typeof response.writeHead;
}

/** Wraps a request handler (Next's, or a test's) with request ids, access log, metrics and /metrics. */
export function createAppServer(options: {
  handle: Handler;
  log: Logger;
  routeOf?: RouteMatcher;
  /** Bearer token for /metrics; unset, /metrics is left to the app (which answers 404). */
  metricsToken?: string;
}): Omit<AppServer, 'url'> & { listen: (port: number, host: string) => Promise<string> } {
  const { handle, log, metricsToken } = options;
  const routeOf = options.routeOf ?? routeMatcher({});
  const registry = metrics();
  let inFlight = 0;
  let closing = false;
  const idle = new Set<() => void>();

  const server = http.createServer((request, response) => {
    const started = process.hrtime.bigint();
    const given = request.headers['x-request-id'];
    const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : crypto.randomUUID();
    request.headers['x-request-id'] = requestId;
    request.headers[PEER_HEADER] = request.socket.remoteAddress ?? 'unknown';
    response.setHeader('x-request-id', requestId);
    // While stopping, tell keep-alive clients (nginx, browsers) to open their next request elsewhere.
    if (closing) response.setHeader('connection', 'close');
    const rawUrl = request.url ?? '/';
    const query = rawUrl.indexOf('?');
    const pathname = query === -1 ? rawUrl : rawUrl.slice(0, query);
    const method = request.method ?? 'GET';
    outageStatus(response);
    inFlight += 1;
    registry.httpInFlight.inc();

    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      inFlight -= 1;
      registry.httpInFlight.dec();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeOf(pathname);
      // A client that left before the answer gets status 499, as nginx writes it.
      const status = response.writableFinished ? response.statusCode : 499;
      registry.httpRequests.inc({ method, route, status: String(status) });
      registry.httpDuration.observe({ method, route }, seconds);
      const line = {
        reqId: requestId,
        method,
        path: pathname,
        status,
        ms: Math.round(seconds * 10_000) / 10,
        ip: request.socket.remoteAddress,
      };
      if (QUIET.has(pathname) && status < 400) log.debug(line, 'request');
      else if (status >= 500) log.warn(line, 'request');
      else log.info(line, 'request');
      if (inFlight === 0) for (const resolve of idle) resolve();
    };
    response.on('finish', finish);
    response.on('close', finish);

    if (pathname === '/metrics' && metricsToken) {
      const auth = request.headers.authorization ?? '';
      const token = auth.startsWith('Bearer ') ? auth.slice(7).trim() : '';
      if (!token || !sameSecret(token, metricsToken)) {
        response.setHeader('www-authenticate', 'Bearer');
        sendJsonError(response, 401, 'UNAUTHENTICATED', 'A valid metrics token is required');
        return;
      }
      registry.registry.metrics().then(
        (text) => {
          response.statusCode = 200;
          response.setHeader('content-type', registry.registry.contentType);
          response.setHeader('cache-control', 'no-store');
          response.end(text);
        },
        (error) => {
          log.error({ reqId: requestId, error: errorFields(error) }, 'metrics failed');
          sendJsonError(response, 500, 'INTERNAL', 'Something went wrong; it has been logged');
        },
      );
      return;
    }

    Promise.resolve()
      .then(() => handle(request, response))
      .catch((error: unknown) => {
        log.error({ reqId: requestId, error: errorFields(error) }, 'request handler failed');
        if (!response.headersSent) sendJsonError(response, 500, 'INTERNAL', 'Something went wrong; it has been logged');
        else response.destroy();
      });
  });

  return {
    server,
    inFlight: () => inFlight,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address();
          const actual = typeof address === 'object' && address ? address.port : port;
          const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
          resolve(`http://${shown}:${actual}`);
        });
      });
    },
    async close(graceMs) {
      closing = true;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, graceMs);
          idle.add(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      const left = inFlight;
      server.closeAllConnections();
      await stopped;
      return left;
    },
  };
}

/** Starts Next.js in this process and serves it; NODE_ENV and NEXT_TELEMETRY_DISABLED are the caller's to set first. */
export async function startNextServer(options: {
  dir: string;
  dev: boolean;
  host: string;
  port: number;
  log: Logger;
  metricsToken?: string;
}): Promise<AppServer> {
  const { default: next } = await import('next');
  const app = next({ dev: options.dev, dir: options.dir, hostname: options.host, port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  let routeOf: RouteMatcher | undefined;
  const manifest = path.join(options.dir, '.next', 'routes-manifest.json');
  if (!options.dev && fs.existsSync(manifest)) routeOf = routeMatcher(JSON.parse(fs.readFileSync(manifest, 'utf8')));
  const appServer = createAppServer({
    handle: (request, response) => handle(request, response),
    log: options.log,
    routeOf,
    metricsToken: options.metricsToken,
  });
  if (options.dev) {
    const upgrade = app.getUpgradeHandler();
    appServer.server.on('upgrade', (request, socket, head) => void upgrade(request, socket, head));
  }
  const url = await appServer.listen(options.port, options.host);
  return {
    ...appServer,
    url,
    async close(graceMs) {
      const left = await appServer.close(graceMs);
      await app.close().catch(() => undefined);
      return left;
    },
  };
}
