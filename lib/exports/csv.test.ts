// The CSV as French Excel and LibreOffice must read it, checked on the bytes and by parsing it
// back with csv-parse: whatever a name or a description holds, the cells come back unchanged.
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { CSV_BOM, CSV_LINE_END, csvLine, csvReadable, safeText, type CsvRecord } from './csv';

async function csvText(
  records: Iterable<CsvRecord> | AsyncIterable<CsvRecord>,
): Promise<{ bytes: Buffer; text: string }> {
  const chunks: Buffer[] = [];
  for await (const chunk of csvReadable(records)) chunks.push(Buffer.from(chunk));
  const bytes = Buffer.concat(chunks);
  return { bytes, text: bytes.toString('utf8') };
}

const parseBack = (text: string): string[][] =>
  parse(text, { delimiter: ';', bom: true, relax_column_count: true, skip_empty_lines: false });

// Mostly the characters that matter to CSV, and some text around them.
const cellText = fc.oneof(
  fc.string({ unit: fc.constantFrom(';', '"', '\n', '\r', ',', ' ', 'a', 'é', '€', '=', "'"), maxLength: 10 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);

describe('csvReadable', () => {
  it('starts with the UTF-8 BOM, separates with ";" and ends every line with CRLF', async () => {
    const { bytes, text } = await csvText([
      ['Personne', 'Montant (€)'],
      ['Élise Moreau', '444,45'],
    ]);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text).toBe('\ufeffPersonne;Montant (€)\r\nÉlise Moreau;444,45\r\n');
  });

  it.each([
    ['a semicolon', 'Dupont; Durand', '"Dupont; Durand"'],
    ['a double quote', 'Le "Fab" lab', '"Le ""Fab"" lab"'],
    ['a line feed', 'ligne 1\nligne 2', '"ligne 1\nligne 2"'],
    ['a carriage return', 'ligne 1\rligne 2', '"ligne 1\rligne 2"'],
    ['a CRLF', 'ligne 1\r\nligne 2', '"ligne 1\r\nligne 2"'],
    ['nothing special', 'Chloé Dubois', 'Chloé Dubois'],
  ])('quotes a cell holding %s', async (_what, cell, written) => {
    const { text } = await csvText([[cell, 'fin']]);
    expect(text).toBe(`\ufeff${written};fin\r\n`);
    expect(parseBack(text)).toEqual([[cell, 'fin']]);
  });

  it('writes numbers as they are, null as an empty cell, and an empty record as a blank line', async () => {
    const { text } = await csvText([['a', 12, null, ''], [], ['b']]);
    expect(text).toBe('\ufeffa;12;;\r\n\r\nb\r\n');
  });

  it('gives back any text unchanged, whatever it holds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cellText, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        async (records) => {
          // A record of one empty cell is a blank line, which reads back as no record at all.
          const nonBlank = records.filter((record) => !(record.length === 1 && record[0] === ''));
          const { text } = await csvText(nonBlank);
          expect(parseBack(text).filter((record) => !(record.length === 1 && record[0] === ''))).toEqual(nonBlank);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('pulls records one at a time from a generator, and fails the stream if it throws', async () => {
    let produced = 0;
    function* records(): Generator<CsvRecord> {
      for (let index = 0; index < 5; index++) {
        produced++;
        yield [index];
      }
      throw new Error('database went away');
    }
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const stream = csvReadable(records());
      await expect(async () => {
        for await (const _chunk of stream) void _chunk;
      }).rejects.toThrow('database went away');
      expect(produced).toBe(5);
      expect(logged).toHaveBeenCalledWith(
        '[butin] CSV export failed:',
        expect.objectContaining({ message: 'database went away' }),
      );
    } finally {
      logged.mockRestore();
    }
  });

  it('streams many rows from an async generator', async () => {
    async function* many(): AsyncGenerator<CsvRecord> {
      for (let index = 0; index < 20_000; index++) yield [`Personne ${index}`, index];
    }
    let lines = 0;
    for await (const chunk of csvReadable(many()))
      lines += Buffer.from(chunk).toString('utf8').split('\r\n').length - 1;
    expect(lines).toBe(20_000);
  });
});

describe('safeText: free text never runs as a formula', () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', `'=HYPERLINK("http://evil","x")`],
    ['+33 6 12', `'+33 6 12`],
    ['-Anne', `'-Anne`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1+1', `'\t=1+1`],
    ['Anne-Marie', 'Anne-Marie'],
    ['', ''],
  ])('%j → %j', (text, safe) => expect(safeText(text)).toBe(safe));

  it('treats a missing text as empty', () => {
    expect(safeText(null)).toBe('');
    expect(safeText(undefined)).toBe('');
  });
});

describe('csvLine: the bytes csv-stringify writes, one line at a time', () => {
  it.each<[string, CsvRecord, string]>([
    ['plain cells', ['Élise Moreau', '444,45'], 'Élise Moreau;444,45'],
    ['a semicolon', ['Dupont; Durand', 'fin'], '"Dupont; Durand";fin'],
    ['a double quote', ['Le "Fab" lab'], '"Le ""Fab"" lab"'],
    ['a line feed', ['ligne 1\nligne 2'], '"ligne 1\nligne 2"'],
    ['a carriage return', ['ligne 1\rligne 2'], '"ligne 1\rligne 2"'],
    ['numbers and null', ['a', 12, null, ''], 'a;12;;'],
    ['an empty record', [], ''],
  ])('%s', (_what, record, line) => expect(csvLine(record)).toBe(line));

  it('writes any records exactly as csvReadable does', async () => {
    const cell = fc.oneof(cellText, fc.integer(), fc.constant(null));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { maxLength: 5 }), { minLength: 1, maxLength: 6 }), async (records) => {
        const { text } = await csvText(records);
        expect(CSV_BOM + records.map((record) => csvLine(record) + CSV_LINE_END).join('')).toBe(text);
      }),
      { numRuns: 200 },
    );
  });
});
