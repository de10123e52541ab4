import type { Document } from '../core/document.js';
import type { Claim } from './build.js';

/** A claim as it appears in a group: where it is, what it says, who said it, through whom. */
export interface GroupedClaim extends Pick<Claim, 'low' | 'high' | 'value' | 'qualifier' | 'stated' | 'unit' | 'measure'> {
  doc: string;
  claim: string;
  start: number;
  end: number;
  subject: string;
  speaker: string;
  /** How the speaker said it (Telegram, statement, press conference), when the text says. */
  channel?: string;
  chain: string[];
  unattributed: boolean;
  place?: string;
  scope?: string;
  reportDate?: string;
  eventDate?: string;
  phase?: string;
  modality: string;
  polarity: string;
  outlet: string;
  source: string;
}

/** How two claims in a group relate, with the reason in words. */
export interface ClaimRelation {
  a: string;
  b: string;
  relation: 'agrees' | 'conflicts' | 'differs-in-scope' | 'differs-in-time' | 'refines' | 'restates';
  reason: string;
}

/** Claims about the same thing across documents. */
export interface ClaimGroup {
  id: string;
  label: string;
  key: { family: string; measure: string; subjectClass?: string; nationality?: string; unit: string };
  claims: GroupedClaim[];
  relations: ClaimRelation[];
  /** Independent sources: distinct provenance groups (copies and re-runs count once). */
  independentSources: number;
  documents: number;
  status: 'established' | 'disputed' | 'single-source';
}

/** Reference to a claim: `docId/claimId`. */
export const ref = (doc: string, claim: string) => `${doc}/${claim}`;

function outletOf(d: Pick<Document, 'meta' | 'id'>): string {
  return d.meta.site ?? d.meta.title?.slice(0, 40) ?? d.meta.sourcePath?.split('/').pop() ?? d.id;
}

function lo(c: { low: number | null; value?: number }): number {
  return c.low ?? c.value ?? -Infinity;
}
function hi(c: { high: number | null; value?: number }): number {
  return c.high ?? c.value ?? Infinity;
}

/** The point a claim puts forward: its value, else a range's midpoint, else its one finite bound. */
export function pointOf(c: { low: number | null; high: number | null; value?: number }): number | undefined {
  if (typeof c.value === 'number') return c.value;
  if (c.low !== null && c.high !== null) return (c.low + c.high) / 2;
  return c.low ?? c.high ?? undefined;
}

function days(a?: string, b?: string): number | undefined {
  if (!a || !b) return undefined;
  const ta = Date.parse(a.slice(0, 10));
  const tb = Date.parse(b.slice(0, 10));
  return Number.isNaN(ta) || Number.isNaN(tb) ? undefined : Math.abs(ta - tb) / 86400000;
}

/** Decides how two claims about the same thing relate. */
export function relate(a: GroupedClaim, b: GroupedClaim, sameSource: boolean): ClaimRelation {
  const base = { a: ref(a.doc, a.claim), b: ref(b.doc, b.claim) };
  const sameFigure = lo(a) === lo(b) && hi(a) === hi(b);
  if (sameFigure && a.speaker.toLowerCase() === b.speaker.toLowerCase() && a.doc !== b.doc) {
    return { ...base, relation: 'restates', reason: `${a.speaker} gives the same figure in both${sameSource ? ' (copied text)' : ''}` };
  }
  if (a.phase !== b.phase && (a.phase === 'initial' || b.phase === 'initial' || a.phase === 'projected' || b.phase === 'projected')) {
    const describe = (c: GroupedClaim) => (c.phase === 'initial' ? 'an initial group' : c.phase === 'projected' ? 'a projection' : 'a current total');
    return { ...base, relation: 'differs-in-time', reason: `${describe(a)} vs ${describe(b)}` };
  }
  if (a.place && b.place && a.place.toLowerCase() !== b.place.toLowerCase() && a.scope !== b.scope) {
    return { ...base, relation: 'differs-in-scope', reason: `${a.place} (${a.scope}) vs ${b.place} (${b.scope})` };
  }
  const overlap = lo(a) <= hi(b) && lo(b) <= hi(a);
  const aPoint = lo(a) === hi(a);
  const bPoint = lo(b) === hi(b);
  if (overlap && aPoint !== bPoint) {
    return { ...base, relation: 'refines', reason: aPoint ? `${fmt(a)} lies within ${b.speaker}'s range of ${fmt(b)}` : `${fmt(b)} lies within ${a.speaker}'s range of ${fmt(a)}` };
  }
  const pa = pointOf(a);
  const pb = pointOf(b);
  const close = pa !== undefined && pb !== undefined && Math.abs(pa - pb) <= 0.1 * Math.max(Math.abs(pa), Math.abs(pb));
  if (overlap || close) return { ...base, relation: 'agrees', reason: sameFigure ? 'the same figure' : 'the figures overlap' };
  // A gap in time explains a difference only for one speaker's update, or over weeks.
  const gap = days(a.reportDate, b.reportDate);
  const sameSpeaker = a.speaker.toLowerCase() === b.speaker.toLowerCase();
  if (gap !== undefined && ((sameSpeaker && gap >= 1) || gap >= 14)) {
    return { ...base, relation: 'differs-in-time', reason: `reported ${Math.round(gap)} days apart (${a.reportDate} vs ${b.reportDate}): the figure may have changed` };
  }
  return { ...base, relation: 'conflicts', reason: `${fmt(a)} vs ${fmt(b)}` };
}

