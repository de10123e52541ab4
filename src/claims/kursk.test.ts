import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyze } from '../analyze.js';
import { renderBrief } from '../report/brief.js';
import { sections } from '../report/sections.js';
import { sharedDir } from '../testing/fixtures.js';
import type { SourceProfile } from '../profile/stage.js';

// An acceptance test on the reference corpus: nothing in the code names these articles, people or
// numbers; this checks that the general machinery surfaces what a reader must see.
test('kursk-2024: the troop-figure dispute, casualty claims, first-clash dates, opinion and AP provenance', { skip: !sharedDir() && 'no ../shared' }, async () => {
  const { report } = await analyze([path.join(sharedDir()!, 'corpus', 'kursk-2024')], { published: '2024-11-06' });
  const { claimGroups, timeline, provenance } = sections(report);
  const troops = claimGroups.find((g) => g.key.family === 'presence' && /north korean/i.test(g.key.nationality ?? ''));
  assert.ok(troops, 'a group of North Korean troop figures');
  assert.equal(troops.status, 'disputed');
  const figure = (n: number) => troops.claims.filter((c) => c.value === n || c.low === n || c.high === n);
  for (const n of [1500, 3000, 8000, 10000, 12000, 15000, 30000]) assert.ok(figure(n).length, `the troop figure ${n} is in the dispute`);
  assert.ok(troops.claims.some((c) => c.low === 10000 && c.high === 12000), 'the 10-12,000 range');
  assert.equal(figure(1500)[0].phase, 'initial', '1,500 is an initial group');
  assert.match(figure(1500)[0].speaker, /Intelligence Service/);
  assert.ok(figure(15000).some((c) => /Umerov/.test(c.speaker)), 'up to 15,000 is Umerov\'s');
  assert.ok(figure(10000).some((c) => /Pentagon/.test(c.speaker) && /Kursk/.test(c.place ?? '')), '10,000 in Kursk from the Pentagon');
  assert.ok(figure(30000).every((c) => c.unattributed), '30,000 is unattributed');
  assert.ok(troops.independentSources >= 3);
  const parts = claimGroups.flatMap((g) => g.claims).filter((c) => (c.value === 500 && /officer/.test(c.subject)) || (c.value === 3 && /general/.test(c.subject)));
  assert.equal(parts.length, 2, '500 officers and three generals');
  const all = claimGroups.flatMap((g) => g.claims.map((c) => ({ ...c, g })));
  assert.ok(all.some((c) => c.g.key.measure === 'killed-or-wounded' && c.value === 30), 'about 30 killed or wounded');
  assert.ok(all.some((c) => c.g.key.measure === 'missing' && c.low === 3), 'at least three missing');
  assert.ok(all.some((c) => c.g.key.measure === 'killed' && c.value === 8 && /russian/i.test(c.g.key.nationality ?? '')), 'eight Russian troops killed');
  const firstClash = timeline.find((e) => e.first && e.event === 'combat');
  assert.ok(firstClash && firstClash.dates.length > 1, 'speakers date the first clash differently');
  const opinion = report.documents.filter((d) => (d.records.profile?.[0] as SourceProfile | undefined)?.genre === 'opinion');
  assert.ok(opinion.length >= 1, 'the commentary is profiled as opinion');
  const commentary = report.documents.filter((d) => (d.records.profile?.[0] as SourceProfile | undefined)?.genre !== 'reporting');
  assert.ok(commentary.length >= 2, 'the second, slanted piece is at least mixed: reporting with editorializing');
  const ap = new Set(provenance!.wires.filter((w) => w.wire === 'Associated Press').map((w) => w.doc));
  assert.equal(ap.size, 2, 'two articles carry AP reporting');
  const brief = renderBrief(report);
  for (const s of ['1,500', '10,000–12,000', 'up to 15,000', '30,000', 'Associated Press']) assert.ok(brief.includes(s), `the brief shows ${s}`);
});
