/**
 * The offset map from clean-text positions to raw-input positions.
 *
 * Stored as a flat list of quadruples `[cleanStart, cleanEnd, rawStart, rawEnd]`, sorted and
 * contiguous in clean positions. A segment whose clean and raw lengths are equal is a verbatim
 * copy and maps position by position; any other segment (a decoded entity, a collapsed run of
 * whitespace, an inserted paragraph break) maps as a whole. Plain JSON, so it survives
 * `JSON.parse(JSON.stringify(map))`.
 */
export interface OffsetMap {
  /** Flat quadruples: cleanStart, cleanEnd, rawStart, rawEnd. */
  segments: number[];
}

/** Builds clean text and its offset map together, so they can never drift apart. */
export class TextBuilder {
  private parts: string[] = [];
  private length = 0;
  private segs: number[] = [];

  /** Current length of the clean text in UTF-16 code units. */
  get size(): number {
    return this.length;
  }

  /** The last character appended, or '' when empty. */
  lastChar(): string {
    for (let i = this.parts.length - 1; i >= 0; i--) {
      const p = this.parts[i];
      if (p.length) return p[p.length - 1];
    }
    return '';
  }

  /** Appends `raw.slice(rawStart, rawEnd)` verbatim. */
  copy(raw: string, rawStart: number, rawEnd: number): void {
    if (rawEnd <= rawStart) return;
    this.push(raw.slice(rawStart, rawEnd), rawStart, rawEnd);
  }

  /** Appends `text` that stands for `raw[rawStart, rawEnd)` as a whole (e.g. `&amp;` -> `&`). */
  mapped(text: string, rawStart: number, rawEnd: number): void {
    if (!text.length) return;
    this.push(text, rawStart, rawEnd);
  }

  /** Appends text with no raw counterpart (a paragraph break), anchored at raw position `rawAt`. */
  synthetic(text: string, rawAt: number): void {
    if (!text.length) return;
    this.push(text, rawAt, rawAt);
  }

  private push(text: string, rawStart: number, rawEnd: number): void {
    const cs = this.length;
    const ce = cs + text.length;
    const n = this.segs.length;
    const linear = ce - cs === rawEnd - rawStart;
    // Merge with the previous verbatim segment when both are verbatim and contiguous.
    if (linear && n >= 4) {
      const segs = this.segs;
      const pcs = segs[n - 4];
      const pce = segs[n - 3];
      const prs = segs[n - 2];
      const pre = segs[n - 1];
      if (pce - pcs === pre - prs && pce === cs && pre === rawStart) {
        this.segs[n - 3] = ce;
        this.segs[n - 1] = rawEnd;
        this.parts.push(text);
        this.length = ce;
        return;
      }
    }
    this.segs.push(cs, ce, rawStart, rawEnd);
    this.parts.push(text);
    this.length = ce;
  }

  /** Drops trailing whitespace from the built text (and its map). */
  trimEnd(): void {
    let text = this.parts.join('');
    let end = text.length;
    while (end > 0 && /\s/.test(text[end - 1])) end--;
    if (end === text.length) return;
    text = text.slice(0, end);
    this.parts = [text];
    this.length = end;
    const out: number[] = [];
    for (let i = 0; i < this.segs.length; i += 4) {
      const [cs, ce, rs, re] = this.segs.slice(i, i + 4);
      if (cs >= end) break;
      if (ce <= end) out.push(cs, ce, rs, re);
      else if (ce - cs === re - rs) out.push(cs, end, rs, rs + (end - cs));
      else out.push(cs, end, rs, re);
    }
    this.segs = out;
  }

  /** The finished clean text and offset map. */
  finish(): { text: string; offsets: OffsetMap } {
    return { text: this.parts.join(''), offsets: { segments: this.segs.slice() } };
  }
}

/** The identity map for a text that is its own raw input. */
export function identityMap(length: number): OffsetMap {
  return { segments: length ? [0, length, 0, length] : [] };
}

function findSegment(segs: number[], pos: number): number {
  // Binary search over quadruples for the segment with cleanStart <= pos < cleanEnd.
  let lo = 0;
  let hi = segs.length / 4 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const cs = segs[mid * 4];
    const ce = segs[mid * 4 + 1];
    if (pos < cs) hi = mid - 1;
    else if (pos >= ce) lo = mid + 1;
    else return mid * 4;
  }
  return -1;
}

/** Maps a clean position (as a span start) to a raw position. */
export function rawStartOf(map: OffsetMap, pos: number): number {
  const s = map.segments;
  if (!s.length) return pos;
  const i = findSegment(s, pos);
  if (i < 0) return pos >= s[s.length - 3] ? s[s.length - 1] : s[2];
  const [cs, ce, rs, re] = [s[i], s[i + 1], s[i + 2], s[i + 3]];
  return ce - cs === re - rs ? rs + (pos - cs) : rs;
}

/** Maps a clean half-open end position to the raw end position. */
export function rawEndOf(map: OffsetMap, end: number): number {
  const s = map.segments;
  if (!s.length) return end;
  if (end <= 0) return s[2];
  const i = findSegment(s, end - 1);
  if (i < 0) return end - 1 >= s[s.length - 3] ? s[s.length - 1] : s[2];
  const [cs, ce, rs, re] = [s[i], s[i + 1], s[i + 2], s[i + 3]];
  return ce - cs === re - rs ? rs + (end - cs) : re;
}

/** Maps a clean span `[start, end)` to the raw span it came from. */
export function toRaw(map: OffsetMap, start: number, end: number): { start: number; end: number } {
  const rs = rawStartOf(map, start);
  const re = end > start ? rawEndOf(map, end) : rs;
  return { start: rs, end: Math.max(rs, re) };
}
