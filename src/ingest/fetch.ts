import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { createRequire } from 'node:module';
import { isIP } from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { blockedAddress } from './address.js';
import type { InputFailure } from './sources.js';
import { binaryKind, looksLikeHtml } from './sniff.js';

const require = createRequire(import.meta.url);
const VERSION = (require('../../package.json') as { version: string }).version;

/** The User-Agent sent with every request: names the tool so site owners know who is asking. */
export const USER_AGENT = `Triangulate/${VERSION} (news cross-checking tool; fetches one page per request, no crawling)`;

/** Options for fetching a URL. */
export interface FetchOptions {
  /** Allow private, loopback and link-local addresses (a server on your own network); off by default. */
  allowPrivate?: boolean;
  /** Host names exempt from the address check (an intranet server you trust); redirects elsewhere are still checked. */
  allowHosts?: string[];
  /** Time allowed for the whole fetch, redirects included (default 20 s). */
  timeoutMs?: number;
  /** Largest body accepted, after decompression (default 16 MiB); the download stops past it. */
  maxBytes?: number;
  /** Redirects followed before giving up (default 5). */
  maxRedirects?: number;
  userAgent?: string;
  /** Name resolution, replaceable in tests; must return every address of the host. */
  resolve?: (host: string) => Promise<Array<{ address: string; family: number }>>;
}

/** What a fetched body is, from its Content-Type (or its first bytes when none is given). */
export type FetchKind = 'html' | 'text' | 'feed' | 'json';

/** A fetched page: final URL, the redirect chain, kind, declared charset and the (decompressed) bytes. */
export interface FetchedPage {
  url: string;
  requested: string;
  redirects: string[];
  status: number;
  contentType?: string;
  kind: FetchKind;
  charset?: string;
  bytes: Uint8Array;
}

/** A fetch either gives a page or a failure naming the URL and the reason; it never throws. */
export type FetchResult = { ok: true; page: FetchedPage } | { ok: false; failure: InputFailure };

export const DEFAULT_FETCH_TIMEOUT_MS = 20_000;
export const DEFAULT_FETCH_MAX_BYTES = 16 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;

const ACCEPT = 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,application/json;q=0.8,*/*;q=0.1';

const KINDS: Array<[RegExp, FetchKind]> = [
  [/^(text\/html|application\/xhtml\+xml)$/, 'html'],
  [/^(text\/plain|text\/markdown)$/, 'text'],
  [/^(application\/(rss|atom|rdf)\+xml|application\/xml|text\/xml)$/, 'feed'],
  [/^application\/(json|ld\+json|feed\+json)$/, 'json'],
];

/** True when `s` is an http(s) URL that ingest should fetch rather than read from disk. */
export function isUrl(s: string): boolean {
  return /^https?:\/\//i.test(s);
}

function mediaType(ct: string | undefined): { type?: string; charset?: string } {
  if (!ct) return {};
  const [type, ...params] = ct.split(';');
  const cs = params.map((p) => /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(p)).find(Boolean);
  return { type: type.trim().toLowerCase() || undefined, charset: cs?.[1] };
}

/** Decides the kind of a body from its type, or from its bytes when the server named none. */
function kindOf(type: string | undefined, bytes: Uint8Array): FetchKind | undefined {
  if (type) return KINDS.find(([re]) => re.test(type))?.[1];
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('utf8').trimStart();
  if (looksLikeHtml(head)) return 'html';
  if (/^(<\?xml|<rss[\s>]|<feed[\s>]|<rdf:RDF)/i.test(head)) return 'feed';
  if (/^[[{]/.test(head)) return 'json';
  return 'text';
}

const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;

type Resolved = { address: string; family: number };

async function defaultResolve(host: string): Promise<Resolved[]> {
  return dnsLookup(host, { all: true, verbatim: true });
}

/** Resolves the host and checks every address, so a name that also points inside cannot slip through. */
/** Rejects with code ETIMEOUT when the promise is not settled by the deadline (a hanging resolver). */
function withDeadline<T>(p: Promise<T>, deadline: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('timed out'), { code: 'ETIMEOUT' })), Math.max(1, deadline - Date.now()));
  });
  return Promise.race([p, limit]).finally(() => clearTimeout(timer));
}

