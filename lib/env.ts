// Environment variables, validated once. Secrets live only here, never in the database or code.
import { z } from 'zod';

const ZEnv = z.object({
  DATABASE_URL: z.string().min(1, 'DATABASE_URL is required (npm start sets it for the embedded database)'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Signs session cookies. `npm start` generates one into the data folder when it is missing. */
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  /** The public address of the app, used in invitation links and emails. */
  APP_URL: z.string().url().optional(),
  /** smtp://user:pass@host:port — when set, invitations and notices are emailed. */
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Butin <butin@localhost>'),
  /**
   * How many reverse proxies in front of Butin append to X-Forwarded-For. 0 (the default, a direct
   * `npm start`): the client's address is the socket's peer and X-Forwarded-For is ignored. 1 or
   * more (the deployment behind nginx with $proxy_add_x_forwarded_for sets 1): that many entries
   * from the right; what a client writes further left is never believed.
   */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
});

export type TEnv = z.infer<typeof ZEnv>;

let cached: TEnv | undefined;

export function env(): TEnv {
  if (!cached) {
    const parsed = ZEnv.safeParse(process.env);
    if (!parsed.success) {
      throw new Error(
        `Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    }
    cached = parsed.data;
  }
  return cached;
}

/**
 * Whether people reach Butin over HTTPS (APP_URL says https://): only then are cookies marked
 * Secure and Strict-Transport-Security sent, so a plain-http installation keeps working.
 */
export function servedOverHttps(): boolean {
  return /^https:\/\//i.test(process.env.APP_URL ?? process.env.NEXTAUTH_URL ?? '');
}

/** The base URL for links sent to people. */
export function appUrl(): string {
  return (env().APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, '');
}
