import type { DocumentStage } from '../core/stage.js';
import { diagnostic } from '../core/diagnostics.js';
import { extractArticle } from './extract.js';
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
    let meta = {};
    if (doc.meta.format === 'html') {
      const ex = extractArticle(doc.raw);
      meta = ex.meta;
      result = ex;
    } else {
      result = cleanPlainText(doc.raw);
    }
    const diagnostics = [];
    if (!result.text.trim()) {
      diagnostics.push(diagnostic('fatal', 'clean/no-text', 'clean@1', 'No article text was found in this input.', { expected: 'a page or file with readable text' }));
    }
    // Metadata given with the input (JSON fields) wins over what the page says.
    const given = Object.fromEntries(Object.entries(doc.meta).filter(([, v]) => v !== undefined));
    return {
      text: { text: result.text, offsets: result.offsets },
      meta: { ...meta, ...given },
      layers: { paragraphs: result.paragraphs.map((p) => ({ ...p })) },
      records: { removed: result.removed },
      diagnostics,
    };
  },
};
