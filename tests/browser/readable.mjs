// SPDX-License-Identifier: GPL-2.0
// readable.mjs: what a triager could not read on the dashboard, in
// Debian's headless chromium driven by playwright-core, against the real
// `splatd serve` that tests/t5014-dashboard-readable-browser.sh started and
// filled.  Prints "PASS name" or "FAIL name: detail" per check and writes
// screenshots to $SHOTS/readable-*.png.
//
// Environment: BASE, CHROMIUM, SHOTS, REG (a regression of one signature,
// FEW, of 3 occurrences on 3 days, with a long held lock class), LONG (the
// prefix shared by the classes that tell apart two signatures of one
// title, ending in _alpha and _beta; ALPHA is the first's id).
import { check, launch, rendered as renderedOn, runChecks, shooter, visibleText } from './lib.mjs';

const env = process.env;
const BASE = env.BASE;
const { browser, page } = await launch(env.CHROMIUM);
const consoleErrors = [];
// the stale links' 404s are expected
let expected404 = false;
page.on('console', m => {
	if (m.type() === 'error' && !(expected404 && /status of 404/.test(m.text())))
		consoleErrors.push(m.text() + ' ' + m.location().url);
});
page.on('pageerror', e => consoleErrors.push('pageerror: ' + e.message));

const rendered = () => renderedOn(page);

async function open(path) {
	await page.goto(BASE + path);
	await rendered();
}

const shots = shooter(page, env.SHOTS, 'readable-'), shot = shots.shot;

// Boxes of tables (.scroll) that scroll sideways, but the lock graph's.
const sideways = () => page.evaluate(() => [...document.querySelectorAll('main .scroll')]
	.filter(e => e.scrollWidth > e.clientWidth + 1 && !e.querySelector('svg.graph'))
	.map(e => e.scrollWidth + ' > ' + e.clientWidth + ' ' +
		e.querySelector('table').innerText.slice(0, 40)));

// Elements of main wider than the screen that are not in a box of their
// own that scrolls (.scroll: tables, the lock graph).
const overflow = () => page.evaluate(() => {
	const W = document.documentElement.clientWidth, out = [];
	for (const e of document.querySelectorAll('body *')) {
		const r = e.getBoundingClientRect();
		if (r.width && r.right > W + 1 && !e.closest('.scroll'))
			out.push(e.tagName + ' ' + (e.textContent || '').slice(0, 30));
	}
	return out.slice(0, 5).concat([document.documentElement.scrollWidth + ' > ' + W]);
});

