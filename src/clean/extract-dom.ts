import type { DefaultTreeAdapterMap } from 'parse5';
import { Parser } from 'htmlparser2';
import { parseHTML } from 'linkedom';
import { childrenOf } from './html.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
type TextNode = DefaultTreeAdapterMap['textNode'];

/** Elements whose subtree never reaches the content chooser (no text, or not HTML). */
const OMIT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen']);
const ATTR_NAME = /^[a-zA-Z_:][-a-zA-Z0-9_:.]*$/;

/** Per-element facts computed in one pass: index, parent, depth, text and link-text sizes. */
export interface IndexedTree {
  elements: Element[];
  index: Map<Element, number>;
  parent: Int32Array;
  /** Visible non-space characters under each element (skipped tags excluded). */
  textLen: Int32Array;
  /** Of those, characters inside `<a>` elements. */
  linkLen: Int32Array;
  maxDepth: number;
}

function countNonSpace(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 32 && c !== 160) n++;
  }
  return n;
}

/** Indexes every element under `root` in document order, iteratively (deep trees cannot overflow). */
export function indexTree(root: Node): IndexedTree {
  const elements: Element[] = [];
  const parents: number[] = [];
  const index = new Map<Element, number>();
  const ownText: number[] = [];
  let maxDepth = 0;
  const stack: Array<[Node, number, number]> = [[root, -1, 0]];
  while (stack.length) {
    const [n, parentIdx, depth] = stack.pop()!;
    let here = parentIdx;
    if ('tagName' in n) {
      const el = n as Element;
      here = elements.length;
      elements.push(el);
      parents.push(parentIdx);
      ownText.push(0);
      index.set(el, here);
      if (depth > maxDepth) maxDepth = depth;
      if (OMIT.has(el.tagName)) continue;
    } else if (n.nodeName === '#text') {
      if (parentIdx >= 0) ownText[parentIdx] += countNonSpace((n as TextNode).value);
      continue;
    }
    const kids = childrenOf(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], here, depth + 1]);
  }
  const count = elements.length;
  const parent = Int32Array.from(parents);
  const textLen = Int32Array.from(ownText);
  const linkLen = new Int32Array(count);
  // Children come after their parent in document order, so a reverse sweep sums bottom-up.
  for (let i = count - 1; i >= 0; i--) {
    if (elements[i].tagName === 'a') linkLen[i] = textLen[i];
    const p = parent[i];
    if (p >= 0) {
      textLen[p] += textLen[i];
      linkLen[p] += linkLen[i];
    }
  }
  return { elements, index, parent, textLen, linkLen, maxDepth };
}

const HTML_NS = 'http://www.w3.org/1999/xhtml';

const OPTIONAL_END = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'colgroup', 'rt', 'rp', 'html', 'head', 'body']);

/** Cheap estimate of tag nesting depth, from open/close tag counts in the raw text. */
export function roughDepth(raw: string): number {
  let depth = 0;
  let max = 0;
  const re = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    const name = m[2].toLowerCase();
    if (VOID.has(name) || OPTIONAL_END.has(name) || m[3]) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (++depth > max) max = depth;
  }
  return max;
}

/**
 * Parses HTML with htmlparser2 (the tokenizer linkedom uses, several times faster than a
 * spec-complete parser) into nodes shaped like parse5's, each with its raw source location,
 * so `htmlToText` writes an exact offset map. Adds a `<body>` when the page has none. Its
 * open-tag stack is quadratic in depth, so callers send extremely deep pages to parse5.
 */
