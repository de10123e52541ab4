import countriesData from './data/countries.json' with { type: 'json' };
import variantsData from './data/variants.json' with { type: 'json' };
import orgsData from './data/organizations.json' with { type: 'json' };
import cuesData from './data/cues.json' with { type: 'json' };

/** A name the gazetteers know: what it refers to (`key`), its canonical name and type. */
export interface GazEntry {
  key: string;
  name: string;
  type: 'GPE' | 'ORG' | 'NORP' | 'LOC';
  /** ISO 3166-1 alpha-2 code of the country it is, belongs to, or is the capital or people of. */
  country?: string;
  /** For a capital city: the key of its country, so "Pyongyang said" can stand for the government. */
  capitalOf?: string;
  /** For a capital or other city. */
  city?: boolean;
}

/** Folds a name for lookup: case, diacritics, curly apostrophes, dots and hyphens. */
export function norm(s: string): string {
  // Plain ASCII letters and digits fold by case alone (most words): no cache lookup needed.
  let upper = false;
  let plain = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) upper = true;
    else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) {
      plain = false;
      break;
    }
  }
  if (plain && s.length) return upper ? s.toLowerCase() : s;
  let r = normCache.get(s);
  if (r === undefined) {
    if (normCache.size > 50_000) normCache.clear();
    normCache.set(s, (r = normUncached(s)));
  }
  return r;
}
// Names repeat a lot across a text and a corpus; folding (NFD) is the costly part of a lookup.
const normCache = new Map<string, string>();

function normUncached(s: string): string {
  if (/^[a-z]+$/.test(s)) return s;
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/\./g, '')
    .replace(/[-\s]+/g, ' ')
    .trim();
}

/**
 * A spelling-variant key for transliterated names: Andrii/Andriy, Zelensky/Zelenskyy/Zelenskiy and
 * Kim Jong Un/Kim Jong-un fold together (y as i, kh as h, doubled letters once, no separators).
 */
export function phon(s: string): string {
  return norm(s)
    .split(' ')
    .map((w) =>
      w
        .replace(/[^a-z0-9]/g, '')
        .replace(/kh/g, 'h')
        .replace(/y/g, 'i')
        .replace(/ck/g, 'k')
        .replace(/(.)\1+/g, '$1'),
    )
    .filter(Boolean)
    .join(' ');
}

function fail(what: string): never {
  throw new Error(`entities gazetteer data is malformed: ${what}`);
}
const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');

interface Country { code: string; name: string; aliases: string[]; demonyms: string[]; capitals: string[] }
interface Org { id: string; name: string; country?: string; aliases: string[]; descriptions?: string[] }

function validate(): { countries: Country[]; orgs: Org[] } {
  for (const d of [countriesData, variantsData, orgsData, cuesData] as Array<{ source?: unknown }>) {
    if (typeof d.source !== 'string' || !d.source) fail('a data file has no "source"');
  }
  const countries = (countriesData as { countries: unknown }).countries;
  if (!Array.isArray(countries)) fail('countries.json has no "countries" array');
  for (const c of countries as Country[]) {
    if (typeof c.code !== 'string' || typeof c.name !== 'string' || !isStrings(c.aliases) || !isStrings(c.demonyms) || !isStrings(c.capitals)) {
      fail(`country ${JSON.stringify(c).slice(0, 80)}`);
    }
  }
  const orgs = (orgsData as { organizations: unknown }).organizations;
  if (!Array.isArray(orgs)) fail('organizations.json has no "organizations" array');
  for (const o of orgs as Org[]) {
    if (typeof o.id !== 'string' || typeof o.name !== 'string' || !isStrings(o.aliases) || (o.descriptions && !isStrings(o.descriptions))) {
      fail(`organisation ${JSON.stringify(o).slice(0, 80)}`);
    }
  }
  const cues = cuesData as Record<string, unknown>;
  for (const k of ['titles', 'roleHeads', 'honorifics', 'orgSuffixes', 'orgHeads', 'connectors', 'placeCues', 'placePrepositions', 'speechVerbs', 'notNames', 'stopStarts', 'eventSuffixes']) {
    if (!isStrings(cues[k])) fail(`cues.json "${k}" is not a list of strings`);
  }
  return { countries: countries as Country[], orgs: orgs as Org[] };
}

/** Everything the entity stages look up, built once from the data files. */
export interface Gazetteer {
  /** Folded name (see `norm`) to entry. */
  names: Map<string, GazEntry>;
  /** Longest gazetteer name, in words. */
  maxWords: number;
  /** Country code to canonical country name. */
  countryName: Map<string, string>;
  /** Country code to lower-case descriptions of its agencies ("military intelligence agency"). */
  descriptions: Map<string, Map<string, GazEntry>>;
  cues: {
    titles: Set<string>;
    roleHeads: Set<string>;
    honorifics: Set<string>;
    orgSuffixes: Set<string>;
    orgHeads: Set<string>;
    connectors: Set<string>;
    placeCues: Set<string>;
    placePrepositions: Set<string>;
    speechVerbs: Set<string>;
    notNames: Set<string>;
    stopStarts: Set<string>;
    eventSuffixes: Set<string>;
    pronouns: Map<string, string>;
  };
}

