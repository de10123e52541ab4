import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { toRaw } from '../core/offsets.js';
import { loadBoilerplate, scanFilter, scanScrapedText } from './scraped.js';
import { cleanPlainText } from './text.js';
import data from './data/boilerplate.json' with { type: 'json' };

// An invented article with the furniture scrapers leave behind.
const SCRAPED = [
  'close',
  '- World',
  '- Europe',
  'Harbour town of Velmora reopens its flooded bridge',
  '',
  'Harbour town of Velmora reopens its flooded bridge',
  'By Ilse Marten and Tomas Oduya',
  'Published 3 March 2031 Updated 4 March 2031, 10:15',
  'Warning: Graphic image.',
  'VELMORA, Eastland (AP) — The bridge over the Sarn river reopened on Tuesday after 40 days, the mayor said.',
  'Engineers replaced 12 of the 30 supports, according to the town council.',
  'Bridge works',
  'Workers (left) inspect the repaired supports on March 2, 2031. The bridge carried 9,000 cars a day.',
  'JANE ROE/AFP via Getty Images',
  'Share this article',
  'Sign up for our weekly newsletter here.',
  'The council said tolls would stay suspended until May.',
  '3 Comments',
  'This article contains reporting from The Associated Press',
  'Leave a Reply',
  'Your email address will not be published. Required fields are marked *',
].join('\n');

test('scraped text: furniture lines are dropped with their reason', () => {
  const scan = scanScrapedText(SCRAPED);
  const r = cleanPlainText(SCRAPED, scanFilter(scan), (i) => (i === scan.titleIndex ? 'title' : undefined));
  assert.deepEqual(r.text.split('\n'), [
    'Harbour town of Velmora reopens its flooded bridge',
    'VELMORA, Eastland (AP) — The bridge over the Sarn river reopened on Tuesday after 40 days, the mayor said.',
    'Engineers replaced 12 of the 30 supports, according to the town council.',
    'The council said tolls would stay suspended until May.',
  ]);
  const reasons = r.removed.map((x) => x.reason);
  for (const want of ['ui-word', 'menu', 'duplicate-headline', 'byline', 'dateline-stamp', 'content-label', 'caption-label', 'caption', 'photo-credit', 'share-prompt', 'comment-form', 'wire-credit']) {
    assert.ok(reasons.includes(want), `expected a line removed as ${want}; got ${reasons.join(', ')}`);
  }
  assert.equal(r.paragraphs[0].kind, 'title');
  assert.deepEqual(scan.meta, {
    title: 'Harbour town of Velmora reopens its flooded bridge',
    byline: 'Ilse Marten, Tomas Oduya'.replace(', ', ' and '),
    wire: ['AP'],
    published: '2031-03-03',
    publishedSource: 'input',
  });
});

test('scraped text: the publication date stated near the headline, not the update time', () => {
  const page = (lines: string[]) => scanScrapedText(lines.join('\n')).meta.published;
  assert.equal(page(['Bridge reopens in Velmora', 'By Ilse Marten', 'Tuesday 3 March 2031', '', 'The bridge reopened on Tuesday, the mayor said.']), '2031-03-03');
  assert.equal(page(['Home', 'News', 'Bridge reopens in Velmora', 'By Velm Press | March 3, 2031 10:02 am', 'The bridge reopened on Tuesday, the mayor said.']), '2031-03-03');
  assert.equal(page(['Bridge reopens in Velmora', 'Updated 5 March 2031', 'The bridge reopened on Tuesday, the mayor said, after work that began on 1 March 2031.']), undefined);
});

test('scraped text: the offset map stays exact when lines are dropped', () => {
  const scan = scanScrapedText(SCRAPED);
  const r = cleanPlainText(SCRAPED, scanFilter(scan));
  for (const p of r.paragraphs) {
    const span = toRaw(r.offsets, p.start, p.end);
    assert.equal(SCRAPED.slice(span.start, span.end), r.text.slice(p.start, p.end));
  }
  for (const x of r.removed) assert.ok(SCRAPED.slice(x.rawStart, x.rawEnd).trim().length > 0);
});

