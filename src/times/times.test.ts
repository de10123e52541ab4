import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findTimes, type TimeSpan } from './find.js';
import { anchorDay } from './stage.js';
import { analyzeRecords } from '../analyze.js';
import { validateReport } from '../report/validate.js';

// An invented story; the anchor 2024-11-08 is a Friday (ISO week 45).
const ANCHOR = '2024-11-08';
const STORY = [
  'The mayor of Lindenport said on Tuesday that flood barriers arrived last week.',
  'Engineers reached the dam on October 25th and the pumps started the following day.',
  'The river has been rising since early August, almost three years after the 1953 levee failed.',
  'Work began in late October and will take four months, the council said.',
  'Veterans of the 1,000-day war gathered on Wednesday.',
].join('\n');

function byText(times: TimeSpan[], text: string): TimeSpan {
  const t = times.find((x) => x.text === text);
  assert.ok(t, `no time "${text}" among ${times.map((x) => x.text).join(' | ')}`);
  return t;
}
const { times } = findTimes(STORY, ANCHOR);

test('weekdays are past-biased against the publication date, and extents drop the preposition', () => {
  const tue = byText(times, 'Tuesday');
  assert.equal(tue.value, '2024-11-05');
  assert.equal(tue.type, 'DATE');
  assert.equal(tue.granularity, 'day');
  assert.equal(tue.anchored, true);
  assert.equal(byText(times, 'Wednesday').value, '2024-11-06');
  // A weekday said on that same weekday is the same day.
  assert.equal(findTimes('Officials met on Friday.', ANCHOR).times[0].value, '2024-11-08');
  // A clause that looks ahead takes the next one; the cue nearest the expression decides.
  assert.equal(findTimes('Officials will meet on Tuesday.', ANCHOR).times[0].value, '2024-11-12');
  assert.equal(findTimes('"We will rebuild," the mayor said Tuesday.', ANCHOR).times[0].value, '2024-11-05');
  // A month-day without a year: the nearest occurrence, looking back in a past-tense clause.
  assert.equal(findTimes('The vote is on December 3.', ANCHOR).times[0].value, '2024-12-03');
  assert.equal(findTimes('The vote was held on December 3.', ANCHOR).times[0].value, '2023-12-03');
});

test('"last week" is the previous ISO week', () => {
  const t = byText(times, 'last week');
  assert.deepEqual([t.value, t.granularity, t.anchored], ['2024-W44', 'week', true]);
});

test('"in late October" keeps the modifier in the extent and as mod END', () => {
  const t = byText(times, 'late October');
  assert.deepEqual([t.value, t.granularity, t.mod], ['2024-10', 'month', 'END']);
});

test('"the following day" counts from the date mentioned before it, not from the publication date', () => {
  const oct25 = byText(times, 'October 25th');
  assert.equal(oct25.value, '2024-10-25');
  const t = byText(times, 'the following day');
  assert.equal(t.value, '2024-10-26');
  assert.equal(t.relativeTo, oct25.id);
});

test('"since early August" gives the month with mod START; "1953" is a year', () => {
  const t = byText(times, 'early August');
  assert.deepEqual([t.value, t.mod], ['2024-08', 'START']);
  const y = byText(times, '1953');
  assert.deepEqual([y.value, y.granularity, y.anchored], ['1953', 'year', false]);
});

test('durations: "almost three years" is P3Y APPROX, "four months" P4M, a "1,000-day war" P1000D', () => {
  const a = byText(times, 'almost three years');
  assert.deepEqual([a.type, a.value, a.mod], ['DURATION', 'P3Y', 'APPROX']);
  assert.equal(byText(times, 'four months').value, 'P4M');
  assert.equal(byText(times, '1,000-day').value, 'P1000D');
});

test('report vs event roles: the time of the saying is report, the time of what happened is event', () => {
  assert.equal(byText(times, 'Tuesday').role, 'report');
  assert.equal(byText(times, 'last week').role, 'event');
  assert.equal(byText(times, 'late October').role, 'event');
  const r = findTimes('On Monday, the ministry said troops had crossed the river in early March.', ANCHOR).times;
  assert.deepEqual(r.map((t) => t.role), ['report', 'event']);
  const r2 = findTimes('Troops crossed the river on Monday, the ministry said.', ANCHOR).times;
  assert.deepEqual(r2.map((t) => t.role), ['event']);
  const r3 = findTimes('The governor told reporters on Thursday that the dam held.', ANCHOR).times;
  assert.deepEqual(r3.map((t) => t.role), ['report']);
  const r4 = findTimes("Officials said Thursday's flood was the worst since 1953.", ANCHOR).times;
  assert.deepEqual(r4.map((t) => t.role), ['event', 'event']);
  const r6 = findTimes('The dam failed last week, according to officials on Tuesday.', ANCHOR).times;
  assert.deepEqual(r6.map((t) => `${t.text}:${t.role}`), ['last week:event', 'Tuesday:report']);
  const r5 = findTimes('In a statement late on Monday, the council said the levee failed two days ago.', ANCHOR).times;
  assert.deepEqual(r5.map((t) => `${t.text}:${t.role}`), ['Monday:report', 'two days ago:event']);
});

