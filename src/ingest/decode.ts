import chardet from 'chardet';
import iconv from 'iconv-lite';

/** The outcome of decoding bytes: text, the charset used, and a problem note when we guessed. */
export interface Decoded {
  text: string;
  charset: string;
  /** Set when the bytes were not valid in the charset we expected. */
  problem?: string;
}

const BOMS: Array<[number[], string]> = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

/** Normalises a charset label to one iconv-lite knows, or undefined. */
export function normaliseCharset(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (!l) return undefined;
  if (l === 'utf8' || l === 'unicode-1-1-utf-8') return 'utf-8';
  // Browsers read latin1 / ascii labels as windows-1252; so do we.
  if (l === 'iso-8859-1' || l === 'latin1' || l === 'us-ascii' || l === 'ascii') return 'windows-1252';
  return iconv.encodingExists(l) ? l : undefined;
}

/** Finds a charset declared in the first bytes of an HTML page (`<meta charset>` or http-equiv). */
export function sniffHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w:.-]+)/i.exec(head);
  return m ? normaliseCharset(m[1]) : undefined;
}

/**
 * Decodes bytes to text and never throws: BOM first, then a declared charset, then strict UTF-8,
 * then a detected charset. A wrong declaration is overruled by valid UTF-8 and reported.
 */
export function decodeBytes(bytes: Uint8Array, declared?: string): Decoded {
  for (const [bom, cs] of BOMS) {
    if (bom.every((b, i) => bytes[i] === b)) {
      return { text: iconv.decode(Buffer.from(bytes.subarray(bom.length)), cs), charset: cs };
    }
  }
  const decl = normaliseCharset(declared);
  let utf8: string | undefined;
  let badAt = -1;
  try {
    utf8 = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    badAt = firstInvalidUtf8(bytes);
  }
  if (decl && decl !== 'utf-8') {
    // A page that says windows-1252 but is valid UTF-8 with multi-byte sequences is UTF-8.
    if (utf8 !== undefined && /[^\x00-\x7f]/.test(utf8) && decl.startsWith('windows-125')) {
      return { text: utf8, charset: 'utf-8', problem: `declared charset ${decl} but the bytes are valid UTF-8; read as UTF-8` };
    }
    return { text: iconv.decode(Buffer.from(bytes), decl), charset: decl };
  }
  if (utf8 !== undefined) return { text: utf8, charset: 'utf-8' };
  const guess = normaliseCharset(chardet.detect(Buffer.from(bytes)) ?? undefined);
  const cs = guess && guess !== 'utf-8' ? guess : 'windows-1252';
  return {
    text: iconv.decode(Buffer.from(bytes), cs),
    charset: cs,
    problem: `${decl ? 'declared UTF-8 but ' : ''}invalid UTF-8 at byte ${badAt}; decoded as ${cs} (a guess)`,
  };
}

/** Position of the first byte that breaks UTF-8, for the error message. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return -1;
}
