import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanByline, dateFromUrl, detectLanguage, htmlMeta, normaliseDate } from './meta.js';
import { parseHtml } from './html.js';

test('cleanByline refuses page furniture and strips "By"', () => {
  assert.equal(cleanByline('By Tomasz Wielicki'), 'Tomasz Wielicki');
  assert.equal(cleanByline('Von Lea Sommerfeld'), 'Lea Sommerfeld');
  assert.equal(cleanByline('3 Minute Read'), undefined);
  assert.equal(cleanByline('Published 4:10 PM'), undefined);
  assert.equal(cleanByline('https://social.example/someone'), undefined);
  assert.equal(cleanByline('By Ines Carvalho Published Nov. 3, 2030'), 'Ines Carvalho');
});

test('normaliseDate reads ISO, English month names, day-first numeric dates', () => {
  assert.equal(normaliseDate('2030-11-03T08:15:00+0100'), '2030-11-03T08:15:00+01:00');
  assert.equal(normaliseDate('2030-11-03'), '2030-11-03');
  assert.equal(normaliseDate('Published Nov. 3, 2030 at 9:45 am'), '2030-11-03');
  assert.equal(normaliseDate('3 November 2030'), '2030-11-03');
  assert.equal(normaliseDate('03.11.2030'), '2030-11-03');
  assert.equal(normaliseDate('no date here'), undefined);
});

test('dateFromUrl reads dates written in article URLs', () => {
  assert.equal(dateFromUrl('https://news.example/2030/11/03/story-slug'), '2030-11-03');
  assert.equal(dateFromUrl('https://news.example/world/20301103-story'), '2030-11-03');
  assert.equal(dateFromUrl('https://news.example/world/story-12345'), undefined);
});

test('detectLanguage names the language of undeclared text', () => {
  assert.equal(detectLanguage('Die Stadtverwaltung hat am Dienstag mitgeteilt, dass die Brücke über den Fluss nach zwei Jahren Bauzeit wieder für den Verkehr freigegeben wird.'), 'de');
  assert.equal(detectLanguage('El ayuntamiento informó el martes que el puente sobre el río volverá a abrirse al tráfico después de dos años de obras.'), 'es');
  assert.equal(detectLanguage('short'), undefined);
});

test('htmlMeta reads JSON-LD, <time> and URL dates, and declines to guess a byline from furniture', () => {
  const html = `<html><head><title>Harbour deal signed - Coastline Daily</title>
<link rel="canonical" href="https://coast.example/2030/02/14/harbour-deal">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Harbour deal signed","author":[{"@type":"Person","name":"Olu Adebayo"},{"@type":"Person","name":"Mara Lind"}],"publisher":{"@type":"Organization","name":"Coastline Daily"},"dateModified":"2030-02-15T10:00:00Z"}</script>
</head><body><div class="byline">5 Minute Read</div><time datetime="2030-02-14T07:00:00Z">Feb 14</time>
<p>El puerto firmó el acuerdo con la naviera tras meses de negociaciones, según informó la autoridad portuaria (Reuters).</p></body></html>`;
  const m = htmlMeta(parseHtml(html), 'El puerto firmó el acuerdo con la naviera tras meses de negociaciones, según informó la autoridad portuaria.');
  assert.equal(m.title, 'Harbour deal signed');
  assert.equal(m.site, 'Coastline Daily');
  assert.equal(m.byline, 'Olu Adebayo, Mara Lind');
  assert.equal(m.published, '2030-02-14T07:00:00Z');
  assert.equal(m.modified, '2030-02-15T10:00:00Z');
  assert.equal(m.url, 'https://coast.example/2030/02/14/harbour-deal');
  assert.equal(m.language, 'es', 'no lang attribute: detected from the text');
});

test('htmlMeta falls back to the URL date and the "Published" line', () => {
  const m1 = htmlMeta(parseHtml('<html><head><link rel="canonical" href="https://x.example/2029/07/01/a"></head><body><p>Text.</p></body></html>'));
  assert.equal(m1.published, '2029-07-01');
  const m2 = htmlMeta(parseHtml('<html><body><p>Text.</p></body></html>'), 'Published July 2, 2029\nBody text.');
  assert.equal(m2.published, '2029-07-02');
});

test('cleanByline refuses CMS account names; normaliseDate refuses placeholder years', () => {
  assert.equal(cleanByline('admin - 2030-09-16'), undefined);
  assert.equal(cleanByline('editor42'), undefined);
  assert.equal(cleanByline('Гость'), undefined);
  assert.equal(normaliseDate('0001-01-01T00:00:00Z'), undefined);
});
