import type { DefaultTreeAdapterMap } from 'parse5';
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

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;');
}
function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

/**
 * Serialises the tree for a second DOM (the content chooser), tagging every element with its
 * index in `tag` so the chooser's choice can be mapped back to these located nodes. Scripts,
 * styles and other non-text subtrees are left out; iterative, so depth is no danger.
 */
export function serializeTagged(root: Node, tree: IndexedTree, tag: string): string {
  const out: string[] = [];
  type Frame = { node: Node; close?: string };
  const stack: Frame[] = [{ node: root }];
  while (stack.length) {
    const f = stack.pop()!;
    if (f.close !== undefined) {
      out.push(f.close);
      continue;
    }
    const n = f.node;
    if ('tagName' in n) {
      const el = n as Element;
      const name = el.tagName;
      if (OMIT.has(name) && name !== 'iframe' && name !== 'embed' && name !== 'object' && name !== 'video') continue;
      let s = '<' + name;
      for (const a of el.attrs) if (ATTR_NAME.test(a.name) && a.name !== tag) s += ' ' + a.name + '="' + escapeAttr(a.value) + '"';
      s += ' ' + tag + '="' + tree.index.get(el) + '">';
      out.push(s);
      if (VOID.has(name)) continue;
      stack.push({ node: n, close: '</' + name + '>' });
      if (OMIT.has(name)) continue;
    } else if (n.nodeName === '#text') {
      out.push(escapeText((n as TextNode).value));
      continue;
    } else if (n.nodeName === '#documentType') {
      out.push('<!DOCTYPE html>');
      continue;
    } else if (n.nodeName === '#comment') continue;
    const kids = childrenOf(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i] });
  }
  return out.join('');
}
