import type { DocumentStage } from '../core/stage.js';
import { diagnostic } from '../core/diagnostics.js';
import { extractArticle } from './extract.js';
import { scanFilter, scanScrapedText } from './scraped.js';
import { cleanPlainText, type CleanResult } from './text.js';

/** Turns the decoded input into the clean text, its offset map and the paragraph layer. */
export const cleanStage: DocumentStage = {
  kind: 'document',
  name: 'clean',
  version: 1,
  needs: ['raw', 'meta'],
  produces: ['text', 'layer:paragraphs', 'records:removed'],
  description: 'HTML or scraped text to clean text with an exact clean-to-raw offset map',
  run(doc) {
    let result: CleanResult;
    let meta: Record<string, unknown> = {};
    if (doc.meta.format === 'html') {
      const ex = extractArticle(doc.raw);
      meta = ex.meta as Record<string, unknown>;
      result = ex;
    } else {
      // Scraped text: drop page furniture by whole lines (the map stays exact) and read title/byline/wire.
      const scan = scanScrapedText(doc.raw, { title: doc.meta.title });
      meta = scan.meta as Record<string, unknown>;
      result = cleanPlainText(doc.raw, scanFilter(scan), (i) => (i === scan.titleIndex ? 'title' : undefined));
    }
    const diagnostics = [];
    if (!result.text.trim()) {
      diagnostics.push(diagnostic('fatal', 'clean/no-text', 'clean@1', 'No article text was found in this input.', { expected: 'a page or file with readable text' }));
    }
    // Metadata given with the input (JSON fields) wins over what the page says; a --published
    // fallback yields to a date the page itself states.
    const fallbackOnly = doc.meta.publishedSource === 'option' && 'published' in meta;
    const given = Object.fromEntries(
      Object.entries(doc.meta).filter(([k, v]) => v !== undefined && !(fallbackOnly && (k === 'published' || k === 'publishedSource'))),
    );
    return {
      text: { text: result.text, offsets: result.offsets },
      meta: { ...meta, ...given },
      layers: { paragraphs: result.paragraphs.map((p) => ({ ...p })) },
      records: { removed: result.removed },
      diagnostics,
    };
  },
};
