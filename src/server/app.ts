import { timingSafeEqual, createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { VERSION } from '../analyze.js';
import { defaultPipeline } from '../pipeline.js';
import { isUrl } from '../ingest/fetch.js';
import { readInputs } from '../ingest/sources.js';
import type { Report } from '../report/report.js';
import type { Store } from '../store/types.js';
import { ApiError } from './errors.js';
import { AddDocuments, AddQuery, CreateStory, ErrorSchema, IdParams, ListQuery, SearchQuery, StoryParams } from './schemas.js';
import { articlesToInputs, documentRows, spansAcross, StoryService, UPLOAD_TYPES, uploadToInputs, type Fetchers } from './stories.js';

/** Options for the HTTP app. */
export interface AppOptions {
  store: Store;
  /** Bearer token every write must carry; without one, writes are open (loopback only). */
  token?: string;
  /** Let URL and feed ingestion reach private addresses. */
  allowPrivate?: boolean;
  /** Largest request body, in bytes (default 32 MiB). */
  maxBodyBytes?: number;
  fetchers?: Fetchers;
  /** Folder of the built web UI (default dist/web beside this module). */
  webRoot?: string;
  /**
   * Answer only requests addressed to a loopback name (localhost, 127.x, [::1]): a loopback server
   * must not be reachable through a hostile DNS name pointed at 127.0.0.1 (DNS rebinding).
   */
  loopbackOnly?: boolean;
}

/** Strict policy: only this origin's scripts and styles, no inline code, no plugins, no framing. */
export const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
  "base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

type Input = { params: Record<string, string>; query: Record<string, unknown> };

/** One API route: its schemas feed both validation and the OpenAPI document. */
interface Route {
  method: 'get' | 'post' | 'delete';
  /** OpenAPI-style path, `{id}` for parameters. */
  path: string;
  summary: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: { json?: z.ZodType; uploads?: boolean; description: string };
  /** Responses other than the error shape. */
  ok: { status: number; description: string };
  handler: (c: Context, input: Input) => Promise<Response>;
}

const issues = (e: z.ZodError) => e.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));

function parse<T extends z.ZodType>(schema: T, value: unknown, where: string): z.infer<T> {
  const r = schema.safeParse(value);
  if (!r.success) throw new ApiError(400, 'invalid_request', `The ${where} is not valid: ${r.error.issues.map((i) => `${i.path.join('.') || where}: ${i.message}`).join('; ')}.`, issues(r.error));
  return r.data;
}

/** The media type of a request, lower-case, without parameters. */
const mediaType = (c: Context) => (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();

async function jsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ApiError(400, 'invalid_json', `The body is not valid JSON (${(err as Error).message}).`);
  }
}

function equalSecret(a: string, b: string): boolean {
  // Hash first so the comparison takes the same time whatever the lengths.
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

/** Builds the OpenAPI 3.1 document from the route table. */
function openapi(routes: Route[]) {
  const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const parameters: unknown[] = [];
    for (const [where, obj] of [['path', r.params], ['query', r.query]] as const) {
      if (!obj) continue;
      for (const [name, s] of Object.entries(obj.shape)) {
        parameters.push({ name, in: where, required: where === 'path' || !(s as z.ZodType).safeParse(undefined).success, schema: schema(s as z.ZodType) });
      }
    }
    const content: Record<string, unknown> = {};
    if (r.body?.json) content['application/json'] = { schema: schema(r.body.json) };
    if (r.body?.uploads) for (const t of UPLOAD_TYPES) content[t] = { schema: { type: 'string' } };
    (paths[r.path] ??= {})[r.method] = {
      summary: r.summary,
      ...(parameters.length ? { parameters } : {}),
      ...(r.body ? { requestBody: { required: true, description: r.body.description, content } } : {}),
      ...(r.method !== 'get' ? { security: [{ bearer: [] }] } : {}),
      responses: {
        [r.ok.status]: { description: r.ok.description, content: { 'application/json': {} } },
        default: { description: 'Any error, in the one error shape.', content: { 'application/json': { schema: schema(ErrorSchema) } } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Triangulate', version: VERSION, description: 'Stories, documents, layers and search over analyzed news reports. Every error is {error: {code, message, details?}}.' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Required for writes when the server has a token.' } } },
    paths,
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** The built UI, read once into memory: only files that exist can be served, so no path escapes. */
function loadWeb(root: string): Map<string, { body: Uint8Array; type: string }> {
  const files = new Map<string, { body: Uint8Array; type: string }>();
  if (!existsSync(root)) return files;
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.set('/' + path.relative(root, p).split(path.sep).join('/'), { body: readFileSync(p), type: TYPES[path.extname(p)] ?? 'application/octet-stream' });
    }
  };
  walk(root);
  return files;
}

