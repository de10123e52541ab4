// Pins the example stories' gold files: every quote a scorer will look for must exist verbatim in
// the clean text the library produces, and the gold must be internally consistent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { analyze, isFatal, type Document } from '../index.js';

const require = createRequire(import.meta.url);
const EXAMPLES = path.resolve(process.cwd(), 'examples');

interface Claim {
  doc: string;
  quote: string;
  value: number | null;
  low: number | null;
  high: number | null;
  qualifier: string;
  speakerChain: string[];
}
interface Estimate {
  low: number | null;
  best: number | null;
  high: number | null;
}
interface Gold {
  story: { id: string };
  documents: Array<{ doc: string; published: string; publishedSource?: string; kind: string; wire: { name: string; quote: string } | null }>;
  claimGroups: Array<{ id: string; claims: Claim[] }>;
  figures: Array<Estimate & { group: string; history?: Estimate[] }>;
  speakers: Array<{ id: string; aliases: string[] }>;
  attributions?: Array<{ doc: string; quote: string; speaker: string; cue: string; speakerChain?: string[] }>;
  dates: Array<{ versions: Array<{ doc: string; quote: string; speakerChain: string[] }> }>;
  copies: Array<{ from: string; to: string; kind: string; evidence: string }>;
  opinion: string[];
  opinionEvidence?: Array<{ doc: string; quote: string }>;
  nonClaims?: Array<{ doc: string; quote: string }>;
}

const goldFiles = existsSync(EXAMPLES) ? readdirSync(EXAMPLES).filter((f) => f.endsWith('.gold.json')).sort() : [];

test('there is at least one example gold file', () => {
  assert.ok(goldFiles.length > 0, `no *.gold.json under ${EXAMPLES} (run the tests from the repository root)`);
});

let validator: ValidateFunction | undefined;
function validateGold(gold: unknown): string[] {
  if (!validator) {
    const Ajv = require('ajv') as new (o: object) => { compile(s: object): ValidateFunction };
    const schema = JSON.parse(readFileSync(path.join(EXAMPLES, 'gold.schema.json'), 'utf8')) as object;
    validator = new Ajv({ allErrors: true, strict: true }).compile(schema);
  }
  if (validator(gold)) return [];
  return (validator.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}

/** Every (doc, quote) pair the gold promises a scorer, with where it comes from for messages. */
function quotedSpans(g: Gold): Array<{ doc: string; quote: string; where: string }> {
  const out: Array<{ doc: string; quote: string; where: string }> = [];
  for (const d of g.documents) if (d.wire) out.push({ doc: d.doc, quote: d.wire.quote, where: 'documents.wire' });
  for (const cg of g.claimGroups) for (const c of cg.claims) out.push({ doc: c.doc, quote: c.quote, where: `claimGroups[${cg.id}]` });
  for (const a of g.attributions ?? []) {
    out.push({ doc: a.doc, quote: a.quote, where: `attributions[${a.speaker}]` });
    // The cue is part of the quoted passage unless it is a pattern spanning a gap ("According to ... citing").
    if (!a.cue.includes('...')) assert.ok(a.quote.includes(a.cue), `attribution cue "${a.cue}" is not inside its quote "${a.quote}"`);
  }
  for (const d of g.dates) for (const v of d.versions) out.push({ doc: v.doc, quote: v.quote, where: 'dates' });
  for (const c of g.copies) {
    out.push({ doc: c.from, quote: c.evidence, where: `copies ${c.kind} from` });
    out.push({ doc: c.to, quote: c.evidence, where: `copies ${c.kind} to` });
  }
  for (const o of g.opinionEvidence ?? []) out.push({ doc: o.doc, quote: o.quote, where: 'opinionEvidence' });
  for (const n of g.nonClaims ?? []) out.push({ doc: n.doc, quote: n.quote, where: 'nonClaims' });
  return out;
}

const NUMBER_WORD = /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|dozens?)\b/i;

/** Checks that the stated bounds follow from the qualifier, so scorers can trust low/high. */
function checkBounds(c: Claim, where: string): void {
  const { value: v, low: l, high: h } = c;
  const msg = `${where} ${c.doc}: "${c.quote}" (${c.qualifier} value=${v} low=${l} high=${h})`;
  assert.ok(/\d/.test(c.quote) || NUMBER_WORD.test(c.quote), `${msg}: the quote holds no number`);
  switch (c.qualifier) {
    case 'exact':
      assert.ok(v !== null && l === v && h === v, msg);
      break;
    case 'at-least':
      assert.ok(v !== null && l === v && h === null, msg);
      break;
    case 'more-than':
      assert.ok(v !== null && l !== null && l > v && h === null, msg);
      break;
    case 'up-to':
    case 'at-most':
      assert.ok(v !== null && h === v && l === null, msg);
      break;
    case 'fewer-than':
      assert.ok(v !== null && h !== null && h < v && l === null, msg);
      break;
    case 'about':
      assert.ok(v !== null && l === null && h === null, msg);
      break;
    case 'range':
      assert.ok(l !== null && h !== null && l < h, msg);
      break;
    default:
      assert.fail(`${msg}: unknown qualifier`);
  }
}

