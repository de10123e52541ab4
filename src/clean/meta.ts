import type { DefaultTreeAdapterMap } from 'parse5';
import { franc } from 'franc-min';
import type { DocumentMeta } from '../core/document.js';
import { attr, findAll, findElement, textOf } from './html.js';
import { wiresIn } from './extract-rules.js';
import iso from './data/iso639.json' with { type: 'json' };

type Node = DefaultTreeAdapterMap['node'];

const ISO3TO1: Record<string, string> = (() => {
  const d = iso as { source?: unknown; map?: unknown };
  if (typeof d.source !== 'string' || !d.map || typeof d.map !== 'object') throw new Error('src/clean/data/iso639.json: expected {source, map}');
  return d.map as Record<string, string>;
})();

const clean = (s: string | undefined) => (s ? s.replace(/\s+/g, ' ').trim() || undefined : undefined);

/** Reads JSON-LD blocks into a flat list of objects (graphs expanded); bad JSON is skipped. */
export function jsonLd(root: Node): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const s of findAll(root, (e) => e.tagName === 'script' && (attr(e, 'type') ?? '').includes('ld+json'))) {
    try {
      const data = JSON.parse(textOf({ ...s, tagName: 'div' } as Node) || '') as unknown;
      const queue: unknown[] = [data];
      while (queue.length) {
        const d = queue.shift();
        if (Array.isArray(d)) queue.push(...d);
        else if (d && typeof d === 'object') {
          out.push(d as Record<string, unknown>);
          const g = (d as Record<string, unknown>)['@graph'];
          if (g) queue.push(g);
        }
      }
    } catch {
      /* a broken JSON-LD block says nothing */
    }
  }
  return out;
}

function ldName(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(ldName).filter(Boolean).join(', ') || undefined;
  if (v && typeof v === 'object') return ldName((v as Record<string, unknown>).name);
  return undefined;
}

const ldType = (o: Record<string, unknown>) => String(o['@type'] ?? '');

/** Words that are page furniture, never a person's name in a byline. */
const NOT_A_NAME = /\b(minute read|min read|published|updated|posted|share|follow|subscribe|comments?|staff|newsletter|read more)\b/i;

/** A plausible byline from a candidate string, or undefined ("By " dropped, URLs and furniture refused). */
export function cleanByline(s: string | undefined): string | undefined {
  let t = clean(s);
  if (!t) return undefined;
  if (/^https?:\/\/|www\.|\.(com|org|net)\b/i.test(t)) return undefined;
  t = t.replace(/^(by|von|par|por|di|door|przez|автор:?)\s+/i, '').replace(/\s*[|,;]\s*$/, '').trim();
  // Drop a trailing date or "Published/Updated ..." part that shares the byline element.
  t = t.replace(/\s*[-–—|•·/]\s*\d.*$/u, '').replace(/\s*(published|updated|posted)\b.*$/i, '').replace(/\s*\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}.*$/i, '').trim();
  if (!t || t.length > 120 || NOT_A_NAME.test(t) || !/\p{L}/u.test(t) || /^\d/.test(t)) return undefined;
  // CMS account names ("admin", "jdadmin", "editor2") are not authors.
  if (/^[\p{Ll}\d_.-]+$/u.test(t) && (/\d/.test(t) || /admin|editor|user|guest|webmaster|redac|redaktion|гость/iu.test(t))) return undefined;
  if (/^(admin|administrator|guest|гость|gast|invitado|invité|ospite|redaktion|redacción|rédaction|redazione|redação)$/iu.test(t)) return undefined;
  return t;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Normalises a date string to ISO 8601 (date, or date-time when a time is given); undefined if unreadable. */
