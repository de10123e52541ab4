import type { DocumentStage, SpanInput } from '../core/stage.js';
import { lineTokens, type LineTokens } from './wink.js';

/** Abbreviations after which a period does not end a sentence (beyond what wink knows). */
const ABBREV = /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Sgt|Sen|Rep|Gov|Pres|St|Jr|Sr|No|Vol|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|vs|etc|Inc|Corp|Ltd|Co)|\b(?:[A-Z]\.){1,3}[A-Z]?)\.$/;
/** A list item's number or letter ("1.", "b)", "iv."): it opens the item's sentence, never ends one. */
const LIST_MARKER = /^(?:\d{1,3}|[A-Za-z]|[ivxlcIVXLC]{1,5})[.)]$/;
/** Titles and single initials: a period after these never ends a sentence (`Gen. Smith`, `John F. Kennedy`). */
const NEVER_FINAL = /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Sgt|Sen|Rep|Gov|Pres|Adm|Gov|Rev|Hon|St|No|Nos|Vol|vs)|(?:^|\s)[A-Z])\.$/;

/**
 * Splits one line into sentence spans: wink-nlp's splitter, then a repair pass that splits after
 * a closing quote or an ellipsis that ends a sentence and re-joins splits after titles, initials and
 * abbreviations or before a lower-case word.
 */
export function splitLine(line: string, offset: number): Array<{ start: number; end: number }> {
  return splitTokens(line, offset, lineTokens(line, 0, line.length));
}

/** Sentence spans of one line from its wink tokens (see `splitLine`). */
function splitTokens(line: string, offset: number, tok: LineTokens | undefined): Array<{ start: number; end: number }> {
  let spans: Array<{ start: number; end: number }> = [];
  if (tok && tok.starts.length) {
    for (const [a, b] of tok.sentences) spans.push({ start: tok.starts[a], end: tok.ends[b] });
  } else if (line.trim()) {
    spans.push({ start: line.search(/\S/), end: line.trimEnd().length });
  }
  // Re-join a split that falls right after a title or initial, after an abbreviation followed by a
  // digit, or before a lower-case word (a sentence does not start in lower case: `"Over?" she asked`).
  const joined: typeof spans = [];
  for (const s of spans) {
    const prev = joined[joined.length - 1];
    const before = prev ? line.slice(prev.start, prev.end) : '';
    const next = line.slice(s.start, s.start + 2);
    // NEVER_FINAL and ABBREV end in a period: skip their scans of the sentence when it does not.
    const period = before.endsWith('.');
    if (prev && ((period && NEVER_FINAL.test(before)) || LIST_MARKER.test(before) || /^[a-z]/.test(next) || (period && ABBREV.test(before) && /^[0-9]/.test(next)))) prev.end = s.end;
    else joined.push({ ...s });
  }
  // Split after sentence-final punctuation inside a closing quote: `... said "no."  Then ...`.
  spans = [];
  for (const s of joined) {
    let start = s.start;
    const seg = line.slice(s.start, s.end);
    const re = /(?:[.!?…][”"’')\]]+|\.\.\.|…)\s+(?=[“"‘A-Z])/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(seg))) {
      const cut = s.start + m.index + m[0].trimEnd().length;
      spans.push({ start, end: cut });
      start = s.start + m.index + m[0].length;
    }
    spans.push({ start, end: s.end });
  }
  return spans.filter((s) => s.end > s.start).map((s) => ({ start: s.start + offset, end: s.end + offset }));
}

/** Sentence spans, never crossing a line of the clean text (headings and captions stand alone). */
export const sentencesStage: DocumentStage = {
  kind: 'document',
  name: 'sentences',
  version: 1,
  needs: ['text'],
  produces: ['layer:sentences'],
  description: 'sentence boundaries (wink-nlp) that respect line structure',
  run(doc) {
    const out: SpanInput[] = [];
    let lineStart = 0;
    const text = doc.text;
    while (lineStart <= text.length) {
      let i = text.indexOf('\n', lineStart);
      if (i < 0) i = text.length;
      if (i > lineStart) out.push(...splitTokens(text.slice(lineStart, i), lineStart, lineTokens(text, lineStart, i)));
      lineStart = i + 1;
    }
    return { layers: { sentences: out } };
  },
};