async function checkedAddress(url: URL, o: FetchOptions, fail: (code: string, msg: string) => InputFailure, redirected: boolean, deadline: number): Promise<Resolved | InputFailure> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addrs: Resolved[];
  if (isIP(host)) addrs = [{ address: host, family: isIP(host) }];
  else {
    try {
      addrs = await withDeadline((o.resolve ?? defaultResolve)(host), deadline);
    } catch (err) {
      return fail('fetch/dns', `cannot resolve the host ${host} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
    if (!addrs.length) return fail('fetch/dns', `the host ${host} has no address`);
  }
  if (!o.allowPrivate && !o.allowHosts?.some((h) => h.toLowerCase() === host.toLowerCase())) {
    for (const a of addrs) {
      const why = blockedAddress(a.address);
      if (why) {
        const where = isIP(host) ? `${host} is ${why}` : `${host} resolves to ${a.address}, ${why}`;
        return fail(
          'fetch/private-address',
          `${redirected ? `redirected to ${url.href}: ` : ''}${where}; refused so a page cannot reach into your network (use --allow-private for a server you trust)`,
        );
      }
    }
  }
  return addrs[0];
}

interface Hop {
  status: number;
  statusText: string;
  location?: string;
  contentType?: string;
  bytes?: Uint8Array;
}

/** One request to an already checked address; reads the body only for a 2xx answer. */
function request(url: URL, addr: Resolved, o: FetchOptions, remainingMs: number, maxBytes: number, fail: (code: string, msg: string) => InputFailure): Promise<Hop | InputFailure> {
  return new Promise((resolve) => {
    let settled = false;
    let req: http.ClientRequest | undefined;
    const streams: Readable[] = [];
    const finish = (v: Hop | InputFailure) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      for (const s of streams) s.destroy();
      req?.destroy();
      resolve(v);
    };
    const timer = setTimeout(() => finish(fail('fetch/timeout', `no complete answer within ${Math.round((o.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS) / 100) / 10} s`)), Math.max(1, remainingMs));
    const mod = url.protocol === 'https:' ? https : http;
    try {
      req = mod.request(
        url,
        {
          method: 'GET',
          agent: false,
          headers: { 'user-agent': o.userAgent ?? USER_AGENT, accept: ACCEPT, 'accept-encoding': 'gzip, deflate, br' },
          // Connect to the address we checked, never to a second lookup's answer (DNS rebinding).
          lookup: ((_host: string, opts: { all?: boolean }, cb: (...args: unknown[]) => void) => {
            if (opts && opts.all) cb(null, [{ address: addr.address, family: addr.family }]);
            else cb(null, addr.address, addr.family);
          }) as never,
        },
        (res) => {
          const status = res.statusCode ?? 0;
          const head = { status, statusText: res.statusMessage ?? '', contentType: res.headers['content-type'] };
          if (status >= 300 && status < 400 && res.headers.location) return finish({ ...head, location: res.headers.location });
          if (status < 200 || status >= 300) return finish(head);
          const declared = Number(res.headers['content-length']);
          if (Number.isFinite(declared) && declared > maxBytes) return finish(fail('fetch/too-large', `the server announces ${mb(declared)}, over the ${mb(maxBytes)} limit`));
          const enc = String(res.headers['content-encoding'] ?? '').trim().toLowerCase();
          let body: Readable = res;
          streams.push(res);
          if (enc === 'gzip' || enc === 'x-gzip') body = res.pipe(zlib.createGunzip());
          else if (enc === 'deflate') body = res.pipe(zlib.createInflate());
          else if (enc === 'br') body = res.pipe(zlib.createBrotliDecompress());
          else if (enc && enc !== 'identity') return finish(fail('fetch/encoding', `unsupported Content-Encoding "${enc}"`));
          if (body !== res) streams.push(body);
          const chunks: Buffer[] = [];
          let total = 0;
          res.on('error', (err) => finish(fail('fetch/network', `the connection broke while reading the body (${err.message})`)));
          body.on('error', (err) => finish(fail('fetch/decompress', `the ${enc} body is damaged or truncated (${err.message})`)));
          body.on('data', (c: Buffer) => {
            total += c.length;
            if (total > maxBytes) finish(fail('fetch/too-large', `the body is over the ${mb(maxBytes)} limit; download stopped`));
            else chunks.push(c);
          });
          body.on('end', () => {
            if (!res.complete) finish(fail('fetch/network', 'the server closed the connection before the body was complete'));
            else finish({ ...head, bytes: new Uint8Array(Buffer.concat(chunks)) });
          });
        },
      );
      req.on('error', (err: NodeJS.ErrnoException) => finish(fail('fetch/network', `cannot connect or read (${err.code ?? err.message})`)));
      req.end();
    } catch (err) {
      finish(fail('fetch/network', `cannot send the request (${(err as Error).message})`));
    }
  });
}

/**
 * Fetches one URL safely: checks every resolved address of every hop (unless `allowPrivate`),
 * follows redirects by hand up to a cap, enforces a deadline and a streamed size cap, and accepts
 * only HTML, text, XML feeds and JSON. Never throws: problems come back as a failure.
 */
export async function fetchUrl(input: string, o: FetchOptions = {}): Promise<FetchResult> {
  const fail = (code: string, message: string): InputFailure => ({ source: input, code, message });
  const bad = (f: InputFailure): FetchResult => ({ ok: false, failure: f });
  const deadline = Date.now() + (o.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS);
  const maxBytes = o.maxBytes ?? DEFAULT_FETCH_MAX_BYTES;
  const maxRedirects = o.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return bad(fail('fetch/bad-url', 'not a valid URL'));
  }
  const seen = new Set<string>();
  const redirects: string[] = [];
  for (;;) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return bad(fail('fetch/scheme', `only http and https URLs are fetched, not ${url.protocol}`));
    const key = url.href.replace(/#.*$/, '');
    if (seen.has(key)) return bad(fail('fetch/redirect-loop', `the redirects loop back to ${key}`));
    seen.add(key);
    const addr = await checkedAddress(url, o, fail, redirects.length > 0, deadline);
    if ('code' in addr) return bad(addr);
    const remaining = deadline - Date.now();
    if (remaining <= 0) return bad(fail('fetch/timeout', `no complete answer within ${(o.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS) / 1000} s`));
    const hop = await request(url, addr, o, remaining, maxBytes, fail);
    if ('code' in hop) return bad(hop);
    if (hop.location !== undefined) {
      if (redirects.length >= maxRedirects) return bad(fail('fetch/too-many-redirects', `more than ${maxRedirects} redirects (last to ${hop.location})`));
      try {
        url = new URL(hop.location, url);
      } catch {
        return bad(fail('fetch/bad-redirect', `the server redirects to an invalid URL "${hop.location}"`));
      }
      redirects.push(url.href);
      continue;
    }
    if (!hop.bytes) return bad(fail('fetch/http-status', `the server answered ${hop.status} ${hop.statusText}`.trim()));
    const { type, charset } = mediaType(hop.contentType);
    if (!hop.bytes.length) return bad(fail('fetch/empty', 'the server sent an empty body'));
    const kind = kindOf(type, hop.bytes);
    if (!kind) return bad(fail('fetch/content-type', `the server sent ${type}, not HTML, text, an XML feed or JSON`));
    const binary = binaryKind(hop.bytes);
    // A gzip body without Content-Encoding (a served .gz file) is unpacked later by readBytes.
    if (binary && binary !== 'gzip data') return bad(fail('fetch/binary', `the body is ${binary} although the server calls it ${type ?? 'nothing'}`));
    return { ok: true, page: { url: url.href, requested: input, redirects, status: hop.status, contentType: hop.contentType, kind, charset, bytes: hop.bytes } };
  }
}
