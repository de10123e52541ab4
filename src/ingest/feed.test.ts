import assert from 'node:assert/strict';
import { test } from 'node:test';
import { feedDate, parseFeed } from './feed.js';

// Invented feeds: a fictional outlet covering a fictional town.
const RSS = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Velmora Gazette</title>
  <item>
    <title>Bridge reopens after 40 days</title>
    <link>https://gazette.example/bridge</link>
    <pubDate>Tue, 04 Mar 2031 09:30:00 +0200</pubDate>
    <dc:creator>Ilse Marten</dc:creator>
    <description>Short summary &amp; more.</description>
    <content:encoded><![CDATA[<p>The bridge over the Sarn reopened on Tuesday, the mayor said.</p><p>Tolls stay suspended &amp; free.</p>]]></content:encoded>
  </item>
  <item>
    <title>Tom &amp; Jerry&#8217;s caf&#xE9; closes</title>
    <link>https://gazette.example/cafe</link>
    <pubDate>not a date</pubDate>
    <description>The caf&#233; on Quay Street closed after 30 years.</description>
  </item>
  <item>
    <title></title>
  </item>
  <item>
    <title>Link to nowhere</title>
    <link>javascript:alert(1)</link>
    <description>x</description>
  </item>
  <item>
    <title>Council meets</title>
    <description><p>Raw <b>markup</b> in a description.</p></description>
  </item>
</channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Eastland Wire</title>
  <entry>
    <title>Floods recede</title>
    <link rel="alternate" href="https://wire.example/floods"/>
    <link rel="self" href="https://wire.example/floods.atom"/>
    <published>2031-03-05T08:00:00+01:00</published>
    <author><name>Tomas Oduya</name></author>
    <content type="html">&lt;p&gt;Water levels fell 2 metres overnight.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Plain entry</title>
    <id>urn:x</id>
    <updated>2031-03-06</updated>
    <summary>Only a plain summary here.</summary>
  </entry>
  <entry>
    <title>XHTML entry</title>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Inline <em>XHTML</em> body.</p></div></content>
  </entry>
</feed>`;

test('feed: RSS items become articles; broken items are failures naming the item; the rest go on', () => {
  const r = parseFeed('news.rss', RSS);
  assert.equal(r.title, 'Velmora Gazette');
  assert.equal(r.items.length, 3);
  const [a, b, c] = r.items.map((x) => x.record);
  assert.equal(a.format, 'html');
  assert.match(a.raw, /^<p>The bridge over the Sarn reopened/);
  assert.match(a.raw, /suspended &amp; free/);
  assert.deepEqual(
    { title: a.meta.title, url: a.meta.url, published: a.meta.published, byline: a.meta.byline, site: a.meta.site, source: a.source },
    { title: 'Bridge reopens after 40 days', url: 'https://gazette.example/bridge', published: '2031-03-04T09:30:00+02:00', byline: 'Ilse Marten', site: 'Velmora Gazette', source: 'news.rss#1' },
  );
  assert.equal(r.items[0].summaryOnly, false);
  // Entities (named, decimal, hex) decode once; a bad date is a warning, not a failure.
  assert.equal(b.meta.title, 'Tom & Jerry’s café closes');
  assert.equal(b.format, 'text');
  assert.equal(b.raw, 'The café on Quay Street closed after 30 years.');
  assert.equal(b.meta.published, undefined);
  assert.equal(b.diagnostics[0].code, 'input/feed-date');
  assert.equal(r.items[1].summaryOnly, true);
  assert.equal(c.format, 'html');
  assert.match(c.raw, /<b>markup<\/b>/);
  assert.deepEqual(
    r.failures.map((f) => [f.source, f.code]),
    [
      ['news.rss#3', 'feed/empty-item'],
      ['news.rss#4', 'feed/bad-link'],
    ],
  );
  assert.match(r.failures[1].message, /Link to nowhere/);
});

test('feed: Atom entries (html, text and xhtml content)', () => {
  const r = parseFeed('wire.atom', ATOM);
  assert.equal(r.failures.length, 0);
  const [a, b, c] = r.items.map((x) => x.record);
  assert.equal(a.raw, '<p>Water levels fell 2 metres overnight.</p>');
  assert.equal(a.meta.url, 'https://wire.example/floods');
  assert.equal(a.meta.published, '2031-03-05T08:00:00+01:00');
  assert.equal(a.meta.byline, 'Tomas Oduya');
  assert.equal(a.meta.site, 'Eastland Wire');
  assert.equal(b.format, 'text');
  assert.equal(b.meta.published, '2031-03-06');
  assert.match(c.raw, /<em>XHTML<\/em>/);
});

test('feed: a truncated feed keeps its complete items; DTD entities are never expanded', () => {
  const cut = RSS.slice(0, RSS.indexOf('<item>', RSS.indexOf('Tom &amp;')));
  const r = parseFeed('cut.rss', cut);
  assert.ok(r.items.length >= 2);
  const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<rss><channel><item><title>Boom &c;</title><description>Body &c; text</description><link>https://x.example/a</link></item></channel></rss>`;
  const b = parseFeed('bomb.rss', bomb);
  assert.equal(b.items.length, 1);
  assert.ok(b.items[0].record.raw.length < 100, 'declared entities stay unexpanded');
});

test('feed: XML that is not a feed, and a feed without items', () => {
  assert.equal(parseFeed('x.xml', '<?xml version="1.0"?><urlset><url/></urlset>').failures[0].code, 'feed/not-a-feed');
  assert.equal(parseFeed('x.rss', '<rss><channel><title>Empty</title></channel></rss>').failures[0].code, 'feed/no-items');
});

test('feed dates: RFC 822 keeps its offset; ISO passes; nonsense is undefined', () => {
  assert.equal(feedDate('Wed, 05 Nov 2031 23:30:00 GMT'), '2031-11-05T23:30:00Z');
  assert.equal(feedDate('5 Nov 31 23:30 EST'), '2031-11-05T23:30:00-05:00');
  assert.equal(feedDate('Sat, 1 Feb 2031'), '2031-02-01');
  assert.equal(feedDate('2031-03-05T08:00:00Z'), '2031-03-05T08:00:00Z');
  assert.equal(feedDate('soon'), undefined);
  assert.equal(feedDate('Mon, 01 Foo 2031 10:00:00 GMT'), undefined);
});
