// Browser tests: Debian's Chromium driven by playwright-core against a real server on loopback.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test, type TestContext } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { analyzeRecords } from '../analyze.js';
import { startServer, type RunningServer } from './serve.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'];
const KURSK = path.resolve(process.cwd(), '../shared/corpus/kursk-2024');
const ARTIFACTS = path.resolve(process.cwd(), 'test-artifacts');

const haveBrowser = existsSync(CHROMIUM);
const missing = `${CHROMIUM} is missing: install it with "apt-get install -y chromium" to run the browser tests`;
if (!haveBrowser && process.env.CI === 'true') {
  // In CI a missing browser is a broken setup, never a silent skip.
  test('browser tests need Chromium in CI', () => assert.fail(missing));
}

let server: RunningServer | undefined;
let browser: Browser | undefined;
let dir = '';

before(async () => {
  if (!haveBrowser) return;
  dir = mkdtempSync(path.join(tmpdir(), 'triangulate-browser-'));
  server = await startServer({ port: 0, db: path.join(dir, 'b.db') });
  // Playwright gives each launch a fresh temporary profile (its own --user-data-dir).
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function skipUnlessBrowser(t: TestContext): boolean {
  if (haveBrowser) return false;
  t.skip(missing);
  return true;
}

async function post(pathname: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(server!.url + pathname, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await res.json()) as Record<string, unknown>;
  assert.ok(res.ok, JSON.stringify(json));
  return json;
}

test('the kursk corpus loaded through the API shows documents, shared text and highlighted sentences', async (t) => {
  if (skipUnlessBrowser(t)) return;
  if (!existsSync(KURSK)) return t.skip(`${KURSK} is missing (the shared corpora sit beside the repository)`);
  const files = readdirSync(KURSK).filter((f) => f.endsWith('.txt')).sort();
  const articles = files.map((f) => ({ text: readFileSync(path.join(KURSK, f), 'utf8') }));
  await post('/api/stories', { name: 'Kursk 2024', id: 'kursk-2024', published: '2024-11-20', articles });
  const story = (await (await fetch(`${server!.url}/api/stories/kursk-2024`)).json()) as { documents: { id: string }[]; corpus: { reuse: unknown[] } };
  assert.equal(story.documents.length, files.length);

  const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${server!.url}/stories/kursk-2024`);
  await page.waitForSelector('table.documents tbody tr');
  assert.equal(await page.locator('table.documents tbody tr').count(), files.length);
  assert.equal(await page.locator('table.reuse tbody tr').count(), story.corpus.reuse.length);
  if (story.corpus.reuse.length) assert.ok((await page.locator('.provenance svg line.edge').count()) > 0, 'the provenance graph has edges');
  assert.equal(await page.locator('.timeline li').count(), files.length);

  // The troop-figure group: disputed, its claims as points and range bars, with a scope legend.
  const troops = page.locator('.group-card.status-disputed').filter({ has: page.locator('circle[data-value="30000"]') });
  await troops.first().waitFor();
  const chart = troops.first().locator('svg.claim-chart');
  for (const v of [1500, 10000, 30000]) assert.ok((await chart.locator(`circle.pt[data-value="${v}"]`).count()) > 0, `a point for ${v}`);
  assert.ok((await chart.locator('rect.range[data-low="10000"][data-high="12000"]').count()) > 0, 'a 10,000–12,000 range bar');
  assert.ok((await chart.locator('line.open[data-high="15000"]').count()) > 0, 'an open-ended "up to 15,000" arrow');
  assert.match(await page.locator('.claim-groups .legend').innerText(), /region[\s\S]*country[\s\S]*projection/);
  assert.match((await troops.first().locator('.estimate .rule').getAttribute('title')) ?? '', /median/, 'the low/best/high rule shows on hover');
  assert.ok((await page.locator('table.claims-matrix td.cell-conflicts').count()) > 0, 'the matrix shows conflicting documents');
  assert.ok((await page.locator('table.claims-matrix td.cell-silent').count()) > 0, 'and silent ones');
  assert.ok((await page.locator('.events > li.disputed-first').count()) > 0, 'a disputed first event is highlighted');
  assert.equal(await page.locator('.provenance-graph .node').count(), files.length, 'every document is a node of the provenance graph');
  assert.equal(await page.locator('table.genre-profiles tbody .badge').count(), files.length, 'every document has a genre badge');
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.setViewportSize({ width: 1366, height: 768 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 1366), 'no horizontal scrolling at 1366 px');
  await page.screenshot({ path: path.join(ARTIFACTS, 'story-page.png'), fullPage: true });

  // A chart row is a citation: it opens the document with the claim's span scrolled into view and focused.
  const row = chart.locator('a.claim-row').first();
  const href = (await row.getAttribute('href'))!;
  await row.focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('mark.target');
  assert.equal(new URL(page.url()).pathname + new URL(page.url()).hash, href);
  const [s, e] = href.split('#')[1].split('-').map(Number);
  const cited = (await (await fetch(`${server!.url}/api/documents/${href.split('/')[2].split('#')[0]}`)).json()) as { text: string };
  assert.equal((await page.locator('mark.target').allInnerTexts()).join(''), cited.text.slice(s, e), 'exactly the cited span is highlighted');
  assert.ok(await page.evaluate(() => document.activeElement?.classList.contains('target')), 'the cited span has focus');
  assert.ok(await page.locator('mark.target').first().isVisible());
  // Hovering a claim shows its group with a link back to the story page.
  await page.locator('mark.l-claims').first().hover();
  await page.waitForSelector('.span-panel .claim-card a[href*="#group-"]');
  await page.locator('.span-panel .claim-card a[href*="#group-"]').first().click();
  await page.waitForSelector('.group-card');
  assert.match(page.url(), /\/stories\/kursk-2024#group-/);
  await page.setViewportSize({ width: 1280, height: 900 });

  // A deep link survives a reload, and a document opens from the story page.
  await page.locator('table.documents tbody tr a').first().click();
  await page.waitForSelector('mark.l-sentences');
  assert.match(page.url(), /\/documents\/[0-9a-f]{12}$/);
  const id = page.url().split('/').pop()!;
  const doc = (await (await fetch(`${server!.url}/api/documents/${id}`)).json()) as { layers: { sentences: unknown[] } };
  const marked = await page.$$eval('mark.l-sentences', (els) => new Set(els.flatMap((e) => (e.getAttribute('data-spans') ?? '').split(' ').filter((s) => s.startsWith('sentences:')))).size);
  assert.equal(marked, doc.layers.sentences.length, 'every sentence is highlighted');
  await page.locator('mark.l-sentences').first().hover();
  await page.waitForSelector('.span-panel .span-card');
  await page.screenshot({ path: path.join(ARTIFACTS, 'document-page.png') });
  await page.reload();
  await page.waitForSelector('mark.l-sentences');
  await page.goBack();
  await page.waitForSelector('table.documents tbody tr');

  // A quote: hovering an attribution's content shows who said it and the cue.
  const withQuotes = (await Promise.all(story.documents.map(async (d) => (await (await fetch(`${server!.url}/api/documents/${d.id}`)).json()) as { id: string; layers: { attributions?: { source?: { text: string }; cue?: { text: string } }[] } }))).find((d) =>
    d.layers.attributions?.some((a) => a.source && a.cue),
  )!;
  await page.goto(`${server!.url}/documents/${withQuotes.id}?layers=attributions`);
  await page.waitForSelector('mark.l-attributions.part-content');
  const quotes = page.locator('mark.l-attributions.part-content');
  assert.ok((await quotes.count()) > 0, 'attribution contents are highlighted');
  const n = await quotes.count();
  let shown = false;
  for (let i = 0; i < n && !shown; i++) {
    await quotes.nth(i).hover();
    const src = (await page.locator('.span-panel .attr-source').first().innerText()).trim();
    const cue = (await page.locator('.span-panel .attr-cue').first().innerText()).trim();
    shown = src !== 'none (agentless)' && cue !== '—' && cue.length > 0;
  }
  assert.ok(shown, 'a quote shows its source and cue on hover');
  assert.deepEqual(errors, []);
  await page.close();
});

test('article text with script and img markup is shown as inert text', async (t) => {
  if (skipUnlessBrowser(t)) return;
  const hostile = 'Officials in Tarrow said <script>alert(1)</script> the bridge was closed.\nA witness wrote <img src=x onerror="alert(2)"> on the board and left.';
  const created = (await post('/api/stories', { name: 'Hostile text', articles: [{ text: hostile, title: '<img src=x onerror=alert(3)>' }] })) as { story: { id: string } };
  const page = await browser!.newPage();
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  const report = (await (await fetch(`${server!.url}/api/stories/${created.story.id}`)).json()) as { documents: { id: string }[] };
  await page.goto(`${server!.url}/documents/${report.documents[0].id}`);
  await page.waitForSelector('.text');
  const text = await page.locator('.text').innerText();
  assert.match(text, /<script>alert\(1\)<\/script>/, 'the markup is visible as text');
  assert.match(text, /<img src=x onerror="alert\(2\)">/);
  assert.match(await page.locator('h1').innerText(), /<img src=x onerror=alert\(3\)>/);
  assert.equal(await page.locator('main img').count(), 0, 'no img element was created');
  assert.equal(await page.locator('main script').count(), 0, 'no script element was created');
  await page.goto(`${server!.url}/stories/${created.story.id}`);
  await page.waitForSelector('table.documents');
  await page.goto(`${server!.url}/search?q=onerror`);
  await page.waitForSelector('.hits li');
  assert.equal(await page.locator('main img').count(), 0);
  await page.waitForTimeout(200);
  assert.equal(dialogs, 0, 'no dialog fired');
  await page.close();
});

test('layers and corpus sections a later stage adds show up without UI changes', async (t) => {
  if (skipUnlessBrowser(t)) return;
  const raw = 'Harbor master Edda Quillon said 12 boats burned in Lowmarsh.\nA second official put the count at 14 boats.';
  const other = 'The fire in Lowmarsh destroyed 14 boats, officials said.';
  const { report, documents } = analyzeRecords([
    { source: 'a', format: 'text', raw, meta: { site: 'courier.example', published: '2031-05-02' }, diagnostics: [] },
    { source: 'b', format: 'text', raw: other, meta: { site: 'gazette.example', published: '2031-05-03' }, diagnostics: [] },
  ]);
  // What future stages will add: an entity layer, figures, claim groups and a section no view knows.
  const [a, b] = documents;
  const at = a.text.indexOf('Edda Quillon');
  const entity = { id: 'e1', start: at, end: at + 12, text: 'Edda Quillon', type: 'PERSON', role: 'harbor master' };
  a.layers.entities = [entity];
  report.documents[0].layers.entities = [entity];
  // The cross-document sections in the shapes their stages write (src/claims, src/provenance, src/profile).
  const c12 = a.text.indexOf('12 boats');
  const c14 = a.text.indexOf('14 boats');
  const b14 = b.text.indexOf('14 boats');
  const claim = (doc: string, id: string, start: number, value: number, speaker: string, reportDate: string, extra: Record<string, unknown> = {}) => ({
    doc, claim: id, start, end: start + 8, low: value, high: value, value, qualifier: 'exact', unit: 'count', measure: 'burned', subject: 'boats', speaker, chain: ['courier', speaker],
    unattributed: false, place: 'Lowmarsh', scope: 'place', reportDate, modality: 'asserted', polarity: 'positive', outlet: 'courier.example', source: 'p1', ...extra,
  });
  report.corpus.claimGroups = [
    {
      id: 'g1', label: 'boats burned', key: { family: 'damage', measure: 'burned', unit: 'count' },
      claims: [claim(a.id, 'c1', c12, 12, 'Edda Quillon', '2031-05-02'), claim(a.id, 'c2', c14, 14, 'a second official', '2031-05-02'), claim(b.id, 'c1', b14, 14, 'officials', '2031-05-03', { scope: 'region', phase: 'projected' })],
      relations: [{ a: `${a.id}/c1`, b: `${b.id}/c1`, relation: 'conflicts', reason: '12 vs 14' }, { a: `${a.id}/c2`, b: `${b.id}/c1`, relation: 'agrees', reason: 'both 14' }],
      independentSources: 2, documents: 2, status: 'disputed',
    },
    {
      id: 'g2', label: 'piers closed', key: { family: 'damage', measure: 'closed', unit: 'count' },
      claims: [{ ...claim(a.id, 'c3', 0, 3, 'Edda Quillon', '2031-05-02'), value: undefined, low: null, high: 3, qualifier: 'max' }],
      relations: [], independentSources: 1, documents: 1, status: 'single-source',
    },
  ];
  report.corpus.figures = [{ group: 'g1', label: 'boats burned', unit: 'count', low: 12, best: 13, high: 14, rule: 'best = the median of the latest claims', basis: [`${a.id}/c1`, `${b.id}/c1`], evolution: [] }];
  report.corpus.timeline = [
    { event: 'fire', label: 'fire broke out', first: true, disputed: true, dates: ['2031-05-01', '2031-05-02'], entries: [
      { event: 'fire', label: 'fire broke out', first: true, date: '2031-05-01', dateText: 'Thursday', doc: a.id, outlet: 'courier.example', speaker: 'Edda Quillon', start: 0, end: 20 },
      { event: 'fire', label: 'fire broke out', first: true, date: '2031-05-02', dateText: 'Friday', doc: b.id, outlet: 'gazette.example', speaker: 'officials', start: 0, end: 20 },
    ] },
  ];
  report.corpus.provenance = {
    wires: [{ wire: 'Invented Wire', form: 'metadata', doc: b.id }],
    edges: [{ from: a.id, to: b.id, kind: 'copy', directed: true, reason: 'the gazette repeats the courier' }],
    groups: [{ id: 'g1', documents: [a.id, b.id], wires: ['Invented Wire'], reasons: ['copy'] }],
    groupOf: { [a.id]: 'g1', [b.id]: 'g1' },
  };
  const profile = { genre: 'opinion', score: 3.2, threshold: 2.5, words: 20, sentences: 2, counts: { hedge: 1, 'first-person-plural': 2 }, reasons: ['first person plural (+2.0)'] };
  const claimSpan = { id: 'c1', start: c12, end: c12 + 8, text: '12 boats', low: 12, high: 12, value: 12, unit: 'count', speaker: { name: 'Edda Quillon', via: [], unattributed: false } };
  for (const d of [a, report.documents[0]]) {
    d.records.profile = [profile];
    d.layers.claims = [claimSpan];
  }
  report.corpus.duplicates = [{ a: a.id, b: b.id, kind: 'near', similarity: 0.61, containment: 0.8, direction: { from: a.id, to: b.id, basis: 'published' } }];
  report.corpus.weatherNotes = [{ note: 'windy night', source: a.id }];
  const summary = await server!.store.saveStory({ id: 'future-sections', name: 'Future sections', report, documents });
  assert.equal(summary.disputedFigures, 1);

  const page = await browser!.newPage();
  await page.goto(`${server!.url}/`);
  await page.waitForSelector('table.stories');
  assert.match(await page.locator('table.stories tr', { hasText: 'Future sections' }).innerText(), /\t1$/);
  await page.goto(`${server!.url}/stories/future-sections`);
  await page.waitForSelector('.claim-groups');
  assert.equal(await page.locator('.claim-groups > .group-card.status-disputed').count(), 1, 'the disputed group is open');
  assert.equal(await page.locator('.claim-groups details.single-source .group-card').count(), 1, 'the single-source group is folded away');
  const chart = page.locator('#group-g1 svg.claim-chart');
  assert.equal(await chart.locator('circle.pt').count(), 3);
  assert.equal(await chart.locator('circle.pt.hollow.scope-region').count(), 1, 'the projection is hollow and coloured by scope');
  assert.deepEqual(await chart.locator('.row-label').allTextContents(), ['Edda Quillon · 2031-05-02', 'a second official · 2031-05-02', 'officials · 2031-05-03'], 'rows in report-date order');
  assert.equal(await page.locator('#group-g2 svg.claim-chart line.open[data-high="3"]').count(), 1, '"up to 3" is an open-ended arrow');
  assert.match(await page.locator('#group-g1 .estimate').innerText(), /low 12 · best 13 · high 14/);
  assert.equal(await page.locator('#group-g1 .estimate .rule').getAttribute('title'), 'best = the median of the latest claims');
  const cells = (row: number) => page.locator('table.claims-matrix tbody tr').nth(row).locator('td');
  assert.deepEqual(await cells(0).evaluateAll((tds) => tds.map((td) => td.getAttribute('data-state'))), ['conflicts', 'conflicts']);
  assert.match(await cells(0).nth(1).innerText(), /14/);
  assert.deepEqual(await cells(1).evaluateAll((tds) => tds.map((td) => td.getAttribute('data-state'))), ['agrees', 'silent']);
  assert.equal(await page.locator('.events > li.disputed-first').count(), 1);
  assert.equal(await page.locator('.provenance-graph line.pedge.copy.directed').count(), 1);
  assert.match(await page.locator('.provenance-graph .wire-label').textContent() ?? '', /Invented Wire/);
  assert.equal(await page.locator('table.genre-profiles .badge.genre-opinion').count(), 1);
  assert.equal(await page.locator(`table.genre-profiles a[href="/documents/${a.id}?layers=profile"]`).count(), 1, 'a link to the evidence spans');
  assert.equal(await page.locator('table.duplicates tbody tr').count(), 1);
  assert.match(await page.locator('table.duplicates tbody tr').innerText(), /near\t61%\t80%/);
  assert.equal(await page.locator('.provenance svg line.dup.directed').count(), 1);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, 'future-sections.png'), fullPage: true });
  assert.match(await page.locator('article.story').innerText(), /weatherNotes[\s\S]*windy night/);
  await page.goto(`${server!.url}/documents/${a.id}?layers=entities`);
  await page.waitForSelector('mark.l-entities');
  assert.equal(await page.locator('mark.l-entities').innerText(), 'Edda Quillon');
  assert.equal(await page.locator('mark.l-sentences').count(), 0, 'the URL chose the layers shown');
  await page.keyboard.press('j');
  assert.match(await page.locator('.span-panel').innerText(), /PERSON[\s\S]*harbor master/, 'j focuses the first highlighted span');
  // A claim's card names its group and figure and links back to the group on the story page.
  await page.goto(`${server!.url}/documents/${a.id}?layers=claims`);
  await page.locator('mark.l-claims').hover();
  await page.waitForSelector('.claim-card a');
  assert.match(await page.locator('.claim-card').innerText(), /12[\s\S]*courier → Edda Quillon[\s\S]*boats burned/);
  await page.locator('.claim-card a').click();
  await page.waitForSelector('#group-g1');
  assert.equal(new URL(page.url()).hash, '#group-g1');
  assert.ok(await page.evaluate(() => document.activeElement?.id === 'group-g1'), 'the group is focused');
  await page.close();
});