export function normaliseDate(s: string | undefined): string | undefined {
  const t = clean(s);
  if (!t) return undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?/.exec(t);
  if (iso) {
    const [, y, mo, d, h, mi, sec, tz] = iso;
    // Placeholder years (0001-01-01) and impossible months say nothing.
    if (+y < 1900 || +mo < 1 || +mo > 12 || +d < 1 || +d > 31) return undefined;
    if (!h) return `${y}-${mo}-${d}`;
    const zone = tz ? (tz === 'Z' ? 'Z' : tz.length === 5 ? `${tz.slice(0, 3)}:${tz.slice(3)}` : tz) : '';
    return `${y}-${mo}-${d}T${h}:${mi}:${sec ?? '00'}${zone}`;
  }
  const compact = /^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2}))?/.exec(t);
  if (compact && +compact[2] >= 1 && +compact[2] <= 12 && +compact[3] >= 1 && +compact[3] <= 31) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  // "Nov. 19, 2019", "19 November 2019": English month names only.
  const md = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b/i.exec(t) ?? null;
  const dm = md ? null : /\b(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})\b/i.exec(t);
  const m = md ? { mon: md[1], d: md[2], y: md[3] } : dm ? { mon: dm[2], d: dm[1], y: dm[3] } : null;
  if (m) {
    const mo = MONTHS.indexOf(m.mon.toLowerCase().slice(0, 3)) + 1;
    if (mo > 0 && +m.d >= 1 && +m.d <= 31) return `${m.y}-${String(mo).padStart(2, '0')}-${m.d.padStart(2, '0')}`;
  }
  const num = /\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b/.exec(t);
  // Day-first numeric dates (most of the world's convention) only when unambiguous or dotted.
  if (num && (t.includes('.') || +num[1] > 12) && +num[2] >= 1 && +num[2] <= 12) return `${num[3]}-${num[2].padStart(2, '0')}-${num[1].padStart(2, '0')}`;
  return undefined;
}

/** A date written in a URL path (`/2019/11/19/`, `/2019-11-19`, `/20191119`), or undefined. */
export function dateFromUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const m = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/-]|$)/.exec(url) ?? /[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.-]|$)/.exec(url);
  if (!m || +m[2] < 1 || +m[2] > 12 || +m[3] < 1 || +m[3] > 31) return undefined;
  return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
}

/** Detects the language of a text as an ISO 639-1 code (franc-min trigrams), or undefined. */
export function detectLanguage(text: string): string | undefined {
  const sample = text.slice(0, 3000);
  if (sample.replace(/\s+/g, '').length < 40) return undefined;
  const code = franc(sample, { minLength: 40 });
  return code === 'und' ? undefined : (ISO3TO1[code] ?? code);
}

const BYLINE_CLASS = /(^|[\s_-])(byline|author|autor|auteur|autore|writer|reporter|credits?)([\s_-]|$)/i;
const DATE_CLASS = /(^|[\s_-])(date|time|published|pubdate|timestamp|datum|fecha|data)([\s_-]|$)/i;

/**
 * Page metadata from meta tags, JSON-LD, `<time>`, byline elements, the URL and `<html lang>`;
 * `text` (the article text) serves language detection when the page declares none, and the
 * "Published ..." line when no machine-readable date exists.
 */
