// next-auth configuration: email + password (argon2id), sessions in a signed JWT cookie that
// carries the person's id and session version; the person is re-checked on every request.
import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { db } from '@/lib/db';
import { verifyPassword } from '@/lib/auth/password';
import { RateLimitedError, withAccountAttempt, type AttemptKind } from '@/lib/auth/rate-limit';
import { clientIp } from '@/lib/auth/client-ip';
import { servedOverHttps } from '@/lib/env';
import { ZText } from '@/lib/validation/text';

const ZCredentials = z.object({
  email: ZText().trim().toLowerCase().min(1).max(320),
  password: ZText().min(1).max(1024),
});

/** Sign-in errors the form can tell apart. Wrong email and wrong password are the same error. */
export const SIGN_IN_ERRORS = {
  invalid: 'CredentialsSignin',
  rateLimited: 'RATE_LIMITED',
  unavailable: 'UNAVAILABLE',
  deactivated: 'DEACTIVATED',
} as const;

/**
 * The right password of a deactivated account. Only someone who knows the password learns that
 * the account exists and is deactivated; the attempt still counts as a failure for the limits.
 */
export class AccountDeactivatedError extends Error {
  constructor() {
    super(SIGN_IN_ERRORS.deactivated);
    this.name = 'AccountDeactivatedError';
  }
}

export async function authenticate(
  email: string,
  password: string,
  ip: string,
  kind: AttemptKind = 'SIGN_IN',
  { tellDeactivated = false }: { tellDeactivated?: boolean } = {},
) {
  return withAccountAttempt(kind, email, ip, async () => {
    const person = await db().person.findUnique({ where: { email } });
    const passwordOk = await verifyPassword(person?.passwordHash, password);
    if (passwordOk && person && !person.active && tellDeactivated) throw new AccountDeactivatedError();
    return passwordOk && person?.active ? person : null;
  });
}

export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: 30 * 24 * 3600 },
  // Secure (and __Secure-/__Host- prefixed) cookies behind HTTPS only, decided at run time.
  useSecureCookies: servedOverHttps(),
  pages: { signIn: '/signin' },
  secret: process.env.NEXTAUTH_SECRET,
  providers: [
    CredentialsProvider({
      name: 'email',
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      async authorize(credentials, request) {
        const parsed = ZCredentials.safeParse(credentials);
        if (!parsed.success) return null;
        let person: Awaited<ReturnType<typeof authenticate>>;
        try {
          person = await authenticate(
            parsed.data.email,
            parsed.data.password,
            clientIp(request?.headers ?? {}),
            'SIGN_IN',
            {
              tellDeactivated: true,
            },
          );
        } catch (error) {
          // next-auth writes an error's message into the redirect URL: only our own codes go there.
          if (error instanceof RateLimitedError || error instanceof AccountDeactivatedError) throw error;
          console.error('[butin] sign-in failed unexpectedly:', error);
          throw new Error(SIGN_IN_ERRORS.unavailable);
        }
        if (!person) return null;
        return { id: person.id, email: person.email, name: person.name, sv: person.sessionVersion };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = (user as { sv?: number }).sv;
      }
      return token;
    },
    async session({ session, token }) {
      session.user = { ...session.user, id: token.sub, sv: token.sv } as typeof session.user;
      return session;
    },
  },
};