/** A claim's figure in words: "about 3,000", "10,000-12,000", "at least 3". */
export function fmt(c: { low: number | null; high: number | null; value?: number; qualifier?: string; unit?: string; stated?: string }): string {
  const n = (x: number) => x.toLocaleString('en-US');
  // A vague amount ("several", "a significant number") is best said as written.
  if (c.qualifier === 'vague' && c.stated) return c.stated;
  if (c.low !== null && c.high !== null && c.low !== c.high) return `${n(c.low)}–${n(c.high)}`;
  const q = c.qualifier;
  // A whole count "more than 60" is held as low 61 (see buildClaims): say it as written.
  const strict = c.unit === 'count' ? 1 : 0;
  if (q === 'higher-than' && c.low !== null) return `more than ${n(c.low - strict)}`;
  if (q === 'lower-than' && c.high !== null) return `fewer than ${n(c.high + strict)}`;
  const v = c.value ?? c.low ?? c.high;
  if (v === undefined || v === null) return '?';
  const prefix = q === 'approx' ? 'about ' : q === 'nearly' ? 'nearly ' : q === 'min' ? 'at least ' : q === 'max' ? 'up to ' : '';
  return prefix + n(v);
}

function groupKey(c: Claim): string {
  // Presence measures (deployed, stationed) count the same thing; other families keep their measure.
  const measure = c.family === 'presence' ? 'presence' : c.measure;
  const cls = c.subject.class === 'people' && c.subject.head === 'people' && c.subject.nationality ? 'persons' : (c.subject.class ?? '?');
  return [c.family, measure, cls, c.unit].join('|');
}

/**
 * Groups claims about the same thing across documents: same measure family, compatible subject
 * (a plural demonym such as "North Koreans" joins the group of that nationality's people or
 * troops), same unit and same nationality (a claim without one takes its document's dominant one).
 */
