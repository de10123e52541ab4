import type { DefaultTreeAdapterMap } from 'parse5';
import type { DocumentMeta } from '../core/document.js';
import { attr, findAll, findElement, textOf } from './html.js';

type Node = DefaultTreeAdapterMap['node'];

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

/** Page metadata from meta tags, JSON-LD, `<time>`, `<title>` and `<html lang>`. */
export function htmlMeta(root: Node): DocumentMeta {
  const metas = new Map<string, string>();
  for (const m of findAll(root, (e) => e.tagName === 'meta')) {
    const key = (attr(m, 'property') ?? attr(m, 'name') ?? attr(m, 'itemprop') ?? '').toLowerCase();
    const content = attr(m, 'content');
    if (key && content && !metas.has(key)) metas.set(key, content);
  }
  const ld = jsonLd(root).filter((o) => /Article|Posting|Report|WebPage/i.test(String(o['@type'] ?? '')));
  const ldArticle = ld.find((o) => /Article|Posting|Report/i.test(String(o['@type']))) ?? ld[0];
  const titleEl = findElement(root, (e) => e.tagName === 'title');
  const h1 = findElement(root, (e) => e.tagName === 'h1');
  const timeEl = findElement(root, (e) => e.tagName === 'time' && !!attr(e, 'datetime'));
  const canonical = findElement(root, (e) => e.tagName === 'link' && (attr(e, 'rel') ?? '').toLowerCase() === 'canonical');
  const htmlEl = findElement(root, (e) => e.tagName === 'html');
  const meta: DocumentMeta = {
    title: clean(metas.get('og:title') ?? ldName(ldArticle?.headline) ?? (h1 ? textOf(h1) : undefined) ?? (titleEl ? textOf(titleEl) : undefined)),
    site: clean(metas.get('og:site_name') ?? ldName(ldArticle?.publisher) ?? metas.get('application-name')),
    byline: clean(metas.get('author') ?? metas.get('article:author') ?? ldName(ldArticle?.author) ?? metas.get('byl')?.replace(/^by\s+/i, '')),
    url: clean((canonical && attr(canonical, 'href')) ?? metas.get('og:url')),
    published: clean(
      metas.get('article:published_time') ??
        (typeof ldArticle?.datePublished === 'string' ? ldArticle.datePublished : undefined) ??
        metas.get('date') ??
        metas.get('pubdate') ??
        metas.get('publishdate') ??
        metas.get('dc.date') ??
        metas.get('datepublished') ??
        (timeEl ? attr(timeEl, 'datetime') : undefined),
    ),
    modified: clean(metas.get('article:modified_time') ?? (typeof ldArticle?.dateModified === 'string' ? ldArticle.dateModified : undefined)),
    language: clean(htmlEl ? attr(htmlEl, 'lang')?.split(/[-_]/)[0]?.toLowerCase() : undefined),
  };
  for (const k of Object.keys(meta) as (keyof DocumentMeta)[]) if (meta[k] === undefined) delete meta[k];
  if (meta.published) meta.publishedSource = 'input';
  return meta;
}
