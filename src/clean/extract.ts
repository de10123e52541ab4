import type { DefaultTreeAdapterMap } from 'parse5';
import { Readability } from '@mozilla/readability';
import { TextBuilder, rawStartOf, toRaw } from '../core/offsets.js';
import { findElement, htmlToText, parseHtml } from './html.js';
import { buildDom, indexTree, parseLocated, roughDepth, type IndexedTree } from './extract-dom.js';
import { classReason, isWireCredit, lineReason, wiresIn } from './extract-rules.js';
import type { CleanResult } from './text.js';
import { htmlMeta } from './meta.js';
import type { DocumentMeta } from '../core/document.js';

type Element = DefaultTreeAdapterMap['element'];
type TextNode = DefaultTreeAdapterMap['textNode'];
type ParsedDocument = DefaultTreeAdapterMap['document'];

/** How the article text was chosen. */
export type ExtractMethod = 'readability' | 'density' | 'body';

/** The article text of a page with its exact offset map, and how it was found. */
export interface Extracted extends CleanResult {
  method: ExtractMethod;
  /** Wire services the text credits in a credit line. */
  wire: string[];
  /** The parsed page, for metadata readers. */
  tree: ParsedDocument;
  /** Page metadata (title, site, byline, dates, canonical URL, language, wire credits). */
  meta: DocumentMeta;
}

/** Options for `extractArticle`. */
export interface ExtractOptions {
  /** Headline to drop when the body repeats it. */
  title?: string;
  /** Trees deeper than this skip the recursive content chooser (stack safety). */
  maxDepth?: number;
  /** Pages longer than this (UTF-16 units) skip the DOM chooser, whose cost grows faster than the page. */
  maxChooserLength?: number;
}

const TAG = 'data-tri-i';
const DEFAULT_MAX_DEPTH = 400;
const DEFAULT_MAX_CHOOSER_LENGTH = 4_000_000;
/** Above this estimated depth the located parser's quadratic tag stack would be slow: use parse5. */
const PARSER_DEPTH_LIMIT = 3000;

/** The DOM chooser's pick: element indices and located text nodes inside the article it returned. */
interface Choice {
  kept: Uint8Array;
  texts: Set<TextNode>;
  /**
   * Text the chooser re-parsed from HTML (Readability retries from a serialized copy, so its
   * text nodes are new): the values, by the index of the nearest tagged element around them.
   */
  loose: Map<number, string>;
}

/** Runs Readability on a tagged linkedom copy of the page; maps its article back to located nodes. */
function readabilityChoice(tree: ParsedDocument, ix: IndexedTree): Choice | null {
  const { document, texts } = buildDom(tree, ix, TAG);
  let content: globalThis.Element | null = null;
  try {
    const article = new Readability(document, { serializer: (n) => n, disableJSONLD: true }).parse();
    content = (article?.content as unknown as globalThis.Element) ?? null;
  } catch {
    return null;
  }
  if (!content) return null;
  const kept = new Uint8Array(ix.elements.length);
  const keptTexts = new Set<TextNode>();
  const loose = new Map<number, string>();
  const stack: Array<[globalThis.Node, number]> = [[content, -1]];
  while (stack.length) {
    const [n, around] = stack.pop()!;
    if (n.nodeType === 3) {
      const t = texts.get(n);
      if (t) keptTexts.add(t);
      else if (around >= 0 && n.nodeValue) {
        // A re-parse splits text at entities: join runs of sibling text nodes back together.
        const prev = n.previousSibling;
        const joined = prev && prev.nodeType === 3 && !texts.get(prev);
        loose.set(around, (loose.get(around) ?? '') + (joined ? '' : '\u0001') + n.nodeValue.replace(/\s+/g, ' '));
      }
      continue;
    }
    if (n.nodeType !== 1) continue;
    const i = Number((n as globalThis.Element).getAttribute(TAG) ?? -1);
    const tagged = i >= 0 && i < kept.length;
    if (tagged) kept[i] = 1;
    // Children pushed last-first so they pop in document order (text runs join in order).
    for (let c = n.lastChild; c; c = c.previousSibling) stack.push([c, tagged ? i : around]);
  }
  return { kept, texts: keptTexts, loose };
}

const PARA_TAGS = new Set(['p', 'pre', 'blockquote', 'li', 'h2', 'h3', 'h4', 'td', 'dd']);
const CONTAINER_SKIP = new Set(['nav', 'footer', 'aside', 'header', 'form', 'menu']);

/**
 * A text-density chooser over the located tree: paragraphs with little link text score their
 * parent and grandparent (length and punctuation), and the best container wins. Iterative, so it
 * also serves trees too deep for the DOM chooser.
 */
