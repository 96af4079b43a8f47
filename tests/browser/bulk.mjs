// SPDX-License-Identifier: GPL-2.0
// bulk.mjs: a triager changes several signatures of the list at once, in
// Debian's headless chromium driven by playwright-core, against the real
// `splatd serve` that tests/t5017-dashboard-bulk-triage-browser.sh started
// and filled.  Prints "PASS name" or "FAIL name: detail" per check and
// writes screenshots to $SHOTS/bulk-*.png.
//
// Environment: BASE, CHROMIUM, SHOTS, TRIAGER and CI (tokens), SEEDID,
// RECID, IRQID (the three signatures, status new).
import { check, launch, rendered as renderedOn, runChecks, shooter } from './lib.mjs';

const env = process.env;
const BASE = env.BASE;
const { browser, page } = await launch(env.CHROMIUM);
const consoleErrors = [];
page.on('console', m => {
	// the CI token's refusals are expected
	if (m.type() === 'error' && !/status of 403/.test(m.text()))
		consoleErrors.push(m.text() + ' ' + m.location().url);
});
page.on('pageerror', e => consoleErrors.push('pageerror: ' + e.message));

async function open(path) {
	await page.goto(BASE + path);
	await renderedOn(page);
}

const shots = shooter(page, env.SHOTS, 'bulk-'), shot = shots.shot;

// A signature as the API has it.
const sig = async id => (await fetch(BASE + '/api/v1/signatures/' + id)).json();

async function signIn(tok) {
	await page.fill('#signin input[name=token]', tok);
	await page.click('#signin-button');
	await page.waitForFunction(() => !document.getElementById('signout').hidden);
}

const box = id => page.locator(`main input.bulk-pick[value="${id}"]`);
const count = () => page.locator('#bulk-count').textContent();

// Submit the bulk form with status (and note) and wait for the list
// drawn again, or for its refusal.
async function submit(status, note, refused) {
	await page.selectOption('#bulk-status select[name=status]', status);
	await page.fill('#bulk-status input[name=note]', note);
	if (refused) {
		await page.click('#bulk-status button[type=submit]');
		await page.waitForSelector('#bulk-status .refusal:not(:empty)');
		return page.locator('#bulk-status .refusal').textContent();
	}
	await Promise.all([
		page.waitForFunction(() => !document.querySelector('#bulk-status .refusal') &&
			document.querySelector('main input.bulk-pick:checked') === null),
		page.click('#bulk-status button[type=submit]')]);
	await renderedOn(page);
	return '';
}

await runChecks(browser, shots, async () => {
	await open('/signatures');
	check('without a token: no box, no form',
		await page.locator('main input.bulk-pick, #bulk-status').count() === 0);

	await signIn(env.TRIAGER);
	await open('/signatures');
	check('signed in: a box a signature of the page', await page.locator('main input.bulk-pick').count() === 3);
	check('... nothing ticked yet', await count() === '0');
	check('nothing ticked: refused in the page',
		(await submit('known', '', true)).includes('tick the signatures'));
	await page.check('#bulk-all');
	check('the page\'s box ticks every one', await count() === '3');
	await page.uncheck('#bulk-all');
	check('... and unticks them', await count() === '0');

	await box(env.SEEDID).check();
	await box(env.RECID).check();
	check('two ticked', await count() === '2' && !await page.isChecked('#bulk-all'));
	check('... the refusal of nothing ticked is gone',
		await page.locator('#bulk-status .refusal').textContent() === '');
	await shot('ticked-1280');
	const note = 'dup of <b>#1</b> & <i>known</i>';
	await submit('known', note);
	const [a, b, c] = await Promise.all([sig(env.SEEDID), sig(env.RECID), sig(env.IRQID)]);
	check('both ticked ones are known, with the note as written',
		a.status === 'known' && b.status === 'known' && a.note === note && b.note === note,
		[a.status, a.note, b.status, b.note]);
	check('the one not ticked is untouched', c.status === 'new' && !c.note, [c.status, c.note]);
	check('the list shows them known', (await page.locator('main tbody tr', {
		has: page.locator(`input.bulk-pick[value="${env.SEEDID}"]`) }).innerText())
		.includes('known'));
	check('a note of markup makes no element', await page.locator('main b, main i').count() === 0);

	await box(env.SEEDID).check();
	await box(env.IRQID).check();
	await submit('triaged', '');
	const [a2, c2] = await Promise.all([sig(env.SEEDID), sig(env.IRQID)]);
	check('an empty note keeps each one\'s own', a2.status === 'triaged' && a2.note === note &&
		c2.status === 'triaged' && !c2.note, [a2.status, a2.note, c2.status, c2.note]);

	await page.setViewportSize({ width: 390, height: 900 });
	await open('/signatures');
	const wide = await page.evaluate(() => document.documentElement.scrollWidth);
	check('390 px: the list with its boxes is not wider than the screen', wide <= 390, wide);
	await shot('list-390');
	await page.setViewportSize({ width: 1280, height: 900 });

	// a CI token may not triage: the server refuses each, the page says so
	await page.click('#signout');
	await signIn(env.CI);
	await open('/signatures');
	await box(env.RECID).check();
	const refusal = await submit('invalid', '', true);
	check('a CI token: each refusal named by its signature, nothing changed',
		refusal.includes('0 changed, 1 refused') && refusal.includes('#' + env.RECID + ':') &&
		(await sig(env.RECID)).status === 'known', refusal);
	await shot('refused-1280');
	check('no console error', consoleErrors.length === 0, consoleErrors);
});
