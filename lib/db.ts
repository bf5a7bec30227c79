// The Prisma client, created once per process (and kept across hot reloads in development).
import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { env } from '@/lib/env';
import { errorFields, logger } from '@/lib/log';
import { metrics } from '@/lib/metrics';
import { isDatabaseUnavailable } from '@/lib/api/errors';
import { databaseDown, recordDatabaseState } from '@/lib/health/database-state';

const globalForPrisma = globalThis as unknown as { butinPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const pool = new pg.Pool({
    connectionString: env().DATABASE_URL,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    // Fail fast when the database is away, so requests get a clear error instead of hanging.
    connectionTimeoutMillis: 5_000,
  });
  metrics().watchPool(pool);
  watchConnections(pool);
  const adapter = new PrismaPg(pool, {
    disposeExternalPool: true,
    // An idle connection the server closed (a restart, an outage): the pool opens another.
    onPoolError: (error) => {
      metrics().dbErrors.inc({ kind: 'connection-lost' });
      logger().warn({ error: errorFields(error) }, 'database connection lost');
      // The server shutting down or gone: say so now, before a page fails on it.
      if (isDatabaseUnavailable(error)) recordDatabaseState(false, error);
    },
  });
  return new PrismaClient({ adapter });
}

/**
 * Records the database's state from the pool's own connections: a connection that cannot be
 * opened because the database is away marks it down, the next one opened marks it up again.
 * Both forms of pool.connect() are watched: pool.query() (the driver adapter's queries) uses the
 * callback one, transactions the promise one.
 */
export function watchConnections(pool: pg.Pool): void {
  type Done = (error: Error | undefined, client?: pg.PoolClient, release?: (error?: Error) => void) => void;
  const original = pool.connect.bind(pool) as (done?: Done) => Promise<pg.PoolClient> | undefined;
  const note = (error: unknown) => {
    if (error) {
      if (isDatabaseUnavailable(error)) recordDatabaseState(false, error);
    } else if (databaseDown()) recordDatabaseState(true);
  };
  pool.connect = ((done?: Done) => {
    if (typeof done === 'function') {
      return original((error, client, release) => {
        note(error);
        done(error, client, release);
      });
    }
    return original()!.then(
      (client) => {
        note(undefined);
        return client;
      },
      (error: unknown) => {
        note(error);
        throw error;
      },
    );
  }) as typeof pool.connect;
}

export function db(): PrismaClient {
  if (!globalForPrisma.butinPrisma) globalForPrisma.butinPrisma = createClient();
  return globalForPrisma.butinPrisma;
}

/** Closes this process's connections; the next db() opens new ones. */
export async function closeDb(): Promise<void> {
  const client = globalForPrisma.butinPrisma;
  globalForPrisma.butinPrisma = undefined;
  await client?.$disconnect();
}

export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
export type { PrismaClient };
