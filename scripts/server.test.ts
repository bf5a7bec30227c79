// The start script's server (scripts/server.ts) on its own: it hands the app the socket's address
// whatever the client wrote (the one mechanism behind the rate limits' client address when no proxy
// is trusted; `npm start` and the e2e tier both serve through it), and it answers a failure while
// the database is away as 503 Service Unavailable.
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { clientIp, PEER_HEADER, peerHeaderTrusted } from '@/lib/auth/client-ip';
import { recordDatabaseState } from '@/lib/health/database-state';
import { createAppServer } from './server';

describe('createAppServer and the client address', () => {
  it('overwrites a forged peer header with the socket’s address, on every request', async () => {
    const seen: string[] = [];
    const app = createAppServer({
      log: pino({ level: 'silent' }),
      handle: (request, response) => {
        seen.push(clientIp(request.headers, 0));
        response.end();
      },
    });
    const url = await app.listen(0, '127.0.0.1');
    try {
      const attempts: Record<string, string>[] = [
        { [PEER_HEADER]: '198.51.100.1', 'x-forwarded-for': '198.51.100.2' },
        { 'x-forwarded-for': '198.51.100.3' },
        {},
      ];
      for (const headers of attempts) await fetch(url, { headers });
    } finally {
      await app.close(0);
    }
    expect(peerHeaderTrusted()).toBe(true);
    expect(seen).toEqual(['127.0.0.1', '127.0.0.1', '127.0.0.1']);
  });
});

describe('createAppServer while the database is away', () => {
  it('answers a 500 as 503 with Retry-After, and other statuses as they are', async () => {
    const app = createAppServer({
      log: pino({ level: 'silent' }),
      handle: (request, response) => {
        if (request.url === '/explicit') {
          response.writeHead(500, 'Internal Server Error', { 'content-type': 'text/html' });
          response.end('<h1>Le service est momentanément indisponible</h1>');
        } else if (request.url === '/missing') {
          response.statusCode = 404;
          response.end();
        } else {
          response.statusCode = 500;
          response.end('failed');
        }
      },
    });
    const url = await app.listen(0, '127.0.0.1');
    const answer = async (path: string) => {
      const response = await fetch(`${url}${path}`);
      return { status: response.status, retryAfter: response.headers.get('retry-after'), text: await response.text() };
    };
    try {
      recordDatabaseState(true);
      expect(await answer('/implicit')).toEqual({ status: 500, retryAfter: null, text: 'failed' });

      recordDatabaseState(false, new Error('connect ECONNREFUSED'));
      expect(await answer('/implicit')).toEqual({ status: 503, retryAfter: '5', text: 'failed' });
      const explicit = await answer('/explicit');
      expect(explicit.status).toBe(503);
      expect(explicit.retryAfter).toBe('5');
      expect(explicit.text).toContain('indisponible');
      expect((await answer('/missing')).status).toBe(404);

      recordDatabaseState(true);
      expect((await answer('/implicit')).status).toBe(500);
    } finally {
      await app.close(0);
    }
  });
});
