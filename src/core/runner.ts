import { diagnostic, isFatal, type Diagnostic } from './diagnostics.js';
import type { Document, Span } from './document.js';
import { TriangulateError } from './errors.js';
import { stageId, type CorpusStage, type DocumentStage, type Stage, type StageContext, type SpanInput } from './stage.js';

/** What ingest provides before any stage runs. */
const GIVEN = new Set(['raw', 'meta']);

/** A checked, ordered list of stages, ready to run. */
export interface Pipeline {
  documentStages: DocumentStage[];
  corpusStages: CorpusStage[];
  /** `name@version` of every stage, in order. */
  versions: string[];
}

/** Checks stage order and needs once, at startup; an unmet need is an error that says how to fix it. */
export function buildPipeline(stages: Stage[]): Pipeline {
  const produced = new Set(GIVEN);
  const seen = new Set<string>();
  const documentStages: DocumentStage[] = [];
  const corpusStages: CorpusStage[] = [];
  for (const stage of stages) {
    const id = stageId(stage);
    if (seen.has(stage.name)) {
      throw new TriangulateError('E_PIPELINE', `Stage "${stage.name}" appears twice in the pipeline (${id}); keep one version.`);
    }
    seen.add(stage.name);
    if (stage.kind === 'document' && corpusStages.length) {
      throw new TriangulateError(
        'E_PIPELINE',
        `Document stage ${id} comes after corpus stage ${stageId(corpusStages[0])}; put every document stage before the corpus stages.`,
      );
    }
    for (const need of stage.needs) {
      if (!produced.has(need)) {
        const makers = stages.filter((s) => s.produces.includes(need)).map(stageId);
        const fix = makers.length
          ? `add ${makers.join(' or ')} before it`
          : `add a stage that produces "${need}"`;
        throw new TriangulateError('E_PIPELINE', `Stage ${id} needs "${need}", which no earlier stage produces: ${fix}.`, {
          stage: id,
          need,
        });
      }
    }
    for (const p of stage.produces) produced.add(p);
    if (stage.kind === 'document') documentStages.push(stage);
    else corpusStages.push(stage);
  }
  return { documentStages, corpusStages, versions: stages.map(stageId) };
}

/** Id prefix for a layer's spans: its first letter (`s3` is the third sentence). Ids are unique per layer. */
function layerPrefix(name: string): string {
  return (name.replace(/[^a-z]/gi, '').slice(0, 1) || 'x').toLowerCase();
}

/** Writes a stage's layer additions onto the document: sorted, with ids and span text. */
function addLayer(doc: Document, name: string, spans: SpanInput[], stage: string): void {
  const layer = doc.layers[name] ?? (doc.layers[name] = []);
  const prefix = layerPrefix(name);
  for (const s of spans) {
    if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end >= s.start && s.end <= doc.text.length)) {
      doc.diagnostics.push(
        diagnostic('warning', 'stage/bad-span', stage, `Dropped a ${name} span with bad bounds [${s.start}, ${s.end}) for a text of ${doc.text.length}.`),
      );
      continue;
    }
    const span = { ...s, id: s.id ?? `${prefix}${layer.length + 1}`, text: doc.text.slice(s.start, s.end) } as Span;
    layer.push(span);
  }
  layer.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Runs one document stage and applies its result; a throw becomes a fatal diagnostic. */
export function runDocumentStage(stage: DocumentStage, doc: Document, ctx: StageContext): void {
  const id = stageId(stage);
  try {
    const result = stage.run(doc, ctx);
    if (result.text) {
      if (!stage.produces.includes('text')) {
        throw new TriangulateError('E_PIPELINE', `Stage ${id} returned text but does not declare "text" among its products.`);
      }
      if (doc.text.length) {
        throw new TriangulateError('E_PIPELINE', `Stage ${id} tried to replace the clean text, which is fixed once made.`);
      }
      doc.text = result.text.text;
      doc.offsets = result.text.offsets;
    }
    if (result.meta) {
      for (const [k, v] of Object.entries(result.meta)) if (v !== undefined && v !== '') (doc.meta as Record<string, unknown>)[k] = v;
    }
    for (const [name, spans] of Object.entries(result.layers ?? {})) addLayer(doc, name, spans, id);
    for (const [name, recs] of Object.entries(result.records ?? {})) (doc.records[name] ??= []).push(...recs);
    for (const d of result.diagnostics ?? []) doc.diagnostics.push({ ...d, stage: d.stage || id });
  } catch (err) {
    if (err instanceof TriangulateError && err.code === 'E_PIPELINE') throw err;
    const e = err as Error;
    doc.diagnostics.push(
      diagnostic('fatal', 'stage/threw', id, `Stage ${id} failed on this document: ${e?.message ?? String(err)}`),
    );
  }
}

/** Runs the per-document stages over one document, stopping at its first fatal problem. */
export function runDocument(pipeline: Pipeline, doc: Document, ctx: StageContext): Document {
  for (const stage of pipeline.documentStages) {
    if (isFatal(doc.diagnostics)) break;
    runDocumentStage(stage, doc, ctx);
  }
  return doc;
}

/** Corpus-level output: named sections and the problems found there. */
export interface CorpusOutput {
  sections: Record<string, unknown>;
  diagnostics: Diagnostic[];
}

/** Runs the corpus stages after the barrier, over the documents that did not fail fatally. */
export function runCorpus(pipeline: Pipeline, docs: readonly Document[], ctx: StageContext): CorpusOutput {
  const live = docs.filter((d) => !isFatal(d.diagnostics));
  const sections: Record<string, unknown> = {};
  const diagnostics: Diagnostic[] = [];
  for (const stage of pipeline.corpusStages) {
    const id = stageId(stage);
    try {
      const result = stage.run(live, ctx, sections);
      Object.assign(sections, result.sections);
      for (const d of result.diagnostics ?? []) diagnostics.push({ ...d, stage: d.stage || id });
    } catch (err) {
      diagnostics.push(diagnostic('error', 'stage/threw', id, `Corpus stage ${id} failed: ${(err as Error)?.message ?? String(err)}`));
    }
  }
  return { sections, diagnostics };
}
