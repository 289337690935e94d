// RFC 5545 §3.1 line folding by octets. ical-generator folds by octets too, but builds a
// TextEncoder for every character: 4 of the 5 seconds a 10,000-event feed took. This does the
// same in one pass without allocating.

/** Folds every line of unfolded CRLF text to at most 75 octets, without splitting a character. */
export function foldLines(text: string): string {
  return text.split('\r\n').map(foldLine).join('\r\n');
}

/** Unfolds, then folds every content line to at most 75 octets without splitting a character. */
export function refoldByOctets(text: string): string {
  const logicalLines = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((line, index, all) => line !== '' || index < all.length - 1);
  return logicalLines.map(foldLine).join('\r\n') + '\r\n';
}

function foldLine(line: string): string {
  // Most lines are short and printable ASCII, one octet per character: nothing to fold.
  if (line.length <= 75 && /^[ -~]*$/.test(line)) return line;
  const pieces: string[] = [];
  let current = '';
  let currentOctets = 0;
  let limit = 75;
  for (const char of line) {
    const octets = utf8Length(char);
    if (currentOctets + octets > limit) {
      pieces.push(current);
      current = '';
      currentOctets = 0;
      limit = 74; // continuation lines start with a space, which counts towards the 75
    }
    current += char;
    currentOctets += octets;
  }
  pieces.push(current);
  return pieces.join('\r\n ');
}

function utf8Length(char: string): number {
  const codePoint = char.codePointAt(0) ?? 0;
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}
