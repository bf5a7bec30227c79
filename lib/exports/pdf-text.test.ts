import { describe, expect, it } from 'vitest';
import { pdfText } from './pdf-text';

describe('pdfText: what Helvetica (WinAnsi) can draw', () => {
  it.each([
    [
      'French stays French',
      'Élise Moreau — Chloé, œuvre, garçon, « 12 € »',
      'Élise Moreau — Chloé, œuvre, garçon, « 12 € »',
    ],
    ["Intl's narrow no-break space becomes a no-break space", '1\u202f234,56\u00a0€', '1\u00a0234,56\u00a0€'],
    ['a minus sign becomes a hyphen', '\u22125 h', '-5 h'],
    ['an accent outside WinAnsi is dropped', 'Ștefan Ğül', 'Stefan Gül'],
    ['what has no Latin form becomes "?"', 'Łukasz 李', '?ukasz ?'],
    ['line breaks are kept', 'a\nb', 'a\nb'],
  ])('%s', (_name, text, expected) => expect(pdfText(text)).toBe(expected));
});
