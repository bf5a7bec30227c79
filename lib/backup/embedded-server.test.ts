import { describe, expect, it } from 'vitest';
import { parsePostmasterPid } from './embedded-server';

const PID_FILE = '4242\n/srv/butin/.data/pg\n1764650000\n54321\n/tmp\n127.0.0.1\n  5432001   1234567\nready   \n';

describe('parsePostmasterPid', () => {
  it.each([
    { text: PID_FILE, alive: true, port: 54321 },
    { text: PID_FILE, alive: false, port: null }, // left by a crash
    { text: '4242\n', alive: true, port: null }, // written half-way at start-up
    { text: '', alive: true, port: null },
    { text: 'x\ny\nz\nw\n', alive: true, port: null },
  ])('$port', ({ text, alive, port }) => {
    expect(parsePostmasterPid(text, () => alive)).toBe(port);
  });
});
