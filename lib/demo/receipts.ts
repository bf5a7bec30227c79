// Small, real receipt files for the demo collective's claims, made on the spot (nothing shipped):
// a PNG "photo of a ticket" (a tinted image with a darker band, valid for any viewer) and a
// one-page PDF invoice (pdfkit). Deterministic: the same arguments give the same bytes.
import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A `width` × `height` RGB PNG of colour `rgb`, with a darker band across its middle third. */
export function receiptPng(rgb: [number, number, number], width = 96, height = 128): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolour, deflate, no filter, no interlace
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const band = y > height / 3 && y < (2 * height) / 3;
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) row.set(band ? rgb.map((value) => value >> 1) : rgb, 1 + x * 3);
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A one-page PDF invoice naming who sold what for how much. */
export async function receiptPdf(lines: string[]): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A6',
    margin: 24,
    info: { Title: lines[0] ?? 'Facture', CreationDate: new Date(0) },
  });
  doc
    .font('Helvetica-Bold')
    .fontSize(12)
    .text(lines[0] ?? 'Facture');
  doc.font('Helvetica').fontSize(9);
  for (const line of lines.slice(1)) doc.text(line);
  doc.end();
  const chunks: Buffer[] = [];
  for await (const part of doc as unknown as AsyncIterable<Buffer>) chunks.push(part);
  return Buffer.concat(chunks);
}