test('scraped text: an article without furniture keeps every line and finds no title', () => {
  const plain = 'The river rose 2 metres overnight, officials said.\nResidents of 40 homes were moved to the school.';
  const scan = scanScrapedText(plain);
  assert.deepEqual(scan.reasons.filter(Boolean), []);
  assert.equal(scan.titleIndex, undefined);
  assert.deepEqual(scan.meta, {});
});

test('scraped text: a line that merely mentions sharing or a newsletter in a long sentence stays', () => {
  const t = [
    'Officials said the share of flooded homes rose to 40 percent, and the town newsletter warned residents to sign up for alerts before the next storm reached the coast on Friday night, according to the mayor and two council members who spoke at length.',
    'Close to 300 people attended.',
  ].join('\n');
  assert.deepEqual(scanScrapedText(t).reasons.filter(Boolean), []);
});

test('scraped text: other languages (German, French, Spanish, Russian)', () => {
  const t = [
    'Schließen',
    'Die Brücke von Velmora ist wieder offen',
    'Von Ilse Marten und Tomas Oduya',
    'Die Brücke über den Sarn wurde am Dienstag nach 40 Tagen wieder geöffnet, sagte der Bürgermeister.',
    'Foto: Jane Roe/dpa',
    'Mit Material von dpa',
    'Hinterlasse einen Kommentar',
    'Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert',
    'Laisser un commentaire',
    'Deja una respuesta',
    'Ваш адрес email не будет опубликован.',
    'Подписывайтесь на наш канал',
  ].join('\n');
  const scan = scanScrapedText(t);
  const r = cleanPlainText(t, scanFilter(scan));
  assert.deepEqual(r.text.split('\n'), [
    'Die Brücke von Velmora ist wieder offen',
    'Die Brücke über den Sarn wurde am Dienstag nach 40 Tagen wieder geöffnet, sagte der Bürgermeister.',
  ]);
  assert.equal(scan.meta.byline, 'Ilse Marten und Tomas Oduya');
  assert.deepEqual(scan.meta.wire, ['dpa']);
});

test('scraped text: a sentence that opens like a time stamp stays', () => {
  const t = 'Bridge report\nUpdated figures released on Monday show 40 homes were flooded.\nPosted by the ministry on 3 March, the notice listed 12 roads.';
  assert.deepEqual(scanScrapedText(t).reasons.filter(Boolean), []);
});

test('scraped text: a byline-like sentence is not a byline', () => {
  const t = 'Flood closes Velmora bridge\nBy the end of the week the river had fallen 2 metres, the mayor said.';
  const scan = scanScrapedText(t);
  assert.equal(scan.meta.byline, undefined);
  assert.deepEqual(scan.reasons.filter(Boolean), []);
});

test('scraped text: wire credits from datelines and trailing credits', () => {
  assert.deepEqual(scanScrapedText('KYIV (Reuters) - Talks resumed on Monday, officials said.\nMore talks are planned.').meta.wire, ['Reuters']);
  const t = scanScrapedText('Talks resumed on Monday, officials said.\nMore talks are planned.\n— AFP');
  assert.deepEqual(t.meta.wire, ['AFP']);
  assert.equal(t.reasons[2], 'wire-credit');
  // A sentence about an agency's reporting is not a credit line.
  const sentence = scanScrapedText('Reporting by Reuters showed that the ministry had hidden the losses.\nThe ministry denied it.');
  assert.deepEqual(sentence.reasons.filter(Boolean), []);
  const contributed = scanScrapedText('Talks resumed on Monday.\nThe Associated Press and Reuters contributed to this report.');
  assert.deepEqual(contributed.meta.wire, ['AP', 'Reuters']);
  // "AP" inside a sentence is not a credit line.
  assert.deepEqual(scanScrapedText('The AP style guide was updated on Monday.\nNothing else changed.').meta, {});
});

