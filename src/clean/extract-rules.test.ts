import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classReason, isDateOnly, isWireCredit, lineReason, wiresIn } from './extract-rules.js';

test('lineReason drops interface lines in several languages', () => {
  for (const l of [
    'Share this article',
    'Teilen',
    'Sign up for our newsletter to get the best stories every morning.',
    'Leave a Reply',
    'Your email address will not be published. Required fields are marked *',
    'close',
    'Advertisement',
    'Werbung',
    'Read more: Council approves the budget',
    'Lesen Sie auch',
    'You may also like',
    'Baca juga',
    'Published 9:14 AM EST Nov 3, 2030',
    'Updated: 03.11.2030, 14:20',
    'November 3, 2030 | 4:10pm',
    '(Photo: Rui Almeida, AP)',
    'Nadia Okafor/AFP via Getty Images',
    'Image: city archive',
    'Foto: Jan Novák / dpa',
    '5 min read',
    'By Lucía Ferrer and Tom Baptiste',
    'sexta-feira, 3 de novembro de 2030 às 20:13',
    'Dienstag, 3. November 2030, 14:20 Uhr',
    '3 ноября 2030 г., 14:20',
    'личный архив Ирины Соколовой',
    'Filed under: Harbour |',
    'Tags: bridge, council',
    'Добавить отзыв',
  ]) {
    assert.ok(lineReason(l), `dropped: ${l}`);
  }
});

test('lineReason keeps prose that merely starts like a prompt', () => {
  for (const l of [
    'Share prices fell by 5% on Monday after the report was published by the regulator.',
    'Comments from the minister came late on Tuesday evening, after the vote.',
    'Related to this, the council said it would review the contracts next year.',
    'By the end of the year, the bridge will be finished, the mayor said.',
    'Por que o preço subiu',
    'Follow-up inspections found no further cracks in the pillars.',
    'The storm closed 12 roads on November 3, 2030, officials said.',
    'In 2030, 45 people were hurt.',
  ]) {
    assert.equal(lineReason(l), undefined, `kept: ${l}`);
  }
});

test('isDateOnly needs a date, not just numbers', () => {
  assert.ok(isDateOnly('18 NOV 2030'));
  assert.ok(isDateOnly('Tuesday, 03.11.2030 14:20'));
  assert.ok(!isDateOnly('1 2 3 4'));
  assert.ok(!isDateOnly('45 dead in Kadena'));
});

test('classReason reads class and id names, including camelCase and run-together ones', () => {
  const el = (cls: string) => ({ tagName: 'div', nodeName: 'div', attrs: [{ name: 'class', value: cls }], childNodes: [] }) as never;
  assert.equal(classReason(el('article-share-bar')), 'share');
  assert.equal(classReason(el('newsCaption')), 'caption');
  assert.equal(classReason(el('imagecaption')), 'caption');
  assert.equal(classReason(el('relacionadas')), 'related');
  assert.equal(classReason(el('story-body')), undefined);
  assert.equal(classReason(el('header-advertorial')), undefined);
});

test('wire credits are recognised', () => {
  assert.ok(isWireCredit('This article contains reporting from The Associated Press.'));
  assert.ok(isWireCredit('PARIS (AFP) — The talks resumed.'));
  assert.deepEqual(wiresIn('Reporting by Reuters; additional reporting by AFP'), ['Reuters', 'AFP']);
  assert.ok(!isWireCredit('The press association met on Monday.'));
});
