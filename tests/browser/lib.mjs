// SPDX-License-Identifier: GPL-2.0
// lib.mjs: what the browser tests share (tests/browser/*.mjs, run by
// tests/browser/lib.sh's run_browser): "PASS name" / "FAIL name: detail"
// lines the shell test counts, Debian's headless chromium driven by
// playwright-core, waiting for a page of the dashboard to be rendered, and
// full-page screenshots.
import { chromium } from 'playwright-core';

let failures = 0;

export function pass(name) {
	console.log('PASS ' + name);
}

export function fail(name, detail) {
	failures++;
	console.log('FAIL ' + name + ': ' + String(detail).replace(/\n/g, ' '));
}

export function check(name, cond, detail) {
	if (cond)
		pass(name);
	else
		fail(name, detail === undefined ? 'false' : JSON.stringify(detail));
}

export const failed = () => failures;

// The browser ($CHROMIUM) and one page of 1280x900.
export async function launch(executablePath) {
	const browser = await chromium.launch({
		executablePath,
		args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
	});
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	return { browser, page: await context.newPage() };
}

// Wait until the page for the current address is rendered.
export async function rendered(page) {
	await page.waitForFunction(() => document.body.dataset.rendered ===
		location.pathname + location.search, null, { timeout: 20000 });
}

// Screenshots of whole pages, named DIR/PREFIX+name.png; list() names
// every one taken, for the closing "screenshots: ..." line.
export function shooter(page, dir, prefix) {
	const files = [];
	return {
		shot: async name => {
			const file = dir + '/' + (prefix || '') + name + '.png';
			await page.screenshot({ path: file, fullPage: true });
			files.push(file);
		},
		list: () => files,
	};
}

// The text of el that is visible: the characters of its text nodes whose
// box lies within el's box (overflow: hidden cuts the rest).
export const visibleText = loc => loc.evaluate(e => {
	const box = e.getBoundingClientRect();
	let out = '';
	const w = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
	const r = document.createRange();
	while (w.nextNode()) {
		const t = w.currentNode;
		for (let i = 0; i < t.length; i++) {
			r.setStart(t, i);
			r.setEnd(t, i + 1);
			const b = r.getBoundingClientRect();
			if (b.width && b.left >= box.left - 0.5 && b.right <= box.right + 0.5)
				out += t.data[i];
		}
	}
	return out;
});

// Run the checks of body(); a throw fails "the browser run stopped" (with
// a screenshot named stopped); then close and print the screenshots.
export async function runChecks(browser, shots, body) {
	try {
		await body();
	} catch (e) {
		fail('the browser run stopped', e.message);
		await shots.shot('stopped').catch(() => {});
	}
	await browser.close();
	console.log('screenshots: ' + shots.list().join(' '));
	process.exit(failures ? 1 : 0);
}