function checkEstimate(e: Estimate, where: string): void {
  const { low, best, high } = e;
  if (low !== null && best !== null) assert.ok(low <= best, `${where}: low ${low} > best ${best}`);
  if (best !== null && high !== null) assert.ok(best <= high, `${where}: best ${best} > high ${high}`);
  if (low !== null && high !== null) assert.ok(low <= high, `${where}: low ${low} > high ${high}`);
}

for (const file of goldFiles) {
  const gold = JSON.parse(readFileSync(path.join(EXAMPLES, file), 'utf8')) as Gold;
  const folder = path.join(EXAMPLES, file.replace(/\.gold\.json$/, ''));

  test(`${file}: matches examples/gold.schema.json`, () => {
    assert.deepEqual(validateGold(gold), []);
  });

  test(`${file}: references between sections resolve and bounds follow the qualifiers`, () => {
    const docs = new Set(gold.documents.map((d) => d.doc));
    assert.equal(docs.size, gold.documents.length, 'a document is listed twice');
    const speakers = new Set(gold.speakers.map((s) => s.id));
    assert.equal(speakers.size, gold.speakers.length, 'a speaker id is listed twice');
    const groups = new Set(gold.claimGroups.map((cg) => cg.id));
    assert.equal(groups.size, gold.claimGroups.length, 'a claim group id is listed twice');
    const known = (d: string, where: string) => assert.ok(docs.has(d), `${where} names "${d}", which is not in documents`);
    const chain = (ids: string[], where: string) => ids.forEach((id) => assert.ok(speakers.has(id), `${where}: unknown speaker "${id}"`));
    for (const cg of gold.claimGroups) {
      for (const c of cg.claims) {
        known(c.doc, `claimGroups[${cg.id}]`);
        chain(c.speakerChain, `claimGroups[${cg.id}]`);
        checkBounds(c, `claimGroups[${cg.id}]`);
      }
    }
    for (const f of gold.figures) {
      assert.ok(groups.has(f.group), `figures names unknown group "${f.group}"`);
      checkEstimate(f, `figures[${f.group}]`);
      for (const h of f.history ?? []) checkEstimate(h, `figures[${f.group}].history`);
    }
    for (const a of gold.attributions ?? []) {
      known(a.doc, 'attributions');
      chain([a.speaker, ...(a.speakerChain ?? [])], 'attributions');
    }
    for (const d of gold.dates) for (const v of d.versions) (known(v.doc, 'dates'), chain(v.speakerChain, 'dates'));
    for (const c of gold.copies) (known(c.from, 'copies'), known(c.to, 'copies'));
    // Opinion and re-run labels must agree with the per-document kinds.
    const opinionDocs = gold.documents.filter((d) => d.kind === 'opinion').map((d) => d.doc).sort();
    assert.deepEqual([...gold.opinion].sort(), opinionDocs);
    for (const d of gold.documents.filter((x) => x.kind === 'wire-rerun')) {
      assert.ok(d.wire, `${d.doc} is a wire re-run without a wire credit`);
      assert.ok(gold.copies.some((c) => c.to === d.doc && c.kind === 'wire'), `${d.doc} is a wire re-run with no wire copy pointing to it`);
    }
  });

  test(`${file}: every document analyzes cleanly and every quote is verbatim in its clean text`, async () => {
    // No `published` fallback here: the dates checked below must come from the inputs themselves.
    const { documents, failures } = await analyze([folder]);
    assert.deepEqual(failures, []);
    const byRef = new Map<string, Document>();
    for (const d of documents) byRef.set(path.relative(EXAMPLES, d.meta.sourcePath ?? '').split(path.sep).join('/'), d);
    // The folder and the gold list the same documents: a new article needs its gold entry.
    assert.deepEqual([...byRef.keys()].sort(), gold.documents.map((d) => d.doc).sort());
    for (const [ref, d] of byRef) {
      assert.ok(!isFatal(d.diagnostics), `${ref} has a fatal diagnostic: ${JSON.stringify(d.diagnostics)}`);
      assert.ok(d.text.length > 500, `${ref} cleaned to only ${d.text.length} characters`);
    }
    for (const g of gold.documents) {
      // Dates the input carries (meta tags, JSON fields) must be the ones the gold states.
      if (g.publishedSource === 'meta' || g.publishedSource === 'input') assert.equal(byRef.get(g.doc)!.meta.published, g.published, `${g.doc} published`);
    }
    const missing = quotedSpans(gold).filter((q) => !byRef.get(q.doc)?.text.includes(q.quote));
    assert.deepEqual(missing, [], 'quotes not found verbatim in the clean text');
    for (const s of gold.speakers) {
      for (const alias of s.aliases) {
        assert.ok([...byRef.values()].some((d) => d.text.includes(alias)), `speaker ${s.id}: alias "${alias}" occurs in no document`);
      }
    }
  });

  // Known bug, left to the owner of analyze/clean: the fallback date is written into meta before the
  // clean stage reads the page, and "given" meta wins, so a page's own date is replaced by the fallback.
  test(`${file}: the --published fallback does not replace a date the input carries`, async () => {
    const { documents } = await analyze([folder], { published: '2026-01-01' });
    for (const g of gold.documents.filter((x) => x.publishedSource === 'meta' || x.publishedSource === 'input')) {
      const d = documents.find((x) => path.relative(EXAMPLES, x.meta.sourcePath ?? '').split(path.sep).join('/') === g.doc);
      assert.equal(d?.meta.published, g.published, `${g.doc} published`);
    }
  });
}
