// SPDX-License-Identifier: GPL-2.0
// regress-reset.mjs: a regression's page after its clean-run count started
// over (tests/t4000-regress-6641.sh's reopen), in headless chromium: the
// runs counted before the reopen say so, and a note says the count was
// reset.  Environment: BASE, CHROMIUM, SHOTS, REG.
import { check, launch, rendered, runChecks, shooter } from './lib.mjs';

const env = process.env;
const { browser, page } = await launch(env.CHROMIUM);
const errors = [];
page.on('pageerror', e => errors.push(e.message));
const shots = shooter(page, env.SHOTS, 'regress-reset-');

await runChecks(browser, shots, async () => {
	await page.goto(env.BASE + '/regressions/' + env.REG);
	await rendered(page);
	const note = await page.locator('#runs-reset').innerText().catch(() => '');
	check('the page says the clean-run count started over at the reopen',
		/^The clean-run count started over at the reopen on .*: runs marked "before the reopen" no longer count\.$/.test(note), note);
	const rows = await page.locator('table').filter({ hasText: 'good-1' }).locator('tbody tr').allInnerTexts();
	const row = id => rows.find(r => r.startsWith(id + '\t')) || '';
	check('a clean run counted before the reopen is marked so',
		/\tyes, before the reopen\t.*\(1 of 3\)/.test(row('good-1')), row('good-1'));
	check('the run that reopened it is not',
		row('back-1') !== '' && !/before the reopen/.test(row('back-1')), row('back-1'));
	check('no page error', errors.length === 0, errors);
	await shots.shot('runs');
});
