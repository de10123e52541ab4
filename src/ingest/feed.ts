import { DomUtils, parseDocument } from 'htmlparser2';
import type { DocumentMeta } from '../core/document.js';
import type { InputFailure, InputRecord } from './sources.js';

/** The parts of a parsed XML node this module reads (htmlparser2's DOM in XML mode). */
interface XNode {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: XNode[];
  data?: string;
}

/** One article of a feed, with a flag telling that it carries only a summary (worth fetching its link). */
export interface FeedItem {
  record: InputRecord;
  summaryOnly: boolean;
}

/** What a feed gives: its articles, the entries that could not be read, and the channel's title. */
export interface FeedResult {
  items: FeedItem[];
  failures: InputFailure[];
  title?: string;
}

const elements = (n: XNode | undefined): XNode[] => (n?.children ?? []).filter((c) => c.type === 'tag');
const local = (name = '') => name.toLowerCase();
const child = (n: XNode | undefined, ...names: string[]) => {
  for (const name of names) {
    const hit = elements(n).find((c) => local(c.name) === name);
    if (hit) return hit;
  }
  return undefined;
};
/** The text of an element: character data and CDATA, entities already decoded by the XML parser. */
const text = (n: XNode | undefined): string | undefined => {
  if (!n) return undefined;
  const t = DomUtils.textContent(n as never).trim();
  return t || undefined;
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ZONES: Record<string, string> = { gmt: 'Z', ut: 'Z', utc: 'Z', z: 'Z', est: '-05:00', edt: '-04:00', cst: '-06:00', cdt: '-05:00', mst: '-07:00', mdt: '-06:00', pst: '-08:00', pdt: '-07:00' };
const pad = (n: number | string) => String(n).padStart(2, '0');

/**
 * Turns an RSS (RFC 822) date into ISO 8601 keeping its offset, so the calendar day the outlet meant
 * survives; ISO dates (Atom) pass through. Undefined when the date cannot be read.
 */
export function feedDate(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const t = s.trim();
  if (/^\d{4}-\d{2}-\d{2}/.test(t)) return t;
  const m = /^(?:[A-Za-z]{2,9},?\s*)?(\d{1,2})\s+([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{2,4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([+-]\d{4}|[A-Za-z]{1,5})?/.exec(t);
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2].toLowerCase()) + 1;
  if (!month) return undefined;
  let year = Number(m[3]);
  if (year < 100) year += year < 70 ? 2000 : 1900;
  const day = `${year}-${pad(month)}-${pad(m[1])}`;
  if (m[4] === undefined) return day;
  const zone = m[7] ? (/^[+-]\d{4}$/.test(m[7]) ? `${m[7].slice(0, 3)}:${m[7].slice(3)}` : ZONES[m[7].toLowerCase()] ?? '') : '';
  return `${day}T${pad(m[4])}:${m[5]}:${m[6] ?? '00'}${zone}`;
}

const looksHtml = (s: string) => /<\/?[a-z][a-z0-9]*(\s[^<>]*)?\/?>/i.test(s) || /&(lt|gt|amp|nbsp|#\d+);/.test(s);

/** Body of an Atom `content`/`summary`: `xhtml` is serialised, `html` is unescaped markup, `text` is text. */
function atomBody(n: XNode | undefined): { html?: string; text?: string } {
  if (!n) return {};
  const type = local(n.attribs?.type ?? 'text');
  if (type === 'xhtml') {
    const inner = DomUtils.getInnerHTML(n as never, { xmlMode: false, decodeEntities: false }).trim();
    return inner ? { html: inner } : {};
  }
  const t = text(n);
  if (!t) return {};
  return type === 'html' || type === 'text/html' || looksHtml(t) ? { html: t } : { text: t };
}

function rssBody(n: XNode | undefined): { html?: string; text?: string } {
  // Unescaped markup inside a description parses as child elements: keep it as HTML.
  if (n && elements(n).length) {
    const inner = DomUtils.getInnerHTML(n as never, { xmlMode: false, decodeEntities: false }).trim();
    if (inner) return { html: inner };
  }
  const t = text(n);
  if (!t) return {};
  return looksHtml(t) ? { html: t } : { text: t };
}

function atomLink(entry: XNode): string | undefined {
  const links = elements(entry).filter((c) => local(c.name) === 'link');
  const alt = links.find((l) => !l.attribs?.rel || l.attribs.rel === 'alternate') ?? links[0];
  return alt?.attribs?.href?.trim() || undefined;
}

const wordsOf = (s: string | undefined) => (s ? s.replace(/<[^>]*>/g, ' ').split(/\s+/).filter(Boolean).length : 0);

/** True when the bytes look like an RSS, RDF or Atom feed. */
export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, 4096);
  return /<(rss|feed|rdf:RDF)[\s>]/i.test(head);
}

/**
 * Reads an RSS 2.0, RSS 1.0 (RDF) or Atom feed into one article per item. An entry that has
 * neither text nor link is a failure naming the entry; the other entries go on. Entities are
 * decoded by the XML parser, which never expands DTD-declared entities.
 */
export function parseFeed(source: string, xml: string, charset = 'utf-8'): FeedResult {
  const doc = parseDocument(xml, { xmlMode: true, decodeEntities: true, recognizeCDATA: true }) as unknown as XNode;
  const root = elements(doc).find((e) => ['rss', 'feed', 'rdf:rdf'].includes(local(e.name)));
  if (!root) return { items: [], failures: [{ source, code: 'feed/not-a-feed', message: 'the XML has no <rss>, <feed> or <rdf:RDF> root; not an RSS or Atom feed' }] };
  const atom = local(root.name) === 'feed';
  const channel = atom ? root : child(root, 'channel') ?? root;
  const title = text(child(channel, 'title'));
  const entries = atom
    ? elements(root).filter((e) => local(e.name) === 'entry')
    : [...elements(channel), ...elements(root)].filter((e) => local(e.name) === 'item');
  const items: FeedItem[] = [];
  const failures: InputFailure[] = [];
  entries.forEach((e, i) => {
    const src = `${source}#${i + 1}`;
    const itemTitle = text(child(e, 'title'));
    const name = itemTitle ? `item ${i + 1} ("${itemTitle.slice(0, 60)}")` : `item ${i + 1}`;
    let body: { html?: string; text?: string };
    let summary: { html?: string; text?: string };
    let url: string | undefined;
    let published: string | undefined;
    let byline: string | undefined;
    if (atom) {
      body = atomBody(child(e, 'content'));
      summary = atomBody(child(e, 'summary'));
      url = atomLink(e);
      published = text(child(e, 'published', 'updated', 'issued', 'modified'));
      byline = elements(e)
        .filter((c) => local(c.name) === 'author')
        .map((a) => text(child(a, 'name')) ?? text(a))
        .filter(Boolean)
        .join(', ') || undefined;
    } else {
      body = rssBody(child(e, 'content:encoded'));
      summary = rssBody(child(e, 'description'));
      url = text(child(e, 'link')) ?? (e.attribs?.['rdf:about'] || undefined);
      const guid = child(e, 'guid');
      if (!url && guid && guid.attribs?.isPermaLink !== 'false' && /^https?:\/\//.test(text(guid) ?? '')) url = text(guid);
      published = text(child(e, 'pubdate', 'dc:date', 'published', 'dcterms:created'));
      byline = text(child(e, 'dc:creator', 'author'));
    }
    const content = body.html || body.text ? body : summary;
    if (!content.html && !content.text && !url) {
      failures.push({ source: src, code: 'feed/empty-item', message: `${name} has no content, description or link` });
      return;
    }
    if (url && !/^https?:\/\//i.test(url)) {
      failures.push({ source: src, code: 'feed/bad-link', message: `${name} has a link that is not an http(s) URL: "${url.slice(0, 80)}"` });
      return;
    }
    const iso = feedDate(published);
    const meta: DocumentMeta = { sourcePath: src, charset };
    if (itemTitle) meta.title = itemTitle;
    if (url) meta.url = url;
    if (iso) {
      meta.published = iso;
      meta.publishedSource = 'input';
    }
    if (byline) meta.byline = byline;
    if (title) meta.site = title;
    const format = content.html ? 'html' : 'text';
    meta.format = format;
    // An item without any text still names an article: its title stands in until the link is fetched.
    const raw = content.html ?? content.text ?? itemTitle ?? url!;
    const diagnostics = [];
    if (published && !iso) diagnostics.push({ severity: 'warning' as const, code: 'input/feed-date', stage: 'ingest', message: `${name} has a date that could not be read: "${published}"`, expected: 'an RFC 822 or ISO 8601 date' });
    items.push({
      record: { source: src, format, raw, meta, diagnostics },
      summaryOnly: !body.html && !body.text && (wordsOf(summary.html ?? summary.text) < 150) && !!url,
    });
  });
  if (!entries.length) failures.push({ source, code: 'feed/no-items', message: 'the feed has no items' });
  return { items, failures, title };
}
