// A real SMTP server for tests (smtp-server), keeping what it receives in memory, plus a tiny
// HTTP endpoint so browser tests running in another process can read the messages.
import http from 'node:http';
import { SMTPServer } from 'smtp-server';

export type CaughtMail = { from: string; to: string[]; raw: string; receivedAt: string };

export async function startMailCatcher(options: { smtpPort: number; httpPort?: number }) {
  const messages: CaughtMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          receivedAt: new Date().toISOString(),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(options.smtpPort, '127.0.0.1', resolve));
  let web: http.Server | undefined;
  if (options.httpPort) {
    web = http.createServer((request, response) => {
      if (request.method === 'DELETE') messages.length = 0;
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify(messages));
    });
    await new Promise<void>((resolve) => web!.listen(options.httpPort, '127.0.0.1', resolve));
  }
  return {
    messages,
    smtpUrl: `smtp://127.0.0.1:${options.smtpPort}`,
    async stop() {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      if (web) await new Promise<void>((resolve) => web!.close(() => resolve()));
    },
  };
}

/** The body of a raw message, with quoted-printable soft line breaks undone. */
export function mailText(raw: string): string {
  const body = raw
    .split(/\r?\n\r?\n/)
    .slice(1)
    .join('\n\n');
  // Quoted-printable encodes UTF-8 bytes one by one (=C3=A9 for é): gather the bytes, then decode.
  const text = body.replace(/=\r?\n/g, '');
  const parts: Buffer[] = [];
  let last = 0;
  for (const match of text.matchAll(/=([0-9A-F]{2})/g)) {
    parts.push(Buffer.from(text.slice(last, match.index), 'utf8'), Buffer.from([parseInt(match[1], 16)]));
    last = match.index + match[0].length;
  }
  parts.push(Buffer.from(text.slice(last), 'utf8'));
  return Buffer.concat(parts).toString('utf8');
}
