// The Prisma client, created once per process (and kept across hot reloads in development).
import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { env } from '@/lib/env';

const globalForPrisma = globalThis as unknown as { butinPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: env().DATABASE_URL,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    // Fail fast when the database is away, so requests get a clear error instead of hanging.
    connectionTimeoutMillis: 5_000,
  });
  return new PrismaClient({ adapter });
}

export function db(): PrismaClient {
  if (!globalForPrisma.butinPrisma) globalForPrisma.butinPrisma = createClient();
  return globalForPrisma.butinPrisma;
}

export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
export type { PrismaClient };