let gaz: Gazetteer | undefined;

/** The gazetteer, validated and indexed on first use. */
export function gazetteer(): Gazetteer {
  if (gaz) return gaz;
  const { countries, orgs } = validate();
  const names = new Map<string, GazEntry>();
  const add = (name: string, e: GazEntry): void => {
    const k = norm(name);
    if (k && !names.has(k)) names.set(k, e);
  };
  const countryName = new Map<string, string>();
  const byName = new Map<string, Country>();
  for (const c of countries) {
    countryName.set(c.code, c.name);
    byName.set(c.name, c);
  }
  const countryEntry = (c: Country): GazEntry => ({ key: `GPE:country:${c.code}`, name: c.name, type: 'GPE', country: c.code });
  const capitals = new Map<string, GazEntry>();
  // Organisations first: their full names are specific ("Russian Defense Ministry" must not read as a demonym).
  for (const o of orgs) {
    const e: GazEntry = { key: `ORG:org:${o.id}`, name: o.name, type: 'ORG', country: o.country };
    for (const n of [o.name, ...o.aliases]) add(n, e);
  }
  for (const c of countries) {
    const e = countryEntry(c);
    for (const n of [c.name, ...c.aliases]) add(n, e);
  }
  for (const [variant, name] of Object.entries(variantsData.countryNames as Record<string, string>)) {
    const c = byName.get(name) ?? fail(`variant ${variant} names unknown country ${name}`);
    add(variant, countryEntry(c));
  }
  const plural = (d: string): string => (/(?:s|sh|ch|ese|ss)$/.test(d) ? d : `${d}s`);
  const norp = (c: Country, label: string): GazEntry => ({ key: `NORP:${c.code}`, name: c.demonyms[0] ?? label, type: 'NORP', country: c.code });
  for (const c of countries) {
    for (const d of c.demonyms) {
      add(d, norp(c, d));
      add(plural(d), norp(c, d));
    }
  }
  for (const [d, name] of Object.entries(variantsData.demonyms as Record<string, string>)) {
    const c = byName.get(name) ?? fail(`demonym ${d} names unknown country ${name}`);
    add(d, norp(c, d));
    add(plural(d), norp(c, d));
  }
  for (const c of countries) {
    for (const cap of c.capitals) {
      const e: GazEntry = { key: `GPE:city:${c.code}:${norm(cap)}`, name: cap, type: 'GPE', country: c.code, capitalOf: countryEntry(c).key, city: true };
      capitals.set(cap, e);
      add(cap, e);
    }
  }
  for (const [variant, city] of Object.entries(variantsData.cities as Record<string, string>)) {
    const e = capitals.get(city);
    if (e) add(variant, e);
    else {
      const code = (variantsData.extraCities as Record<string, string>)[city] ?? fail(`city variant ${variant} names unknown city ${city}`);
      add(variant, { key: `GPE:city:${code}:${norm(city)}`, name: city, type: 'GPE', country: code, city: true });
    }
  }
  for (const [city, code] of Object.entries(variantsData.extraCities as Record<string, string>)) {
    if (!countryName.has(code)) fail(`city ${city} names unknown country ${code}`);
    add(city, { key: `GPE:city:${code}:${norm(city)}`, name: city, type: 'GPE', country: code, city: true });
  }
  // Groups fold their plural into the singular's entity ("Kurds" and "Kurdish" stay apart: they differ in form).
  for (const grp of variantsData.groups as string[]) {
    const one = grp.replace(/s$/, '');
    add(grp, { key: `NORP:group:${norm(one)}`, name: (variantsData.groups as string[]).includes(one) ? one : grp, type: 'NORP' });
  }
  for (const r of variantsData.regions as string[]) add(r, { key: `LOC:region:${norm(r)}`, name: r, type: 'LOC' as GazEntry['type'] });
  const descriptions = new Map<string, Map<string, GazEntry>>();
  for (const o of orgs) {
    if (!o.country || !o.descriptions) continue;
    const m = descriptions.get(o.country) ?? new Map<string, GazEntry>();
    for (const d of o.descriptions) if (!m.has(norm(d))) m.set(norm(d), names.get(norm(o.name))!);
    descriptions.set(o.country, m);
  }
  let maxWords = 1;
  for (const k of names.keys()) maxWords = Math.max(maxWords, k.split(' ').length);
  const c = cuesData as unknown as Record<string, string[]> & { pronouns: Record<string, string> };
  const set = (k: string): Set<string> => new Set(c[k].map((x) => x.toLowerCase()));
  gaz = {
    names,
    maxWords: Math.min(maxWords, 8),
    countryName,
    descriptions,
    cues: {
      titles: set('titles'),
      roleHeads: set('roleHeads'),
      honorifics: set('honorifics'),
      orgSuffixes: set('orgSuffixes'),
      orgHeads: set('orgHeads'),
      connectors: set('connectors'),
      placeCues: set('placeCues'),
      placePrepositions: set('placePrepositions'),
      speechVerbs: set('speechVerbs'),
      notNames: set('notNames'),
      stopStarts: set('stopStarts'),
      eventSuffixes: set('eventSuffixes'),
      pronouns: new Map(Object.entries(c.pronouns)),
    },
  };
  return gaz;
}
