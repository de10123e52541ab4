import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { TextBuilder } from '../core/offsets.js';
import type { CleanResult } from './text.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
type TextNode = DefaultTreeAdapterMap['textNode'];

/** Elements whose content is never article text. */
export const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas',
  'head', 'title', 'meta', 'link', 'button', 'select', 'option', 'input', 'textarea', 'video', 'audio', 'picture', 'img',
]);

/** Elements that start a new paragraph line in the clean text. */
export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'ul', 'caption', 'body', 'html', 'center', 'menu',
]);

/** Parses HTML with source locations (parse5 builds the same tree a browser does). */
export function parseHtml(raw: string): DefaultTreeAdapterMap['document'] {
  return parse(raw, { sourceCodeLocationInfo: true });
}

/** Attribute value of an element, or undefined. */
export function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

/** Children of a node (template content included), empty for leaves. */
export function childrenOf(node: Node): Node[] {
  return 'childNodes' in node ? (node.childNodes as Node[]) : [];
}

/** Concatenated text of an element (decoded), iteratively so deep nesting cannot overflow. */
export function textOf(node: Node): string {
  const out: string[] = [];
  const stack: Node[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeName === '#text') out.push((n as TextNode).value);
    else if (!('tagName' in n) || !SKIP_TAGS.has((n as Element).tagName)) {
      const kids = childrenOf(n);
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
    }
  }
  return out.join('');
}