test('more TIMEX3 conventions', () => {
  const v = (s: string) => findTimes(s, ANCHOR).times.map((t) => `${t.text}=${t.value}`);
  assert.deepEqual(v('Prices rose in the 1990s, not in the 1800s.'), ['the 1990s=199', 'the 1800s=18']);
  assert.deepEqual(v('Stocks are low now but recently rose.'), ['now=PRESENT_REF', 'recently=PAST_REF']);
  assert.deepEqual(v('It was hard over the past three years.'), ['the past three years=P3Y']);
  assert.deepEqual(v('Residents spent the weekend sandbagging.'), ['the weekend=2024-W44-WE']);
  assert.deepEqual(v('The fair opens at the weekend.'), ['the weekend=2024-W45-WE']);
  assert.deepEqual(v('The water peaked three days ago.'), ['three days ago=2024-11-05']);
  assert.deepEqual(v('It rained yesterday and in mid-November.'), ['yesterday=2024-11-07', 'mid-November=2024-11']);
  assert.deepEqual(v('Sales fell in the first quarter of 2023.'), ['the first quarter of 2023=2023-Q1']);
  assert.deepEqual(v('They met earlier this month and this year.'), ['earlier this month=2024-11', 'this year=2024']);
  assert.deepEqual(v('The talks lasted two hours.'), ['two hours=PT2H']);
  assert.deepEqual(v('The market opens daily.'), ['daily=P1D']);
  assert.deepEqual(v('Shelling began at 3 p.m. Tuesday.'), ['3 p.m. Tuesday=2024-11-05T15:00']);
  assert.deepEqual(v('Last night was calm.'), ['Last night=2024-11-07TNI']);
  assert.deepEqual(v('Shelling began on the night of October 7.'), ['the night of October 7=2024-10-07TNI']);
  assert.deepEqual(v('Sales rose in June last year.'), ['June last year=2023-06']);
  assert.deepEqual(v('They met in May, on May 5 and on 5 May 2021.'), ['May=2024-05', 'May 5=2024-05-05', '5 May 2021=2021-05-05']);
  assert.deepEqual(v('Profits fell in fiscal 2023 and in the early 1990s.'), ['fiscal 2023=FY2023', 'the early 1990s=199']);
  assert.deepEqual(v('The plant closes by year-end.'), ['year-end=2024']);
  assert.deepEqual(v('In 2015, 2,015 people left; since 2014, more.'), ['2015=2015', '2014=2014']);
  assert.deepEqual(v('Talks are scheduled for the spring.'), ['the spring=2025-SP']);
  assert.deepEqual(v('Output peaked in mid-2023 after the 2019-2022 slump; call 555-1234.'), ['mid-2023=2023', '2019=2019', '2022=2022']);
  assert.deepEqual(v('The market is closed on Fridays.'), ['Fridays=XXXX-WXX-5']);
  assert.deepEqual(v('Lindenport Today reported the fire; USA TODAY covered the first of three debates.'), []);
  assert.deepEqual(v('Sentries were posted at 1 a.m. tonight.'), ['1 a.m. tonight=2024-11-08T01:00']);
});

