import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractArticle, type Extracted } from './extract.js';
import { cleanStage } from './stage.js';
import { createDocument } from '../core/document.js';
import { toRaw } from '../core/offsets.js';
import { parseHtml, textOf } from './html.js';

const words = (s: string) => s.match(/[\p{L}\p{N}_]+/gu) ?? [];

/** Decodes the raw stretch an offset span points at: tags out, entities decoded. */
function rawWords(raw: string, start: number, end: number): string[] {
  const slice = raw.slice(start, end);
  // Parse the fragment to decode entities exactly as a browser would; tags vanish in textOf.
  return words(textOf(parseHtml(`<div>${slice.replace(/^[^<]*>/, '')}</div>`)));
}

/** The test invariant: every paragraph's text is its slice, and maps to raw with the same words. */
function assertOffsets(raw: string, r: Extracted): void {
  for (const p of r.paragraphs) {
    const t = r.text.slice(p.start, p.end);
    assert.ok(t.trim().length > 0, 'paragraph is not empty');
    const { start, end } = toRaw(r.offsets, p.start, p.end);
    assert.deepEqual(rawWords(raw, start, end), words(t), `paragraph maps back: ${t.slice(0, 60)}`);
  }
  // Every single word maps to the same word in the raw input too.
  const re = /[\p{L}\p{N}_]+/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(r.text))) {
    const { start, end } = toRaw(r.offsets, m.index, m.index + m[0].length);
    const back = raw.slice(start, end);
    if (back === m[0]) continue;
    // Entity-coded words decode to the same word.
    assert.deepEqual(words(textOf(parseHtml(`<p>${back}</p>`))), [m[0]], `word ${m[0]} maps to ${back}`);
  }
}

const para = (n: number, topic: string) =>
  Array.from(
    { length: n },
    (_, i) =>
      `<p>In the town of Velmora, officials said on Tuesday that the ${topic} had reached its ${i + 1}th stage, and residents &amp; traders, who had waited for months, welcomed the news with caution.</p>`,
  ).join('\n');

const NEWS = `<!DOCTYPE html><html lang="en"><head><title>Bridge reopens in Velmora | The Velmora Courier</title>
<meta property="og:title" content="Bridge reopens in Velmora">
<meta property="og:site_name" content="The Velmora Courier">
<meta name="author" content="Minute Read">
<meta property="article:published_time" content="2031-04-08T09:30:00Z">
<link rel="canonical" href="https://courier.example/2031/04/08/bridge-reopens">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<header><a href="/">The Velmora Courier</a></header>
<main><article>
<h1>Bridge reopens in Velmora</h1>
<div class="byline">By Ana Restrepo-Lind</div>
<p>Published April 8, 2031 Updated April 8, 2031</p>
<div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
<figure><img src="bridge.jpg"><figcaption>The old bridge at dawn. (Photo: Mira Castell/AFP via Getty Images)</figcaption></figure>
${para(6, 'repair of the river bridge')}
<p>Image: Courier archive</p>
<p>Sign up for our newsletter to get the day's news in your inbox.</p>
<div class="related-articles"><h3>Related</h3><ul><li><a href="/a">Ferry service ends</a></li><li><a href="/b">Council votes on budget</a></li><li><a href="/c">River levels fall</a></li></ul></div>
<p>This article contains reporting from The Associated Press.</p>
${para(3, 'traffic plan')}
<p>close</p>
</article>
<div id="comments"><h3>Leave a Reply</h3><p>Your email address will not be published. Required fields are marked *</p></div>
</main>
<footer><p>Copyright 2031 The Velmora Courier. All rights reserved.</p></footer>
</body></html>`;

test('extractArticle keeps the article and drops news boilerplate', () => {
  const r = extractArticle(NEWS);
  assert.match(r.text, /repair of the river bridge had reached its 1th stage/);
  assert.match(r.text, /traffic plan had reached its 3th stage/);
  assert.match(r.text, /residents & traders/, 'entities decode');
  for (const junk of ['Share on', 'Photo:', 'Getty', 'Image: Courier', 'newsletter', 'Ferry service', 'Leave a Reply', 'Required fields', 'Published April', 'Home', 'Copyright', '\nclose']) {
    assert.ok(!r.text.includes(junk), `dropped: ${junk}`);
  }
  assert.ok(!r.text.startsWith('Bridge reopens'), 'headline is not repeated in the body');
  // One line per paragraph.
  assert.equal(r.text.split('\n').filter((l) => /had reached its/.test(l)).length, 9);
  assert.ok(r.removed.some((x) => x.reason === 'caption' || x.reason === 'share'));
  assertOffsets(NEWS, r);
});

