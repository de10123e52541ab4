import { decodeHTML } from 'entities';
import type { Document } from './document.js';
import { toRaw } from './offsets.js';

/** Words of a string, for comparing clean and raw text regardless of markup and spacing. */
function wordsOf(s: string): string[] {
  return s.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** What a raw stretch reads as: tags and comments removed, entities decoded. */
function rawReading(raw: string, html: boolean): string {
  if (!html) return raw;
  return decodeHTML(raw.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<[^>]*>/g, ' '));
}

/** Every span-like object in a layer entry: the span itself and nested ones (cue, source, content...). */
function spansIn(value: unknown, path: string, out: Array<{ path: string; span: { start: number; end: number; text?: unknown } }>): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => spansIn(v, `${path}[${i}]`, out));
    return;
  }
  if (!value || typeof value !== 'object') return;
  const o = value as Record<string, unknown>;
  if (typeof o.start === 'number' && typeof o.end === 'number') out.push({ path, span: o as { start: number; end: number; text?: unknown } });
  for (const [k, v] of Object.entries(o)) if (v && typeof v === 'object') spansIn(v, `${path}.${k}`, out);
}

/**
 * Checks the Document invariant for every span of every layer (nested spans included): the span's
 * recorded text is `text.slice(start, end)`, and mapping it through the offset map lands on the same
 * words in `raw`. Returns one line per violation (empty when the document is sound).
 */
export function checkDocument(doc: Pick<Document, 'id' | 'raw' | 'text' | 'offsets' | 'layers' | 'meta'>): string[] {
  const problems: string[] = [];
  const html = doc.meta.format === 'html';
  for (const [name, layer] of Object.entries(doc.layers)) {
    let prev = -1;
    for (const entry of layer) {
      if (entry.start < prev) problems.push(`${doc.id} ${name}/${entry.id}: layer not sorted by start`);
      prev = entry.start;
      const found: Array<{ path: string; span: { start: number; end: number; text?: unknown } }> = [];
      spansIn(entry, `${name}/${entry.id}`, found);
      for (const { path, span } of found) {
        if (!(span.start >= 0 && span.end >= span.start && span.end <= doc.text.length)) {
          problems.push(`${doc.id} ${path}: bounds [${span.start}, ${span.end}) outside the text (${doc.text.length})`);
          continue;
        }
        const clean = doc.text.slice(span.start, span.end);
        if (typeof span.text === 'string' && span.text !== clean) {
          problems.push(`${doc.id} ${path}: text ${JSON.stringify(span.text)} but text.slice gives ${JSON.stringify(clean)}`);
        }
        const r = toRaw(doc.offsets, span.start, span.end);
        const rawWords = wordsOf(rawReading(doc.raw.slice(r.start, r.end), html)).join(' ');
        const cleanWords = wordsOf(clean).join(' ');
        if (rawWords !== cleanWords) {
          problems.push(`${doc.id} ${path}: clean ${JSON.stringify(cleanWords.slice(0, 80))} maps to raw ${JSON.stringify(rawWords.slice(0, 80))}`);
        }
      }
    }
  }
  return problems;
}