test('clock times join their day or recurring day; mixed numeric formats; days of a relative month', () => {
  const v = (s: string) => findTimes(s, ANCHOR).times.map((t) => `${t.text}=${t.value}`);
  assert.deepEqual(v('The convoy leaves tomorrow morning at 7.'), ['tomorrow morning at 7=2024-11-09T07:00']);
  assert.deepEqual(v('Sirens sounded tonight around 9.'), ['tonight around 9=2024-11-08T21:00']);
  assert.deepEqual(v('The council meets each Monday at 4pm.'), ['each Monday at 4pm=XXXX-WXX-1T16:00']);
  assert.deepEqual(v('Patrols go out every night at 9.'), ['every night at 9=XXXX-XX-XXT21:00']);
  assert.deepEqual(v('Ferries sail at 3pm every day.'), ['3pm every day=XXXX-XX-XXT15:00']);
  assert.deepEqual(v('The rally ended at six pm.'), ['six pm=2024-11-08T18:00']);
  assert.deepEqual(v('Filed on 05-Aug-2016, revised Sep-23-2020 and in Dec-2018.'), ['05-Aug-2016=2016-08-05', 'Sep-23-2020=2020-09-23', 'Dec-2018=2018-12']);
  assert.deepEqual(v('Payments resume on the 20th of next month.'), ['the 20th of next month=2024-12-20']);
  assert.deepEqual(v('Results are due the coming week and by the end of the day.'), ['the coming week=2024-W46', 'the end of the day=2024-11-08']);
  assert.deepEqual(v('At the end of the day, voters decide.'), []);
  assert.deepEqual(v('The market opens from 11 pm to 3 and again from 1:30 p.m. to 4.'), ['11 pm=2024-11-08T23:00', '3=2024-11-08T03:00', '1:30 p.m.=2024-11-08T13:30', '4=2024-11-08T16:00']);
  assert.deepEqual(v('The score was 2 to 1 by 2:30 pm to 4 people.'), ['2:30 pm=2024-11-08T14:30']);
  assert.deepEqual(v('Shelling began at ten past nine in the evening and early in the morning.'), ['ten past nine in the evening=2024-11-08T21:10', 'early in the morning=2024-11-08TMO']);
  assert.deepEqual(v('Crews worked all day for another week in the first quarter of the year.'), ['all day=P1D', 'another week=P1W', 'the first quarter of the year=2024-Q1']);
  assert.deepEqual(v('Polls open on 10/1 to 11/7; results for q3 2024.'), ['10/1=2024-10-01', '11/7=2024-11-07', 'q3 2024=2024-Q3']);
  assert.deepEqual(v('How about Friday? Results come after the 15th day of June; in 2025-H2, as at the present time.'), ['Friday=2024-11-08', 'the 15th day of June=2024-06-15', '2025-H2=2025-H2', 'the present time=PRESENT_REF']);
  assert.deepEqual(v('The rate has been cut three times since January at the annual review.'), ['January=2024-01', 'annual=P1Y']);
  assert.deepEqual(v('Shops open from 1:30 to 3pm and 4 til 5pm; later this afternoon it was 37.1 in the morning shade.'), ['1:30=2024-11-08T13:30', '3pm=2024-11-08T15:00', '4=2024-11-08T16:00', '5pm=2024-11-08T17:00', 'later this afternoon=2024-11-08TAF']);
  assert.deepEqual(v('Wait a minute: since the 2007-09 crisis the two-H club met for 24h.'), ['2007=2007', '24h=PT24H']);
  assert.deepEqual(v('She hosted Saturday Night Live on Saturday night.'), ['Saturday night=2024-11-02TNI']);
  assert.deepEqual(v('The plant closed on March 3, 2021. That night it rained; later that week the mayor spoke. Earlier in the day crews worked for hours.'), ['March 3, 2021=2021-03-03', 'That night=2021-03-03TNI', 'later that week=2021-W09', 'Earlier in the day=2021-03-03', 'hours=PTXH']);
  assert.deepEqual(v('Turnout rose this past weekend and in the current quarter.'), ['this past weekend=2024-W44-WE', 'the current quarter=2024-Q4']);
  assert.deepEqual(v('The war began on 12 March 2022. By mid-April, aid arrived.'), ['12 March 2022=2022-03-12', 'mid-April=2022-04']);
  assert.deepEqual(v('Fighting has gone on since June 2014. In October, talks resumed.'), ['June 2014=2014-06', 'October=2024-10']);
  assert.deepEqual(v('Lawmakers vote next Thursday, three weeks after the hearing.'), ['next Thursday=2024-11-14', 'three weeks=P3W']);
  assert.deepEqual(findTimes('The show opened on Tuesday and runs until June 30.', '2024-03-15').times.map((t) => t.value), ['2024-03-12', '2024-06-30']);
  assert.deepEqual(v('Revenue for FY2024, FY25 and fiscal year 2022 rose.'), ['FY2024=FY2024', 'FY25=FY2025', 'fiscal year 2022=FY2022']);
  assert.deepEqual(v('Posted Wed, 22 Jan 2020. The sun, 3 May 2021.'), ['Wed, 22 Jan 2020=2020-01-22', '3 May 2021=2021-05-03']);
  assert.deepEqual(findTimes('They argued about this year and around 1990.', ANCHOR).times.map((t) => `${t.text}=${t.mod ?? ''}`), ['this year=', 'around 1990=APPROX']);
  assert.deepEqual(v('They waited another month, from 3 in the morning until 5pm.'), ['another month=P1M', '3 in the morning=2024-11-08T03:00', '5pm=2024-11-08T17:00']);
  assert.deepEqual(v('Sales fell in the previous quarter and previous week.'), ['the previous quarter=2024-Q3', 'previous week=2024-W44']);
});

