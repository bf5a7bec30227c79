// The Prisma client, created once per process (and kept across hot reloads in development).
import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { env } from '@/lib/env';
import { errorFields, logger } from '@/lib/log';
import { metrics } from '@/lib/metrics';

const globalForPrisma = globalThis as unknown as { butinPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const pool = new pg.Pool({
    connectionString: env().DATABASE_URL,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    // Fail fast when the database is away, so requests get a clear error instead of hanging.
    connectionTimeoutMillis: 5_000,
  });
  metrics().watchPool(pool);
  const adapter = new PrismaPg(pool, {
    disposeExternalPool: true,
    // An idle connection the server closed (a restart, an outage): the pool opens another.
    onPoolError: (error) => {
      metrics().dbErrors.inc({ kind: 'connection-lost' });
      logger().warn({ error: errorFields(error) }, 'database connection lost');
    },
  });
  return new PrismaClient({ adapter });
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
