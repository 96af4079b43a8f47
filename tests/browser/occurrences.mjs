// SPDX-License-Identifier: GPL-2.0
// occurrences.mjs: a signature's occurrences and a regression's
// signatures, in Debian's headless chromium driven by playwright-core,
// against the real `splatd serve` that
// tests/t5019-dashboard-occurrences-browser.sh started and filled.  Prints
// "PASS name" or "FAIL name: detail" per check and writes screenshots to
// $SHOTS/occurrences-*.png.
//
// Environment: BASE, CHROMIUM, SHOTS, SIG (the seed's signature: N
// occurrences on runs run-56 ... run-50, run-16 ... run-2, N days ago, and
// run-30, 30 days ago, which came last; each on its own machine), REG (a
// regression of it), the days D56 and D2 (UTC).
import { check, launch, rendered as renderedOn, runChecks, shooter } from './lib.mjs';

const env = process.env;
const BASE = env.BASE, N = Number(env.N);
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

const shots = shooter(page, env.SHOTS, 'occurrences-'), shot = shots.shot;
const runs = () => page.locator('#occurrences > details > summary a[href^="/runs/"]').allTextContents();
const more = page.locator('#occurrences-more');

// the order the runs ran in, newest first, each run's occurrences together
const ranks = ['run-2', 'run-4', 'run-6', 'run-8', 'run-10', 'run-12', 'run-14', 'run-16', 'run-30',
	'run-50', 'run-52', 'run-54', 'run-56'];
const inOrder = list => list.every((r, i) => i === 0 ||
	ranks.indexOf(list[i - 1]) <= ranks.indexOf(r));

async function occurrencesAt(width) {
	await page.setViewportSize({ width, height: 900 });
	await open('/signatures/' + env.SIG);
	let seen = await runs();
	check(width + ' px: 5 shown, the newest run first (not the backfill)',
		seen.length === 5 && seen[0] === 'run-2' && !seen.includes('run-30'), seen);
	check(width + ' px: ... in the order the runs ran', inOrder(seen), seen);
	check(width + ' px: says how many of all', (await page.locator('#occurrences-shown').innerText())
		.includes('newest 5 of ' + N), await page.locator('#occurrences-shown').innerText());
	let clicks = 0;
	while (await more.isVisible() && clicks < 10) {
		await more.click();
		clicks++;
		await page.waitForFunction(n => document.querySelectorAll('#occurrences > details').length > n,
			seen.length, { timeout: 10000 });
		seen = await runs();
	}
	check(width + ' px: older occurrences: all ' + N + ', once each, then no button',
		seen.length === N && !await more.isVisible(), { clicks, seen });
	check(width + ' px: ... still by run time, the backfill after the newer runs', inOrder(seen) &&
		seen.indexOf('run-30') === 8 && seen[seen.length - 1] === 'run-56', seen);
	check(width + ' px: ... "all of them"', (await page.locator('#occurrences-shown').innerText())
		.includes('all of them'));
	// a kept text and a dropped one
	const items = page.locator('#occurrences > details');
	const kept = items.filter({ has: page.locator('pre') }).first();
	await kept.locator('summary').first().click();
	const text = await kept.locator('pre').first().textContent();
	check(width + ' px: a kept text shows its lock classes as text', /&\(|&[a-z]/.test(text) &&
		await kept.locator('pre').first().evaluate(e => e.children.length) === 0, text.slice(0, 200));
	const dropped = items.filter({ hasText: 'text not kept' }).first();
	check(width + ' px: an occurrence without its text says so', await dropped.count() === 1);
	await dropped.locator('summary').click();
	check(width + ' px: ... and why, when opened', (await dropped.innerText()).includes('sample'),
		await dropped.innerText());
	// 13 machines: the 10 most seen, then all
	const machines = page.locator('#machines tbody tr');
	check(width + ' px: the 10 most seen machines', await machines.count() === 10, await machines.count());
	await page.locator('#machines button.all-rows', { hasText: 'all 13 machines' }).click();
	check(width + ' px: ... then all 13', await machines.count() === 13, await machines.count());
	check(width + ' px: ... the focus on them', await page.evaluate(() =>
		document.activeElement.closest('#machines') !== null));
	check(width + ' px: one kernel: no button', await page.locator('#kernels button').count() === 0);
	const wide = await page.evaluate(() => document.documentElement.scrollWidth);
	check(width + ' px: the page is not wider than the screen', wide <= width, wide);
	await page.locator('h2', { hasText: 'Latest occurrences' }).scrollIntoViewIfNeeded();
	await shot('signature-' + width);
}

await runChecks(browser, shots, async () => {
	await occurrencesAt(1280);
	await occurrencesAt(390);

	await page.setViewportSize({ width: 1280, height: 900 });
	await open('/regressions/' + env.REG);
	const row = page.locator('main table').first().locator('tbody tr').first();
	const first = await row.locator('td[data-label="first seen"]').innerText().catch(e => e.message);
	const last = await row.locator('td[data-label="last seen"]').innerText().catch(e => e.message);
	check('regression: its signature first seen at its first run\'s day', first.startsWith(env.D56), first);
	check('regression: ... last seen at the newest run\'s', last.startsWith(env.D2), last);
	const span = await page.locator('#timeline-span').innerText().catch(e => e.message);
	check('regression: the timeline from the first run\'s day to the last\'s',
		span.includes(env.D56) && span.includes(env.D2), span);
	check('regression: its title is text', (await page.locator('main h1').innerText()).includes('seed & <friends>') &&
		await page.locator('main friends').count() === 0);
	const links = await page.locator('dl.facts dt', { hasText: /^links$/ })
		.locator('xpath=following-sibling::dd[1]').innerText();
	check('regression: no link yet says so (the line was empty)', links.startsWith('none yet'), links);
	await shot('regression-1280');
	check('no console error', consoleErrors.length === 0, consoleErrors);
});
