import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitLine, sentencesStage } from './sentences.js';
import { createDocument } from '../core/document.js';

const split = (line: string): string[] => splitLine(line, 0).map((s) => line.slice(s.start, s.end));

test('abbreviations, initials and decimals do not end a sentence', () => {
  assert.deepEqual(split('The U.S. Army moved on Sept. 11 to the border. It stayed there.'), [
    'The U.S. Army moved on Sept. 11 to the border.',
    'It stayed there.',
  ]);
  assert.deepEqual(split('Gen. Smith met Dr. Jones at No. 5 Harbour Road. They talked.'), [
    'Gen. Smith met Dr. Jones at No. 5 Harbour Road.',
    'They talked.',
  ]);
  assert.deepEqual(split('Aid rose by 3.5 percent, said J. R. Tolkmann of the Fund. Others disagreed.'), [
    'Aid rose by 3.5 percent, said J. R. Tolkmann of the Fund.',
    'Others disagreed.',
  ]);
  assert.deepEqual(split('Officials in the U.S. said so. The U.K. agreed.'), ['Officials in the U.S. said so.', 'The U.K. agreed.']);
});

test('a sentence ending in the U.S. before a new sentence still splits', () => {
  assert.deepEqual(split('The envoy flew to the U.S. The talks began on Monday.'), [
    'The envoy flew to the U.S.',
    'The talks began on Monday.',
  ]);
});

test('quotes that end a sentence split after the closing quote, not inside', () => {
  assert.deepEqual(split('He said: "We will hold the line." Then he left.'), ['He said: "We will hold the line."', 'Then he left.']);
  assert.deepEqual(split('“Is it over?” she asked. Nobody answered.'), ['“Is it over?” she asked.', 'Nobody answered.']);
  assert.deepEqual(split('"We will win," Marta Olenko said. The crowd cheered.'), ['"We will win," Marta Olenko said.', 'The crowd cheered.']);
});

test('ellipses split only before a new sentence', () => {
  assert.deepEqual(split('He paused... then went on. The hall was quiet.'), ['He paused... then went on.', 'The hall was quiet.']);
  assert.deepEqual(split('It was over… The next day was calm.'), ['It was over…', 'The next day was calm.']);
});

test('a numbered list item is one sentence with its number', () => {
  assert.deepEqual(split('1. Troops crossed the river. They dug in.'), ['1. Troops crossed the river.', 'They dug in.']);
  assert.deepEqual(split('b) The second option failed.'), ['b) The second option failed.']);
  assert.deepEqual(split('He arrived at 9 a.m. The meeting started.'), ['He arrived at 9 a.m.', 'The meeting started.']);
});

test('headings, captions and list lines stand alone; a sentence never crosses a line', () => {
  const doc = createDocument('d', '');
  doc.text = 'Troops Cross The River\nPhoto: a bridge near the town\n- first point\n- second point\nThe army crossed. It held.';
  const out = sentencesStage.run(doc, { timeZone: 'UTC', options: {} }).layers!.sentences;
  assert.deepEqual(
    out.map((s) => doc.text.slice(s.start, s.end)),
    ['Troops Cross The River', 'Photo: a bridge near the town', '- first point', '- second point', 'The army crossed.', 'It held.'],
  );
});
