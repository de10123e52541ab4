import type { DefaultTreeAdapterMap } from 'parse5';
import { attr } from './html.js';
import data from './data/page-boilerplate.json' with { type: 'json' };

type Element = DefaultTreeAdapterMap['element'];

interface BoilerplateData {
  source: string;
  classTokens: Record<string, string[]>;
  promptLines: string[];
  captionLines: string[];
  dateLines: string[];
  wireServices: Record<string, string[]>;
  wireCue: string;
  labelLines: string[];
  strongPrompt: string;
  dateWords: { source: string; words: string[] };
  bylinePrefix: string;
}

function load(d: unknown): BoilerplateData {
  const b = d as BoilerplateData;
  const arr = (x: unknown) => Array.isArray(x) && x.every((s) => typeof s === 'string');
  if (!b || typeof b.source !== 'string' || !b.classTokens || !arr(b.promptLines) || !arr(b.captionLines) || !arr(b.dateLines) || typeof b.wireCue !== 'string' || !arr(b.labelLines) || typeof b.bylinePrefix !== 'string' || typeof b.strongPrompt !== 'string' || !b.dateWords || !arr(b.dateWords.words)) {
    throw new Error('src/clean/data/page-boilerplate.json: expected {source, classTokens, promptLines, captionLines, dateLines, wireServices, wireCue}');
  }
  for (const [k, v] of Object.entries(b.classTokens)) if (!arr(v)) throw new Error(`boilerplate.json: classTokens.${k} must be a list of strings`);
  for (const [k, v] of Object.entries(b.wireServices)) if (!arr(v)) throw new Error(`boilerplate.json: wireServices.${k} must be a list of strings`);
  return b;
}