/** UI paths (history routing) and the API path that is each view's JSON twin. */
const VIEWS: [RegExp, (m: RegExpMatchArray, search: string) => string][] = [
  [/^\/$/, (_m, s) => `/api/stories${s}`],
  [/^\/stories\/([a-z0-9-]+)$/, (m) => `/api/stories/${m[1]}`],
  [/^\/stories\/([a-z0-9-]+)\/diagnostics$/, (m) => `/api/stories/${m[1]}/diagnostics`],
  [/^\/documents\/([\w-]+)$/, (m) => `/api/documents/${m[1]}`],
  [/^\/search$/, (_m, s) => `/api/search${s}`],
];

/** True for host names that can only mean this machine. */
export function isLoopbackName(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/** URL and feed ingestion through the ingest fetcher (private targets refused unless allowed); never a local path. */
function defaultFetchers(): NonNullable<AppOptions['fetchers']> {
  const fetchOne = async (url: string, o: { allowPrivate: boolean }) => {
    if (!isUrl(url)) return { records: [], failures: [{ source: url, code: 'input/not-url', message: 'only http and https URLs can be fetched' }] };
    return readInputs([url], { allowPrivate: o.allowPrivate });
  };
  return { fetchUrl: fetchOne, fetchFeed: fetchOne };
}

/** Builds the Hono app: JSON API under /api, OpenAPI at /openapi.json, the web UI elsewhere. */
export function createApp(opts: AppOptions): Hono {
  const { store } = opts;
  const stories = new StoryService(store);
  const fetchers = opts.fetchers ?? defaultFetchers();
  const allowPrivate = Boolean(opts.allowPrivate);
  const maxBody = opts.maxBodyBytes ?? 32 * 1024 * 1024;
  const web = loadWeb(opts.webRoot ?? fileURLToPath(new URL('../web/', import.meta.url)));
  const app = new Hono();

  const reportBytes = async (id: string): Promise<Uint8Array> => {
    const text = await store.getStoryReport(id);
    if (!text) throw new ApiError(404, 'not_found', `No story with id "${id}"; GET /api/stories lists them.`);
    return text;
  };
  const report = async (id: string): Promise<Report> => JSON.parse(Buffer.from(await reportBytes(id)).toString('utf8')) as Report;

  const routes: Route[] = [
    {
      method: 'get',
      path: '/api/health',
      summary: 'Liveness and version',
      ok: { status: 200, description: '{ok, version}' },
      handler: async (c) => c.json({ ok: true, version: VERSION }),
    },
    {
      method: 'get',
      path: '/api/stories',
      summary: 'List stories, newest first; q matches the name or any document text',
      query: ListQuery,
      ok: { status: 200, description: '{total, items: StorySummary[]}' },
      handler: async (c, { query }) => c.json(await store.listStories(query as z.infer<typeof ListQuery>)),
    },
    {
      method: 'post',
      path: '/api/stories',
      summary: 'Create a story from articles (text, html; url and feed once fetching exists) and analyze it',
      body: { json: CreateStory, description: 'The story name and its articles.' },
      ok: { status: 201, description: '{story, added, failures}' },
      handler: async (c) => {
        if (mediaType(c) !== 'application/json') throw new ApiError(415, 'unsupported_media_type', 'Send the story as application/json; raw uploads go to POST /api/stories/{id}/documents.');
        const body = parse(CreateStory, await jsonBody(c), 'body');
        const inputs = await articlesToInputs(body.articles, body.feed, fetchers, allowPrivate);
        const r = await stories.save({ id: body.id, name: body.name, published: body.published, createOnly: true }, inputs);
        return c.json({ story: r.story, added: r.added, failures: r.failures }, 201);
      },
    },
    {
      method: 'get',
      path: '/api/stories/{id}',
      summary: 'A story: summary, documents, corpus sections, diagnostics and failures (the story page)',
      params: StoryParams,
      ok: { status: 200, description: '{story, documents, corpus, diagnostics, failures, stages}' },
      handler: async (c, { params }) => {
        const r = await report(params.id);
        const story = await store.getStory(params.id);
        // Stored reports keep the stages they were made with; newer stages need a re-analysis.
        const current = defaultPipeline().versions;
        const stale = r.stages.join(' ') !== current.join(' ');
        return c.json({ story, stages: r.stages, ...(stale ? { currentStages: current } : {}), stale, options: r.options, documents: documentRows(r.documents), corpus: r.corpus, diagnostics: r.diagnostics, failures: r.failures });
      },
    },
    {
      method: 'delete',
      path: '/api/stories/{id}',
      summary: 'Delete a story (its documents stay searchable)',
      params: StoryParams,
      ok: { status: 200, description: '{deleted: true}' },
      handler: async (c, { params }) => {
        if (!(await store.deleteStory(params.id))) throw new ApiError(404, 'not_found', `No story with id "${params.id}".`);
        return c.json({ deleted: true });
      },
    },
    {
      method: 'get',
      path: '/api/stories/{id}/report',
      summary: "The story's full report, the same JSON as report.json",
      params: StoryParams,
      ok: { status: 200, description: 'The report (triangulate/report@1)' },
      handler: async (c, { params }) => {
        return c.body((await reportBytes(params.id)) as Uint8Array<ArrayBuffer>, 200, { 'content-type': 'application/json; charset=utf-8' });
      },
    },
    {
      method: 'post',
      path: '/api/stories/{id}/documents',
      summary: 'Add articles to a story (created when missing) and analyze it again',
      params: StoryParams,
      query: AddQuery,
      body: { json: AddDocuments, uploads: true, description: 'JSON {articles, feed?}, or a raw JSON Lines, HTML or plain-text upload.' },
      ok: { status: 200, description: '{story, added, failures} (201 when the story was created)' },
      handler: async (c, { params, query }) => {
        const type = mediaType(c);
        let inputs;
        if (type === 'application/json') {
          const body = parse(AddDocuments, await jsonBody(c), 'body');
          inputs = await articlesToInputs(body.articles, body.feed, fetchers, allowPrivate);
        } else inputs = uploadToInputs(type, new Uint8Array(await c.req.arrayBuffer()), maxBody);
        const q = query as z.infer<typeof AddQuery>;
        const r = await stories.save({ id: params.id, name: q.name, published: q.published }, inputs);
        return c.json({ story: r.story, added: r.added, failures: r.failures }, r.created ? 201 : 200);
      },
    },
    {
      method: 'post',
      path: '/api/stories/{id}/analyze',
      summary: "Analyze a story again with the server's current stages (after an upgrade)",
      params: StoryParams,
      ok: { status: 200, description: '{story, added: 0, failures: []}' },
      handler: async (c, { params }) => {
        if (!(await store.getStory(params.id))) throw new ApiError(404, 'not_found', `No story with id "${params.id}".`);
        const r = await stories.save({ id: params.id }, { records: [], failures: [] });
        return c.json({ story: r.story, added: r.added, failures: r.failures });
      },
    },
    {
      method: 'get',
      path: '/api/stories/{id}/claims',
      summary: "Claims and claim groups as the report has them (empty until the claims stage exists)",
      params: StoryParams,
      ok: { status: 200, description: '{claims, groups}' },
      handler: async (c, { params }) => {
        const r = await report(params.id);
        return c.json({ claims: spansAcross(r.documents, 'claims'), groups: r.corpus.claimGroups ?? [] });
      },
    },
    {
      method: 'get',
      path: '/api/stories/{id}/figures',
      summary: 'Figures (quantities across documents) as the report has them (empty until that stage exists)',
      params: StoryParams,
      ok: { status: 200, description: '{figures, quantities}' },
      handler: async (c, { params }) => {
        const r = await report(params.id);
        return c.json({ figures: r.corpus.figures ?? [], quantities: spansAcross(r.documents, 'quantities') });
      },
    },
    {
      method: 'get',
      path: '/api/stories/{id}/diagnostics',
      summary: 'Every problem found: unreadable inputs, corpus diagnostics, per-document diagnostics',
      params: StoryParams,
      ok: { status: 200, description: '{failures, corpus, documents}' },
      handler: async (c, { params }) => {
        const r = await report(params.id);
        return c.json({
          failures: r.failures,
          corpus: r.diagnostics,
          documents: r.documents.filter((d) => d.diagnostics.length).map((d) => ({ id: d.id, title: d.meta.title, source: d.source, status: d.status, diagnostics: d.diagnostics })),
        });
      },
    },
    {
      method: 'get',
      path: '/api/documents/{id}',
      summary: 'A document: clean text, metadata, every layer, records, diagnostics and its stories',
      params: IdParams,
      ok: { status: 200, description: 'StoredDocument' },
      handler: async (c, { params }) => {
        const doc = await store.getDocument(params.id);
        if (!doc) throw new ApiError(404, 'not_found', `No document with id "${params.id}".`);
        return c.json(doc);
      },
    },
    {
      method: 'get',
      path: '/api/search',
      summary: 'Full-text search over documents; the match in each snippet sits between \\u0002 and \\u0003',
      query: SearchQuery,
      ok: { status: 200, description: '{total, items: SearchHit[]}' },
      handler: async (c, { query }) => {
        const q = query as z.infer<typeof SearchQuery>;
        return c.json(await store.search(q.q, q));
      },
    },
  ];

  app.onError((err, c) => {
    if (err instanceof ApiError) return c.json(err.body(), err.status);
    const e = err as Error & { status?: number };
    if (e.name === 'BodyLimitError' || e.status === 413) return c.json(new ApiError(413, 'payload_too_large', `The body is over the ${maxBody} byte limit.`).body(), 413);
    process.stderr.write(`triangulate serve: ${e?.stack ?? String(err)}\n`);
    return c.json(new ApiError(500, 'internal', 'Internal error; the server log has the details.').body(), 500);
  });
  app.notFound((c) => c.json(new ApiError(404, 'not_found', `Nothing at ${c.req.method} ${c.req.path}; /openapi.json lists the API.`).body(), 404));

  app.use('*', async (c, next) => {
    if (opts.loopbackOnly && !isLoopbackName(new URL(c.req.url).hostname)) {
      throw new ApiError(403, 'forbidden_host', 'This server answers only requests to localhost, 127.0.0.1 or [::1].');
    }
    await next();
    c.header('Content-Security-Policy', CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    c.header('Cross-Origin-Resource-Policy', 'same-origin');
  });

  // Writes: same-origin only (a page elsewhere cannot post to a loopback server), and the token.
  app.use('/api/*', async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return next();
    const origin = c.req.header('origin');
    if (origin) {
      let host: string | undefined;
      try {
        host = new URL(origin).host;
      } catch {
        host = undefined;
      }
      if (host !== c.req.header('host')) throw new ApiError(403, 'forbidden_origin', 'Writes are accepted only from this server\'s own pages.');
    }
    if (opts.token) {
      const auth = c.req.header('authorization') ?? '';
      const m = /^Bearer\s+(.+)$/i.exec(auth);
      if (!m || !equalSecret(m[1].trim(), opts.token)) {
        c.header('WWW-Authenticate', 'Bearer');
        throw new ApiError(401, 'unauthorized', 'Writes need "Authorization: Bearer <token>" with the token the server was started with.');
      }
    }
    return next();
  });
  app.use('/api/*', bodyLimit({ maxSize: maxBody, onError: () => { throw new ApiError(413, 'payload_too_large', `The body is over the ${maxBody} byte limit.`); } }));

  for (const r of routes) {
    const honoPath = r.path.replace(/\{(\w+)\}/g, ':$1');
    app.on(r.method.toUpperCase(), honoPath, async (c) => {
      const params = r.params ? parse(r.params, c.req.param(), 'path') : {};
      const query = r.query ? parse(r.query, c.req.query(), 'query') : {};
      return r.handler(c, { params: params as Record<string, string>, query: query as Record<string, unknown> });
    });
  }
  const doc = openapi(routes);
  app.get('/openapi.json', (c) => c.json(doc));
  app.all('/api/*', () => {
    throw new ApiError(404, 'not_found', 'No such API route; /openapi.json lists them.');
  });

  // The web UI: built assets by exact path, and index.html for every view path (history routing).
  app.get('*', (c) => {
    const file = web.get(c.req.path);
    if (file && c.req.path !== '/index.html') {
      const immutable = c.req.path.startsWith('/assets/');
      return c.body(file.body as Uint8Array<ArrayBuffer>, 200, { 'content-type': file.type, 'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache' });
    }
    const view = VIEWS.find(([re]) => re.test(c.req.path));
    if (!view) throw new ApiError(404, 'not_found', `No page at ${c.req.path}.`);
    const twin = view[1](c.req.path.match(view[0])!, new URL(c.req.url).search);
    // A client that asks for JSON gets the view's JSON twin.
    if ((c.req.header('accept') ?? '').split(',')[0].trim() === 'application/json') return c.redirect(twin, 303);
    const index = web.get('/index.html');
    if (!index) throw new ApiError(503, 'ui_not_built', 'The web UI is not built (npm run build); the JSON API works: ' + twin);
    c.header('Link', `<${twin}>; rel="alternate"; type="application/json"`);
    return c.body(index.body as Uint8Array<ArrayBuffer>, 200, { 'content-type': index.type, 'cache-control': 'no-cache' });
  });
  return app;
}
