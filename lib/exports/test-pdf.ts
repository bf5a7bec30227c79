// Reads back the text pdfkit drew with its standard fonts, for tests: inflates the content
// streams and decodes the WinAnsi strings of their TJ operators, one line per operator.
import { inflateSync } from 'node:zlib';

const WIN_ANSI_HIGH: Record<number, string> = {
  0x80: '€',
  0x85: '…',
  0x8c: 'Œ',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x96: '–',
  0x97: '—',
  0x9c: 'œ',
};

const decode = (hex: string) =>
  [...Buffer.from(hex, 'hex')].map((byte) => WIN_ANSI_HIGH[byte] ?? String.fromCharCode(byte)).join('');

export function pdfTextLines(bytes: Uint8Array): string[] {
  const raw = Buffer.from(bytes).toString('latin1');
  const lines: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1], 'latin1')).toString('latin1');
    } catch {
      continue; // not a compressed content stream (an image, a font)
    }
    for (const operator of content.matchAll(/\[((?:<[0-9a-fA-F]*>|[\s\d.-])*)\]\s*TJ/g)) {
      lines.push([...operator[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((hex) => decode(hex[1])).join(''));
    }
  }
  return lines;
}
