import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { decodeBytes, sniffHtmlCharset } from './decode.js';

test('a page declaring windows-1252 but written in UTF-8 is read as UTF-8, with a note', () => {
  const html = '<html><head><meta charset="windows-1252"></head><body><p>Zürich café – “quoted” naïve</p></body></html>';
  const bytes = new TextEncoder().encode(html);
  const declared = sniffHtmlCharset(bytes);
  assert.equal(declared, 'windows-1252');
  const d = decodeBytes(bytes, declared);
  assert.equal(d.charset, 'utf-8');
  assert.match(d.text, /Zürich café – “quoted” naïve/);
  assert.ok(d.problem);
});

test('a page declaring UTF-8 but written in windows-1252 is decoded by guess, never garbled to U+FFFD', () => {
  const html = '<html><head><meta charset="utf-8"></head><body><p>Les élèves ont visité le château près de la forêt, à côté du musée.</p></body></html>';
  const bytes = iconv.encode(html, 'windows-1252');
  const d = decodeBytes(bytes, sniffHtmlCharset(bytes));
  assert.notEqual(d.charset, 'utf-8');
  assert.ok(!d.text.includes('\ufffd'));
  assert.match(d.text, /élèves ont visité le château/);
  assert.match(d.problem ?? '', /invalid UTF-8/);
});