test('scraped text: a given title finds the headline even when it ends with a period', () => {
  const t = 'Velmora bridge reopens.\nThe bridge reopened on Tuesday, the mayor said.\nVelmora bridge reopens.';
  const scan = scanScrapedText(t, { title: 'Velmora bridge reopens.' });
  assert.equal(scan.titleIndex, 0);
  assert.equal(scan.reasons[2], 'duplicate-headline');
});

test('boilerplate data: every list names its source and a bad pattern fails at load', () => {
  assert.doesNotThrow(() => loadBoilerplate());
  const broken = JSON.parse(JSON.stringify(data));
  broken.lineClasses[0].patterns = ['(unclosed'];
  assert.throws(() => loadBoilerplate(broken), /lineClasses\[0\]\.patterns\[0\] is not a valid pattern/);
  const unsourced = JSON.parse(JSON.stringify(data));
  delete unsourced.lineClasses[1].source;
  assert.throws(() => loadBoilerplate(unsourced), /needs a "source"/);
});

test('scraped text: the reference corpus loses its furniture and keeps its reporting', (t) => {
  const dir = path.resolve(process.cwd(), '../shared/corpus/kursk-2024');
  if (!existsSync(dir)) return t.skip('../shared/corpus/kursk-2024 is absent');
  let kept = 0;
  let removed = 0;
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
    const raw = readFileSync(path.join(dir, f), 'utf8');
    const scan = scanScrapedText(raw);
    const r = cleanPlainText(raw, scanFilter(scan));
    kept += r.paragraphs.length;
    removed += r.removed.length;
    for (const bad of [/^close$/m, /^Leave a Reply$/m, /Your email address will not be published/, /via Getty Images$/m]) assert.doesNotMatch(r.text, bad, f);
    for (const p of r.paragraphs) {
      const span = toRaw(r.offsets, p.start, p.end);
      assert.equal(raw.slice(span.start, span.end).replace(/\s+/g, ' '), r.text.slice(p.start, p.end), f);
    }
  }
  // Most lines are reporting: the filter must not eat the articles.
  assert.ok(kept > 2 * removed, `kept ${kept} lines, removed ${removed}`);
});

test('scraped text: menus and headline lists go, tables, numbered lists and prose stay', () => {
  // [line, kept?]
  const lines: Array<[string, boolean]> = [
    ['Home', false],
    ['World', false],
    ['Business', false],
    ['Sport', false],
    ['Weather', false],
    ['The Velmora bridge reopened on Tuesday, the mayor said.', true],
    ['Results of the council vote:', true],
    ['Party Seats Votes', true],
    ['Greens 12 4,301', true],
    ['Liberals 9 3,877', true],
    ['Ingredients', true],
    ['1 lemon', true],
    ['2 cups of sugar', true],
    ['3 pears', true],
    ['Most read', false],
    ['Storm closes Easthaven port for two days', false],
    ['Ferry fares rise again this spring', false],
    ['New school opens in the old market hall', false],
    ['Council names a new harbour master', false],
  ];
  const t = lines.map(([l]) => l).join('\n');
  const r = cleanPlainText(t, scanFilter(scanScrapedText(t)));
  assert.deepEqual(r.text.split('\n'), lines.filter(([, keep]) => keep).map(([l]) => l));
  assert.ok(r.removed.every((x) => x.reason === 'link-list'));
});

test('scraped text: a caption introduced by "Above:" before an image credit', () => {
  const t = 'The bridge reopened on Tuesday, the mayor said.\nAbove: Workers on the repaired bridge.\nImage Credit: Velmora council\nTolls stay suspended until May.';
  const scan = scanScrapedText(t);
  assert.deepEqual(scan.reasons, [undefined, 'caption', 'photo-credit', undefined]);
});
