// SPDX-License-Identifier: GPL-2.0
// seen.mjs: when and where a signature was seen, and the runs' commits, in
// Debian's headless chromium driven by playwright-core, against the real
// `splatd serve` that tests/t5016-dashboard-seen-browser.sh started and
// filled.  Prints "PASS name" or "FAIL name: detail" per check and writes
// screenshots to $SHOTS/seen-*.png.
//
// Environment: BASE, CHROMIUM, SHOTS, SIG (the seed's signature: runs on
// drm-tip 40 days ago at DESCRIBE and now at NAMED, on linux-next 10 days
// ago at HASH, on a tree, machine and commit of markup D5), the days D40,
// D10, D5 and TODAY (UTC).
import { check, launch, rendered as renderedOn, runChecks, shooter, visibleText } from './lib.mjs';

const env = process.env;
const BASE = env.BASE;
const { browser, page } = await launch(env.CHROMIUM);
const consoleErrors = [];
page.on('console', m => {
	if (m.type() === 'error')
		consoleErrors.push(m.text() + ' ' + m.location().url);
});
page.on('pageerror', e => consoleErrors.push('pageerror: ' + e.message));

async function open(path) {
	await page.goto(BASE + path);
	await renderedOn(page);
}

const shots = shooter(page, env.SHOTS, 'seen-'), shot = shots.shot;

// The lines a cell's text takes: distinct tops of its characters' boxes.
const lines = loc => loc.evaluate(e => {
	const tops = new Set();
	const w = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
	const r = document.createRange();
	while (w.nextNode()) {
		const t = w.currentNode;
		for (let i = 0; i < t.length; i++) {
			r.setStart(t, i);
			r.setEnd(t, i + 1);
			const b = r.getBoundingClientRect();
			if (b.width)
				tops.add(Math.round(b.top));
		}
	}
	return tops.size;
});

// A definition of the facts by its term.
const fact = term => page.locator('dl.facts dt', { hasText: new RegExp('^' + term + '$') })
	.locator('xpath=following-sibling::dd[1]');

// The runs page at width: every commit on one line, a name whole, a hash
// by its first 12 digits, the whole value in the title.
async function runsAt(width) {
	await page.setViewportSize({ width, height: 900 });
	await open('/runs');
	const cells = page.locator('main td[data-label="commit"]');
	const n = await cells.count();
	const wrapped = [];
	for (let i = 0; i < n; i++) {
		const c = cells.nth(i);
		if ((await c.innerText()).trim() && await lines(c) !== 1)
			wrapped.push(await c.innerText());
	}
	check(width + ' px: the 5 runs\' commits are listed', n === 5, n);
	check(width + ' px: every commit on one line', wrapped.length === 0, wrapped);
	const row = id => page.locator('main tr', { has: page.locator(`a[href="/runs/${id}"]`) })
		.locator('td[data-label="commit"]');
	// the commit's own box, or its cell's when it has none
	const box = async id => await row(id).locator('.commit').count() ?
		row(id).locator('.commit') : row(id);
	const title = async id => await row(id).locator('[title]').count() ?
		row(id).locator('[title]').first().getAttribute('title') : null;
	const describe = await visibleText(await box('drm-40'));
	check(width + ' px: a git describe name is whole', describe === env.DESCRIBE, describe);
	const hash = await visibleText(await box('next-10'));
	check(width + ' px: a hash by its first 12 digits', hash === env.HASH.slice(0, 12), hash);
	check(width + ' px: ... the whole hash in its title', await title('next-10') === env.HASH);
	const named = await visibleText(await box('drm-now'));
	check(width + ' px: a long name is its start, whole in the title',
		named.length >= 12 && env.NAMED.startsWith(named.replace(/…$/, '')) &&
		await title('drm-now') === env.NAMED, named);
	check(width + ' px: a commit of markup is text', await row('odd-5').innerText() === '<b>c&d</b>' ||
		(await row('odd-5').innerText()).endsWith('<b>c&d</b>'), await row('odd-5').innerText());
	const wide = await page.evaluate(() => document.documentElement.scrollWidth);
	check(width + ' px: the page is not wider than the screen', wide <= width, wide);
	await shot('runs-' + width);
}