test('extractArticle reads metadata and wire credits', () => {
  const r = extractArticle(NEWS);
  assert.equal(r.meta.title, 'Bridge reopens in Velmora');
  assert.equal(r.meta.site, 'The Velmora Courier');
  assert.equal(r.meta.byline, 'Ana Restrepo-Lind', 'never "Minute Read"');
  assert.equal(r.meta.published, '2031-04-08T09:30:00Z');
  assert.equal(r.meta.url, 'https://courier.example/2031/04/08/bridge-reopens');
  assert.equal(r.meta.language, 'en');
  assert.deepEqual(r.meta.wire, ['AP']);
});

test('extractArticle falls back to a paragraph cluster on a list page', () => {
  const items = Array.from(
    { length: 12 },
    (_, i) =>
      `<li class="teaser"><h2><a href="/s${i}">Story number ${i} about the harbour</a></h2><p>A short summary of story ${i}, which describes how the harbour committee met, what it decided about the fishing quotas, and when the next meeting is due.</p></li>`,
  ).join('');
  const html = `<html><body><div class="menu"><a href="/">Home</a> <a href="/x">X</a></div><ul class="stories">${items}</ul><footer>Contact us</footer></body></html>`;
  const r = extractArticle(html);
  assert.ok(r.text.length > 500, `text found (${r.method})`);
  assert.match(r.text, /story 7, which describes/);
  assertOffsets(html, r);
  // Without the DOM chooser the density chooser still finds the teaser cluster, not the menu.
  const d = extractArticle(html, { maxChooserLength: 0 });
  assert.equal(d.method, 'density');
  assert.match(d.text, /story 7, which describes/);
  assert.ok(!d.text.includes('Contact us'));
  assertOffsets(html, d);
});

test('the density chooser picks the article paragraphs over navigation', () => {
  const r = extractArticle(NEWS, { maxChooserLength: 0 });
  assert.equal(r.method, 'density');
  assert.match(r.text, /river bridge had reached its 6th stage/);
  assert.ok(!r.text.includes('Sport'));
  assertOffsets(NEWS, r);
});

test('extractArticle survives malformed and truncated HTML', () => {
  const html = `<html><body><div><p>First paragraph of the article about the orchard harvest in the hills, which was larger than expected this year.<p>Second paragraph &ampx; &#xZZ; &copy with <b><i>misnested</b></i> tags and an unclosed <span>span about the apple prices that fell sharply.<div><p>Third one about the cider festival that will be held in the valley next spring, organisers said. <a href="x`;
  const r = extractArticle(html);
  assert.match(r.text, /orchard harvest/);
  assert.match(r.text, /cider festival/);
  assertOffsets(html, r);
});

test('extractArticle handles a 30 MB page', () => {
  const block = para(10, 'long report');
  const parts: string[] = ['<html><body><div class="story">'];
  let size = 0;
  while (size < 30_000_000) {
    parts.push(block);
    size += block.length;
  }
  parts.push('</div></body></html>');
  const html = parts.join('');
  const r = extractArticle(html);
  assert.ok(r.text.length > 20_000_000);
  assert.match(r.text.slice(0, 400), /long report had reached its 1th stage/);
});

test('extractArticle handles 100k nested divs without overflowing the stack', () => {
  const depth = 100_000;
  const html = `<html><body>${'<div>'.repeat(depth)}<p>The deepest paragraph tells of the lighthouse keeper who kept a diary for forty years on the island.</p>${'</div>'.repeat(depth)}</body></html>`;
  const r = extractArticle(html);
  assert.match(r.text, /lighthouse keeper/);
  assert.notEqual(r.method, 'readability');
  assertOffsets(html, r);
});

test('clean stage reports a page with no text as a fatal clean/no-text diagnostic', () => {
  const html = '<html><head><title></title><script>var x = 1;</script></head><body><div><img src="a.png"></div><nav></nav></body></html>';
  const doc = createDocument('d1', html, { format: 'html' });
  const out = cleanStage.run(doc, { timeZone: 'UTC', options: {} });
  assert.equal(out.text?.text, '');
  assert.ok(out.diagnostics?.some((d) => d.code === 'clean/no-text' && d.severity === 'fatal'));
});

test('clean stage uses the extractor on HTML and keeps an exact map', () => {
  const doc = createDocument('d2', NEWS, { format: 'html' });
  const out = cleanStage.run(doc, { timeZone: 'UTC', options: {} });
  assert.match(out.text!.text, /river bridge/);
  assert.equal(out.meta?.byline, 'Ana Restrepo-Lind');
  for (const p of out.layers!.paragraphs) {
    const { start, end } = toRaw(out.text!.offsets, p.start, p.end);
    assert.deepEqual(rawWords(NEWS, start, end), words(out.text!.text.slice(p.start, p.end)));
  }
});