function densityChoice(ix: IndexedTree, body: Element): { kept: Uint8Array; score: number } {
  const n = ix.elements.length;
  const score = new Float64Array(n);
  const bodyIdx = ix.index.get(body) ?? 0;
  for (let i = 0; i < n; i++) {
    const el = ix.elements[i];
    const len = ix.textLen[i];
    if (len < 25) continue;
    const isPara = PARA_TAGS.has(el.tagName) || (el.tagName === 'div' && !el.childNodes.some((c) => 'tagName' in c && isBlockish((c as Element).tagName)));
    if (!isPara) continue;
    if (ix.linkLen[i] / len > 0.4) continue;
    if (classReason(el)) continue;
    const s = 1 + Math.min(len / 80, 4);
    const p = ix.parent[i];
    if (p >= 0) score[p] += s;
    const g = p >= 0 ? ix.parent[p] : -1;
    if (g >= 0) score[g] += s / 2;
  }
  let best = bodyIdx;
  let bestScore = 0;
  for (let i = 0; i < n; i++) {
    if (score[i] <= bestScore) continue;
    const el = ix.elements[i];
    if (CONTAINER_SKIP.has(el.tagName)) continue;
    const adj = score[i] * (1 - ix.linkLen[i] / Math.max(1, ix.textLen[i]));
    if (adj > bestScore) {
      bestScore = adj;
      best = i;
    }
  }
  // Keep the winner's whole subtree.
  const kept = new Uint8Array(n);
  kept[best] = 1;
  for (let i = best + 1; i < n; i++) if (kept[ix.parent[i]]) kept[i] = 1;
  return { kept, score: bestScore };
}

const BLOCKISH = new Set(['p', 'div', 'section', 'article', 'ul', 'ol', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'figure', 'header', 'footer', 'aside', 'nav', 'form', 'main', 'dl']);
function isBlockish(tag: string): boolean {
  return BLOCKISH.has(tag);
}

/** Visible text of the kept elements (own text only), to compare choosers. */
function keptTextLen(ix: IndexedTree, kept: Uint8Array): number {
  let t = 0;
  for (let i = 0; i < kept.length; i++) {
    if (!kept[i]) continue;
    const p = ix.parent[i];
    if (p >= 0 && kept[p]) continue;
    t += ix.textLen[i];
  }
  return t;
}

/** Marks ancestors of kept elements, so their own text is skipped but their subtrees are walked. */
function ancestorsOf(ix: IndexedTree, kept: Uint8Array): Uint8Array {
  const up = new Uint8Array(kept.length);
  for (let i = kept.length - 1; i >= 0; i--) {
    if (kept[i] || up[i]) {
      const p = ix.parent[i];
      if (p >= 0) up[p] = 1;
    }
  }
  return up;
}

/** True when re-parsed chooser text under a nearby tagged ancestor has this value. */
function looseMatch(ix: IndexedTree, loose: Map<number, string>, i: number, value: string): boolean {
  if (!loose.size) return false;
  const v = value.replace(/\s+/g, ' ').trim();
  if (!v) return false;
  for (let k = 0; k < 4 && i >= 0; k++, i = ix.parent[i]) if (loose.get(i)?.includes(v)) return true;
  return false;
}

function markUp(ix: IndexedTree, up: Uint8Array, i: number): void {
  while (i >= 0 && !up[i]) {
    up[i] = 1;
    i = ix.parent[i];
  }
}

