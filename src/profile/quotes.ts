/** Regions of text inside quotation marks, paired within a paragraph line (curly and straight). */
export function quotedRegions(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text[i] !== '\n') continue;
    const line = text.slice(lineStart, i);
    let open = -1;
    let straight = false;
    for (let j = 0; j < line.length; j++) {
      const c = line[j];
      if (open < 0 && (c === '“' || c === '"' || c === '«' || c === '„')) {
        open = j;
        straight = c === '"';
      } else if (open >= 0 && ((straight && c === '"') || (!straight && (c === '”' || c === '»' || c === '“')))) {
        out.push({ start: lineStart + open, end: lineStart + j + 1 });
        open = -1;
      }
    }
    // A quote left open runs to the end of its paragraph (multi-paragraph quotes).
    if (open >= 0) out.push({ start: lineStart + open, end: i });
    lineStart = i + 1;
  }
  return out;
}

/** True when `[start, end)` lies inside one of the sorted regions. */
export function insideAny(regions: ReadonlyArray<{ start: number; end: number }>, start: number, end: number): boolean {
  let lo = 0;
  let hi = regions.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = regions[mid];
    if (end <= r.start) hi = mid - 1;
    else if (start >= r.end) lo = mid + 1;
    else return start >= r.start && end <= r.end;
  }
  return false;
}
