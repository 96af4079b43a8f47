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
// title).
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
const fix = await page.locator('#fix-expected').innerText().catch(() => '');
check('regression: the fix expected by mail, who named it and when',
	fix.startsWith(env.FIX + ', named by mail:' + env.GR + ' on 2026-01-01'), fix);
check('regression: "fix" does not say "none known" when one is expected',
	!(await mainText()).includes('none known'));
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

check('no console error on any page', consoleErrors.length === 0, consoleErrors);
});
