import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The shared corpora and eval data beside the checkout, or undefined when absent. */
export function sharedDir(): string | undefined {
  const p = path.resolve(process.cwd(), '../shared');
  return existsSync(p) ? p : undefined;
}

/** A fresh temporary folder for one test. */
export function tempDir(prefix = 'triangulate-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** An invented article used across tests (written by the team, not copied from any outlet). */
export const INVENTED_ARTICLE = [
  'Floodwaters force 4,000 from homes in Velmora',
  'By Ana Ristic',
  'At least 12 people were killed when the Drava river burst its banks on Monday, the regional governor, Marek Holm, said.',
  '“We have never seen water rise this fast,” Holm told Radio Velmora. Rescue teams said about 300 homes were flooded.',
  'According to the Red Cross, between 3,500 and 4,000 residents were moved to shelters by Tuesday morning.',
].join('\n');

/** The same story as a small HTML page with boilerplate and entities. */
export const INVENTED_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Floods in Velmora &amp; beyond</title><meta property="og:site_name" content="Velmora Daily">
<meta property="article:published_time" content="2025-03-04T08:00:00Z"><style>p{color:red}</style></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Floods in Velmora &amp; beyond</h1>
<p>At least 12 people were killed when the Drava river burst its banks on Monday, the governor&rsquo;s office said.</p>
<p>&ldquo;We have never seen water rise this fast,&rdquo; said Marek&nbsp;Holm, the <b>regional</b> governor.
Rescue teams reached   the old town by boat.</p>
<script>var x = "<p>not text</p>";</script>
<p>Officials said 3,500&ndash;4,000 residents were moved to shelters.</p></article>
<footer>Subscribe to our newsletter</footer></body></html>`;
