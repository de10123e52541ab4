import data from './data/boilerplate.json' with { type: 'json' };
import { lineTexts, rawLines, type LineFilter } from './text.js';
import { isDateOnly } from './extract-rules.js';
import { normaliseDate } from './meta.js';

/** A class of noise lines: a reason, the patterns that find it and the longest line it applies to. */
interface LineClass {
  reason: string;
  maxWords: number;
  /** Skip lines that end like a sentence: a stamp or label does not end with a full stop. */
  notSentence: boolean;
  patterns: RegExp[];
}

/** The compiled boilerplate data: checked once at load so a bad pattern fails at startup. */
interface Boilerplate {
  classes: LineClass[];
  captionCues: RegExp[];
  menu: { maxWords: number; patterns: RegExp[] };
  byline: { maxWords: number; patterns: RegExp[]; joiners: Set<string> };
  agencies: Array<{ name: string; aliases: string[] }>;
  creditCues: RegExp[];
}

function compile(where: string, list: unknown): RegExp[] {
  if (!Array.isArray(list) || !list.length) throw new Error(`boilerplate.json: ${where} needs a non-empty list of patterns`);
  list.forEach((p, i) => {
    if (typeof p !== 'string') throw new Error(`boilerplate.json: ${where}[${i}] is not a string`);
    try {
      new RegExp(p, 'iu');
    } catch (err) {
      throw new Error(`boilerplate.json: ${where}[${i}] is not a valid pattern (${(err as Error).message})`);
    }
  });
  // Each list is checked pattern by pattern, then run as one alternation: one scan per line, not one per pattern.
  return [new RegExp((list as string[]).map((p) => `(?:${p})`).join('|'), 'iu')];
}

/** True when `p` starts with `^` and has no `|` outside groups and classes: it can only match at 0. */
function anchored(p: string): boolean {
  if (p[0] !== '^') return false;
  let depth = 0;
  let inClass = false;
  for (let i = 1; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return false;
  }
  return true;
}

/**
 * Like `compile`, for lists only ever tested (never read for groups): the patterns anchored at the
 * line start go into one `^(?:...)` alternation, which the engine tries at position 0 only, instead of
 * at every position of every line; `some(p => p.test(line))` over the result means the same.
 */
function compileTest(where: string, list: unknown): RegExp[] {
  const [all] = compile(where, list);
  const patterns = list as string[];
  const starts = patterns.filter(anchored);
  const rest = patterns.filter((p) => !anchored(p));
  if (!starts.length) return [all];
  const out = [new RegExp(`^(?:${starts.map((p) => `(?:${p.slice(1)})`).join('|')})`, 'iu')];
  if (rest.length) out.push(new RegExp(rest.map((p) => `(?:${p})`).join('|'), 'iu'));
  return out;
}

function needSource(where: string, o: { source?: unknown }): void {
  if (typeof o.source !== 'string' || !o.source.trim()) throw new Error(`boilerplate.json: ${where} needs a "source" saying where it comes from`);
}

/** Validates and compiles the data file. */
export function loadBoilerplate(raw: typeof data = data): Boilerplate {
  needSource('top level', raw);
  const classes = raw.lineClasses.map((c, i) => {
    needSource(`lineClasses[${i}]`, c);
    if (!/^[a-z-]+$/.test(c.reason)) throw new Error(`boilerplate.json: lineClasses[${i}].reason must be a lower-case code`);
    const extra = c as { maxWords?: number; notSentence?: boolean };
    return { reason: c.reason, maxWords: extra.maxWords ?? raw.maxWords, notSentence: extra.notSentence === true, patterns: compileTest(`lineClasses[${i}].patterns`, c.patterns) };
  });
  needSource('captionCues', raw.captionCues);
  needSource('menu', raw.menu);
  needSource('byline', raw.byline);
  needSource('wire', raw.wire);
  needSource('wire.creditCues', raw.wire.creditCues);
  for (const a of raw.wire.agencies) {
    if (!a.name || !a.aliases.length) throw new Error(`boilerplate.json: agency ${JSON.stringify(a)} needs a name and aliases`);
  }
  return {
    classes,
    captionCues: compileTest('captionCues', raw.captionCues.patterns),
    menu: { maxWords: raw.menu.maxWords, patterns: compileTest('menu', raw.menu.patterns) },
    byline: { maxWords: raw.byline.maxWords, patterns: compile('byline', raw.byline.patterns), joiners: new Set(raw.byline.joiners) },
    agencies: raw.wire.agencies,
    creditCues: compileTest('wire.creditCues', raw.wire.creditCues.patterns),
  };
}

