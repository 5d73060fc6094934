/**
 * Reading and writing files byte for byte. A file that is not valid UTF-8 decodes with each
 * invalid byte as a lone surrogate U+DC80+byte (Python's "surrogateescape"), which the policy
 * parser treats as an ordinary character, and encodes back to the same byte: `--fix` then changes
 * only the bytes its edits replace, never a stray Latin-1 byte elsewhere in the file.
 */

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Length of the valid UTF-8 sequence at i, or 0. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  const cont = (k: number) => i + k < bytes.length && (bytes[i + k] & 0xc0) === 0x80;
  if (b < 0x80) {
    return 1;
  }
  if (b >= 0xc2 && b <= 0xdf) {
    return cont(1) ? 2 : 0;
  }
  if (b >= 0xe0 && b <= 0xef) {
    if (!cont(1) || !cont(2)) {
      return 0;
    }
    const b1 = bytes[i + 1];
    // no overlong forms, no UTF-16 surrogates
    if ((b === 0xe0 && b1 < 0xa0) || (b === 0xed && b1 >= 0xa0)) {
      return 0;
    }
    return 3;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    if (!cont(1) || !cont(2) || !cont(3)) {
      return 0;
    }
    const b1 = bytes[i + 1];
    if ((b === 0xf0 && b1 < 0x90) || (b === 0xf4 && b1 >= 0x90)) {
      return 0;
    }
    return 4;
  }
  return 0;
}

/** The text of a file's bytes; `exact` is false when some bytes were not valid UTF-8 (and were escaped). */
export function decodeBytes(bytes: Uint8Array): { text: string; exact: boolean } {
  try {
    return { text: decoder.decode(bytes), exact: true };
  } catch {
    // fall through: escape the invalid bytes one by one
  }
  let text = '';
  let i = 0;
  while (i < bytes.length) {
    const n = sequenceLength(bytes, i);
    if (n === 0) {
      text += String.fromCharCode(0xdc00 + bytes[i]);
      i++;
    } else {
      text += Buffer.from(bytes.subarray(i, i + n)).toString('utf8');
      i += n;
    }
  }
  return { text, exact: false };
}

/** The bytes of a text from decodeBytes: escaped bytes return as themselves. */
export function encodeText(text: string): Buffer {
  const parts: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc80 && c <= 0xdcff && !(i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff)) {
      parts.push(Buffer.from(text.slice(start, i), 'utf8'), Buffer.from([c - 0xdc00]));
      start = i + 1;
    }
  }
  parts.push(Buffer.from(text.slice(start), 'utf8'));
  return Buffer.concat(parts);
}