export function parseLocated(raw: string): DefaultTreeAdapterMap['document'] {
  type Any = Record<string, unknown> & { childNodes: unknown[] };
  const doc: Any = { nodeName: '#document', mode: 'no-quirks', childNodes: [] };
  let cur: Any = doc;
  let lastText: (Any & { value: string; sourceCodeLocation: { startOffset: number; endOffset: number } }) | null = null;
  const parser: Parser = new Parser(
    {
      onopentag(name, attribs) {
        const el: Any = {
          nodeName: name,
          tagName: name,
          namespaceURI: HTML_NS,
          attrs: Object.entries(attribs).map(([n, v]) => ({ name: n, value: v })),
          childNodes: [],
          parentNode: cur,
          sourceCodeLocation: { startOffset: parser.startIndex, endOffset: parser.endIndex + 1 },
        };
        cur.childNodes.push(el);
        cur = el;
        lastText = null;
      },
      onclosetag(_name, implied) {
        const loc = cur.sourceCodeLocation as { startOffset: number; endOffset: number; endTag?: { startOffset: number; endOffset: number } } | undefined;
        if (loc) {
          if (implied) loc.endOffset = Math.max(loc.endOffset, Math.min(parser.startIndex, raw.length));
          else {
            loc.endTag = { startOffset: parser.startIndex, endOffset: parser.endIndex + 1 };
            loc.endOffset = parser.endIndex + 1;
          }
        }
        cur = (cur.parentNode as Any) ?? doc;
        lastText = null;
      },
      ontext(data) {
        const s = parser.startIndex;
        const e = parser.endIndex + 1;
        if (lastText && lastText.parentNode === cur && lastText.sourceCodeLocation.endOffset === s) {
          lastText.value += data;
          lastText.sourceCodeLocation.endOffset = e;
          return;
        }
        lastText = { nodeName: '#text', value: data, parentNode: cur, childNodes: [], sourceCodeLocation: { startOffset: s, endOffset: e } };
        cur.childNodes.push(lastText);
      },
      oncomment() {
        lastText = null;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(raw);
  parser.end();
  for (const t of allTexts(doc as unknown as Node)) delete (t as unknown as Record<string, unknown>).childNodes;
  ensureBody(doc as unknown as DefaultTreeAdapterMap['document']);
  return doc as unknown as DefaultTreeAdapterMap['document'];
}

function allTexts(root: Node): TextNode[] {
  const out: TextNode[] = [];
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeName === '#text') out.push(n as TextNode);
    else for (const c of childrenOf(n)) stack.push(c);
  }
  return out;
}

/** Wraps top-level content in a body (and html) element when the page has none. */
function ensureBody(doc: DefaultTreeAdapterMap['document']): void {
  const top = doc.childNodes as Node[];
  let html = top.find((n) => 'tagName' in n && (n as Element).tagName === 'html') as Element | undefined;
  const mk = (tag: string, parent: unknown): Element =>
    ({ nodeName: tag, tagName: tag, namespaceURI: HTML_NS, attrs: [], childNodes: [], parentNode: parent }) as unknown as Element;
  if (!html) {
    html = mk('html', doc);
    (html.childNodes as Node[]).push(...top);
    for (const n of top) (n as { parentNode: unknown }).parentNode = html;
    doc.childNodes = [html as unknown as DefaultTreeAdapterMap['childNode']];
  }
  const kids = html.childNodes as Node[];
  if (kids.some((n) => 'tagName' in n && (n as Element).tagName === 'body')) return;
  const head = kids.filter((n) => 'tagName' in n && (n as Element).tagName === 'head');
  const rest = kids.filter((n) => !head.includes(n));
  const body = mk('body', html);
  (body.childNodes as Node[]).push(...rest);
  for (const n of rest) (n as { parentNode: unknown }).parentNode = body;
  html.childNodes = [...head, body] as unknown as typeof html.childNodes;
}

/** A linkedom copy of a located tree for the DOM content chooser, with element tags and a text map. */
export interface DomCopy {
  document: globalThis.Document;
  /** linkedom text node -> located text node. */
  texts: Map<unknown, TextNode>;
}

const OMIT_COPY = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'canvas', 'link', 'base',
  // Never article text, and the chooser drops them itself: leaving them out saves its time.
  'nav', 'aside', 'footer', 'select', 'option', 'button', 'input', 'textarea', 'iframe', 'embed', 'object', 'video', 'audio', 'source', 'picture',
]);
const INLINE = new Set(['a', 'span', 'b', 'i', 'em', 'strong', 'u', 's', 'small', 'sub', 'sup', 'mark', 'abbr', 'cite', 'code', 'q', 'time', 'font', 'label', 'br', 'img']);
/** The attributes the content chooser reads; copying only these keeps the copy cheap. */
const COPY_ATTRS = new Set(['class', 'id', 'style', 'hidden', 'aria-hidden', 'aria-modal', 'role', 'itemprop', 'itemtype', 'itemscope', 'rel', 'href', 'src', 'lang', 'dir', 'name', 'property', 'content', 'type', 'datetime', 'colspan', 'rowspan', 'summary', 'datatable']);

/**
 * Builds a linkedom document from the located tree through the DOM API (no second parse), tagging
 * each element with its index under `tag` (Readability keeps attributes when it renames
 * elements) and remembering which located text node each DOM text node stands for.
 */
export function buildDom(tree: Node, ix: IndexedTree, tag: string): DomCopy {
  const { document } = parseHTML('<!DOCTYPE html><html><head></head><body></body></html>');
  const texts = new Map<unknown, TextNode>();
  const html = findTag(tree, 'html');
  const stack: Array<[Node, globalThis.Node]> = [];
  if (html) {
    for (const a of html.attrs) if (ATTR_NAME.test(a.name)) document.documentElement.setAttribute(a.name, a.value);
    for (const c of childrenOf(html)) {
      if ('tagName' in c && (c as Element).tagName === 'head') stack.push([c, document.head]);
      else if ('tagName' in c && (c as Element).tagName === 'body') {
        for (const a of (c as Element).attrs) if (ATTR_NAME.test(a.name)) document.body.setAttribute(a.name, a.value);
        stack.push([c, document.body]);
      }
    }
  }
  while (stack.length) {
    const [p, d] = stack.pop()!;
    const kids = childrenOf(p);
    for (let k = 0; k < kids.length; k++) {
      const c = kids[k];
      if (c.nodeName === '#text') {
        const value = (c as TextNode).value;
        // Whitespace between block elements says nothing to the chooser; beside inline ones it separates words.
        if (value.length < 200 && !/\S/.test(value) && !isInline(kids[k - 1]) && !isInline(kids[k + 1])) continue;
        const t = document.createTextNode(value);
        texts.set(t, c as TextNode);
        d.appendChild(t);
      } else if ('tagName' in c) {
        const el = c as Element;
        if (OMIT_COPY.has(el.tagName)) continue;
        let e: globalThis.Element;
        try {
          e = document.createElement(el.tagName);
        } catch {
          continue;
        }
        for (const a of el.attrs) if (COPY_ATTRS.has(a.name)) e.setAttribute(a.name, a.value);
        e.setAttribute(tag, String(ix.index.get(el)));
        d.appendChild(e);
        stack.push([c, e]);
      }
    }
  }
  return { document: document as unknown as globalThis.Document, texts };
}

function isInline(n: Node | undefined): boolean {
  return !!n && (n.nodeName === '#text' || ('tagName' in n && INLINE.has((n as Element).tagName)));
}

function findTag(root: Node, tag: string): Element | undefined {
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if ('tagName' in n && (n as Element).tagName === tag) return n as Element;
    for (const c of childrenOf(n)) stack.push(c);
  }
  return undefined;
}
