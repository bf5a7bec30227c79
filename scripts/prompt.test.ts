import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { askNewPassword, readHidden } from './prompt';

function terminal() {
  const input = Object.assign(new PassThrough(), {
    isTTY: true,
    modes: [] as boolean[],
    setRawMode(raw: boolean) {
      input.modes.push(raw);
      return input;
    },
  });
  let shown = '';
  const output = new Writable({
    write(chunk, _encoding, done) {
      shown += chunk.toString();
      done();
    },
  });
  return { input, output, shown: () => shown };
}

describe('readHidden', () => {
  it('never shows what is typed, handles backspace, and leaves raw mode', async () => {
    const t = terminal();
    const answer = readHidden('Password: ', t.input, t.output);
    t.input.write('secrex\u007ft-pass');
    t.input.write('word\r');
    await expect(answer).resolves.toBe('secret-password');
    expect(t.shown()).toBe('Password: \n');
    expect(t.input.modes).toEqual([true, false]);
  });

  it('is cancelled by Ctrl-C', async () => {
    const t = terminal();
    const answer = readHidden('Password: ', t.input, t.output);
    t.input.write('abc\u0003');
    await expect(answer).rejects.toThrow('cancelled');
  });
});

describe('askNewPassword', () => {
  it('asks twice and accepts the same password', async () => {
    const t = terminal();
    const answer = askNewPassword(t.input, t.output);
    t.input.write('long-enough-1\n');
    await new Promise((resolve) => setImmediate(resolve));
    t.input.write('long-enough-1\n');
    await expect(answer).resolves.toBe('long-enough-1');
    expect(t.shown()).toBe('Password (at least 10 characters): \nThe same password again: \n');
  });

  it('refuses two different passwords', async () => {
    const t = terminal();
    const answer = askNewPassword(t.input, t.output);
    t.input.write('long-enough-1\n');
    await new Promise((resolve) => setImmediate(resolve));
    t.input.write('long-enough-2\n');
    await expect(answer).rejects.toThrow('differ');
  });
});
