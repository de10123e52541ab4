import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { analyze, annotate, VERSION, type AnalyzeOptions } from '../analyze.js';
import { hasErrors } from '../core/diagnostics.js';
import { TriangulateError } from '../core/errors.js';
import { extract } from '../ingest/extract.js';
import { renderBrief } from '../report/brief.js';
import { claimsCsv, figuresCsv } from '../report/csv.js';
import { renderHtml } from '../report/html.js';
import { STAGES } from '../pipeline.js';
import { startServer } from '../server/serve.js';

/** Exit codes, as documented in `--help`. */
export const EXIT = { ok: 0, someFailed: 1, usage: 2 } as const;

const HELP = `triangulate ${VERSION}: what a pile of news reports establishes, disputes and copies.

Usage:
  triangulate analyze <paths...> [options]    analyze articles as one story set
  triangulate annotate <file> [options]       print one document's layers as JSON
  triangulate extract <inputs...> [options]   print each article's clean text and metadata as JSON Lines
  triangulate stages                          list the pipeline's stages
  triangulate serve [options]                 web UI and JSON API over a story store
  triangulate --help | --version

Inputs: files, directories (recursive) and globs of .txt, .html/.htm, .json/.jsonl
(one article per object: url, title, published, text or html), RSS/Atom feeds (.rss, .atom,
.xml: one article per item), each optionally gzipped (.gz), and http(s) URLs of pages or feeds.

Fetching URLs (analyze, extract):
  --allow-private        allow private, loopback and link-local addresses (refused by default,
                         checked after DNS resolution and on every redirect)
  --fetch-items          fetch the page of each feed item that carries only a summary
  --timeout SECONDS      time allowed per URL, redirects included (default 20)
  --max-bytes N          also caps a fetched body, stopping the download past it (default 16 MiB)

analyze options:
  --out DIR              report folder (default ./triangulate-report): report.json, brief.md,
                         report.html, claims.csv, figures.csv
  --format json|md       what goes to stdout (default md, the brief)
  --published YYYY-MM-DD reference date for inputs that carry none
  --time-zone ZONE       IANA zone for dates without one (default UTC)
  --max-bytes N          largest input accepted, in bytes (default 32 MiB)
  --include-raw          keep each decoded input in report.json
  --quiet                no progress bar, no brief on stdout

extract options:
  --format jsonl         one JSON object per article: id, source, url, title, site, byline,
                         published, language, wire, text, diagnostics (the only format)

annotate options:
  --published YYYY-MM-DD reference date
  --offsets clean|input  positions in the clean text (default) or in the decoded input file

serve options:
  --db FILE              SQLite store (default ./triangulate.db)
  --host HOST            address to listen on (default 127.0.0.1)
  --port N               port (default 8787; 0 picks a free one)
  --token TOKEN          bearer token writes must carry (or TRIANGULATE_TOKEN);
                         required when HOST is not a loopback address
  --allow-private        let URL/feed ingestion reach private addresses
  --demo                 preload the bundled example stories (examples/)

Exit codes:
  0  success
  1  some inputs failed or had errors (the others were analyzed); each is named on stderr
  2  usage error (unknown command or option, bad value)
`;