export function alignClaims(docs: readonly Pick<Document, 'id' | 'meta' | 'layers'>[], groupOf: Record<string, string> = {}): ClaimGroup[] {
  const buckets = new Map<string, Array<{ doc: Pick<Document, 'id' | 'meta' | 'layers'>; c: Claim }>>();
  for (const d of docs) {
    const claims = (d.layers.claims ?? []) as unknown as Claim[];
    const natCount = new Map<string, number>();
    for (const c of claims) if (c.subject.nationality) natCount.set(c.subject.nationality, (natCount.get(c.subject.nationality) ?? 0) + 1);
    const dominant = [...natCount].sort((x, y) => y[1] - x[1])[0]?.[0];
    for (const c of claims) {
      // A denied figure, or one with no measure ("tens of thousands marched" has none we know), is not compared.
      if (c.polarity === 'negative' || c.measure === 'count') continue;
      // A figure dated a year or more before the report is another, earlier event ("31,000 killed in Bam in 2003").
      if (earlierEvent(c)) continue;
      const nat = c.subject.nationality ?? dominant ?? '';
      // A population belongs to its place: two towns' populations are not one disputed figure.
      const where = c.family === 'population' && c.place ? c.place.text.toLowerCase() : '';
      const key = `${groupKey(c)}|${nat.toLowerCase()}|${where}`;
      (buckets.get(key) ?? buckets.set(key, []).get(key)!).push({ doc: d, c });
    }
  }
  // Fold demonym buckets ("persons") into the single other person bucket of the same family and nationality.
  for (const key of [...buckets.keys()]) {
    const [family, measure, cls, unit, nat, where] = key.split('|');
    if (cls !== 'persons') continue;
    const others = [...buckets.keys()].filter((k) => {
      const p = k.split('|');
      return k !== key && p[0] === family && p[1] === measure && p[3] === unit && p[4] === nat && p[5] === where && ['military', 'people'].includes(p[2]);
    });
    if (others.length === 1) {
      buckets.get(others[0])!.push(...buckets.get(key)!);
      buckets.delete(key);
    }
  }
  // A claim with no nationality in a document that names none joins the largest group it fits.
  for (const key of [...buckets.keys()]) {
    const p = key.split('|');
    if (p[4] !== '') continue;
    const target = [...buckets.keys()]
      .filter((k) => k !== key && k.split('|').slice(0, 4).join('|') === p.slice(0, 4).join('|') && k.split('|')[5] === p[5])
      .sort((a, b) => buckets.get(b)!.length - buckets.get(a)!.length)[0];
    if (target) {
      buckets.get(target)!.push(...buckets.get(key)!);
      buckets.delete(key);
    }
  }
  const groups: ClaimGroup[] = [];
  let n = 0;
  for (const [key, items] of [...buckets].sort((a, b) => b[1].length - a[1].length)) {
    const [family, measure, cls, unit, , where] = key.split('|');
    // Display the nationality as the texts write it, not as the folded key.
    const nat = items.map((x) => x.c.subject.nationality).find(Boolean) ?? '';
    const claims: GroupedClaim[] = items.map(({ doc, c }) => ({
      doc: doc.id,
      claim: c.id!,
      start: c.start,
      end: c.end,
      low: c.low,
      high: c.high,
      ...(c.value !== undefined ? { value: c.value } : {}),
      ...(c.qualifier ? { qualifier: c.qualifier } : {}),
      ...(c.stated ? { stated: c.stated } : {}),
      unit: c.unit,
      measure: c.measure,
      subject: c.subject.phrase,
      speaker: c.speaker.name,
      ...(c.speaker.channel ? { channel: c.speaker.channel } : {}),
      chain: [outletOf(doc), ...c.speaker.via, ...(c.speaker.unattributed && !c.speaker.source && !c.speaker.attribution ? [] : [c.speaker.name])],
      unattributed: c.speaker.unattributed,
      ...(c.place ? { place: c.place.text, scope: c.place.scope } : {}),
      // A report date is a day: "Thursday afternoon" (2026-03-12TAF) reads 2026-03-12.
      ...(c.reportTime ? { reportDate: c.reportTime.value.replace(/T.*$/, '') } : {}),
      ...(c.eventTime ? { eventDate: c.eventTime.value } : {}),
      ...(c.phase ? { phase: c.phase } : {}),
      modality: c.modality,
      polarity: c.polarity,
      outlet: outletOf(doc),
      source: groupOf[doc.id] ?? doc.id,
    }));
    const relations: ClaimRelation[] = [];
    for (let i = 0; i < claims.length && i < 60; i++) {
      for (let j = i + 1; j < claims.length && j < 60; j++) {
        if (claims[i].doc === claims[j].doc && lo(claims[i]) === lo(claims[j]) && hi(claims[i]) === hi(claims[j])) continue;
        relations.push(relate(claims[i], claims[j], claims[i].source === claims[j].source));
      }
    }
    const sources = new Set(claims.map((c) => c.source)).size;
    const documents = new Set(claims.map((c) => c.doc)).size;
    const disputed = relations.some((r) => r.relation === 'conflicts');
    // "territory gained", not "territory gained-territory": a measure named after its subject drops the repeat.
    const what = measure === 'population' || cls === '?' ? '' : cls === 'persons' ? 'people' : cls;
    const how = family === 'presence' ? 'present / deployed' : measure.replace(new RegExp(`-?\\b${what}\\b-?`), '').replace(/-/g, ' ') || measure;
    const place = where ? items.find((x) => x.c.place)?.c.place?.text : undefined;
    const label = `${nat ? nat + ' ' : ''}${what} ${how}${place ? ` of ${place}` : ''}${unit !== 'count' ? ` (${unit})` : ''}`.replace(/\s+/g, ' ').trim();
    groups.push({
      id: `g${++n}`,
      label,
      key: { family, measure, ...(cls !== '?' ? { subjectClass: cls } : {}), ...(nat ? { nationality: nat } : {}), unit },
      claims,
      relations,
      independentSources: sources,
      documents,
      status: disputed ? 'disputed' : sources >= 2 ? 'established' : 'single-source',
    });
  }
  return groups;
}

/** True when a claim's event date lies a year or more before its report date. */
export function earlierEvent(c: Pick<Claim, 'eventTime' | 'reportTime'>): boolean {
  const ev = c.eventTime?.value;
  const rep = c.reportTime?.value;
  if (!ev || !rep || !/^\d{4}/.test(ev) || !/^\d{4}/.test(rep)) return false;
  // Compare the end of the event's period ("2003" ends 2003-12-31) with the report date.
  const y = +ev.slice(0, 4);
  const end = ev.length === 4 ? Date.UTC(y, 11, 31) : ev.length === 7 ? Date.UTC(y, +ev.slice(5, 7), 0) : Date.parse(ev.slice(0, 10));
  const at = Date.parse(rep.slice(0, 10));
  return Number.isFinite(end) && Number.isFinite(at) && at - end >= 365 * 864e5;
}
