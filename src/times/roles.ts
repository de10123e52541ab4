import { alternation, LEX } from './lexicon.js';

/**
 * Report vs event time. A time is `report` when it dates the act of saying:
 *  (a) it follows a speech word (said, told, announced, statement, ...) with at most four words between,
 *      all of them light (prepositions, determiners, pronouns, saying-context nouns such as "reporters",
 *      or capitalised names: "told Reuters on Tuesday");
 *  (b) a speech word follows it directly or after one light word ("officials on Monday said"); or
 *  (c) it opens the sentence (after at most a preposition) and a speech word comes within four words
 *      after it ("On Tuesday, the ministry said ...").
 * A possessive time ("said Thursday's strike ...") dates the noun after it, so it is `event`.
 * Everything else is `event`. No parser is used: this is a word-window rule, so it is fast and predictable.
 */
export type Role = 'report' | 'event';

const SPEECH = new RegExp(`\\b(?:${alternation(LEX.speechWords)})\\b`, 'gi');
const LIGHT = new Set([
  'on', 'in', 'at', 'during', 'late', 'early', 'a', 'an', 'the', 'his', 'her', 'their', 'its', 'our', 'him', 'them', 'us',
  'me', 'it', 'reporters', 'journalists', 'lawmakers', 'parliament', 'media', 'statement', 'interview', 'briefing',
  'conference', 'press', 'news', 'televised', 'video', 'address', 'speech', 'post', 'online', 'social', 'local', 'state',
  'and', 'also', 'again', 'publicly', 'separately', 'earlier', 'later', 'told', 'written', 'joint', 'brief', 'radio', 'tv',
  'to', 'officials', 'police', 'authorities', 'sources', 'investigators', 'prosecutors', 'witnesses', 'residents',
]);

function words(gap: string): string[] {
  return gap.split(/[\s,]+/).filter(Boolean);
}
const lightGap = (gap: string, max: number): boolean => {
  if (/["“”:;(]|\bthat\b/.test(gap)) return false;
  const w = words(gap);
  return w.length <= max && w.every((x) => LIGHT.has(x.toLowerCase()) || /^[A-Z]/.test(x));
};

/** Decides the role of each time span in one sentence (`spans` sorted, positions relative to `sentence`). */
export function assignRoles(sentence: string, spans: Array<{ start: number; end: number }>): Role[] {
  const speech: Array<{ start: number; end: number }> = [];
  SPEECH.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SPEECH.exec(sentence))) speech.push({ start: m.index, end: m.index + m[0].length });
  if (!speech.length) return spans.map(() => 'event');
  return spans.map((s, i) => {
    if (/^['’]s\b/.test(sentence.slice(s.end, s.end + 3))) return 'event';
    const prevEnd = i > 0 ? spans[i - 1].end : 0;
    const nextStart = i + 1 < spans.length ? spans[i + 1].start : sentence.length;
    for (const v of speech) {
      if (v.end <= s.start && v.end >= prevEnd && lightGap(sentence.slice(v.end, s.start), 4)) return 'report';
      if (v.start >= s.end && v.start <= nextStart) {
        const gap = sentence.slice(s.end, v.start);
        if (!/,/.test(gap) && lightGap(gap, 1)) return 'report';
        const lead = sentence.slice(0, s.start);
        if (/^\W*(?:\w+\s+)?$/.test(lead) && words(gap).length <= 4 && !/["“”:;]/.test(gap)) return 'report';
      }
    }
    return 'event';
  });
}
