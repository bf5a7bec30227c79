// Reads back the text pdfkit drew, for tests, page by page: finds the pages in the order of the
// page tree, inflates their content streams and decodes the strings of their TJ operators, one
// line per operator. Embedded fonts (Identity-H, two bytes a glyph) are decoded through their
// ToUnicode map; pdfkit's standard fonts through WinAnsi.
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

const decodeWinAnsi = (hex: string) =>
  [...Buffer.from(hex, 'hex')].map((byte) => WIN_ANSI_HIGH[byte] ?? String.fromCharCode(byte)).join('');

type PdfObject = { dict: string; stream?: Buffer };

function parseObjects(raw: string): Map<number, PdfObject> {
  const objects = new Map<number, PdfObject>();
  for (const match of raw.matchAll(/(?:^|\n)(\d+) 0 obj\s*/g)) {
    const start = match.index! + match[0].length;
    const streamAt = raw.indexOf('stream', start);
    const endAt = raw.indexOf('endobj', start);
    if (streamAt !== -1 && streamAt < endAt) {
      const dict = raw.slice(start, streamAt);
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
      const dataStart = streamAt + 'stream'.length + (raw[streamAt + 6] === '\r' ? 2 : 1);
      objects.set(Number(match[1]), { dict, stream: Buffer.from(raw.slice(dataStart, dataStart + length), 'latin1') });
    } else {
      objects.set(Number(match[1]), { dict: raw.slice(start, endAt) });
    }
  }
  return objects;
}

function inflated(object: PdfObject | undefined): string {
  if (!object?.stream) return '';
  return /\/Filter \/FlateDecode/.test(object.dict)
    ? inflateSync(object.stream).toString('latin1')
    : object.stream.toString('latin1');
}

/** Glyph code (4 hex digits) → text, from a ToUnicode CMap's bfrange and bfchar entries. */
function toUnicodeMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const text = (hex: string) =>
    String.fromCharCode(...(hex.match(/[0-9a-fA-F]{4}/g) ?? []).map((unit) => parseInt(unit, 16)));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    // A target may be several UTF-16 units: a ligature glyph ("fi") maps to <0066 0069>.
    for (const entry of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const first = parseInt(entry[1], 16);
      const last = parseInt(entry[2], 16);
      if (entry[3].startsWith('[')) {
        [...entry[3].matchAll(/<([0-9a-fA-F\s]*)>/g)].forEach((target, offset) =>
          map.set(first + offset, text(target[1])),
        );
      } else {
        const base = parseInt(entry[3].slice(1, -1), 16);
        for (let code = first; code <= last; code++) map.set(code, String.fromCharCode(base + code - first));
      }
    }
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const entry of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      map.set(parseInt(entry[1], 16), text(entry[2]));
    }
  }
  return map;
}

/** Each page's text lines, in page order. */
export function pdfPages(bytes: Uint8Array): string[][] {
  const raw = Buffer.from(bytes).toString('latin1');
  const objects = parseObjects(raw);

  // Font resource names (F1, F2…) are unique in a pdfkit document: one decoder per name.
  const decoders = new Map<string, (hex: string) => string>();
  for (const object of objects.values()) {
    for (const resource of object.dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const font = objects.get(Number(resource[2]));
      const toUnicode = font && /\/ToUnicode (\d+) 0 R/.exec(font.dict);
      if (!toUnicode) {
        decoders.set(resource[1], decodeWinAnsi);
        continue;
      }
      const map = toUnicodeMap(inflated(objects.get(Number(toUnicode[1]))));
      decoders.set(resource[1], (hex) =>
        (hex.match(/[0-9a-fA-F]{4}/g) ?? []).map((code) => map.get(parseInt(code, 16)) ?? '\ufffd').join(''),
      );
    }
  }

  const pagesObject = [...objects.values()].find((object) => /\/Type \/Pages\b/.test(object.dict));
  const pageIds = [...(/\/Kids \[([^\]]*)\]/.exec(pagesObject?.dict ?? '')?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map(
    (kid) => Number(kid[1]),
  );
  return pageIds.map((pageId) => {
    const page = objects.get(pageId)!;
    const contentIds = [...(/\/Contents (\[[^\]]*\]|\d+ 0 R)/.exec(page.dict)?.[1] ?? '').matchAll(/(\d+) 0 R/g)];
    const lines: string[] = [];
    for (const contentId of contentIds) {
      const content = inflated(objects.get(Number(contentId[1])));
      let decode = decodeWinAnsi;
      for (const operator of content.matchAll(/\/(F\d+)\s+[\d.]+\s+Tf|\[((?:<[0-9a-fA-F]*>|[\s\d.-])*)\]\s*TJ/g)) {
        if (operator[1]) decode = decoders.get(operator[1]) ?? decodeWinAnsi;
        else lines.push([...operator[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((hex) => decode(hex[1])).join(''));
      }
    }
    return lines;
  });
}

/** Every text line of the document, pages one after the other. */
export function pdfTextLines(bytes: Uint8Array): string[] {
  return pdfPages(bytes).flat();
}
