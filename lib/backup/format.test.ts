import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  backupFileName,
  backupsToPrune,
  countLines,
  encodeFrame,
  loadOrder,
  migrationProblem,
  readFrames,
  type FrameKind,
} from './format';

async function* chunksOf(buffer: Buffer, sizes: number[]): AsyncGenerator<Buffer> {
  let at = 0;
  for (const size of sizes) {
    if (at >= buffer.length) break;
    yield buffer.subarray(at, at + size);
    at += size;
  }
  if (at < buffer.length) yield buffer.subarray(at);
}

async function collect(chunks: AsyncIterable<Buffer>) {
  const frames: { kind: FrameKind; payload: string }[] = [];
  for await (const frame of readFrames(chunks)) frames.push({ kind: frame.kind, payload: frame.payload.toString() });
  return frames;
}

describe('frames', () => {
  it('read back what was written, however the bytes are cut into chunks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ kind: fc.constantFrom<FrameKind>('H', 'T', 'D', 'E', 'M'), payload: fc.string() })),
        fc.array(fc.integer({ min: 1, max: 40 })),
        async (frames, sizes) => {
          const bytes = Buffer.concat(frames.map((frame) => encodeFrame(frame.kind, frame.payload)));
          expect(await collect(chunksOf(bytes, sizes))).toEqual(frames);
        },
      ),
    );
  });

  it('report a stream cut inside a frame, wherever it is cut', async () => {
    const bytes = Buffer.concat([encodeFrame('H', '{"a":1}'), encodeFrame('D', 'row\n')]);
    for (let cut = 1; cut < bytes.length; cut++) {
      if (cut === encodeFrame('H', '{"a":1}').length) continue; // a clean frame boundary
      await expect(collect(chunksOf(bytes.subarray(0, cut), [3])), `cut at ${cut}`).rejects.toThrow(/truncated/);
    }
  });

  it('refuse an unknown frame kind or an absurd length', async () => {
    await expect(collect(chunksOf(Buffer.from('Xabcdefgh'), [9]))).rejects.toThrow(/not a Butin backup/);
    const huge = Buffer.alloc(5);
    huge.write('D', 0, 'latin1');
    huge.writeUInt32BE(0xffffffff, 1);
    await expect(collect(chunksOf(huge, [5]))).rejects.toThrow(/not a Butin backup/);
  });
});

describe('countLines', () => {
  it.each([
    ['', 0],
    ['a\tb\n', 1],
    ['a\\nb\n', 1], // a newline inside a value is escaped in COPY text
    ['1\n2\n3\n', 3],
  ])('%j has %i rows', (text, rows) => expect(countLines(Buffer.from(text))).toBe(rows));
});

describe('loadOrder', () => {
  it('puts each table after the tables it references, ignoring references to itself', () => {
    const order = loadOrder(
      ['payments', 'people', 'payout_runs', 'funding_periods'],
      [
        { from: 'payments', to: 'payout_runs' },
        { from: 'payments', to: 'payments' },
        { from: 'payout_runs', to: 'funding_periods' },
        { from: 'funding_periods', to: 'people' },
        { from: 'payout_runs', to: 'people' },
      ],
    );
    expect(order).toEqual(['people', 'funding_periods', 'payout_runs', 'payments']);
  });

  it('refuses a cycle', () => {
    expect(() =>
      loadOrder(
        ['a', 'b'],
        [
          { from: 'a', to: 'b' },
          { from: 'b', to: 'a' },
        ],
      ),
    ).toThrow(/cycle/);
  });
});

describe('migrationProblem', () => {
  const known = ['001_init', '002_index', '003_more'];
  it.each([
    { backup: ['001_init', '002_index'], applied: [], expected: null },
    { backup: ['001_init'], applied: ['001_init'], expected: null },
    { backup: ['001_init', '004_future'], applied: [], expected: /newer Butin.*004_future/ },
    { backup: ['001_init'], applied: ['001_init', '002_index'], expected: /already migrated past.*002_index/ },
  ])('backup $backup into a database at $applied', ({ backup, applied, expected }) => {
    const problem = migrationProblem({ backup, known, applied });
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});

describe('backup files', () => {
  it('are named by date, in an order that sorts', () => {
    expect(backupFileName(new Date('2026-12-02T04:15:59Z'))).toBe('butin-2026-12-02T0415Z.butin-backup.gz');
  });

  it('keep the newest ones and never touch other files', () => {
    const names = Array.from({ length: 16 }, (_, day) =>
      backupFileName(new Date(Date.UTC(2026, 0, day + 1, 3, 0))),
    ).reverse();
    const pruned = backupsToPrune([...names, 'notes.txt', 'manual.butin-backup.gz'], 14);
    expect(pruned).toEqual([
      backupFileName(new Date(Date.UTC(2026, 0, 1, 3))),
      backupFileName(new Date(Date.UTC(2026, 0, 2, 3))),
    ]);
    expect(backupsToPrune(names, 0)).toEqual([]);
    expect(backupsToPrune(names.slice(0, 3), 14)).toEqual([]);
  });
});