const BP = loadBoilerplate();

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** One alternation of every agency alias, longest first so "Associated Press" wins over "AP". */
const ALIASES = BP.agencies
  .flatMap((a) => a.aliases.map((alias) => ({ alias, name: a.name })))
  .sort((x, y) => y.alias.length - x.alias.length);
const ALIAS_ALT = ALIASES.map((a) => escape(a.alias)).join('|');
// Aliases are matched case-sensitively: "AP" is an agency, "ap" is not.
const ALIAS_RE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${ALIAS_ALT})(?![\\p{L}\\p{N}])`, 'gu');
const HAS_AGENCY = new RegExp(ALIAS_RE.source, 'u');
const ALIAS_ONLY = new RegExp(`^[-–—(\\s]*(?:${ALIAS_ALT})[)\\s.]*$`, 'u');
const DATELINE = new RegExp(`^.{0,80}?\\((${ALIAS_ALT})(?:\\s*[,/;][^)]{0,40})?\\)\\s*[-–—:]`, 'u');
const TRAILING_CREDIT = new RegExp(`^[-–—]\\s*(${ALIAS_ALT})\\s*$`, 'u');
// A credit line ends with the agency ("... reporting from The Associated Press.") or says it contributed.
const ENDS_WITH_AGENCY = new RegExp(`(?:${ALIAS_ALT})(?:\\s*(?:,|and|und|et|y|e|&)\\s*(?:${ALIAS_ALT}))*[\\s.)\\]]*$`, 'u');
const CONTRIBUTED = /contributed to this (report|article|story)/i;

/** `/\s/.test(String.fromCharCode(code))`, without the regex. */
function isSpace(code: number): boolean {
  if (code > 32 && code < 127) return false;
  return (
    code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}
/** Number of whitespace-separated words (`t.split(/\s+/).filter(Boolean).length`, in one pass without allocating). */
function wordCount(t: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < t.length; i++) {
    const space = isSpace(t.charCodeAt(i));
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}
const TERMINAL = /[.!?;:…。！？"”»’']$/u;
const norm = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * `norm(t) === target`, streaming `t` through the ASCII part of `norm` and stopping at the first
 * difference (most lines differ from a headline in their first letters); other scripts take `norm`.
 */
function sameNorm(t: string, target: string): boolean {
  let k = 0;
  let gap = false;
  for (let i = 0; i < t.length; i++) {
    let c = t.charCodeAt(i);
    // General punctuation (curly quotes, dashes, spaces: U+2000-206F) holds no letter or digit.
    if (c >= 0x2000 && c <= 0x206f) {
      gap = k > 0;
      continue;
    }
    if (c >= 128) return norm(t) === target;
    const upper = c >= 65 && c <= 90;
    if (!(upper || (c >= 97 && c <= 122) || (c >= 48 && c <= 57))) {
      gap = k > 0;
      continue;
    }
    if (gap) {
      if (target.charCodeAt(k++) !== 32) return false;
      gap = false;
    }
    if (upper) c += 32;
    if (target.charCodeAt(k++) !== c) return false;
  }
  return k === target.length;
}

/** Agency names credited in a piece of text (by alias). */
function agenciesIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(ALIAS_RE)) {
    const name = ALIASES.find((a) => a.alias === m[0])?.name;
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}

/** What the scan of a scraped text found: why each line is noise, the title line and the meta. */
export interface ScrapedScan {
  /** Reason to drop line `i` (index into `rawLines(raw)`), or undefined to keep it. */
  reasons: Array<string | undefined>;
  /** Index of the headline line, when one was found (it stays in the text). */
  titleIndex?: number;
  meta: { title?: string; byline?: string; wire?: string[]; published?: string; publishedSource?: 'input' };
}

const NAME_PARTICLES = new Set(['de', 'da', 'di', 'do', 'dos', 'du', 'del', 'della', 'der', 'den', 'van', 'von', 'la', 'le', 'al', 'el', 'bin', 'ibn', 'ter', 'y']);

/** Reads the names of a byline ("A and B", "A, B and C"), or undefined when it is not a list of names. */
function bylineNames(rest: string, wire: string[]): string | undefined {
  const parts = rest.split(/\s*[,;|]\s*/).filter(Boolean);
  const names: string[] = [];
  for (const part of parts) {
    if (ALIAS_ONLY.test(part) || /^(the )?[\p{Lu}][\p{L}]+ (news|press|agency|wire)$/iu.test(part)) {
      wire.push(...agenciesIn(part));
      continue;
    }
    const tokens = part.split(/\s+/);
    const ok = tokens.every((t) => /^[\p{Lu}][\p{L}.'’-]*$/u.test(t) || BP.byline.joiners.has(t.toLowerCase()) || NAME_PARTICLES.has(t.toLowerCase()));
    if (!ok || !tokens.some((t) => /^[\p{Lu}]/u.test(t))) return undefined;
    names.push(part);
  }
  return names.length ? names.join(', ') : undefined;
}

/**
 * Scans scraped plain text line by line for page furniture (menus, buttons, share prompts, comment
 * forms, time stamps, photo captions and credits, agency credits) and finds the headline, byline
 * and wire credits. Only whole lines are dropped, so the clean-to-raw map stays exact.
 */
export function scanScrapedText(raw: string, known: { title?: string } = {}): ScrapedScan {
  const texts = lineTexts(raw, rawLines(raw));
  const reasons: Array<string | undefined> = texts.map(() => undefined);
  const wire: string[] = [];
  const live = () => texts.map((_, i) => i).filter((i) => texts[i] && !reasons[i]);

  // 1. Whole-line classes.
  texts.forEach((t, i) => {
    if (!t) return;
    const n = wordCount(t);
    for (const c of BP.classes) {
      if (n <= c.maxWords && !(c.notSentence && /[.!?]$/.test(t)) && c.patterns.some((p) => p.test(t))) {
        reasons[i] = c.reason;
        return;
      }
    }
  });

  // 2. Agency credits on a line of their own ("AP", "— Reuters", "This article contains reporting from ...").
  texts.forEach((t, i) => {
    if (!t || reasons[i]) return;
    const standalone = ALIAS_ONLY.test(t) || TRAILING_CREDIT.test(t);
    const credited =
      // Cheapest test first: most lines name no agency at all.
      wordCount(t) <= 25 && HAS_AGENCY.test(t) && (ENDS_WITH_AGENCY.test(t) || CONTRIBUTED.test(t)) && BP.creditCues.some((p) => p.test(t));
    if (standalone || credited) {
      reasons[i] = 'wire-credit';
      wire.push(...agenciesIn(t));
    }
  });

  // 3. Section menus and breadcrumbs above the first real line.
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i];
    if (!t || reasons[i]) continue;
    if (wordCount(t) <= BP.menu.maxWords && BP.menu.patterns.some((p) => p.test(t))) reasons[i] = 'menu';
    else break;
  }

  // 4. Headline: the first kept line when it reads like one; later copies of it are dropped.
  let titleIndex: number | undefined;
  const kept = live();
  const knownNorm = known.title ? norm(known.title) : '';
  if (knownNorm) titleIndex = kept.find((i) => sameNorm(texts[i], knownNorm));
  if (titleIndex === undefined && kept.length > 1) {
    const first = kept[0];
    const t = texts[first];
    const n = wordCount(t);
    const tn = norm(t);
    const repeated = kept.slice(1, 12).some((k) => sameNorm(texts[k], tn));
    if (n >= 2 && n <= 30 && (repeated || !TERMINAL.test(t) || /[?!]$/.test(t)) && n < wordCount(texts[kept[1]]) + 30) titleIndex = first;
  }
  if (titleIndex !== undefined) {
    const tn = norm(texts[titleIndex]);
    for (const k of kept) if (k > titleIndex && sameNorm(texts[k], tn)) reasons[k] = 'duplicate-headline';
  }

  // 5. Byline near the top.
  let byline: string | undefined;
  for (const i of live().slice(0, 5)) {
    const t = texts[i];
    if (i === titleIndex || wordCount(t) > BP.byline.maxWords) continue;
    for (const p of BP.byline.patterns) {
      const m = p.exec(t);
      const names = m ? bylineNames(m[m.length - 1], wire) : undefined;
      if (names) {
        byline = names;
        reasons[i] = 'byline';
        break;
      }
    }
    if (byline) break;
  }

  // 6. Link lists: runs of short lines that read as menu entries, not prose.
  markRuns(texts, reasons, titleIndex);

  // 7. Photo captions: the line before a photo credit, when it carries a caption cue or sits under a short label.
  // One pass with a stack of the lines kept so far, so a page of credits stays linear.
  const firstKept = live()[0];
  const keptSoFar: number[] = [];
  texts.forEach((t, i) => {
    if (!t) return;
    if (reasons[i] !== 'photo-credit' || /^©/.test(t)) {
      if (!reasons[i]) keptSoFar.push(i);
      return;
    }
    const cap = keptSoFar[keptSoFar.length - 1];
    if (cap === undefined || cap === titleIndex) return;
    const label = keptSoFar[keptSoFar.length - 2];
    const isLabel =
      label !== undefined && label !== firstKept && label !== titleIndex && wordCount(texts[label]) <= 6 && !TERMINAL.test(texts[label]) && wordCount(texts[cap]) > wordCount(texts[label]);
    if (BP.captionCues.some((p) => p.test(texts[cap])) || isLabel) {
      reasons[cap] = 'caption';
      keptSoFar.pop();
      if (isLabel) {
        reasons[label] = 'caption-label';
        keptSoFar.pop();
      }
    }
  });

  // 8. Agency datelines in the first lines: "KYIV, Ukraine (AP) —".
  for (const i of live().slice(0, 4)) {
    const m = DATELINE.exec(texts[i]);
    if (m) wire.push(...agenciesIn(m[1]));
  }

  const meta: ScrapedScan['meta'] = {};
  if (titleIndex !== undefined) meta.title = texts[titleIndex].replace(/\s+/g, ' ');
  if (byline) meta.byline = byline;
  const published = publishedNearTop(texts, titleIndex);
  if (published) Object.assign(meta, { published, publishedSource: 'input' as const });
  const uniq = [...new Set(wire)];
  if (uniq.length) meta.wire = uniq;
  return { reasons, titleIndex, meta };
}

/** A table row (two or more numbers) or a numbered/quantity list item: data, not a menu. */
const tableRow = (t: string) => /^\d/.test(t) || (t.match(/(^|\s)[-+]?\d[\d.,:%]*(?=\s|$)/g) ?? []).length >= 2;
/** Scripts written without spaces (CJK, Thai): word counts say nothing about length there. */
const unspaced = (t: string) => t.length > 15 && /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u.test(t);

/** Link-list rule: how many short lines in a row make a menu, and how short each must be. */
const LINK_RUN = { minLines: 4, maxWords: 4 };
/** Headline-list rule: unpunctuated lines in a block with no blank line between them. */
const HEADLINE_RUN = { minLines: 4, maxWords: 15 };

/**
 * Drops runs of lines that are lists of links: at least 4 lines of at most 4 words without end
 * punctuation (blank lines between allowed), or at least 4 adjacent unpunctuated lines of at most
 * 15 words ("Most read" lists of headlines). Prose ends its lines with punctuation.
 */
function markRuns(texts: string[], reasons: Array<string | undefined>, titleIndex: number | undefined): void {
  const unpunctuated = (i: number) => !!texts[i] && !/[.!?…。！？:;,"”»]$/u.test(texts[i]) && i !== titleIndex && !tableRow(texts[i]) && !unspaced(texts[i]);
  const flush = (run: number[], reason: string, min: number) => {
    if (run.length >= min) for (const i of run) reasons[i] ??= reason;
  };
  let links: number[] = [];
  let heads: number[] = [];
  for (let i = 0; i <= texts.length; i++) {
    const t = texts[i];
    if (i < texts.length && !t) {
      flush(heads, 'link-list', HEADLINE_RUN.minLines);
      heads = [];
      continue;
    }
    // Lines already dropped (a "Share" button inside a menu) neither break nor make a run.
    if (i < texts.length && reasons[i] && reasons[i] !== 'duplicate-headline') continue;
    const n = i < texts.length ? wordCount(t) : 0;
    if (i < texts.length && unpunctuated(i) && n <= LINK_RUN.maxWords) links.push(i);
    else {
      flush(links, 'link-list', LINK_RUN.minLines);
      links = [];
    }
    if (i < texts.length && unpunctuated(i) && n <= HEADLINE_RUN.maxWords) heads.push(i);
    else {
      flush(heads, 'link-list', HEADLINE_RUN.minLines);
      heads = [];
    }
  }
}

/** A `LineFilter` for `cleanPlainText` built from a scan. */
export function scanFilter(scan: ScrapedScan): LineFilter {
  return (_line, index) => scan.reasons[index];
}

/**
 * The publication date a scraped page states near its headline: a line that is only a date
 * ("Tuesday 10 March 2026"), a "Published ..." line, or the date part of "By X | March 11, 2026 10:02 am".
 * "Updated ..." is the modification time, not publication.
 */
function publishedNearTop(texts: string[], titleIndex: number | undefined): string | undefined {
  // Below the headline when one was found; else anywhere in the page's top (menus carry no dates).
  const from = titleIndex ?? 0;
  const limit = titleIndex === undefined ? 30 : 8;
  let seen = 0;
  for (let i = from; i < texts.length && seen < limit; i++) {
    const t = texts[i]?.trim();
    if (!t) continue;
    seen++;
    if (/^(?:updated|last updated|modified)\b/i.test(t)) continue;
    for (const part of t.split(/\s+[|·•]\s+/)) {
      const p = part.replace(/^(?:published|posted|first published)(?:\s+on)?\s*:?\s*/i, '');
      if (p !== part || isDateOnly(p)) {
        const d = normaliseDate(p);
        if (d) return d;
      }
    }
  }
  return undefined;
}
