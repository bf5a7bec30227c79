// The mail queue of the sign-in pages, in PostgreSQL: "forgot my password" and lockout notices are
// written as rows while the request is answered, and sent afterwards by the app (right after the
// answer, and by a periodic sweep that also picks up what a restart interrupted). Each row is
// claimed with FOR UPDATE SKIP LOCKED, so several instances never send the same email twice.
import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { MailKind } from '@/lib/generated/prisma/client';
import { createInvitation, sendInvitationEmail } from '@/lib/auth/invitations';
import { mailEnabled, sendMail } from '@/lib/mail/mailer';
import { getSettings } from '@/lib/settings/settings';

export const OUTBOX_LIMITS = {
  windowMinutes: 60,
  /** Password-reset requests per email per hour. */
  perEmail: 3,
  /** Password-reset requests per address per hour. */
  perIp: 10,
  /** A failed send is retried this many times, 1, 2, 4… minutes apart. */
  maxAttempts: 5,
} as const;

/**
 * Queues a password-reset email for whoever owns `email`, after checking the limits; does the same
 * work whether or not an account exists, so neither the answer nor its timing tells.
 */
export async function enqueuePasswordReset(options: { email: string; ip: string; now?: Date }): Promise<void> {
  const now = options.now ?? new Date();
  const since = new Date(now.getTime() - OUTBOX_LIMITS.windowMinutes * 60_000);
  await db().$transaction(async (tx) => {
    // Serialises the requests of one address, so a burst cannot slip past the limit together.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`reset-ip:${options.ip}`}))`;
    const [counts] = await tx.$queryRaw<{ by_email: bigint; by_ip: bigint }[]>`
      SELECT
        (SELECT count(*) FROM mail_outbox WHERE kind = 'PASSWORD_RESET' AND email = ${options.email} AND created_at > ${since}) AS by_email,
        (SELECT count(*) FROM mail_outbox WHERE kind = 'PASSWORD_RESET' AND requested_ip = ${options.ip} AND created_at > ${since}) AS by_ip`;
    if (Number(counts.by_email) >= OUTBOX_LIMITS.perEmail || Number(counts.by_ip) >= OUTBOX_LIMITS.perIp) {
      throw new AppError('RATE_LIMITED', 'errors.RATE_LIMITED_RESET');
    }
    await tx.mailOutbox.create({
      data: { kind: 'PASSWORD_RESET', email: options.email, requestedIp: options.ip, createdAt: now, sendAfter: now },
    });
  });
}

/** Queues a notice to the owner of an account whose sign-in was slowed down by failed attempts. */
export async function enqueueLockoutNotice(options: { email: string; ip: string }): Promise<void> {
  await db().mailOutbox.create({ data: { kind: 'LOCKOUT_NOTICE', email: options.email, requestedIp: options.ip } });
}

type Claimed = { id: bigint; kind: MailKind; email: string; attempts: number; requested_ip: string };

async function deliver(row: Claimed): Promise<void> {
  const person = await db().person.findUnique({ where: { email: row.email } });
  // Nothing to send for an unknown, inactive or never-joined account: the row is done all the same.
  if (!person || !person.active || !person.passwordHash) return;
  const settings = await getSettings();
  if (row.kind === 'PASSWORD_RESET') {
    const link = await db().$transaction((tx) =>
      createInvitation(tx, { personId: person.id, purpose: 'PASSWORD_RESET', createdById: null }),
    );
    const sent = await sendInvitationEmail({
      to: person.email,
      name: person.name,
      purpose: 'PASSWORD_RESET',
      url: link.url,
      collective: settings.name,
    });
    if (!sent) throw new Error('the mail server refused the message');
    return;
  }
  await sendMail({
    to: person.email,
    subject: 'Butin : tentatives de connexion à votre compte',
    text: `Bonjour ${person.name},\n\nPlusieurs mots de passe erronés ont été essayés sur votre compte ${settings.name} (depuis l'adresse ${row.requested_ip}). Les connexions depuis cette adresse sont ralenties pour un temps ; vous pouvez toujours vous connecter avec votre mot de passe depuis un appareil ou une adresse que vous avez déjà utilisés.\n\nSi ce n'était pas vous, rien n'a été changé ; si vous craignez que votre mot de passe soit connu, changez-le depuis « Mot de passe oublié ».\n\n— Butin\n\n(English: several wrong passwords were tried on your account from ${row.requested_ip}. Sign-ins from that address are slowed down for a while; yours from a known device or address still work.)\n`,
  });
}

/**
 * Sends what is due: claims up to `batch` rows (skipping those another instance holds), sends
 * each, marks it sent, or schedules a retry. Returns how many rows were settled.
 */
export async function drainMailOutbox(options: { batch?: number; now?: Date } = {}): Promise<number> {
  if (!mailEnabled()) return 0;
  let settled = 0;
  for (;;) {
    const done = await db().$transaction(
      async (tx) => {
        const rows = await tx.$queryRaw<Claimed[]>`
          SELECT id, kind, email, attempts, requested_ip FROM mail_outbox
           WHERE sent_at IS NULL AND attempts < ${OUTBOX_LIMITS.maxAttempts} AND send_after <= ${options.now ?? new Date()}
           ORDER BY send_after, id
           LIMIT 1
           FOR UPDATE SKIP LOCKED`;
        const row = rows[0];
        if (!row) return false;
        try {
          await deliver(row);
          await tx.mailOutbox.update({
            where: { id: row.id },
            data: { sentAt: new Date(), attempts: row.attempts + 1 },
          });
        } catch (error) {
          const attempts = row.attempts + 1;
          console.error(`[butin] outbox: could not send ${row.kind} (attempt ${attempts}):`, error);
          await tx.mailOutbox.update({
            where: { id: row.id },
            data: {
              attempts,
              lastError: error instanceof Error ? error.message.slice(0, 500) : String(error).slice(0, 500),
              sendAfter: new Date(Date.now() + 2 ** (attempts - 1) * 60_000),
            },
          });
        }
        return true;
      },
      { timeout: 60_000 },
    );
    if (!done) return settled;
    settled++;
    if (settled >= (options.batch ?? 100)) return settled;
  }
}

let draining: Promise<unknown> | null = null;

/** Drains in the background, once at a time per process; errors are logged, never thrown. */
export function drainSoon(): void {
  if (draining) return;
  draining = drainMailOutbox()
    .catch((error: unknown) => console.error('[butin] outbox drain failed:', error))
    .finally(() => {
      draining = null;
    });
}