export function htmlMeta(root: Node, text = ''): DocumentMeta {
  const metas = new Map<string, string>();
  for (const m of findAll(root, (e) => e.tagName === 'meta')) {
    const key = (attr(m, 'property') ?? attr(m, 'name') ?? attr(m, 'itemprop') ?? attr(m, 'http-equiv') ?? '').toLowerCase();
    const content = attr(m, 'content');
    if (key && content && !metas.has(key)) metas.set(key, content);
  }
  const get = (...keys: string[]) => {
    for (const k of keys) {
      const v = clean(metas.get(k));
      if (v) return v;
    }
    return undefined;
  };
  const ld = jsonLd(root).filter((o) => /Article|Posting|Report|WebPage|NewsArticle|BlogPosting/i.test(ldType(o)));
  const ldArticle = ld.find((o) => /Article|Posting|Report/i.test(ldType(o))) ?? ld[0];
  const ldStr = (k: string) => (typeof ldArticle?.[k] === 'string' ? (ldArticle[k] as string) : undefined);
  const titleEl = findElement(root, (e) => e.tagName === 'title');
  const h1 = findElement(root, (e) => e.tagName === 'h1');
  const canonical = findElement(root, (e) => e.tagName === 'link' && (attr(e, 'rel') ?? '').toLowerCase() === 'canonical');
  const htmlEl = findElement(root, (e) => e.tagName === 'html');
  const url = clean((canonical && attr(canonical, 'href')) ?? get('og:url', 'twitter:url'));
  const site = clean(get('og:site_name', 'application-name') ?? ldName(ldArticle?.publisher));

  let title = clean(get('og:title', 'twitter:title') ?? ldName(ldArticle?.headline) ?? (h1 ? textOf(h1) : undefined) ?? (titleEl ? textOf(titleEl) : undefined));
  // "Headline | Site" / "Headline - Site": drop the site part.
  if (title && site) {
    const cut = title.replace(new RegExp(`\\s*[|\\-–—:·]\\s*${site.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'i'), '');
    if (cut.length >= 10) title = cut;
  }

  const bylineCandidates: Array<string | undefined> = [
    ldName(ldArticle?.author),
    get('author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'byl'),
  ];
  for (const a of findAll(root, (e) => (e.tagName === 'a' && (attr(e, 'rel') ?? '').includes('author')) || (attr(e, 'itemprop') ?? '') === 'author')) {
    bylineCandidates.push(textOf(a));
  }
  for (const e of findAll(root, (x) => x.tagName !== 'body' && x.tagName !== 'html' && BYLINE_CLASS.test(`${attr(x, 'class') ?? ''} ${attr(x, 'id') ?? ''}`)).slice(0, 6)) {
    const t = textOf(e);
    if (t.length < 200) bylineCandidates.push(t);
  }
  const byline = bylineCandidates.map(cleanByline).find(Boolean);

  const timeEls = findAll(root, (e) => e.tagName === 'time' && !!attr(e, 'datetime'));
  const pubTime = timeEls.find((e) => /pub|creat/i.test(`${attr(e, 'class') ?? ''} ${attr(e, 'itemprop') ?? ''}`)) ?? timeEls[0];
  const dateEls = findAll(root, (e) => !!(attr(e, 'class') && DATE_CLASS.test(attr(e, 'class')!))).slice(0, 12);
  const publishedLine = /(?:^|\n)\s*(?:published|posted|first published)\b[^\n]{0,80}/i.exec(text)?.[0];
  const published =
    normaliseDate(get('article:published_time', 'og:published_time', 'datepublished', 'pubdate', 'publishdate', 'publish-date', 'parsely-pub-date', 'sailthru.date', 'dc.date.issued', 'dc.date', 'dcterms.created', 'date', 'article.published')) ??
    normaliseDate(ldStr('datePublished') ?? ldStr('dateCreated')) ??
    normaliseDate(pubTime ? attr(pubTime, 'datetime') : undefined) ??
    dateEls.map((e) => textOf(e)).filter((t) => t.length < 120).map(normaliseDate).find(Boolean) ??
    normaliseDate(publishedLine) ??
    dateFromUrl(url);
  const modified = normaliseDate(get('article:modified_time', 'og:updated_time', 'datemodified', 'last-modified', 'dcterms.modified') ?? ldStr('dateModified'));

  const declared = clean(
    (htmlEl ? attr(htmlEl, 'lang') ?? attr(htmlEl, 'xml:lang') : undefined) ?? get('content-language', 'og:locale', 'language', 'dc.language') ?? ldStr('inLanguage'),
  );
  const language = declared && /^[a-z]{2,3}([-_][a-z0-9]+)*$/i.test(declared) ? declared.split(/[-_]/)[0].toLowerCase() : detectLanguage(text);

  // In a byline a bare agency acronym is a credit ("TOM KRISHER, AP Auto Writer").
  const acronyms = [...(byline ?? '').matchAll(/\b(AP|AFP|UPI|EFE|ANSA|dpa|DPA)\b/g)].map((m) => (m[1] === 'DPA' ? 'dpa' : m[1]));
  const wire = [...new Set([...wiresIn(byline ?? ''), ...acronyms, ...wiresIn(ldName(ldArticle?.sourceOrganization) ?? '')])];

  const meta: DocumentMeta = { title, site, byline, url, published, modified, language, wire: wire.length ? wire : undefined };
  for (const k of Object.keys(meta) as (keyof DocumentMeta)[]) if (meta[k] === undefined) delete meta[k];
  if (meta.published) meta.publishedSource = 'input';
  return meta;
}

