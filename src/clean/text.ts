import { TextBuilder, type OffsetMap } from '../core/offsets.js';

/** A stretch of the raw input left out of the clean text, and why (kept as evidence of noise). */
export interface Removed {
  rawStart: number;
  rawEnd: number;
  reason: string;
}

/** Clean text with its map, the paragraph spans, and what was left out. */
export interface CleanResult {
  text: string;
  offsets: OffsetMap;
  paragraphs: Array<{ start: number; end: number; kind?: string }>;
  removed: Removed[];
}

/** Decides, line by line, whether a line of scraped text is noise; returns a reason to drop it. */
export type LineFilter = (line: string, index: number, lines: readonly string[]) => string | undefined;

/** `/[\s\u00a0\u200b\ufeff]/.test(raw[i])` by character code: this runs on every character of the input. */
function isWs(code: number): boolean {
  if (code > 32 && code < 127) return false;
  return (
    code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/**
 * Appends `raw[start, end)` to the builder with runs of whitespace collapsed to one space, each
 * collapsed run mapped as a whole to its raw stretch. Zero-width characters are dropped.
 */
export function appendCollapsed(b: TextBuilder, raw: string, start: number, end: number): void {
  let i = start;
  let runStart = start;
  while (i < end) {
    const code = raw.charCodeAt(i);
    // A lone plain space stays in the verbatim run (copying it apart would merge into the same segment).
    if (code === 32 && !(i + 1 < end && isWs(raw.charCodeAt(i + 1)))) {
      i++;
      continue;
    }
    if (isWs(code)) {
      b.copy(raw, runStart, i);
      let j = i;
      while (j < end && isWs(raw.charCodeAt(j))) j++;
      const onlyZeroWidth = /^[\u200b\ufeff]+$/.test(raw.slice(i, j));
      if (!onlyZeroWidth) b.mapped(' ', i, j);
      i = j;
      runStart = j;
    } else i++;
  }
  b.copy(raw, runStart, end);
}

/** Splits raw text into lines with their raw bounds (without the line break). */
export function rawLines(raw: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (let i = 0; i <= raw.length; i++) {
    if (i === raw.length || raw[i] === '\n' || raw[i] === '\r') {
      out.push({ start, end: i });
      if (raw[i] === '\r' && raw[i + 1] === '\n') i++;
      start = i + 1;
    }
  }
  return out;
}

/** The trimmed text of each raw line with control characters blanked: what line filters see. */
export function lineTexts(raw: string, lines: ReadonlyArray<{ start: number; end: number }> = rawLines(raw)): string[] {
  return lines.map((l) => raw.slice(l.start, l.end).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ').trim());
}

/**
 * Cleans plain text: each non-empty line becomes a paragraph line of the clean text, whitespace
 * collapsed, control characters dropped. `filter` may drop noise lines (recorded in `removed`).
 */
export function cleanPlainText(raw: string, filter?: LineFilter, kindOf?: (index: number) => string | undefined): CleanResult {
  const b = new TextBuilder();
  const paragraphs: CleanResult['paragraphs'] = [];
  const removed: Removed[] = [];
  const lines = rawLines(raw);
  const texts = lineTexts(raw, lines);
  lines.forEach((line, idx) => {
    const t = texts[idx];
    if (!t) return;
    const why = filter?.(t, idx, texts);
    if (why) {
      removed.push({ rawStart: line.start, rawEnd: line.end, reason: why });
      return;
    }
    // Trim within the raw line so the map stays exact.
    let s = line.start;
    let e = line.end;
    while (s < e && (isWs(raw.charCodeAt(s)) || raw.charCodeAt(s) < 32)) s++;
    while (e > s && (isWs(raw.charCodeAt(e - 1)) || raw.charCodeAt(e - 1) < 32)) e--;
    if (b.size) b.synthetic('\n', line.start);
    const cs = b.size;
    appendCollapsedNoControl(b, raw, s, e);
    const kind = kindOf?.(idx);
    paragraphs.push(kind ? { start: cs, end: b.size, kind } : { start: cs, end: b.size });
  });
  const { text, offsets } = b.finish();
  return { text, offsets, paragraphs, removed };
}

function appendCollapsedNoControl(b: TextBuilder, raw: string, s: number, e: number): void {
  // Control characters inside a line become separators so words do not glue together.
  let runStart = s;
  for (let i = s; i < e; i++) {
    const code = raw.charCodeAt(i);
    if ((code < 32 && code !== 9) || code === 127) {
      appendCollapsed(b, raw, runStart, i);
      if (b.lastChar() !== ' ') b.mapped(' ', i, i + 1);
      runStart = i + 1;
    }
  }
  appendCollapsed(b, raw, runStart, e);
}
