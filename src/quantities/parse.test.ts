import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDigits, readFraction, readWords } from './parse.js';
import { tokenize } from './tokens.js';

const words = (s: string) => readWords(tokenize(s), 0)?.value;
const digits = (s: string) => readDigits(tokenize(s), 0)?.value;
const fraction = (s: string) => readFraction(tokenize(s), 0)?.value;

test('number words: units, tens, hundreds, scales and "and"', () => {
  assert.equal(words('three'), 3);
  assert.equal(words('twenty-five'), 25);
  assert.equal(words('fifty - two'), 52);
  assert.equal(words('one hundred and five'), 105);
  assert.equal(words('two hundred and two thousand'), 202000);
  assert.equal(words('twenty-one trillion and three hundred'), 21000000000300);
  assert.equal(words('ninety-five hundred'), 9500);
  assert.equal(words('three lakh crore'), 3e12);
});

test('number words: dozens, article numbers and spoken decimals', () => {
  assert.equal(words('a dozen'), 12);
  assert.equal(words('half a dozen'), 6);
  assert.equal(words('three hundred and two dozens'), 324);
  assert.equal(words('a hundred'), 100);
  assert.equal(words('two hundred point zero three'), 200.03);
  assert.equal(words('nought point five'), 0.5);
  assert.equal(words('a'), undefined, 'an article alone is not a number');
  assert.equal(words('one one')?.valueOf(), 1, 'a second unit starts a new number');
});

test('digits: thousands groups, decimals, lists and dotted identifiers', () => {
  assert.equal(digits('12,000'), 12000);
  assert.equal(digits('1,234,567.89'), 1234567.89);
  assert.equal(digits('1 234 567'), 1234567);
  assert.equal(digits('4.800'), 4.8);
  assert.equal(digits('.25'), 0.25);
  assert.equal(digits('1,3.'), 1.3);
  assert.equal(digits('22,24,26'), 22, 'a comma list is one number per item');
  assert.equal(digits('192.168.1.2'), 192, 'an address is not a decimal');
});

test('fractions: simple, compound denominators and mixed numbers', () => {
  assert.equal(fraction('two thirds'), 2 / 3);
  assert.equal(fraction('a third'), 1 / 3);
  assert.equal(fraction('one and a half'), 1.5);
  assert.equal(fraction('one hundred and three quarters'), 100.75);
  assert.equal(fraction('one hundred thirty-fifths'), 100 / 35);
  assert.equal(fraction('one hundred and thirty fifths'), 26);
  assert.equal(fraction('a hundred trillionths'), 1e-10);
  assert.equal(fraction('two millionth'), undefined, 'a scale ordinal agrees in number with its numerator');
  assert.equal(fraction('three'), undefined);
});