function norm(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Rebuilds a clean result keeping only some paragraphs, with the offset map carried over exactly. */
export function keepParagraphs(r: CleanResult, keep: (p: { start: number; end: number }, text: string, i: number) => boolean): CleanResult {
  const b = new TextBuilder();
  const segs = r.offsets.segments;
  const paragraphs: CleanResult['paragraphs'] = [];
  let si = 0;
  r.paragraphs.forEach((p, i) => {
    const line = r.text.slice(p.start, p.end);
    if (!keep(p, line, i)) return;
    if (b.size) b.synthetic('\n', rawAt(segs, p.start));
    const cs = b.size;
    while (si < segs.length && segs[si + 1] <= p.start) si += 4;
    for (let k = si; k < segs.length && segs[k] < p.end; k += 4) {
      const [s, e, rs, re] = [segs[k], segs[k + 1], segs[k + 2], segs[k + 3]];
      const a = Math.max(s, p.start);
      const z = Math.min(e, p.end);
      if (z <= a) continue;
      if (e - s === re - rs) b.mapped(r.text.slice(a, z), rs + (a - s), rs + (z - s));
      else b.mapped(r.text.slice(a, z), rs, re);
    }
    paragraphs.push({ start: cs, end: b.size });
  });
  const { text, offsets } = b.finish();
  return { text, offsets, paragraphs, removed: r.removed };
}

function rawAt(segs: number[], pos: number): number {
  return rawStartOf({ segments: segs }, pos);
}

/**
 * Finds the article text of an HTML page: Readability (on a linkedom copy tagged with element
 * indices) chooses the content, a text-density chooser stands in when that choice is missing or
 * plainly too small, then news boilerplate (captions, share and newsletter prompts, related
 * links, date lines, a repeated headline) is removed. Text and map come from the located parse5
 * tree, so every character maps back to the raw HTML exactly.
 */
export function extractArticle(raw: string, opts: ExtractOptions = {}): Extracted {
  const maxDepth = opts.maxDepth ?? DEFAULT_MAX_DEPTH;
  // Extremely deep pages: parse5 (linear in depth) and no recursive DOM chooser.
  const deep = roughDepth(raw) > PARSER_DEPTH_LIMIT;
  const tree = deep ? parseHtml(raw) : parseLocated(raw);
  const body = findElement(tree, (e) => e.tagName === 'body');
  if (!body) {
    const r = htmlToText(raw, tree);
    return { ...r, method: 'body', wire: [], tree, meta: htmlMeta(tree, r.text) };
  }
  const ix = indexTree(tree);
  const small = raw.length <= (opts.maxChooserLength ?? DEFAULT_MAX_CHOOSER_LENGTH);
  const choice = !deep && small && ix.maxDepth <= maxDepth ? readabilityChoice(tree, ix) : null;
  let kept = choice?.kept ?? null;
  let keptTexts: Set<TextNode> | null = choice?.texts ?? null;
  const loose = choice?.loose ?? new Map<number, string>();
  let method: ExtractMethod = 'readability';
  const dens = densityChoice(ix, body);
  const densLen = keptTextLen(ix, dens.kept);
  // The density pick replaces the DOM pick only when that is missing, or is a sliver beside a
  // container of real paragraphs (several, with little link text).
  const keptLen = kept ? keptTextLen(ix, kept) : 0;
  if (!kept || (keptLen < densLen * 0.25 && dens.score >= 8)) {
    kept = dens.kept;
    keptTexts = null;
    method = 'density';
  }
  if (keptTextLen(ix, kept) === 0) {
    kept = new Uint8Array(ix.elements.length).fill(1);
    keptTexts = null;
    method = 'body';
  }
  const up = ancestorsOf(ix, kept);
  if (keptTexts) for (const t of keptTexts) markUp(ix, up, ix.index.get(t.parentNode as Element) ?? -1);
  for (const i of loose.keys()) markUp(ix, up, i);
  const total = Math.max(1, keptTextLen(ix, kept));
  const keptEl = kept;
  const r = htmlToText(raw, body, {
    dropElement: (el) => {
      const i = ix.index.get(el);
      if (i === undefined) return undefined;
      if (!keptEl[i] && !up[i]) return 'not-content';
      if (!keptEl[i]) return undefined;
      return boilerplateReason(el, i, ix, total);
    },
    dropText: (t) => {
      const i = ix.index.get(t.parentNode as Element) ?? -1;
      // Whitespace adds no words but keeps neighbouring words apart: keep it inside the content.
      if (i >= 0 && (keptEl[i] || up[i]) && !/\S/.test(t.value)) return false;
      if (keptTexts) return !keptTexts.has(t) && !looseMatch(ix, loose, i, t.value);
      return i >= 0 && !keptEl[i];
    },
  });
  const meta = htmlMeta(tree, r.text);
  const headline = opts.title ?? meta.title;
  const title = headline ? norm(headline) : '';
  const wire = new Set<string>();
  const out = keepParagraphs(r, (p, line, i) => {
    const why = lineReason(line);
    if (why) {
      r.removed.push({ ...rawSpan(r, p), reason: why });
      return false;
    }
    if (title && i < 3 && norm(line) === title) {
      r.removed.push({ ...rawSpan(r, p), reason: 'headline' });
      return false;
    }
    if (line.length < 400 && isWireCredit(line)) for (const w of wiresIn(line)) wire.add(w);
    return true;
  });
  for (const w of meta.wire ?? []) wire.add(w);
  if (wire.size) meta.wire = [...wire];
  out.removed.sort((a, b) => a.rawStart - b.rawStart || a.rawEnd - b.rawEnd);
  return { ...out, method, wire: [...wire], tree, meta };
}

function rawSpan(r: CleanResult, p: { start: number; end: number }): { rawStart: number; rawEnd: number } {
  const { start, end } = toRaw(r.offsets, p.start, p.end);
  return { rawStart: start, rawEnd: end };
}

const LINK_LINE_TAGS = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'div']);

/** Boilerplate inside the chosen content: figures, captions, asides, link lists, named widgets. */
function boilerplateReason(el: Element, i: number, ix: IndexedTree, total: number): string | undefined {
  const tag = el.tagName;
  if (tag === 'figcaption' || tag === 'figure' || tag === 'nav' || tag === 'aside' || tag === 'footer') return tag === 'figure' || tag === 'figcaption' ? 'caption' : tag;
  const len = ix.textLen[i];
  // A large share of the content is never boilerplate, whatever its class says.
  if (len > total * 0.35) return undefined;
  const why = classReason(el);
  if (why) return why;
  if ((tag === 'ul' || tag === 'ol') && len > 0 && ix.linkLen[i] / len > 0.7) return 'related';
  // A short block that is all link: a teaser headline or "see also" line inside the body.
  if (LINK_LINE_TAGS.has(tag) && len > 0 && len < 160 && ix.linkLen[i] / len >= 0.9) return 'related';
  return undefined;
}

