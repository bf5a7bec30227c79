import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { chunkedWebStream } from './response';

async function chunksOf(stream: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
  return chunks;
}

const text = (chunks: Uint8Array[]) => Buffer.concat(chunks).toString('utf8');

describe('chunkedWebStream', () => {
  it('gathers small pieces into chunks of at least the size asked, every byte kept in order', async () => {
    const lines = Array.from({ length: 1_000 }, (_, index) => `ligne ${index};é\r\n`);
    const chunks = await chunksOf(chunkedWebStream(Readable.from(lines), 1_024));
    expect(text(chunks)).toBe(lines.join(''));
    expect(chunks.length).toBeLessThan(lines.length / 10);
    for (const chunk of chunks.slice(0, -1)) expect(chunk.length).toBeGreaterThanOrEqual(1_024);
  });

  it.each([
    ['nothing', []],
    ['one small piece', ['a']],
    ['pieces larger than a chunk', ['x'.repeat(5_000), 'y'.repeat(3)]],
  ])('%s', async (_, pieces) => {
    const chunks = await chunksOf(chunkedWebStream(Readable.from(pieces.map((piece) => Buffer.from(piece))), 1_024));
    expect(text(chunks)).toBe(pieces.join(''));
    expect(chunks.every((chunk) => chunk.length > 0)).toBe(true);
  });

  it('a source failing part-way makes the download fail, not end as if whole', async () => {
    async function* failing() {
      yield Buffer.from('début;');
      throw new Error('database went away');
    }
    await expect(chunksOf(chunkedWebStream(Readable.from(failing()), 4))).rejects.toThrow('database went away');
  });

  it('a reader that goes away stops the source', async () => {
    const source = Readable.from(
      (function* () {
        for (let index = 0; ; index++) yield Buffer.from(`${index}\n`);
      })(),
    );
    const reader = chunkedWebStream(source, 16).getReader();
    await reader.read();
    await reader.cancel();
    expect(source.destroyed).toBe(true);
  });
});
