import wireData from './data/wires.json' with { type: 'json' };

/** A wire credit found in an article, with the span that states it. */
export interface WireCredit {
  wire: string;
  /** The clean-text span that states it; absent when the cleaner moved the credit line into metadata. */
  start?: number;
  end?: number;
  /** How the credit is stated: an explicit sentence, a dateline tag, a credit line, the byline, or metadata. */
  form: 'reporting-from' | 'dateline' | 'credit-line' | 'byline' | 'metadata';
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const aliases = wireData.wires.flatMap((w) => w.aliases.map((a) => ({ alias: a, name: w.name }))).sort((a, b) => b.alias.length - a.alias.length);
const ALIAS = aliases.map((a) => esc(a.alias)).join('|');
const byAlias = new Map(aliases.map((a) => [a.alias.toLowerCase(), a.name]));

// "This article contains reporting from The Associated Press", "with reporting by Reuters", "additional reporting from AFP and Reuters".
const REPORTING = new RegExp(`(?:contains|includes|with|additional)\\s+(?:additional\\s+)?reporting\\s+(?:from|by)\\s+((?:(?:the\\s+)?(?:${ALIAS})(?:\\s*(?:,|and|&)\\s*)?)+)`, 'gi');
// "KYIV, Ukraine (AP) —", "(Reuters) -"
const DATELINE = new RegExp(`\\((${ALIAS})\\)\\s*[—–-]`, 'g');
// Any agency, known or not, named the same ways: "(Meridian Press) —" at a line start after a
// capitalised place, and "contains reporting from Some Agency".
const DATELINE_ANY = /^(?:\p{Lu}[\p{Lu}\p{L} .,'’-]{1,60})?\((\p{Lu}[\p{L}&.' -]{1,40}?)\)\s*[—–-]/gmu;
const REPORTING_ANY = /\b(?:contains|includes|with|additional)\s+(?:additional\s+)?reporting\s+(?:from|by)\s+((?:the\s+)?\p{Lu}[\p{L}&.'-]*(?:\s+\p{Lu}[\p{L}&.'-]*){0,4})/gu;
// A line that is only a credit: "AP", "— Reuters", "Source: AFP", "Copyright 2024 The Associated Press."
const CREDIT_LINE = new RegExp(`^(?:[—–-]\\s*|source:\\s*|©\\s*|copyright\\s+(?:\\d{4}\\s+)?)?((?:the\\s+)?(?:${ALIAS}))(?:\\s*(?:/|,|and)\\s*(?:${ALIAS}))*\\.?(?:\\s+all rights reserved\\.?)?$`, 'i');

function canonical(alias: string): string | undefined {
  return byAlias.get(alias.trim().replace(/^the\s+/i, '').toLowerCase()) ?? byAlias.get(alias.trim().toLowerCase());
}

/** Finds the wire services an article credits, each with the span that says so. */
export function findWireCredits(text: string): WireCredit[] {
  const out: WireCredit[] = [];
  for (const m of text.matchAll(REPORTING)) {
    for (const part of m[1].split(/\s*(?:,|\band\b|&)\s*/)) {
      const name = canonical(part);
      if (name) out.push({ wire: name, start: m.index!, end: m.index! + m[0].length, form: 'reporting-from' });
    }
  }
  for (const m of text.matchAll(DATELINE)) {
    const name = canonical(m[1]);
    if (name) out.push({ wire: name, start: m.index!, end: m.index! + m[0].length, form: 'dateline' });
  }
  // Agencies not in our list keep the name the text gives them.
  for (const m of text.matchAll(DATELINE_ANY)) {
    const at = m.index! + m[0].indexOf('(');
    if (!out.some((c) => c.start! <= at && c.end! > at)) out.push({ wire: canonical(m[1]) ?? m[1].trim(), start: at, end: m.index! + m[0].length, form: 'dateline' });
  }
  for (const m of text.matchAll(REPORTING_ANY)) {
    if (!out.some((c) => c.start === m.index!)) out.push({ wire: canonical(m[1]) ?? m[1].replace(/^the\s+/i, '').replace(/[.]$/, '').trim(), start: m.index!, end: m.index! + m[0].length, form: 'reporting-from' });
  }
  let s = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      const line = text.slice(s, i).trim();
      const m = line.length <= 60 ? CREDIT_LINE.exec(line) : null;
      if (m) {
        const start = s + text.slice(s, i).indexOf(line);
        for (const a of line.split(/\s*(?:\/|,|\band\b)\s*/)) {
          const name = canonical(a.replace(/^(?:[—–-]\s*|source:\s*|©\s*|copyright\s+(?:\d{4}\s+)?)/i, '').replace(/\.?(?:\s+all rights reserved\.?)?$/i, ''));
          if (name) out.push({ wire: name, start, end: start + line.length, form: 'credit-line' });
        }
      }
      s = i + 1;
    }
  }
  return dedupe(out);
}

/** The canonical name of a wire service as credited ("AP" -> "Associated Press"), or the text itself. */
export function canonicalWire(name: string): string {
  return canonical(name) ?? name.trim();
}

/** Maps a byline or meta credit such as "By A. Writer, Associated Press" to wire names. */
export function wiresInByline(byline: string | undefined): string[] {
  if (!byline) return [];
  const re = new RegExp(`(?<![\\p{L}])(?:${ALIAS})(?![\\p{L}])`, 'gu');
  return [...new Set([...byline.matchAll(re)].map((m) => canonical(m[0])).filter((x): x is string => !!x))];
}

function dedupe(list: WireCredit[]): WireCredit[] {
  const seen = new Set<string>();
  return list.filter((c) => {
    const k = `${c.wire}:${c.start}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
