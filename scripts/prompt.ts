// A password prompt for the command-line scripts: what is typed is not shown, and it is asked
// twice. Reads raw keystrokes from a terminal; from a pipe it reads lines (one per question).
import type { Readable, Writable } from 'node:stream';

type Input = Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };

/** Reads one line from `input` without echoing it (a terminal in raw mode), writing `question` first. */
export function readHidden(question: string, input: Input, output: Writable): Promise<string> {
  output.write(question);
  return new Promise((resolve, reject) => {
    let value = '';
    const raw = Boolean(input.isTTY && input.setRawMode);
    if (raw) input.setRawMode!(true);
    input.setEncoding('utf8');
    const finish = (error?: Error) => {
      input.off('data', onData);
      input.off('end', onEnd);
      if (raw) input.setRawMode!(false);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onEnd = () => finish(value ? undefined : new Error('no password given (end of input)'));
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003') return finish(new Error('cancelled')); // Ctrl-C
        if (char === '\u0004') return onEnd(); // Ctrl-D
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else value += char;
      }
    };
    input.on('data', onData);
    input.on('end', onEnd);
    input.resume();
  });
}

/** Asks for a new password twice; rejects when the two differ. */
export async function askNewPassword(input: Input, output: Writable): Promise<string> {
  const first = await readHidden('Password (at least 10 characters): ', input, output);
  const second = await readHidden('The same password again: ', input, output);
  if (first !== second) throw new Error('the two passwords differ');
  return first;
}
