// The headers of a served file: a Content-Disposition every browser reads, whatever the name.
import { describe, expect, it } from 'vitest';
import { contentDisposition, fileHeaders } from './headers';

describe('contentDisposition', () => {
  it.each([
    ['ticket.png', 'inline', `inline; filename="ticket.png"; filename*=UTF-8''ticket.png`],
    [
      'Reçu été.pdf',
      'attachment',
      `attachment; filename="Recu ete.pdf"; filename*=UTF-8''Re%C3%A7u%20%C3%A9t%C3%A9.pdf`,
    ],
    ['a"b\\c.png', 'inline', `inline; filename="a_b_c.png"; filename*=UTF-8''a%22b%5Cc.png`],
    ["l'atelier (2).png", 'inline', `inline; filename="l'atelier (2).png"; filename*=UTF-8''l%27atelier%20%282%29.png`],
    ['票据.png', 'inline', `inline; filename="__.png"; filename*=UTF-8''%E7%A5%A8%E6%8D%AE.png`],
  ] as const)('%s', (name, disposition, expected) => {
    expect(contentDisposition(name, disposition)).toBe(expected);
  });
});

describe('fileHeaders', () => {
  it('never lets a browser guess the type, run script or frame the file elsewhere', () => {
    const headers = fileHeaders({
      fileName: 'a.pdf',
      contentType: 'application/pdf',
      sizeBytes: 12,
      sha256: 'ab',
      download: false,
    });
    expect(headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-length': '12',
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    });
    expect(headers['content-security-policy']).toContain('sandbox');
    expect(headers['content-security-policy']).toContain("default-src 'none'");
  });
});