const DATA = load(data);
/** `\b` is ASCII-only even with the `u` flag: data patterns get a Unicode word boundary instead. */
const UB = '(?:(?<=[\\p{L}\\p{N}_])(?![\\p{L}\\p{N}_])|(?<![\\p{L}\\p{N}_])(?=[\\p{L}\\p{N}_]))';
// Only patterns with non-ASCII letters need it (the lookarounds cost time on every line).
const unicodeB = (s: string) => (/[^\x00-\x7f]/.test(s) ? s.replace(/\\b/g, UB) : s);
const re = (list: string[]) => new RegExp(list.map((s) => `(?:${unicodeB(s)})`).join('|'), 'iu');
const PROMPT = re(DATA.promptLines);
const CAPTION = re(DATA.captionLines);
const DATE_LINE = re(DATA.dateLines);
const WIRE_CUE = new RegExp(unicodeB(DATA.wireCue), 'iu');
const DATE_WORDS = new Set(DATA.dateWords.words.map((w) => w.toLowerCase()));
const LABELS = new Set(DATA.labelLines.map((l) => l.toLowerCase()));
const BYLINE_PREFIX = new RegExp(unicodeB(DATA.bylinePrefix), 'iu');
const STRONG_PROMPT = new RegExp(unicodeB(DATA.strongPrompt), 'iu');
/** A name after "By": capitalised words, with connectors, commas and wire names allowed. */
const NAME_WORDS = /^(\p{Lu}[\p{L}'’.-]*|and|und|et|y|e|i|og|en|the|de|van|von|da|di|del|la|le|al|bin|[,&|/]|\p{Lu}{2,})$/u;
const WIRES = Object.entries(DATA.wireServices).map(([name, pats]) => [name, re(pats)] as const);

/** Class/id tokens that mark a subtree as boilerplate wherever they appear as a name segment. */
const STRONG = new Map<string, string>();
/** Tokens that count only as a whole class or id (short words such as `ad`, `meta`, `nav`). */
const WHOLE = new Map<string, string>();
for (const [kind, tokens] of Object.entries(DATA.classTokens)) {
  for (const t of tokens) (kind === 'chrome' || t.length <= 4 ? WHOLE : STRONG).set(t, kind);
  for (const t of tokens) WHOLE.set(t, kind);
}

/** Strong tokens long enough to match inside a run-together class name. */
const LONG = [...STRONG].filter(([t]) => t.length >= 7 && !t.includes('-'));

/** Why an element's class or id names it boilerplate (caption, share, related...), or undefined. */
export function classReason(el: Element): string | undefined {
  const names = `${attr(el, 'class') ?? ''} ${attr(el, 'id') ?? ''}`.toLowerCase();
  if (!names.trim()) return undefined;
  const raw = `${attr(el, 'class') ?? ''} ${attr(el, 'id') ?? ''}`;
  for (const name of names.split(/\s+/)) {
    if (!name) continue;
    const whole = WHOLE.get(name);
    if (whole) return whole;
    for (const seg of name.split(/[-_]+/)) {
      const strong = STRONG.get(seg);
      if (strong) return strong;
    }
    // Long tokens also count inside run-together names ("imagecaption", "socialShareBar").
    for (const [t, kind] of LONG) if (name.includes(t)) return kind;
  }
  // camelCase names ("newsCaption") split into words.
  for (const seg of raw.split(/[\s_-]+|(?<=[a-z])(?=[A-Z])/)) {
    const strong = STRONG.get(seg.toLowerCase());
    if (strong) return strong;
  }
  return undefined;
}

/** Why one short paragraph line is interface text, a caption or a date line; undefined if prose. */
export function lineReason(line: string): string | undefined {
  const t = line.trim();
  if (t.length > 220) return undefined;
  const label = t.toLowerCase().replace(/[\s:.!|»›>→\-–—]+$/u, '').trim();
  if (LABELS.has(label)) return 'label';
  if (PROMPT.test(t) && (wordCount(t) <= 8 || !/[.!?]["”’»)]?$/u.test(t) || STRONG_PROMPT.test(t))) return 'prompt';
  if (isDateOnly(t)) return 'dateline';
  if (BYLINE_PREFIX.test(t) && t.length < 80 && !/[.!?]$/.test(t) && wordCount(t) <= 7) {
    const rest = t.replace(BYLINE_PREFIX, '').replace(/,/g, ' , ').split(/\s+/).filter(Boolean);
    if (rest.length && rest.every((w) => NAME_WORDS.test(w))) return 'byline';
  }
  if (CAPTION.test(t)) return 'caption';
  const noMeridiem = t.replace(/\b([ap])\.m\./gi, '$1m');
  if (DATE_LINE.test(noMeridiem) && /\d/.test(t)) return 'dateline';
  // A short line with both a full date and a clock time is a dateline ("Nov 20, 2030 / 1:07 AM / Desk").
  if (t.length < 70 && /\b\d{1,2}:\d{2}\b/.test(t) && hasFullDate(t) && !/[.!?]$/.test(noMeridiem)) return 'dateline';
  return undefined;
}

/** True for a line that is only a date and/or time ("November 3, 2030 | 4:10pm", "sexta-feira, 3 de novembro de 2030 às 20:13"). */
export function isDateOnly(line: string): boolean {
  if (line.length > 90 || !/\d/.test(line)) return false;
  const words = line.toLowerCase().split(/[^\p{L}\d-]+/u).filter(Boolean);
  const named = words.some((w) => DATE_WORDS.has(w.replace(/\.$/, '')) && /^\p{L}{3,}/u.test(w)) && /\b\d{1,2}\b/.test(line);
  const numeric = /\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b/.test(line);
  if (!named && !numeric) return false;
  const rest = words.filter((w) => !/^\d+$/.test(w) && !DATE_WORDS.has(w) && !/^\d{1,2}(st|nd|rd|th|h|am|pm)$/.test(w) && !/^[\d-]+$/.test(w));
  return rest.join('').length <= 2;
}

function hasFullDate(t: string): boolean {
  return (/\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i.test(t) && /\b\d{4}\b/.test(t)) || /\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b/.test(t);
}

function wordCount(t: string): number {
  return t.split(/\s+/).filter(Boolean).length;
}

/** True when a line credits a wire service's reporting (kept as metadata). */
export function isWireCredit(line: string): boolean {
  return WIRE_CUE.test(line) && wiresIn(line).length > 0;
}

/** Wire services named in a text. */
export function wiresIn(text: string): string[] {
  return WIRES.filter(([, r]) => r.test(text)).map(([n]) => n);
}
