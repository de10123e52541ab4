import type { DefaultTreeAdapterMap } from 'parse5';
import { attr } from './html.js';
import data from './data/boilerplate.json' with { type: 'json' };

type Element = DefaultTreeAdapterMap['element'];

interface BoilerplateData {
  source: string;
  classTokens: Record<string, string[]>;
  promptLines: string[];
  captionLines: string[];
  dateLines: string[];
  wireServices: Record<string, string[]>;
  wireCue: string;
}

function load(d: unknown): BoilerplateData {
  const b = d as BoilerplateData;
  const arr = (x: unknown) => Array.isArray(x) && x.every((s) => typeof s === 'string');
  if (!b || typeof b.source !== 'string' || !b.classTokens || !arr(b.promptLines) || !arr(b.captionLines) || !arr(b.dateLines) || typeof b.wireCue !== 'string') {
    throw new Error('src/clean/data/boilerplate.json: expected {source, classTokens, promptLines, captionLines, dateLines, wireServices, wireCue}');
  }
  for (const [k, v] of Object.entries(b.classTokens)) if (!arr(v)) throw new Error(`boilerplate.json: classTokens.${k} must be a list of strings`);
  for (const [k, v] of Object.entries(b.wireServices)) if (!arr(v)) throw new Error(`boilerplate.json: wireServices.${k} must be a list of strings`);
  return b;
}

const DATA = load(data);
const re = (list: string[]) => new RegExp(list.map((s) => `(?:${s})`).join('|'), 'iu');
const PROMPT = re(DATA.promptLines);
const CAPTION = re(DATA.captionLines);
const DATE_LINE = re(DATA.dateLines);
const WIRE_CUE = new RegExp(DATA.wireCue, 'iu');
const WIRES = Object.entries(DATA.wireServices).map(([name, pats]) => [name, re(pats)] as const);

/** Class/id tokens that mark a subtree as boilerplate wherever they appear as a name segment. */
const STRONG = new Map<string, string>();
/** Tokens that count only as a whole class or id (short words such as `ad`, `meta`, `nav`). */
const WHOLE = new Map<string, string>();
for (const [kind, tokens] of Object.entries(DATA.classTokens)) {
  for (const t of tokens) (kind === 'chrome' || t.length <= 4 ? WHOLE : STRONG).set(t, kind);
  for (const t of tokens) WHOLE.set(t, kind);
}

/** Why an element's class or id names it boilerplate (caption, share, related...), or undefined. */
export function classReason(el: Element): string | undefined {
  const names = `${attr(el, 'class') ?? ''} ${attr(el, 'id') ?? ''}`.toLowerCase();
  if (!names.trim()) return undefined;
  for (const name of names.split(/\s+/)) {
    if (!name) continue;
    const whole = WHOLE.get(name);
    if (whole) return whole;
    for (const seg of name.split(/[-_]+|__/)) {
      const strong = STRONG.get(seg);
      if (strong) return strong;
    }
  }
  return undefined;
}

/** Why one short paragraph line is interface text, a caption or a date line; undefined if prose. */
export function lineReason(line: string): string | undefined {
  const t = line.trim();
  if (t.length > 220) return undefined;
  if (PROMPT.test(t)) return 'prompt';
  if (CAPTION.test(t)) return 'caption';
  if (DATE_LINE.test(t) && /\d/.test(t)) return 'dateline';
  return undefined;
}

/** True when a line credits a wire service's reporting (kept as metadata). */
export function isWireCredit(line: string): boolean {
  return WIRE_CUE.test(line) && wiresIn(line).length > 0;
}

/** Wire services named in a text. */
export function wiresIn(text: string): string[] {
  return WIRES.filter(([, r]) => r.test(text)).map(([n]) => n);
}
