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
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, 'story-page.png'), fullPage: true });

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
  report.corpus.figures = [{ label: 'boats burned', low: 12, high: 14, best: 13, disputed: true, documents: [a.id, b.id] }];
  report.corpus.claimGroups = [{ text: 'Boats burned in Lowmarsh', status: 'disputed', members: [{ document: a.id, stance: 'asserts' }, { document: b.id, stance: 'asserts' }] }];
  report.corpus.duplicates = [{ a: a.id, b: b.id, kind: 'near', similarity: 0.61, containment: 0.8, direction: { from: a.id, to: b.id, basis: 'published' } }];
  report.corpus.weatherNotes = [{ note: 'windy night', source: a.id }];
  const summary = await server!.store.saveStory({ id: 'future-sections', name: 'Future sections', report, documents });
  assert.equal(summary.disputedFigures, 1);

  const page = await browser!.newPage();
  await page.goto(`${server!.url}/`);
  await page.waitForSelector('table.stories');
  assert.match(await page.locator('table.stories tr', { hasText: 'Future sections' }).innerText(), /\t1$/);
  await page.goto(`${server!.url}/stories/future-sections`);
  await page.waitForSelector('.figures');
  assert.equal(await page.locator('.figures .figure-row.disputed').count(), 1);
  assert.match(await page.locator('.figures').innerText(), /12–14/);
  assert.equal(await page.locator('table.matrix tbody tr').count(), 1);
  assert.equal(await page.locator('table.matrix tbody td', { hasText: 'asserts' }).count(), 2);
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
  await page.close();
});
