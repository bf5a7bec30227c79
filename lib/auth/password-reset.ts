// "Forgot my password": with SMTP, a one-time link is emailed. The request only queues the email
// (lib/auth/mail-outbox.ts) and is answered at once, with the same words and in the same time
// whether an account exists; the link is made and sent after the answer. Requests are limited
// per email and per address. Without SMTP, an admin makes the link from the people page instead.
import 'server-only';
import { after } from 'next/server';
import { drainSoon, enqueuePasswordReset } from '@/lib/auth/mail-outbox';
import { mailEnabled } from '@/lib/mail/mailer';

export async function requestPasswordReset(email: string, ip = 'unknown'): Promise<void> {
  if (!mailEnabled()) return;
  await enqueuePasswordReset({ email, ip });
  // After the response is sent (outside a request, e.g. in tests, right away in the background).
  try {
    after(drainSoon);
  } catch {
    drainSoon();
  }
}