test('ranges are two TIMEX3 points; the bare end borrows month or a.m./p.m. from the other', () => {
  const v = (s: string) => findTimes(s, ANCHOR).times.map((t) => `${t.text}=${t.value}`);
  assert.deepEqual(v('Talks ran from 4 to 22 January.'), ['4=2024-01-04', '22 January=2024-01-22']);
  assert.deepEqual(v('The summit is on November 19-20.'), ['November 19=2024-11-19', '20=2024-11-20']);
  assert.deepEqual(v('Polls open between 7 and 9 p.m.'), ['7=2024-11-08T19:00', '9 p.m.=2024-11-08T21:00']);
  assert.deepEqual(v('The score was 3-1 on March 5.'), ['March 5=2024-03-05']);
});

test('no false times in ordinary numbers', () => {
  const v = (s: string) => findTimes(s, ANCHOR).times.map((t) => t.text);
  assert.deepEqual(v('About 2000 soldiers and 1500 tanks were seen.'), []);
  assert.deepEqual(v('She may march to the square. May I ask?'), []);
  assert.deepEqual(v('The fund holds $2024 and 45% of shares.'), []);
  assert.deepEqual(v('August Wilson saw the Summer Olympics and the Good Friday Agreement; three quarters of the now-defunct firm voted.'), []);
});

test('without an anchor only values that need none are kept, unanchored', () => {
  const r = findTimes('The war began on Tuesday, 1,000 days after March 3, 2021, and lasted four months.', undefined);
  assert.deepEqual(r.times.map((t) => `${t.text}=${t.value}`), ['1,000 days=P1000D', 'March 3, 2021=2021-03-03', 'four months=P4M']);
  assert.equal(r.unanchored, 1);
  assert.ok(r.times.every((t) => !t.anchored));
});

test('times@1 stage: anchors on meta.published, warns without one, and its report validates', () => {
  const rec = (raw: string, published?: string) => ({ source: 'story.txt', format: 'text' as const, raw, meta: published ? { published } : {}, diagnostics: [] });
  const { report } = analyzeRecords([rec(STORY, ANCHOR), rec('It happened on Tuesday in 1953.')]);
  const [a, b] = report.documents;
  const layer = a.layers.times as unknown as TimeSpan[];
  assert.equal(layer.find((t) => t.text === 'Tuesday')?.value, '2024-11-05');
  assert.ok(b.diagnostics.some((d) => d.code === 'times/no-anchor' && d.severity === 'warning'));
  assert.deepEqual((b.layers.times as unknown as TimeSpan[]).map((t) => t.value), ['1953']);
  assert.deepEqual(validateReport(report), []);
});

test('the anchor is the local day of publication', () => {
  assert.equal(anchorDay('2024-11-08T02:30:00Z', 'America/New_York'), '2024-11-07');
  assert.equal(anchorDay('2024-11-08T02:30:00Z', 'UTC'), '2024-11-08');
  assert.equal(anchorDay('2024-11-08', 'Asia/Tokyo'), '2024-11-08');
  assert.equal(anchorDay(undefined, 'UTC'), undefined);
});

test('calendar arithmetic: ISO weeks across year ends, holidays by rule', async () => {
  const { isoWeek, epochDay, holidayDay, dayValue } = await import('./normalize.js');
  const { LEX } = await import('./lexicon.js');
  assert.deepEqual(isoWeek(epochDay(2024, 12, 30)), { y: 2025, w: 1 });
  assert.deepEqual(isoWeek(epochDay(2021, 1, 3)), { y: 2020, w: 53 });
  assert.deepEqual(isoWeek(epochDay(2024, 11, 8)), { y: 2024, w: 45 });
  const h = (name: string, y: number) => dayValue(holidayDay(LEX.holidays.find((x) => x.names.includes(name))!, y));
  assert.equal(h('thanksgiving', 2024), '2024-11-28');
  assert.equal(h('memorial day', 2024), '2024-05-27');
  assert.equal(h('easter', 2024), '2024-03-31');
  assert.equal(h('good friday', 2025), '2025-04-18');
  assert.equal(h('election day', 2024), '2024-11-05');
  // "last week" on a Monday in ISO week 1 is the last week of the previous ISO year.
  assert.equal(findTimes('It rained last week.', '2025-01-06').times[0].value, '2025-W01');
  assert.equal(findTimes('It rained last week.', '2024-12-30').times[0].value, '2024-W52');
});