const COMMON: ParseArgsConfig['options'] = {
  published: { type: 'string' },
  'allow-private': { type: 'boolean' },
  'fetch-items': { type: 'boolean' },
  timeout: { type: 'string' },
  'time-zone': { type: 'string' },
  'max-bytes': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

class UsageError extends Error {}

function parse(argv: string[], options: ParseArgsConfig['options']) {
  try {
    return parseArgs({ args: argv, options: { ...COMMON, ...options }, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

function commonOptions(values: Record<string, unknown>): AnalyzeOptions {
  const o: AnalyzeOptions = {};
  if (typeof values.published === 'string') o.published = values.published;
  if (typeof values['time-zone'] === 'string') o.timeZone = values['time-zone'];
  if (typeof values['max-bytes'] === 'string') {
    const n = Number(values['max-bytes']);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--max-bytes must be a positive number, got "${values['max-bytes']}"`);
    o.maxBytes = n;
  }
  if (values['allow-private']) o.allowPrivate = true;
  if (values['fetch-items']) o.fetchItems = true;
  if (typeof values.timeout === 'string') {
    const n = Number(values.timeout);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--timeout must be a positive number of seconds, got "${values.timeout}"`);
    o.fetchTimeoutMs = Math.round(n * 1000);
  }
  return o;
}

/** A one-line progress bar on stderr, only when stderr is a terminal. */
function progress(enabled: boolean) {
  if (!enabled) return undefined;
  return (done: number, total: number) => {
    const width = 30;
    const filled = Math.round((done / Math.max(1, total)) * width);
    process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} articles`);
    if (done === total) process.stderr.write('\n');
  };
}

async function cmdAnalyze(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    out: { type: 'string', default: 'triangulate-report' },
    format: { type: 'string', default: 'md' },
    quiet: { type: 'boolean', short: 'q' },
    'include-raw': { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return EXIT.ok;
  }
  if (!positionals.length) throw new UsageError('analyze needs at least one path (a file, directory or glob)');
  const format = String(values.format);
  if (format !== 'json' && format !== 'md') throw new UsageError(`--format must be json or md, got "${format}"`);
  const opts = commonOptions(values);
  opts.includeRaw = Boolean(values['include-raw']);
  opts.onProgress = progress(!values.quiet && Boolean(process.stderr.isTTY));
  const result = await analyze(positionals, opts);
  const { report } = result;
  const out = String(values.out);
  await fs.mkdir(out, { recursive: true });
  const json = JSON.stringify(report, null, 2) + '\n';
  const brief = renderBrief(report);
  await fs.writeFile(path.join(out, 'report.json'), json);
  await fs.writeFile(path.join(out, 'brief.md'), brief);
  await fs.writeFile(path.join(out, 'report.html'), renderHtml(report));
  await fs.writeFile(path.join(out, 'claims.csv'), claimsCsv(report));
  await fs.writeFile(path.join(out, 'figures.csv'), figuresCsv(report));
  let failed = 0;
  for (const f of report.failures) {
    process.stderr.write(`triangulate: ${f.source}: ${f.message}\n`);
    failed++;
  }
  for (const d of report.documents) {
    const bad = d.diagnostics.filter((x) => x.severity === 'fatal' || x.severity === 'error');
    for (const x of bad) process.stderr.write(`triangulate: ${d.source}: ${x.message}\n`);
    if (hasErrors(d.diagnostics)) failed++;
  }
  if (!values.quiet) process.stdout.write(format === 'json' ? json : brief);
  else if (format === 'json') process.stdout.write(json);
  if (!values.quiet) process.stderr.write(`triangulate: wrote report.json, brief.md, report.html, claims.csv and figures.csv to ${out}\n`);
  return failed ? EXIT.someFailed : EXIT.ok;
}

async function cmdAnnotate(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { offsets: { type: 'string', default: 'clean' } });
  if (values.help) {
    process.stdout.write(HELP);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError('annotate takes exactly one file');
  const offsets = String(values.offsets);
  if (offsets !== 'clean' && offsets !== 'input') throw new UsageError(`--offsets must be clean or input, got "${offsets}"`);
  try {
    const ann = await annotate(positionals[0], { ...commonOptions(values), offsets });
    process.stdout.write(JSON.stringify(ann, null, 2) + '\n');
    for (const x of ann.diagnostics) if (x.severity === 'fatal' || x.severity === 'error') process.stderr.write(`triangulate: ${ann.source}: ${x.message}\n`);
    return hasErrors(ann.diagnostics) ? EXIT.someFailed : EXIT.ok;
  } catch (err) {
    if (err instanceof TriangulateError && err.code === 'E_INPUT') {
      process.stderr.write(`triangulate: ${err.message}\n`);
      return EXIT.someFailed;
    }
    throw err;
  }
}

async function cmdExtract(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { format: { type: 'string', default: 'jsonl' } });
  if (values.help) {
    process.stdout.write(HELP);
    return EXIT.ok;
  }
  if (!positionals.length) throw new UsageError('extract needs at least one input (a file, directory, glob or URL)');
  if (values.format !== 'jsonl') throw new UsageError(`--format must be jsonl, got "${String(values.format)}"`);
  const opts = commonOptions(values);
  let failed = 0;
  await extract(positionals, {
    ...opts,
    keepArticles: false,
    onArticle: (a) => {
      process.stdout.write(JSON.stringify(a) + '\n');
      for (const x of a.diagnostics) if (x.severity === 'fatal' || x.severity === 'error') process.stderr.write(`triangulate: ${a.source}: ${x.message}\n`);
      if (hasErrors(a.diagnostics)) failed++;
    },
    onFailure: (f) => {
      process.stderr.write(`triangulate: ${f.source}: ${f.message}\n`);
      failed++;
    },
  });
  return failed ? EXIT.someFailed : EXIT.ok;
}

async function cmdServe(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    db: { type: 'string', default: 'triangulate.db' },
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '8787' },
    token: { type: 'string' },
    'allow-private': { type: 'boolean' },
    demo: { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return EXIT.ok;
  }
  if (positionals.length) throw new UsageError(`serve takes no paths (got "${positionals[0]}"); add articles through the API or --demo`);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, got "${values.port}"`);
  const token = (values.token as string | undefined) ?? (process.env.TRIANGULATE_TOKEN || undefined);
  let server;
  try {
    server = await startServer({
      db: String(values.db),
      host: String(values.host),
      port,
      token,
      allowPrivate: Boolean(values['allow-private']),
      // The bundled example story ships with the package, wherever the command is run from.
      demoDir: values.demo ? fileURLToPath(new URL('../../examples', import.meta.url)) : undefined,
      log: (l) => process.stderr.write(`triangulate serve: ${l}\n`),
    });
  } catch (err) {
    if (/refusing to listen/.test((err as Error).message)) throw new UsageError((err as Error).message);
    throw err;
  }
  process.stderr.write(`triangulate serve: ${server.url}/ (store ${values.db}${token ? ', writes need the token' : ''})\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  return EXIT.ok;
}

/** Runs the CLI with the given arguments and returns the exit code; never throws. */
export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case 'analyze':
        return await cmdAnalyze(rest);
      case 'annotate':
        return await cmdAnnotate(rest);
      case 'extract':
        return await cmdExtract(rest);
      case 'serve':
        return await cmdServe(rest);
      case 'stages':
        for (const s of STAGES) process.stdout.write(`${s.name}@${s.version}\t${s.kind}\t${s.description}\n`);
        return EXIT.ok;
      case '--version':
      case '-v':
        process.stdout.write(VERSION + '\n');
        return EXIT.ok;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(HELP);
        return cmd === undefined ? EXIT.usage : EXIT.ok;
      default:
        throw new UsageError(`unknown command "${cmd}"; use analyze, annotate, extract, serve or stages`);
    }
  } catch (err) {
    if (err instanceof UsageError || (err instanceof TriangulateError && (err.code === 'E_OPTION' || err.code === 'E_UNKNOWN_STAGE'))) {
      process.stderr.write(`triangulate: ${(err as Error).message}\nRun "triangulate --help" for usage.\n`);
      return EXIT.usage;
    }
    process.stderr.write(`triangulate: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
    return EXIT.someFailed;
  }
}