/** Finds the first element matching a predicate, depth first, without recursion. */
export function findElement(root: Node, pred: (el: Element) => boolean): Element | undefined {
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if ('tagName' in n && pred(n as Element)) return n as Element;
    const kids = childrenOf(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return undefined;
}

/** Every element matching a predicate, in document order. */
export function findAll(root: Node, pred: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if ('tagName' in n && pred(n as Element)) out.push(n as Element);
    const kids = childrenOf(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return out;
}

const ENTITY = /^&(#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};?)/;
const SPACE = /[ \t\n\f\r\u00a0]/;

/**
 * Emits a text node's decoded value into the builder, aligned with its raw source so that every
 * character maps back exactly: verbatim runs map linearly, entities map as a whole, whitespace
 * runs collapse to one space mapped to the raw run.
 */
class HtmlTextWriter {
  readonly b = new TextBuilder();
  /** Pending paragraph break before the next text, and its raw anchor. */
  private breakAt = -1;
  private spaceFrom = -1;
  private spaceTo = -1;

  constructor(private readonly raw: string) {}

  /** Requests a line break before the next visible character. */
  lineBreak(rawAt: number): void {
    if (this.b.size > 0 && this.breakAt < 0) this.breakAt = rawAt;
    this.spaceFrom = -1;
  }

  private emitPending(): void {
    if (this.breakAt >= 0) {
      this.b.synthetic('\n', this.breakAt);
      this.breakAt = -1;
      this.spaceFrom = -1;
    } else if (this.spaceFrom >= 0) {
      const last = this.b.lastChar();
      if (last && last !== '\n' && last !== ' ') {
        if (this.spaceTo - this.spaceFrom === 1 && this.raw[this.spaceFrom] === ' ') this.b.copy(this.raw, this.spaceFrom, this.spaceTo);
        else this.b.mapped(' ', this.spaceFrom, this.spaceTo);
      }
      this.spaceFrom = -1;
    }
  }

  /** Clean position of the first visible character written by the last `text()` call, or -1. */
  firstVisible = -1;

  private visible(): void {
    this.emitPending();
    if (this.firstVisible < 0) this.firstVisible = this.b.size;
  }

  private space(rs: number, re: number): void {
    if (this.spaceFrom < 0) this.spaceFrom = rs;
    this.spaceTo = re;
  }

  /** Writes one text node. */
  text(node: TextNode): void {
    this.firstVisible = -1;
    const value = node.value;
    const loc = node.sourceCodeLocation;
    if (!loc) {
      // A node the parser made up (no raw counterpart): anchor it at nothing we can point to.
      return;
    }
    const raw = this.raw;
    let i = loc.startOffset;
    const end = loc.endOffset;
    let j = 0;
    let runStart = -1;
    const flush = (upTo: number) => {
      if (runStart >= 0) {
        this.b.copy(raw, runStart, upTo);
        runStart = -1;
      }
    };
    while (i < end && j < value.length) {
      const rc = raw[i];
      const vc = value[j];
      if (SPACE.test(vc) && (rc === vc || (rc === '\r' && vc === '\n') || rc === '&' || SPACE.test(rc))) {
        flush(i);
        let ri = i;
        // Consume the whitespace run in both strings (entities such as &nbsp; included).
        while (j < value.length && SPACE.test(value[j])) {
          if (raw[ri] === '&') {
            const m = ENTITY.exec(raw.slice(ri, ri + 40));
            ri += m ? m[0].length : 1;
          } else if (raw[ri] === '\r' && raw[ri + 1] === '\n') ri += 2;
          else ri += 1;
          j++;
        }
        this.space(i, ri);
        i = ri;
        continue;
      }
      if (rc === vc && rc !== '&') {
        if (runStart < 0) {
          this.visible();
          runStart = i;
        }
        i++;
        j++;
        continue;
      }
      if (rc === '&') {
        flush(i);
        // The decoded text of one entity is one or two UTF-16 units (astral or combined).
        let take = 1;
        if (j + 1 < value.length && /[\ud800-\udbff]/.test(vc)) take = 2;
        const len = entityLength(raw, i, end, value, j + take);
        this.visible();
        this.b.mapped(value.slice(j, j + take), i, i + len);
        i += len;
        j += take;
        continue;
      }
      if (rc === '\r' && vc === '\n') {
        flush(i);
        this.space(i, raw[i + 1] === '\n' ? i + 2 : i + 1);
        i += raw[i + 1] === '\n' ? 2 : 1;
        j++;
        continue;
      }
      // Anything else (a NUL replaced by U+FFFD, a CDATA wrapper): map one unit to one unit.
      flush(i);
      this.visible();
      this.b.mapped(vc, i, i + 1);
      i++;
      j++;
    }
    flush(i);
    if (j < value.length) {
      const rest = value.slice(j).replace(/\s+/g, ' ');
      if (rest.trim()) {
        this.visible();
        this.b.mapped(rest, Math.min(i, end), end);
      }
    }
  }
}

/**
 * Raw length of the entity at `raw[i]`. Legacy entities decode without their semicolon and may be
 * followed by letters (`&ampx;` is `&x;`), so the longest match is tried first and shortened
 * until the raw text after it lines up with the decoded text that follows.
 */
function entityLength(raw: string, i: number, end: number, value: string, next: number): number {
  const m = ENTITY.exec(raw.slice(i, i + 40));
  if (!m) return 1;
  const full = m[0].length;
  const n = Math.min(4, value.length - next);
  if (n <= 0) return Math.min(full, end - i);
  const want = value.slice(next, next + n);
  if (raw.startsWith(want, i + full) || raw[i + full] === '&') return full;
  for (let k = full - 1; k >= 2; k--) if (raw.startsWith(want, i + k)) return k;
  return full;
}

/** Options for turning a parsed page into clean text. */
export interface HtmlTextOptions {
  /** Return a reason to drop an element and its subtree (boilerplate). */
  dropElement?: (el: Element) => string | undefined;
  /** Return true to leave out a text node (its element was not chosen, a descendant was). */
  dropText?: (node: TextNode) => boolean;
}

/**
 * Turns the subtree under `root` into clean text with an exact offset map: block elements make
 * paragraph lines, `<br>` a line break, skipped elements vanish, entities decode.
 */
export function htmlToText(raw: string, root: Node, opts: HtmlTextOptions = {}): CleanResult {
  const w = new HtmlTextWriter(raw);
  const paragraphs: CleanResult['paragraphs'] = [];
  const removed: CleanResult['removed'] = [];
  let paraStart = -1;
  const closePara = () => {
    const { size } = w.b;
    if (paraStart >= 0 && size > paraStart) paragraphs.push({ start: paraStart, end: size });
    paraStart = -1;
  };
  type Frame = { node: Node; exit?: boolean };
  const stack: Frame[] = [{ node: root }];
  while (stack.length) {
    const { node, exit } = stack.pop()!;
    const isEl = 'tagName' in node;
    const el = node as Element;
    const loc = isEl ? el.sourceCodeLocation : undefined;
    if (exit) {
      if (BLOCK_TAGS.has(el.tagName)) {
        closePara();
        w.lineBreak(loc?.endTag?.startOffset ?? loc?.endOffset ?? 0);
      }
      continue;
    }
    if (node.nodeName === '#text') {
      if (opts.dropText?.(node as TextNode)) continue;
      w.text(node as TextNode);
      // The paragraph starts at its first visible character, after any pending break.
      if (paraStart < 0 && w.firstVisible >= 0) paraStart = w.firstVisible;
      continue;
    }
    if (isEl) {
      if (SKIP_TAGS.has(el.tagName)) continue;
      if (el.tagName === 'br') {
        closePara();
        w.lineBreak(loc?.startOffset ?? 0);
        continue;
      }
      const why = opts.dropElement?.(el);
      if (why) {
        if (loc) removed.push({ rawStart: loc.startOffset, rawEnd: loc.endOffset, reason: why });
        continue;
      }
      if (BLOCK_TAGS.has(el.tagName)) {
        closePara();
        w.lineBreak(loc?.startOffset ?? 0);
        stack.push({ node, exit: true });
      }
    }
    const kids = childrenOf(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i] });
  }
  closePara();
  w.b.trimEnd();
  const { text, offsets } = w.b.finish();
  return {
    text,
    offsets,
    paragraphs: paragraphs.filter((p) => p.end <= text.length).map((p) => ({ start: p.start, end: trimEndPos(text, p.start, p.end) })).filter((p) => p.end > p.start),
    removed,
  };
}

function trimEndPos(text: string, s: number, e: number): number {
  while (e > s && /\s/.test(text[e - 1])) e--;
  return e;
}
