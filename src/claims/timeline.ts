import type { Document, Span } from '../core/document.js';
import eventData from './data/events.json' with { type: 'json' };
import { phraseRegex } from '../profile/lexicons.js';
import { findSpeaker } from './build.js';

/** One dated statement about an event: what, when (as the text gives it), who says so, where. */
export interface TimelineEntry {
  event: string;
  label: string;
  first: boolean;
  date: string;
  dateText: string;
  doc: string;
  outlet: string;
  speaker: string;
  start: number;
  end: number;
}

/** Events several documents date, with the dates side by side when they disagree. */
export interface TimelineEvent {
  event: string;
  label: string;
  first: boolean;
  dates: string[];
  disputed: boolean;
  entries: TimelineEntry[];
}

const classes = eventData.events.map((e) => ({ ...e, re: phraseRegex(e.words) }));
const FIRST = phraseRegex(eventData.firstCues);

/** Dated events of one document: sentences with an event word and an event-time expression. */
export function timelineEntries(doc: Pick<Document, 'id' | 'text' | 'layers' | 'records' | 'meta'>): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  const times = (doc.layers.times ?? []).filter((t) => t.type === 'DATE' || t.type === 'TIME');
  const pub = doc.meta.published ? Date.parse(doc.meta.published.slice(0, 10)) : undefined;
  for (const s of doc.layers.sentences ?? []) {
    const ts = times.filter((t) => t.start >= s.start && t.end <= s.end);
    if (!ts.length) continue;
    const body = doc.text.slice(s.start, s.end);
    for (const cls of classes) {
      cls.re.lastIndex = 0;
      if (!cls.re.test(body)) continue;
      FIRST.lastIndex = 0;
      const first = FIRST.test(body);
      // The event's time: the one not tied to the act of saying, else the only one there is.
      const t: Span = ts.find((x) => x.role === 'event') ?? (ts.length === 1 ? ts[0] : ts.find((x) => x.role !== 'report') ?? ts[0]);
      // Background history ("since the Korean War in 1953") is not this story's timeline.
      if (!/^\d{4}/.test(String(t.value)) || (pub !== undefined && Math.abs(Date.parse(String(t.value).slice(0, 10).padEnd(10, '-01').replace(/-$/, '')) - pub) > 400 * 86400000)) break;
      const speaker = findSpeaker(doc, s, { start: t.start, end: t.end });
      out.push({
        event: cls.event,
        label: cls.label,
        first,
        date: String(t.value),
        dateText: t.text,
        doc: doc.id,
        outlet: doc.meta.site ?? doc.meta.sourcePath?.split('/').pop() ?? doc.id,
        speaker: speaker.name,
        start: s.start,
        end: s.end,
      });
      break;
    }
  }
  return out;
}

/** Builds the corpus timeline: entries grouped by event class (and "first" events apart), sorted by date. */
export function buildTimeline(docs: readonly Pick<Document, 'id' | 'text' | 'layers' | 'records' | 'meta'>[]): TimelineEvent[] {
  const byKey = new Map<string, TimelineEntry[]>();
  for (const d of docs) for (const e of timelineEntries(d)) {
    const key = `${e.event}|${e.first}`;
    (byKey.get(key) ?? byKey.set(key, []).get(key)!).push(e);
  }
  const events: TimelineEvent[] = [];
  for (const entries of byKey.values()) {
    entries.sort((a, b) => a.date.localeCompare(b.date));
    const dates = [...new Set(entries.map((e) => e.date.slice(0, 10)))];
    const docsN = new Set(entries.map((e) => e.doc)).size;
    events.push({ event: entries[0].event, label: entries[0].label, first: entries[0].first, dates, disputed: entries[0].first && dates.length > 1 && docsN > 1, entries });
  }
  return events.sort((a, b) => Number(b.first) - Number(a.first) || (a.dates[0] ?? '').localeCompare(b.dates[0] ?? ''));
}