await runChecks(browser, shots, async () => {
	// the overview's chart: the runs' days, today's one run
	await open('/');
	const bars = await page.locator('main svg.bars title').allTextContents();
	const count = day => {
		const t = bars.find(b => b.startsWith(day + ':'));
		return t ? Number(t.split(':')[1]) : 0;
	};
	const one = count(env.D40);
	check('overview: a bar on the day of each run', one > 0 && count(env.D10) === one &&
		count(env.D5) === one, bars.filter(b => !/: 0$/.test(b)));
	check('overview: today\'s bar is today\'s one run, not the backfill',
		count(env.TODAY) === one, bars.filter(b => !/: 0$/.test(b)));
	await shot('overview-1280');
	await runsAt(1280);
	await runsAt(390);
	await page.setViewportSize({ width: 1280, height: 900 });

	await open('/signatures/' + env.SIG);
	const first = await fact('first seen').innerText();
	check('first seen: the first run\'s day, and when it came',
		first.startsWith(env.D40) && first.includes('(came ' + env.TODAY + ')'), first);
	const last = await fact('last seen').innerText();
	check('last seen: today\'s run, no "came"', last.startsWith(env.TODAY) &&
		!last.includes('came'), last);
	const spans = page.locator('main h2', { hasText: 'First and last seen, by tree' })
		.locator('xpath=following-sibling::*[1]');
	const tree = name => spans.locator('tbody tr', {
		has: page.locator('td[data-label="tree"]', { hasText: name }) });
	const cell = (name, label) => tree(name).locator(`td[data-label="${label}"]`);
	check('by tree: drm-tip, linux-next and the markup tree',
		await spans.locator('tbody tr').count() === 3, await spans.innerText().catch(e => e.message));
	const drmFirst = await cell('drm-tip', 'first seen').innerText();
	check('drm-tip first: 40 days ago, its describe name, its run, machine',
		drmFirst.includes(env.D40) && drmFirst.includes(env.DESCRIBE) &&
		drmFirst.includes('drm-40') && drmFirst.includes('shard-dg2-7'), drmFirst);
	check('... linking the run', await cell('drm-tip', 'first seen')
		.locator('a[href="/runs/drm-40"]').count() === 1);
	const drmLast = await cell('drm-tip', 'last seen').innerText();
	check('drm-tip last: today, its run', drmLast.includes(env.TODAY) &&
		drmLast.includes('drm-now'), drmLast);
	check('drm-tip: its occurrences, twice the one run\'s',
		Number(await cell('drm-tip', 'occurrences').innerText()) === 2 * one);
	const nextFirst = await cell('linux-next', 'first seen').innerText();
	check('linux-next first: 10 days ago, the hash\'s 12 digits',
		nextFirst.includes(env.D10) && nextFirst.includes(env.HASH.slice(0, 12)) &&
		!nextFirst.includes(env.HASH.slice(0, 13)), nextFirst);
	check('linux-next last: the same run', (await cell('linux-next', 'last seen').innerText())
		.includes('the same run'));
	const odd = await cell('<i>t&t</i>', 'first seen').innerText().catch(e => e.message);
	check('the markup tree, machine and commit are text', odd.includes('<b>c&d</b>') &&
		odd.includes('<b>m&m</b>'), odd);
	check('... no element made of them',
		await page.locator('main i, main b').count() === 0);
	await shot('signature-1280');
	await page.setViewportSize({ width: 390, height: 900 });
	await open('/signatures/' + env.SIG);
	const wide = await page.evaluate(() => document.documentElement.scrollWidth);
	check('390 px: the signature page is not wider than the screen', wide <= 390, wide);
	await shot('signature-390');
	check('no console error', consoleErrors.length === 0, consoleErrors);
});
