// For an integration describe block: a real SMTP server started once, SMTP_URL pointing at it
// during each test (its caught messages emptied first), and the app's mailer reset around each.
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { resetMailer } from '@/lib/mail/mailer';
import { freePort } from '../../scripts/embedded-postgres';
import { startMailCatcher, type CaughtMail } from './mail-catcher';

export function useSmtp(): { readonly messages: CaughtMail[]; readonly smtpUrl: string } {
  let catcher: Awaited<ReturnType<typeof startMailCatcher>> | undefined;
  beforeAll(async () => {
    catcher = await startMailCatcher({ smtpPort: await freePort() });
  });
  beforeEach(() => {
    catcher!.messages.length = 0;
    process.env.SMTP_URL = catcher!.smtpUrl;
    resetMailer();
  });
  afterEach(() => {
    delete process.env.SMTP_URL;
    resetMailer();
  });
  afterAll(async () => {
    await catcher?.stop();
  });
  return {
    get messages() {
      return catcher!.messages;
    },
    get smtpUrl() {
      return catcher!.smtpUrl;
    },
  };
}
