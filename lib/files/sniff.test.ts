// Reading a file's type from its bytes, and the name it is kept under.
import { describe, expect, it } from 'vitest';
import { cleanFileName, sniffFile } from './sniff';
import { MAX_FILE_BYTES } from './schemas';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
const WEBP = Buffer.concat([
  Buffer.from('RIFF'),
  Buffer.from([0x24, 0, 0, 0]),
  Buffer.from('WEBPVP8 '),
  Buffer.alloc(32),
]);
const box = (brand: string) =>
  Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftyp'), Buffer.from(brand), Buffer.alloc(12)]);

describe('sniffFile', () => {
  it.each([
    [PNG, 'ticket.png', 'image/png', 'ticket.png'],
    [PDF, 'facture.PDF', 'application/pdf', 'facture.PDF'],
    [WEBP, 'photo.webp', 'image/webp', 'photo.webp'],
    [box('heic'), 'IMG_0001.HEIC', 'image/heic', 'IMG_0001.HEIC'],
    [box('mif1'), 'IMG_0002.heif', 'image/heic', 'IMG_0002.heif'],
    [PNG, 'Facture 12.2026', 'image/png', 'Facture 12.2026.png'],
    [PNG, '', 'image/png', 'fichier.png'],
  ])('reads %#: %s', async (bytes, name, contentType, fileName) => {
    expect(await sniffFile(new Uint8Array(bytes), name)).toEqual({ contentType, fileName });
  });

  it.each([
    ['text', Buffer.from('hello'), 'a.pdf', 'UNSUPPORTED_FILE_TYPE', 'claims.errors.UNSUPPORTED_FILE_TYPE'],
    [
      'a zip',
      Buffer.from([0x50, 0x4b, 0x03, 0x04, ...Array(40).fill(0)]),
      'a.zip',
      'UNSUPPORTED_FILE_TYPE',
      'claims.errors.UNSUPPORTED_FILE_TYPE',
    ],
    ['a PNG named .jpg', PNG, 'a.jpg', 'UNSUPPORTED_FILE_TYPE', 'claims.errors.FILE_NAME_MISMATCH'],
    ['empty', Buffer.alloc(0), 'a.png', 'VALIDATION', 'claims.errors.FILE_EMPTY'],
    ['10 MB + 1 byte', Buffer.alloc(MAX_FILE_BYTES + 1), 'a.png', 'FILE_TOO_LARGE', 'claims.errors.FILE_TOO_LARGE'],
  ])('refuses %s', async (_label, bytes, name, code, messageKey) => {
    await expect(sniffFile(new Uint8Array(bytes), name)).rejects.toMatchObject({ code, messageKey });
  });
});

describe('cleanFileName', () => {
  it('drops paths, control and direction characters, and keeps the extension of a long name', () => {
    expect(cleanFileName('C:\\Users\\moi\\ticket.png')).toBe('ticket.png');
    expect(cleanFileName('../../etc/passwd.png')).toBe('passwd.png');
    expect(cleanFileName('fac\u202Etgnp.exe')).toBe('factgnp.exe');
    const long = cleanFileName(`${'a'.repeat(300)}.pdf`);
    expect(long).toHaveLength(200);
    expect(long.endsWith('.pdf')).toBe(true);
  });
});
