// Text as the PDF standard fonts can draw it. Helvetica in a PDF covers WinAnsi (Latin-1 plus
// € œ Œ “ ” – — … and a few more): all of French. Anything else would come out as garbage, so it
// is mapped: the narrow no-break space Intl puts in "1 234,56 €" becomes a no-break space,
// a letter with an unknown accent loses it ("ł" stays "?" but "ș" becomes "s"), the rest "?".

const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const REPLACEMENTS: Record<string, string> = {
  '\u202f': '\u00a0',
  '\u2009': '\u00a0',
  '\u2007': '\u00a0',
  '\u2212': '-',
  '\u2011': '-',
  '\u2010': '-',
};

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0)!;
  return char === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(char);
}

export function pdfText(text: string): string {
  let result = '';
  for (const char of text) {
    if (isWinAnsi(char)) result += char;
    else if (REPLACEMENTS[char]) result += REPLACEMENTS[char];
    else {
      const stripped = char.normalize('NFKD').replace(/\p{M}/gu, '');
      result += stripped && [...stripped].every(isWinAnsi) ? stripped : '?';
    }
  }
  return result;
}