await runChecks(browser, shots, async () => {
if (env.EMPTY) {
	// ---- a service nothing has been sent to yet -----------------------------
	await open('/');
	const none = await page.locator('#no-occurrences').innerText().catch(() => '');
	check('empty: the overview says no run has come yet, and where CI sends them',
		none.includes('no run has come yet') && none.includes('POST /api/v1/runs') &&
		await page.locator('main svg.bars').count() === 0, none);
	await shot('empty-overview');
	await open('/signatures');
	const sigs = await page.locator('#empty-search').innerText().catch(() => '');
	check('empty: the list says there is no signature yet (not "matches at all")',
		sigs.startsWith('No signature yet'), sigs);
	await open('/regressions');
	const regs = await page.locator('#no-regressions').innerText().catch(() => '');
	check('empty: no regression yet, and how one is made', /^No regression yet: /.test(regs), regs);
	await open('/runs');
	const runs = await page.locator('#no-runs').innerText().catch(() => '');
	check('empty: no run yet, and where CI sends them', /^No run yet: /.test(runs), runs);
	check('no console error on any page', consoleErrors.length === 0, consoleErrors);
	return;
}
// ---- the timeline of a regression with few occurrences ----------------------
await open('/regressions/' + env.REG);
const tl = await page.evaluate(() => {
	const s = [...document.querySelectorAll('svg.bars')].pop();
	const line = s.querySelector('line');
	const rects = [...s.querySelectorAll('rect')];
	const full = rects.filter(r => +r.getAttribute('data-count') > 0);
	const x = r => +r.getAttribute('x'), w = r => +r.getAttribute('width');
	return { x1: +line.getAttribute('x1'), x2: +line.getAttribute('x2'),
		bars: full.length, from: Math.min(...full.map(x)),
		to: Math.max(...full.map(r => x(r) + w(r))),
		end: Math.max(...rects.map(r => x(r) + w(r))), days: rects.length };
});
const mid = (tl.from + tl.to) / 2, third = (tl.x2 - tl.x1) / 3;
check('timeline: the 3 days of occurrences are drawn', tl.bars === 3, tl);
check('timeline: they are in the middle third of its axis, not at one end',
	mid > tl.x1 + third && mid < tl.x2 - third, tl);
check('timeline: the axis ends where the bars end', Math.abs(tl.x2 - tl.end) <= 2, tl);
check('timeline: the bars are wide enough to see (a day is 20 px or more)',
	(tl.x2 - tl.x1) / tl.days >= 20, tl);
const span = await page.locator('#timeline-span').innerText().catch(() => '');
check('timeline: it says on how many days and from when to when',
	/^Occurrences on 3 day\(s\), \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d\.$/.test(span), span);
const cleanRuns = await page.locator('main dl.facts').innerText();
check('regression: without a fix it does not say "0 of 3 clean runs with the fix"',
	!/0 of 3 clean runs with the fix/.test(cleanRuns) &&
	/no fix on a trusted tree yet \(3 clean runs on kernels with it will mark it fixed\)/.test(cleanRuns),
	cleanRuns);
await shot('regression-timeline');

// ---- same title, classes of one long prefix -------------------------------
await open('/signatures');
const rows = await page.locator(`main tbody .sig-name .distinct[title*="${env.LONG}"]`).all();
const shown = [];
for (const r of rows)
	shown.push(await visibleText(r));
check('list: two rows of one title name their own classes', rows.length === 2, shown);
check('list: the visible part of each shows where the classes differ',
	shown.some(t => t.includes('_alpha')) && shown.some(t => t.includes('_beta')), shown);
const titles = await page.locator(`main tbody .sig-name .distinct[title*="${env.LONG}"]`)
	.evaluateAll(es => es.map(e => e.getAttribute('title')));
check('list: the whole class names are in the tooltip',
	titles.every(t => t.includes(env.LONG)), titles);
await shot('same-title-long-prefix');
// a run without a banner or lockdep=1 whose report is lockdep's (hung-1:
// a hung task's lock dump) says lockdep was on (it said "no sign")
await open('/runs/hung-1');
const hungFacts = await page.locator('main dl.facts').textContent().catch(() => '');
check('run: a lockdep report is a sign lockdep was on',
	hungFacts.includes("on to the end (its report is lockdep's)") &&
	!hungFacts.includes('no sign it was on'), hungFacts);
await open('/runs');
const hungCell = await page.locator('main tbody tr', { hasText: 'hung-1' }).innerText();
check('runs: ... and so does its row', hungCell.includes("on (its report is lockdep's)") &&
	!hungCell.includes('no sign'), hungCell);
await open('/signatures');
const rec = await page.locator('main tbody .sig-name .distinct[title*="tree->"]')
	.allInnerTexts();
check('list: a recursive signature names its one class once, not twice',
	rec.length === 2 && rec.every(t => (t.match(/_lock/g) || []).length === 1), rec);

// ---- runs by their own time -------------------------------------------------
await open('/runs');
const runIds = await page.locator('main tbody tr td:first-child a').allInnerTexts();
const order = runIds.filter(x => /^(now|late|back|few)-/.test(x));
check('runs: by their time, newest first (a late or backfilled run below those of now)',
	JSON.stringify(order) === JSON.stringify(['now-2', 'now-1', 'late-2d', 'back-5d',
		'few-10', 'few-11', 'few-12']), order);
const lateCell = await page.locator('main tbody tr', { hasText: 'late-2d' })
	.locator('td').last().innerText();
check('runs: a run posted late shows when it started, and says so',
	/^\d{4}-\d\d-\d\d \d\d:\d\d UTC started$/.test(lateCell.trim()), lateCell);
await shot('runs-by-time');
// a cursor the API refuses (a stale or hand-edited link): said, and a way
// back to the first page with the other filters kept
// (its 400 is the one console error expected here)
const before400 = consoleErrors.length;
await open('/runs?machine=m1&cursor=x');
const firstLink = await page.locator('main a[rel="first"]').getAttribute('href').catch(() => null);
check('runs: a bad cursor says so and links to the first page, filters kept',
	/bad cursor/.test(await page.locator('main').innerText()) && firstLink === '/runs?machine=m1',
	firstLink);
if (consoleErrors.length === before400 + 1 && /status of 400/.test(consoleErrors[before400]))
	consoleErrors.pop();
await open('/runs/late-2d');
const facts = await page.locator('main dl.facts').innerText();
check('run: its page says when it started and when it was received',
	/started\s+\d{4}-\d\d-\d\d \d\d:\d\d UTC/.test(facts) && /received\s+\d{4}/.test(facts), facts);
await open('/');
const latest = await page.locator('main tbody tr td:first-child a[href^="/runs/"]').allInnerTexts();
check('overview: the latest runs are the newest by time',
	latest[0] === 'now-2' && latest.indexOf('back-5d') > latest.indexOf('late-2d'), latest);

// ---- the owners' rank takes no title's room ----------------------------------------
await open('/signatures/' + env.ALPHA);
const rank = await page.locator('main h2:text("Owners") + * tbody tr td:first-child').first()
	.evaluate(td => Math.round(td.getBoundingClientRect().width)).catch(() => -1);
check('owners: the "#" column is narrow (a rank, not an 11em title)', rank > 0 && rank < 60, rank);

// ---- a narrow screen ------------------------------------------------------------
await page.setViewportSize({ width: 390, height: 800 });
for (const path of ['/', '/signatures', '/regressions', '/regressions/' + env.REG,
	'/runs', '/runs/late-2d', '/subsystems', '/signatures?q=nosuchlock',
	'/signatures/' + env.FEW, '/signatures/' + env.ALPHA]) {
	await open(path);
	const o = await overflow();
	check('390 px: ' + path + ' is no wider than the screen', o.length === 1 &&
		/^(\d+) > \1$/.test(o[0]), o);
	const sw = await sideways();
	check('390 px: ' + path + ': no table scrolls sideways', sw.length === 0, sw);
}
await open('/regressions/' + env.REG);
const labelPx = await page.locator('main svg.bars text').evaluateAll(ts =>
	ts.map(t => Math.round(t.getBoundingClientRect().height * 10) / 10));
check('390 px: the timeline\'s labels are readable (9 px or more)',
	labelPx.length >= 2 && labelPx.every(h => h >= 9), labelPx);
await open('/runs?machine=nosuch');
const noRuns = await page.locator('#no-runs').innerText().catch(() => '');
check('runs: an empty list says what it looked for and links all runs',
	noRuns.includes('“nosuch”') &&
	await page.locator('#no-runs a[href="/runs"]').count() === 1, noRuns);
await shot('runs-empty-narrow');
await open('/regressions/' + env.REG);
await shot('regression-narrow');
await page.setViewportSize({ width: 1280, height: 900 });

// ---- empty lists and stale links ------------------------------------------------
await open('/regressions?status=fixed');
const noFixed = await page.locator('#no-regressions').innerText().catch(() => '');
check('regressions: an empty filter says so and links all regressions',
	noFixed.startsWith('No regression is fixed.') &&
	await page.locator('#no-regressions a[href="/regressions"]').count() === 1, noFixed);
expected404 = true;
for (const [path, list] of [['/signatures/999999', 'signatures'],
	['/regressions/999999', 'regressions'], ['/runs/no-such-run', 'runs']]) {
	await open(path);
	check('stale link ' + path + ': "Not found" and a link to all ' + list,
		await page.locator('main h1').innerText({ timeout: 2000 }).catch(() => '') === 'Not found' &&
		await page.locator('main a[href="/' + list + '"]').count() === 1,
		await page.locator('main').innerText());
}
expected404 = false;

// ---- a run that said little -----------------------------------------------------
await open('/runs/now-1');
const said = await page.locator('main dl.facts').innerText();
check('run: what the run did not say is "not given", never "?"',
	/tree\s+not given/.test(said) && /branch\s+not given/.test(said) &&
	/commit\s+not given/.test(said) && !/\?/.test(said), said);

// ---- the keyboard ---------------------------------------------------------------
await open('/signatures');
await page.focus('main tbody .sig-name a');
await page.keyboard.press('Enter');
await page.waitForFunction(() => /^\/signatures\/\d+$/.test(document.body.dataset.rendered || ''));
const focused = await page.evaluate(() => {
	const e = document.activeElement;
	return { inMain: !!e.closest('main'), tag: e.tagName, h1: document.querySelector('main h1').textContent };
});
check('keyboard: a page opened with Enter on a link has the focus in its main part',
	focused.inMain, focused);
await page.keyboard.press('Tab');
const next = await page.evaluate(() => {
	const e = document.activeElement;
	return { inMain: !!e.closest('main'), tag: e.tagName, cls: e.getAttribute('class') };
});
check('keyboard: ... so Tab goes on inside it', next.inMain, next);

check('no console error on any page', consoleErrors.length === 0, consoleErrors);
});
