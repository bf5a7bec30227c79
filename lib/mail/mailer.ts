// Outgoing email through SMTP_URL (nodemailer). Without it, Butin shows links in the app instead,
// and sendMail reports that nothing was sent so the caller can say so.
import nodemailer, { type Transporter } from 'nodemailer';

let transporter: Transporter | null | undefined;

function getTransporter(): Transporter | null {
  if (transporter === undefined) {
    transporter = process.env.SMTP_URL ? nodemailer.createTransport(process.env.SMTP_URL) : null;
  }
  return transporter;
}

export function mailEnabled(): boolean {
  return Boolean(process.env.SMTP_URL);
}

export async function sendMail(message: { to: string; subject: string; text: string }): Promise<boolean> {
  const transport = getTransporter();
  if (!transport) return false;
  await transport.sendMail({ from: process.env.MAIL_FROM ?? 'Butin <butin@localhost>', ...message });
  return true;
}

/** For tests that change SMTP_URL between cases. */
export function resetMailer(): void {
  transporter = undefined;
}
