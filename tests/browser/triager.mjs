// SPDX-License-Identifier: GPL-2.0
// triager.mjs: what a triager reads on the dashboard, in Debian's headless
// chromium driven by playwright-core, against the real `splatd serve` that
// tests/t5011-dashboard-triager-browser.sh started and filled.  Prints
// "PASS name" or "FAIL name: detail" per check and writes screenshots to
// $SHOTS/triager-*.png.
//
// Environment: BASE, CHROMIUM, SHOTS, TRIAGER (a token), REG (a regression
// without introduced), SIG and SIGID (its signature), BAD and BASE_SHA (the
// first bad and last clean commits), FIX (the fix a maintainer named by
// mail) and GR (who), B (a duplicate of SIGID) and C (a third of the same
// title), R (the kernel tree's path), D (a cycle with a very long class name).
import { check, launch, rendered as renderedOn, runChecks, shooter } from './lib.mjs';

const env = process.env;
const BASE = env.BASE;
const { browser, page } = await launch(env.CHROMIUM);
const consoleErrors = [];
// errors the checks cause on purpose (a refused merge)
const expectedErrors = [];
page.on('console', m => {
	if (m.type() === 'error' && !expectedErrors.some(re => re.test(m.text())))
		consoleErrors.push(m.text() + ' ' + m.location().url);
});
page.on('pageerror', e => consoleErrors.push('pageerror: ' + e.message));

const rendered = () => renderedOn(page);

async function open(path) {
	const resp = await page.goto(BASE + path);
	await rendered();
	return resp;
}

const mainText = () => page.locator('main').innerText();

const shots = shooter(page, env.SHOTS, 'triager-'), shot = shots.shot;

