// Benchmarks read public data from ../shared beside the checkout; without it they say so and stop.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The folder `../shared/<rel>`, or exit 0 with a "skipped" line when it is absent. */
export function sharedDir(rel) {
  const dir = path.resolve(process.cwd(), '../shared', rel);
  if (!existsSync(dir)) {
    console.log(`skipped: ../shared/${rel} is absent`);
    process.exit(0);
  }
  return dir;
}

/** The Scrapinghub benchmark's folder and its ground truth (id -> {articleBody, url}). */
export function scrapinghub() {
  const root = sharedDir('eval/scrapinghub-article-extraction-benchmark');
  return { root, truth: JSON.parse(readFileSync(path.join(root, 'ground-truth.json'), 'utf8')) };
}
