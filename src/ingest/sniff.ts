/** Known binary signatures, so a PNG named `.txt` is refused with its real kind in the message. */
const MAGIC: Array<[string, number[]]> = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['ZIP archive (or DOCX/XLSX)', [0x50, 0x4b, 0x03, 0x04]],
  ['WebP/RIFF media', [0x52, 0x49, 0x46, 0x46]],
  ['ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['gzip data', [0x1f, 0x8b]],
];

/** Names the binary kind of `bytes`, or returns undefined for what looks like text. */
export function binaryKind(bytes: Uint8Array): string | undefined {
  for (const [name, sig] of MAGIC) if (sig.every((b, i) => bytes[i] === b)) return name;
  const n = Math.min(bytes.length, 8192);
  if (!n) return undefined;
  // UTF-16 text has NULs too; a BOM says it is text.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return undefined;
  let nul = 0;
  let ctl = 0;
  for (let i = 0; i < n; i++) {
    const c = bytes[i];
    if (c === 0) nul++;
    else if (c < 9 || (c > 13 && c < 32 && c !== 27)) ctl++;
  }
  if (nul > 0) return 'binary data (contains NUL bytes)';
  if (ctl / n > 0.1) return 'binary data (mostly control bytes)';
  return undefined;
}

/** True when the text looks like HTML rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /<(body|div|p|article|head)[\s>]/.test(head);
}