await runChecks(browser, shots, async () => {
// ---- a regression without introduced: the suspects' range ------------------
await open('/regressions/' + env.REG);
const range = await page.locator('#suspects-range').innerText().catch(() => '');
check('regression: no "[object Object]" on the page',
	!(await mainText()).includes('[object Object]'), range);
check('regression: the suspects\' range names its commits',
	range.includes(env.BASE_SHA.slice(0, 12)) && range.includes(env.BAD.slice(0, 12)), range);
check('regression: no server path of a kernel tree for a reader without a token, its name',
	!(await mainText()).includes(env.R) && range.includes('tree mainline'), range);
const fix = await page.locator('#fix-expected').innerText().catch(() => '');
check('regression: the fix expected by mail, who named it and when',
	fix.startsWith(env.FIX + ', named by mail:' + env.GR + ' on 2026-01-01'), fix);
check('regression: "fix" does not say "none known" when one is expected',
	!(await mainText()).includes('none known'));
const cutNote = await page.locator('#timeline-cut').innerText().catch(() => '');
check('regression: the timeline says it draws only the newest 20 of its occurrences',
	cutNote.includes('newest 20') && /#\d+ has 2\d in all/.test(cutNote), cutNote);
await shot('regression');

// ---- merges: a duplicate is not moved; the target's history ----------------
await page.fill('#signin input[name=token]', env.TRIAGER);
await page.click('#signin-button');
await page.waitForFunction(() => document.getElementById('who').textContent.includes('triager'));
await open('/signatures/' + env.B);
expectedErrors.push(/status of 409/);
await page.fill('#merge input[name=into]', env.C);
await page.click('#merge button[type=submit]');
await page.waitForSelector('#merge .refusal:not(:empty)');
const refusal = await page.locator('#merge .refusal').textContent();
check('merge: moving a duplicate elsewhere is refused in the page, naming its root',
	refusal.includes('409') && refusal.includes('already a duplicate of signature ' + env.SIGID),
	refusal);
await shot('merge-refused');
await open('/signatures/' + env.SIGID);
const first = await page.locator('#history tbody tr').first().innerText();
check('merge: the target\'s history says what was merged into it',
	first.includes('merged into this') &&
	await page.locator('#history tbody tr').first().locator('a[href="/signatures/' + env.B + '"]').count() === 1,
	first);
await page.click('#signout');

// ---- signatures of one title are told apart --------------------------------
const hashOf = async id => (await (await fetch(BASE + '/api/v1/signatures/' + id)).json()).signature;
const [hA, hB, hC] = [await hashOf(env.SIGID), await hashOf(env.B), await hashOf(env.C)];
await open('/signatures?duplicates=1');
const names = await page.locator('main tbody .sig-name').allInnerTexts();
check('list: each title of the three beside its own hash',
	[hA, hB, hC].every(h => names.some(n => n.includes('coretemp_cpu_online ' + h.slice(0, 8)))),
	names);
check('list: the lock class only one of them has is named',
	names.some(n => n.includes(hB.slice(0, 8)) && n.includes('bus_notifier2')) &&
	names.some(n => n.includes(hC.slice(0, 8)) && n.includes('cpuhp_state-down')), names);
await shot('signatures-same-title');
await open('/');
const top = await page.locator('main .sig-name').allInnerTexts();
check('overview: the most seen of the week carry their hashes',
	top.some(n => n.includes(hA.slice(0, 8))) && top.some(n => n.includes(hC.slice(0, 8))), top);
await shot('overview');
await open('/signatures/' + env.C);
const related = await page.locator('main .sig-name').allInnerTexts();
check('signature: "sharing an edge" carries the hashes',
	related.some(n => n.includes(hA.slice(0, 8))), related);

// ---- the search box finds a hash --------------------------------------------
await open('/signatures');
await page.fill('form.filters input[name=q]', hC.slice(0, 8));
await page.click('form.filters button[type=submit]');
await page.waitForFunction(() => location.search.includes('q='));
await rendered();
const found = await page.locator('main tbody .sig-name a').evaluateAll(as =>
	as.map(a => a.getAttribute('href')));
check('search: the first 8 digits of a hash find its signature',
	found.length === 1 && found[0] === '/signatures/' + env.C, found);
await shot('search-hash');

// ---- an empty search says what it looked for and how to widen it -------------
await open('/signatures?q=nosuchlock&kind=recursive');
const empty = await page.locator('#empty-search').innerText().catch(() => '');
check('search: an empty result names what was searched',
	empty.includes('text “nosuchlock”') && empty.includes('kind “recursive”'), empty);
check('search: ... and links that widen it, one filter each',
	await page.locator('#empty-search a[href="/signatures?kind=recursive"]').count() === 1 &&
	await page.locator('#empty-search a[href="/signatures?q=nosuchlock"]').count() === 1 &&
	await page.locator('#empty-search a[href="/signatures"]').count() === 1, empty);
await shot('empty-search');

// ---- the overview's counts are links to their lists --------------------------
// The overview's count #id, then the titles of the list its link opens.
async function followCount(id) {
	await open('/');
	const count = await page.locator('#' + id).innerText().catch(() => '');
	await page.click('#' + id).catch(() => {});
	await rendered();
	return { count, rows: await page.locator('main tbody .sig-name a').evaluateAll(as =>
		as.map(a => a.getAttribute('href'))),
		url: page.url() };
}
const esc = await followCount('escalated');
check('overview: "escalated 1" opens the list of the escalated one only',
	esc.count === '1' && esc.rows.length === 1 && esc.rows[0] === '/signatures/' + env.C, esc);
check('list: the "escalated only" box is ticked',
	await page.locator('form.filters input[name=escalated]').isChecked().catch(() => false));
await shot('escalated');
const fresh = await followCount('new-week');
check('overview: "new this week N" opens the list of the N first seen this week',
	fresh.count !== '' && Number(fresh.count) === fresh.rows.length &&
	/first_seen_since=/.test(fresh.url), fresh);
const sinceField = await page.locator('form.filters input[name=first_seen_since]')
	.evaluate(i => i.type + ' ' + i.value).catch(() => '');
check('list: "first seen since" is a date field holding the week\'s first day',
	/^date \d{4}-\d{2}-\d{2}$/.test(sinceField), sinceField);

// ---- the lock graph: no arrow label under a node -----------------------------
await open('/signatures/' + env.D);
const covered = await page.evaluate(() => {
	const boxes = [...document.querySelectorAll('svg.graph g.node rect')].map(r => r.getBBox());
	const out = [];
	for (const t of document.querySelectorAll('svg.graph g.edge text')) {
		const b = t.getBBox();
		for (const n of boxes)
			if (b.x < n.x + n.width && n.x < b.x + b.width &&
			    b.y < n.y + n.height && n.y < b.y + b.height)
				out.push(t.textContent);
	}
	return out;
});
check('graph: no arrow label is covered by a node (a wide, tall class)', covered.length === 0,
	covered);
await page.locator('svg.graph').screenshot({ path: env.SHOTS + '/triager-graph-wide-node.png' });

// ---- a run's page says it reopened a regression ------------------------------
await open('/runs/reopen-1');
const reopened = await page.locator('main p.reopened').innerText().catch(() => '');
check('run: its page says it reopened the regression, and why',
	reopened.startsWith('This run reopened regression #' + env.REG) &&
	reopened.includes('contains fix') && !reopened.includes(env.R), reopened);
await shot('run-reopened');

// ---- no stray "null" or "undefined" text on a page --------------------------
for (const path of ['/', '/signatures', '/regressions/' + env.REG,
	'/signatures/' + env.SIGID, '/runs/bad-1']) {
	await open(path);
	const stray = await page.evaluate(() => {
		const out = [];
		const w = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
		while (w.nextNode())
			if (/^(null|undefined)$/.test(w.currentNode.textContent.trim()))
				out.push(w.currentNode.parentNode.tagName);
		return out;
	});
	check('page ' + path + ': no "null" or "undefined" text', stray.length === 0, stray);
}

// ---- times are UTC, whatever the reader's zone -------------------------------
const far = await (await browser.newContext({ timezoneId: 'Pacific/Kiritimati' })).newPage();
await far.goto(BASE + '/regressions/' + env.REG);
await renderedOn(far);
const times = await far.locator('main dl.facts time').evaluateAll(ts =>
	ts.map(t => [t.getAttribute('datetime'), t.textContent]));
check('times: shown in UTC and saying so, in a browser at UTC+14',
	times.length > 0 && times.every(([iso, text]) =>
		text === iso.slice(0, 10) + ' ' + iso.slice(11, 16) + ' UTC'), times);
await far.close();

check('no console error on any page', consoleErrors.length === 0, consoleErrors);
});
