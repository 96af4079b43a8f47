// SPDX-License-Identifier: GPL-2.0
// dashboard.mjs: the dashboard in Debian's headless chromium, driven by
// playwright-core, against the real `splatd serve` that
// tests/t5010-dashboard-browser.sh started and filled through the API.
// Prints "PASS name" or "FAIL name: detail" per check (the shell test
// counts them) and writes a screenshot of every page to $SHOTS.
//
// Environment: BASE, CHROMIUM, SHOTS, TRIAGER and CI (tokens), SEED_ID,
// SEED_HASH, SEED_COUNT, XSS_ID, REG_ID, XSS_REG_ID, RUN_ID, SUBSYSTEM,
// MERGE_ID (a signature the test merges into the seed's).
import { check, launch, rendered as renderedOn, runChecks, shooter }
	from './lib.mjs';

const env = process.env;
const BASE = env.BASE;

async function api(path, tok) {
	const r = await fetch(BASE + '/api/v1' + path, {
		headers: tok ? { Authorization: 'Bearer ' + tok } : {}
	});
	return r.json();
}

const { browser, page } = await launch(env.CHROMIUM);
const consoleErrors = [];
// the expected failures: the refused change of the CI token, the wrong
// token's whoami, a section that is none, the API while "down", the
// pages that are none (404)
let apiDown = false;
page.on('console', m => {
	const url = m.location().url;
	if (m.type() === 'error' && !(/status of 403/.test(m.text()) &&
	    /\/api\/v1\/signatures\/\d+$/.test(url)) &&
	    !(/status of 401/.test(m.text()) && /\/api\/v1\/whoami$/.test(url)) &&
	    !(/status of 404/.test(m.text()) && /\/api\/v1\/subsystems\/.*\/signatures$/.test(url)) &&
	    !(apiDown && /\/api\/v1\//.test(url)) &&
	    !(/status of 404/.test(m.text()) && /\/(signature\/1|signatures\/1\/extra)$/.test(url)))
		consoleErrors.push(m.text() + ' ' + url);
});
page.on('pageerror', e => consoleErrors.push('pageerror: ' + e.message));
let dialogs = 0;
page.on('dialog', d => {
	dialogs++;
	d.dismiss();
});

// Wait until the page for the current address is rendered.
const rendered = () => renderedOn(page);

async function open(path) {
	const resp = await page.goto(BASE + path);
	await rendered();
	return resp;
}

const h1 = () => page.locator('main h1').first().textContent();
const failedText = () => page.locator('main p.failed').count();

// No element or handler came from data: nothing but the page's own
// elements, no on* attribute, no javascript: link, no alert.
async function noInjection(name) {
	const r = await page.evaluate(() => {
		const bad = [];
		for (const e of document.querySelectorAll('*')) {
			for (const a of e.getAttributeNames())
				if (/^on/i.test(a))
					bad.push(e.tagName + '[' + a + ']');
			if (/^(img|iframe|object|embed|b|i)$/i.test(e.tagName))
				bad.push(e.tagName);
			if (e.tagName.toLowerCase() === 'svg' &&
			    !e.classList.contains('graph') && !e.classList.contains('bars'))
				bad.push('svg');
		}
		for (const a of document.querySelectorAll('a[href]'))
			if (!/^(https?:|\/|#main$)/i.test(a.getAttribute('href')))
				bad.push('link ' + a.getAttribute('href'));
		if (document.scripts.length !== 1)
			bad.push(document.scripts.length + ' scripts');
		return bad;
	});
	check(name + ': no element, handler or javascript: link from data',
		r.length === 0 && dialogs === 0, { bad: r, dialogs });
}

const shots = shooter(page, env.SHOTS), shot = shots.shot;

await runChecks(browser, shots, async () => {
// ---- every page renders, survives a reload ---------------------------------
const pages = [
	['overview', '/', 'Overview'],
	['signatures', '/signatures', 'Signatures'],
	['signature', '/signatures/' + env.SEED_ID, 'possible deadlock in coretemp_cpu_online'],
	['signature-by-hash', '/signatures/' + env.SEED_HASH, 'possible deadlock in coretemp_cpu_online'],
	['regressions', '/regressions', 'Regressions'],
	['regression', '/regressions/' + env.REG_ID, 'Regression #' + env.REG_ID + ': coretemp hwmon vs cpu hotplug'],
	['subsystems', '/subsystems', 'Subsystems'],
	['subsystem', '/subsystems/' + encodeURIComponent(env.SUBSYSTEM), env.SUBSYSTEM],
	['runs', '/runs', 'Runs'],
	['run', '/runs/' + env.RUN_ID, 'Run ' + env.RUN_ID],
];
for (const [name, path, title] of pages) {
	const resp = await open(path);
	const csp = resp.headers()['content-security-policy'] || '';
	check(name + ' page: 200 with a strict CSP and nosniff', resp.status() === 200 &&
		/script-src 'self'/.test(csp) && !/unsafe-inline/.test(csp) &&
		/frame-ancestors 'none'/.test(csp) &&
		resp.headers()['x-content-type-options'] === 'nosniff',
	{ status: resp.status(), csp });
	check(name + ' page: renders "' + title + '"', await h1() === title &&
		await failedText() === 0, await h1());
	await shot(name);
	await page.reload();
	await rendered();
	check(name + ' page: the same after a reload', await h1() === title, await h1());
}

// metadata a run did not send reads "(not given)", not a bare "?"
await open('/signatures/' + env.SEED_ID);
{
	const cards = await page.locator('main .cards').innerText();
	check('signature: a test the runs did not name is "(not given)", no bare "?"',
		cards.includes('(not given)') && !/^\?\t/m.test(cards), cards.slice(0, 300));
}

// real data on the lists
await open('/');
check('overview: the seed is among the top signatures of the week',
	await page.locator('main a[href="/signatures/' + env.SEED_ID + '"]').count() > 0);
check('overview: the latest runs are listed',
	await page.locator('main a[href="/runs/xss-run"]').count() === 1);
await open('/signatures');
check('signatures: the seed is listed with its count',
	(await page.locator('main tr', { hasText: 'possible deadlock in coretemp_cpu_online' })
		.locator('td.num').first().textContent()) === env.SEED_COUNT);
await open('/signatures?kind=recursive');
check('signatures: a kind filter in the URL filters',
	await page.locator('main tbody tr').count() > 0 &&
	(await page.locator('main tbody tr td:nth-child(2)').allTextContents())
		.every(k => k === 'recursive') &&
	await page.locator('main select[name=kind]').inputValue() === 'recursive');
const rowIds = async () => (await page.locator('main tbody tr td:first-child a')
	.evaluateAll(as => as.map(a => a.getAttribute('href'))));
await open('/signatures?tree=linux-next');
check('signatures: a tree filter in the URL filters (only the seed ran on linux-next)',
	JSON.stringify(await rowIds()) === JSON.stringify(['/signatures/' + env.SEED_ID]) &&
	await page.locator('main input[name=tree]').inputValue() === 'linux-next', await rowIds());
await open('/signatures?machine=ci-0');
check('signatures: a machine filter in the URL filters',
	(await rowIds()).length > 0 && !(await rowIds()).includes('/signatures/' + env.SEED_ID) &&
	await page.locator('main input[name=machine]').inputValue() === 'ci-0', await rowIds());
const coretemp = encodeURIComponent('CORETEMP HARDWARE MONITORING DRIVER');
await open('/signatures?subsystem=' + coretemp + '&tree=linux-next');
check('signatures: subsystem and tree combined',
	JSON.stringify(await rowIds()) === JSON.stringify(['/signatures/' + env.SEED_ID]), await rowIds());
await open('/signatures?subsystem=' + coretemp + '&kind=recursive');
check('signatures: subsystem and kind combined (none)',
	await page.locator('main tbody tr').count() === 0 && await failedText() === 0);
await open('/subsystems');
const coretempRow = page.locator('main tr', { hasText: 'CORETEMP HARDWARE MONITORING DRIVER' });
check('subsystems: a trend per section, two lines of 12 weeks',
	await coretempRow.locator('svg.spark').count() === 2 &&
	(await coretempRow.locator('svg.spark polyline').first().getAttribute('points'))
		.split(' ').length === 12);
check('subsystems: this week\'s numbers: the seed, its 3 occurrences',
	JSON.stringify(await coretempRow.locator('.trend .num').allTextContents()) === '["1","3"]',
	await coretempRow.locator('.trend .num').allTextContents());
await open('/subsystems/' + coretemp);
check('subsystem: weekly bars of signatures and occurrences',
	await page.locator('main svg.bars').count() === 2 &&
	await page.locator('main svg.bars').nth(1).locator('rect[data-count="3"]').count() === 1);
check('subsystem: links the list filtered by it',
	await page.locator('main a[href="/signatures?subsystem=' + coretemp + '"]').count() === 1);
{
	const slash = '/subsystems/' + encodeURIComponent('HARDWARE MONITORING (HWMON/CORE)');
	const resp = await open(slash);
	check('subsystem with "/" in its name: its page lists the seed',
		resp.status() === 200 && await h1() === 'HARDWARE MONITORING (HWMON/CORE)' &&
		await page.locator('main a[href="/signatures/' + env.SEED_ID + '"]').count() > 0,
		{ status: resp.status(), h1: await h1() });
	await page.reload();
	await rendered();
	check('subsystem with "/": the same after a reload',
		await h1() === 'HARDWARE MONITORING (HWMON/CORE)' &&
		await page.locator('main a[href="/signatures/' + env.SEED_ID + '"]').count() > 0);
	await open('/subsystems');
	await page.click('main a:text-is("HARDWARE MONITORING (HWMON/CORE)")');
	await rendered();
	check('subsystem with "/": reached by a click too',
		await page.locator('main a[href="/signatures/' + env.SEED_ID + '"]').count() > 0);
	await open('/subsystems/NOPE');
	check('subsystem that is none: "No such section", not an empty section',
		/No such section/.test(await page.locator('#no-such-section').textContent().catch(() => '')) &&
		await page.locator('main h2:text("Open signatures")').count() === 0);
	for (const p of ['/signature/1', '/signatures/1/extra']) {
		const r = await open(p);
		check('unknown page ' + p + ': the dashboard says "No such page" (404)',
			r.status() === 404 && await h1() === 'No such page', { status: r.status() });
	}
}
// ---- the irq kinds: each class's context and the interrupt closing it -----
const byKind = async kind => (await api('/signatures?kind=' + kind)).signatures[0];
for (const [kind, cls, classes] of [
	['irq_inversion', 'SOFTIRQ', ['&q->lock', '&dev->wed_lock']],
	['hardirq_safe_unsafe', 'HARDIRQ', ['&xhci->lock', 'pin_fs_lock']]]) {
	const sg = await byKind(kind);
	if (!sg) {
		check('graph ' + kind + ': a signature of the kind', false);
		continue;
	}
	await open('/signatures/' + sg.id);
	const texts = await page.locator('svg.graph .node text').allTextContents();
	check('graph ' + kind + ': its two classes, one dependency between them',
		JSON.stringify(texts) === JSON.stringify(classes) &&
		await page.locator('svg.graph .edge').count() === 1 &&
		await page.locator('svg.graph .edge').getAttribute('data-from') === classes[0], texts);
	check('graph ' + kind + ': the ' + cls + '-safe and -unsafe contexts named',
		await page.locator('svg.graph .irq[data-irq="' + cls + '"] rect.ctx.safe').count() === 1 &&
		await page.locator('svg.graph .irq rect.ctx.unsafe').count() === 1 &&
		(await page.locator('svg.graph .irq text.ctx-label').allTextContents()).join('|') ===
			cls + '-safe|also taken in ' + cls.toLowerCase() + ' context|' +
			cls + '-unsafe|taken with ' + cls.toLowerCase() + 's enabled');
	check('graph ' + kind + ': the interrupt closes the cycle, dashed, not a button',
		await page.locator('svg.graph .irq path.irq-line').count() === 1 &&
		(await page.locator('svg.graph .irq text.irq-label').textContent())
			.includes(cls + ' interrupt') &&
		await page.locator('svg.graph .irq [role=button]').count() === 0);
	await page.locator('svg.graph').screenshot({ path: env.SHOTS + '/graph-' + kind + '.png' });
}
{
	const sg = await byKind('inconsistent_lock_state');
	const rep = sg && await api('/signatures/' + sg.id + '/report');
	await open('/signatures/' + (sg ? sg.id : 0));
	const labels = await page.locator('svg.graph .irq text').allTextContents();
	check('graph inconsistent_lock_state: one class, its two states and the interrupt',
		!!rep && await page.locator('svg.graph .node').count() === 1 &&
		labels.includes('before: {SOFTIRQ-ON-W} taken with softirqs enabled') &&
		labels.includes('now: {IN-SOFTIRQ-W} taken in softirq context') &&
		rep.report.irq.from === 'SOFTIRQ-ON-W' && rep.report.irq.to === 'IN-SOFTIRQ-W' &&
		labels.some(t => /interrupt on the CPU holding it/.test(t)) &&
		await page.locator('svg.graph .irq path.irq-line').count() === 1, labels);
	await page.locator('svg.graph').screenshot({ path: env.SHOTS + '/graph-inconsistent_lock_state.png' });
}
await open('/signatures/' + env.SEED_ID);
check('graph: a circular cycle has no irq context drawn',
	await page.locator('svg.graph .irq').count() === 0);
const syz = page.locator('main .syz-title');
check('signature: syzkaller\'s title is shown, as text',
	await syz.count() === 1 && await syz.textContent() === env.SEED_SYZ_TITLE &&
	await syz.locator('*').count() === 0, await syz.count() && await syz.textContent());

await open('/runs/' + env.RUN_ID);
check('run: its report links to the seed signature',
	await page.locator('main a[href="/signatures/' + env.SEED_ID + '"]').count() === 1);

// ---- back and forward ------------------------------------------------------
await open('/');
await page.click('header a[href="/signatures"]');
await rendered();
await page.click('main a[href="/signatures/' + env.SEED_ID + '"]');
await rendered();
check('navigation: a click opens the signature page',
	new URL(page.url()).pathname === '/signatures/' + env.SEED_ID);
await page.goBack();
await rendered();
check('navigation: back shows the list again',
	new URL(page.url()).pathname === '/signatures' && await h1() === 'Signatures');
await page.goForward();
await rendered();
check('navigation: forward shows the signature again',
	await h1() === 'possible deadlock in coretemp_cpu_online');

// ---- the #6641 graph -------------------------------------------------------
await open('/signatures/' + env.SEED_ID);
const nodes = await page.locator('svg.graph .node text').allTextContents();
check('graph: exactly the three classes as text',
	JSON.stringify([...nodes].sort()) === JSON.stringify(['&(&priv->bus_notifier)->rwsem',
		'cpu_hotplug_lock', 'cpuhp_state-up'].sort()), nodes);
check('graph: three arrows', await page.locator('svg.graph .edge').count() === 3);
const culprit = page.locator('svg.graph .edge.culprit');
check('graph: one culprit arrow, coretemp_cpu_online\'s',
	await culprit.count() === 1 &&
	await culprit.getAttribute('data-function') === 'coretemp_cpu_online');
check('graph: the culprit arrow goes cpuhp_state-up -> the bus notifier rwsem',
	await culprit.getAttribute('data-from') === 'cpuhp_state-up' &&
	await culprit.getAttribute('data-to') === '&(&priv->bus_notifier)->rwsem');
await culprit.locator('text').click();
check('graph: selecting the culprit arrow shows its stack',
	/coretemp_cpu_online\+0xe1\/0x15e \[coretemp\]/.test(
		await page.locator('pre.edge-stack').textContent()));
const other = page.locator('svg.graph .edge[data-function="iova_domain_init_rcaches"]');
await other.focus();
await page.keyboard.press('Enter');
check('graph: an arrow selected by keyboard shows its stack',
	await other.getAttribute('aria-pressed') === 'true' &&
	/iommu_setup_dma_ops/.test(await page.locator('pre.edge-stack').textContent()));
check('signature page: the held locks',
	JSON.stringify(await page.locator('main ol li.class').allTextContents()) ===
	JSON.stringify(['cpu_hotplug_lock', 'cpuhp_state-up']));
const bars = await page.locator('svg.bars rect').evaluateAll(
	rs => rs.reduce((n, r) => n + Number(r.getAttribute('data-count')), 0));
check('histogram: as many occurrences as the signature has',
	String(bars) === env.SEED_COUNT &&
	(await page.locator('#histogram-total').textContent()).startsWith(env.SEED_COUNT + ' '),
	{ bars, count: env.SEED_COUNT });
check('signature page: the latest occurrences with their report text',
	await page.locator('details.occurrence').count() > 0 &&
	/coretemp_cpu_online/.test(await page.locator('details.occurrence pre').first().textContent()));
check('signature page: the regression panel links the regression',
	await page.locator('main a[href="/regressions/' + env.REG_ID + '"]').count() === 1);
// ---- graphs of real reports: #N instance suffixes, recursion, long names --
// Where the graph's parts are: parts drawn outside the SVG, arrow labels
// overprinting each other, the scale it is shown at, and the widest empty
// margin between the parts and the SVG's edge (in CSS pixels).
async function graphGeometry() {
	return page.evaluate(() => {
		const s = document.querySelector('svg.graph');
		const sb = s.getBoundingClientRect();
		const parts = [...s.querySelectorAll('.node rect, .node text, .edge path.line, ' +
			'.edge text, .irq rect, .irq text, .irq path')].map(e => e.getBoundingClientRect());
		const outside = parts.filter(b => b.left < sb.left - 1 || b.top < sb.top - 1 ||
			b.right > sb.right + 1 || b.bottom > sb.bottom + 1).length;
		const labels = [...s.querySelectorAll('.edge text')].map(e => e.getBoundingClientRect());
		let overlaps = 0;
		for (let i = 0; i < labels.length; i++)
			for (let j = i + 1; j < labels.length; j++) {
				const a = labels[i], b = labels[j];
				if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
					overlaps++;
			}
		const margin = Math.max(Math.min(...parts.map(b => b.left)) - sb.left,
			sb.right - Math.max(...parts.map(b => b.right)),
			Math.min(...parts.map(b => b.top)) - sb.top,
			sb.bottom - Math.max(...parts.map(b => b.bottom)));
		return { outside, overlaps, margin: Math.round(margin), width: Math.round(sb.width),
			scale: Number((sb.width / s.viewBox.baseVal.width).toFixed(2)) };
	});
}
const nodeTexts = () => page.locator('svg.graph .node text').allTextContents();
const findSig = async q => (await api('/signatures?q=' + encodeURIComponent(q))).signatures[0];
{
	// corpus 003: the chain prints kn->count#103, the edges kn->count
	const sg = await findSig('kernfs_fop_write');
	await open('/signatures/' + (sg ? sg.id : 0));
	const texts = await nodeTexts(), geo = await graphGeometry();
	check('graph #N: one node per class, the name as printed',
		JSON.stringify([...texts].sort()) === JSON.stringify(['kn->count#103', 'slab_mutex']) &&
		await page.locator('svg.graph .edge').count() === 2, texts);
	check('graph #N: the two arrows of the cycle and their labels apart, all inside the SVG',
		geo.overlaps === 0 && geo.outside === 0, geo);
	await page.locator('svg.graph').screenshot({ path: env.SHOTS + '/graph-instance-suffix.png' });
}
{
	// corpus 012: recursive &sb->s_type->i_mutex_key#11
	const sg = await findSig('btrfs_sync_file');
	await open('/signatures/' + (sg ? sg.id : 0));
	const texts = await nodeTexts(), geo = await graphGeometry();
	check('graph recursive: one node with its loop',
		JSON.stringify(texts) === JSON.stringify(['&sb->s_type->i_mutex_key#11']) &&
		await page.locator('svg.graph .edge').count() === 1, texts);
	check('graph recursive: the loop and its label inside the SVG', geo.outside === 0, geo);
	await page.locator('svg.graph').screenshot({ path: env.SHOTS + '/graph-recursive.png' });
}
{
	const sg = await findSig('very_long_driver_private');
	await open('/signatures/' + (sg ? sg.id : 0));
	const texts = await nodeTexts(), geo = await graphGeometry();
	check('graph long names: two nodes, each name whole as text',
		JSON.stringify([...texts].sort()) === JSON.stringify([
			'&another_rather_long_lock_class_name_for_the_second_node->mutex',
			'&very_long_driver_private_structure_name->nested_member.subsystem_specific_lock_class<A&B>"q"#42']),
		texts);
	check('graph long names: readable at 1280 px (not scaled below 3/4), nothing overprinted or cut',
		geo.scale >= 0.75 && geo.overlaps === 0 && geo.outside === 0, geo);
	await noInjection('long class names signature page');
	await page.locator('svg.graph').screenshot({ path: env.SHOTS + '/graph-long-names.png' });
}
await open('/signatures/' + env.SEED_ID);
{
	const geo = await graphGeometry();
	check('graph: the #6641 cycle fits 1280 px at full size, no wide empty margin',
		geo.scale === 1 && geo.margin <= 30 && geo.outside === 0 && geo.overlaps === 0, geo);
}
await page.setViewportSize({ width: 360, height: 800 });
await page.reload();
await rendered();
await shot('signature-360px');
{
	const geo = await graphGeometry();
	check('graph at 360 px: readable (3/4 scale or more), no wide empty margin',
		geo.scale >= 0.75 && geo.margin <= 30 && geo.outside === 0, geo);
	await page.locator('svg.graph').screenshot({ path: env.SHOTS + '/graph-360px.png' });
}
const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
check('signature page: readable 360 px wide (no page-wide horizontal scroll)',
	overflow <= 370, overflow);
await page.setViewportSize({ width: 1280, height: 900 });

// ---- triage --------------------------------------------------------------------
await page.fill('#signin input[name=token]', env.CI);
await page.click('#signin-button');
await page.waitForFunction(() => document.getElementById('who').textContent !== '');
check('sign in: the CI token shows its name and role',
	await page.locator('#who').textContent() === 'ci1 (ci)');
check('sign in: the token is in sessionStorage only, not in the URL or a cookie',
	await page.evaluate(t => sessionStorage.getItem('splatd.token') === t &&
		!location.href.includes(t) && document.cookie === '', env.CI));
await rendered();
await page.selectOption('#set-status select[name=status]', 'known');
await page.click('#set-status button[type=submit]');
await page.waitForSelector('#set-status .refusal:not(:empty)');
check('triage: a CI token sees the refusal in the page',
	/403/.test(await page.locator('#set-status .refusal').textContent()),
	await page.locator('#set-status .refusal').textContent());
check('triage: the refused change did not happen',
	(await api('/signatures/' + env.SEED_ID)).status === 'new');
await page.click('#signout');
await page.fill('#signin input[name=token]', env.TRIAGER);
await page.click('#signin-button');
await page.waitForFunction(() => document.getElementById('who').textContent.includes('triager'));
await rendered();
await page.selectOption('#set-status select[name=status]', 'triaged');
await page.fill('#set-status input[name=note]', 'hwmon <img src=x onerror=alert(5)> "fix" & more');
await page.click('#set-status button[type=submit]');
await page.waitForFunction(() => document.querySelector('main .status-triaged'));
await rendered();
const after = await api('/signatures/' + env.SEED_ID);
check('triage: a triager changes the status, and the API agrees',
	after.status === 'triaged' && after.note === 'hwmon <img src=x onerror=alert(5)> "fix" & more',
	after.status);
check('triage: the note is shown as text',
	(await page.locator('main dl.facts').textContent()).includes('hwmon <img src=x onerror=alert(5)> "fix" & more'));
await noInjection('signature page with a markup note');
check('history: the triager\'s change is the newest line, its note as text',
	JSON.stringify(await page.locator('#history tbody tr').first().locator('td')
		.evaluateAll(tds => tds.slice(1).map(td => td.textContent))) ===
	JSON.stringify(['tri1', 'status', 'triaged', 'hwmon <img src=x onerror=alert(5)> "fix" & more']),
	await page.locator('#history tbody tr').first().textContent());
await shot('signature-triager');
await open('/regressions/' + env.REG_ID);
await page.fill('#edit-regression input[name=title]', 'coretemp hwmon vs cpu hotplug (edited)');
await page.click('#edit-regression button[type=submit]');
await page.waitForFunction(() => /edited/.test(document.querySelector('main h1').textContent));
check('triage: a triager edits a regression, and the API agrees',
	(await api('/regressions/' + env.REG_ID)).title === 'coretemp hwmon vs cpu hotplug (edited)');
await page.fill('#edit-regression input[name=title]', 'coretemp hwmon vs cpu hotplug');
await page.click('#edit-regression button[type=submit]');
await page.waitForFunction(() => !/edited/.test(document.querySelector('main h1').textContent));

// merge from the page: hidden from the list, listed on its target
await open('/signatures/' + env.MERGE_ID);
await page.fill('#merge input[name=into]', env.SEED_ID);
await page.click('#merge button[type=submit]');
await page.waitForSelector('main dl.facts a[href="/signatures/' + env.SEED_ID + '"]');
check('merge: the API agrees', (await api('/signatures/' + env.MERGE_ID)).duplicate_of ===
	Number(env.SEED_ID));
await open('/signatures/' + env.SEED_ID);
check('merge: the target lists the duplicate merged into it',
	await page.locator('ul.duplicates a[href="/signatures/' + env.MERGE_ID + '"]').count() === 1);
await open('/signatures');
check('merge: a duplicate is hidden from the list',
	await page.locator('main tbody a[href="/signatures/' + env.MERGE_ID + '"]').count() === 0);
await open('/signatures?duplicates=1');
check('merge: shown, marked, when asked for',
	await page.locator('main tbody tr', { has: page.locator('a[href="/signatures/' + env.MERGE_ID + '"]') })
		.locator('.tag.dup').textContent() === 'duplicate of #' + env.SEED_ID);
await page.click('#signout');
await page.waitForFunction(() => document.getElementById('who').textContent === '');

// ---- a wrong token, splatd down, texts -------------------------------------
// Click sel and wait for the page it renders (render() ran again).
async function clickRendered(sel) {
	await page.evaluate(() => { document.body.dataset.rendered = ''; });
	await page.click(sel);
	await rendered();
}
await open('/signatures');
await page.fill('#signin input[name=token]', 'not-a-token');
await clickRendered('#signin-button');
check('sign in: a wrong token says so, and the message stays',
	await page.locator('#error').isVisible() &&
	/sign-in failed: this token is unknown or revoked/.test(await page.locator('#error').textContent()) &&
	await page.locator('#who').textContent() === '',
	await page.locator('#error').textContent());
await clickRendered('header a[href="/runs"]');
check('sign in: the message stays on the next page until the next sign-in',
	await page.locator('#error').isVisible());
apiDown = true;
await page.route('**/api/v1/**', route => route.abort());
await clickRendered('header a[href="/regressions"]');
const downText = await page.locator('main p.failed').textContent().catch(() => '');
check('splatd down: the page says splatd is unreachable and offers a retry',
	/splatd is unreachable/.test(downText) && !/Failed to fetch/.test(downText) &&
	await page.locator('main p.failed button.retry').count() === 1, downText);
await page.unroute('**/api/v1/**');
if (await page.locator('main button.retry').count())
	await clickRendered('main button.retry');
else
	await open('/regressions');
apiDown = false;
check('splatd down: retry renders the page once splatd answers',
	await h1() === 'Regressions' && await failedText() === 0);
{
	const runs = (await api('/runs?limit=500')).runs;
	const r = runs.find(x => x.lockdep_off && x.lockdep_off.after_reports === 0 &&
		/^[a-z_]+$/.test(x.lockdep_off.reason) && x.lockdep_off.reason !== 'debug_locks_off');
	await open('/runs/' + encodeURIComponent(r ? r.id : 'none'));
	const facts = await page.locator('main dl.facts').textContent().catch(() => '');
	check('run: lockdep turned off by the first report says so (not "after 0 reports")',
		!!r && facts.includes('turned off by its first report (' + r.lockdep_off.reason + ')') &&
		!/after 0/.test(facts), facts);
	await open('/runs');
	check('runs: no "after 0" in the lockdep column',
		!(await page.locator('main table').textContent()).includes('after 0'));
	// a run whose log neither turned lockdep off nor printed its banner,
	// and has no report (a report is lockdep's: a sign, t5014)
	const bare = runs.find(x => !x.lockdep_off && !x.lockdep_on && !x.lockdep_said_off &&
		x.reports === 0);
	await open('/runs/' + encodeURIComponent(bare ? bare.id : 'none'));
	const bareFacts = await page.locator('main dl.facts').textContent().catch(() => '');
	check('run: nothing said lockdep was on, and the page does not say "on"',
		!!bare && bareFacts.includes('no sign it was on') && !/on to the end/.test(bareFacts),
		bareFacts);
}
{
	// owners of a kind without edges: their frames are on edge -1 (the
	// seed's answer made so, the report's own kinds are not in the tree)
	const url = BASE + '/api/v1/signatures/' + env.SEED_ID;
	await page.route(url, async route => {
		const resp = await route.fetch();
		const body = await resp.json();
		for (const o of body.owners || [])
			for (const f of o.frames || [])
				f.edge = -1;
		await route.fulfill({ response: resp, json: body });
	});
	await open('/signatures/' + env.SEED_ID);
	await page.unroute(url);
	const owners = await page.locator('main h2:text("Owners") + *').textContent();
	check('owners of a kind without edges: no "on edge -1"',
		/coretemp_cpu_online/.test(owners) && !/edge -1/.test(owners), owners.slice(0, 200));
}
await open('/regressions/' + env.REG_ID);
{
	// the timeline of one day is drawn over 30 days: its first and last
	// day's labels, apart
	const labels = await page.locator('main h2:text("Occurrence timeline") ~ svg.bars').first()
		.locator('text.first, text.last').evaluateAll(ts => ts.map(t => {
			const b = t.getBBox();
			return { x: b.x, width: b.width };
		}));
	check('regression timeline of one day: its date labels do not overprint',
		labels.length >= 1 && (labels.length === 1 ||
			labels[0].x + labels[0].width < labels[1].x), labels);
}
await open('/signatures');
check('signatures: "last seen since" is a date field',
	await page.locator('main input[name=since]').getAttribute('type') === 'date');
{
	const cur = (await api('/signatures?limit=2')).next;
	await open('/signatures?cursor=' + encodeURIComponent(cur));
	check('signatures: a later page links back to the first',
		await page.locator('main a[rel=first]').count() === 1 &&
		await page.locator('main a[rel=first]').getAttribute('href') === '/signatures');
}
// ---- layout: 1280 px fits, narrow screens show every column ----------------
{
	await open('/signatures');
	const lay = await page.evaluate(() => {
		const t = document.querySelector('main table');
		const rows = [...t.querySelectorAll('tbody tr')].map(r => r.getBoundingClientRect().height);
		return { table: t.parentElement.scrollWidth,
			box: t.parentElement.clientWidth, rowMax: Math.round(Math.max(...rows)) };
	});
	check('signatures at 1280 px: the list fits (no column off-screen)', lay.table <= lay.box, lay);
	check('signatures at 1280 px: rows are compact (60 px at most)', lay.rowMax <= 60, lay);
	await shot('signatures-1280px');
	await open('/signatures/' + env.SEED_ID);
	const own = await page.evaluate(() => {
		const h = [...document.querySelectorAll('main h2')].find(x => x.textContent === 'Owners');
		const t = h && h.nextElementSibling.querySelector('table');
		return t ? { table: t.parentElement.scrollWidth, box: t.parentElement.clientWidth } :
			{ table: 'none' };
	});
	check('signature at 1280 px: the owners table fits, lists column included', own.table <= own.box, own);
	await page.setViewportSize({ width: 375, height: 800 });
	await open('/signatures');
	const narrow = await page.evaluate(() => {
		const cell = document.querySelector('main tbody tr td[data-label="last kernel"]');
		const b = cell.getBoundingClientRect();
		return { right: Math.round(b.right), width: Math.round(b.width),
			page: document.documentElement.scrollWidth };
	});
	check('signatures at 375 px: every column of a row on screen', narrow.right <= 375 &&
		narrow.width > 0 && narrow.page <= 375, narrow);
	await shot('signatures-375px');
	await page.setViewportSize({ width: 1280, height: 900 });
}

// ---- XSS probes ----------------------------------------------------------------
await open('/signatures/' + env.XSS_ID);
const xnodes = await page.locator('svg.graph .node text').allTextContents();
check('xss: markup class names are drawn as their exact text',
	xnodes.includes('<svg/onload=alert(1)>') &&
	xnodes.includes('&"a\'<img src=x onerror=alert(2)>'), xnodes);
check('xss: the function names label the arrows as text',
	(await page.locator('svg.graph .edge text').allTextContents()).some(t => t.startsWith('javascript')));
await noInjection('xss signature page');
check('mute: shown with its end',
	/^until 2100-01-0[12] .* \(no mail about it\)$/.test(await page.locator('#muted').textContent()),
	await page.locator('#muted').textContent());
check('history: a mail\'s event, its Message-ID and markup as text',
	JSON.stringify(await page.locator('#history tbody tr').first().locator('td')
		.evaluateAll(tds => tds.slice(1).map(td => td.textContent))) ===
	JSON.stringify(['mail:<b>x</b>@example.org', 'mute', '30d',
		'<m1@example.org> & <img src=x onerror=alert(8)>']),
	await page.locator('#history tbody tr').first().textContent());
await shot('signature-xss');
await page.locator('details.occurrence summary').first().click();
await noInjection('xss signature page, report text open');
await open('/regressions/' + env.XSS_REG_ID);
check('xss: a markup regression title is text',
	(await h1()).includes('<script>alert(6)</script>'));
check('xss: a regression link is an http(s) link',
	await page.locator('main a[href^="https://example.org/"]').count() === 1);
await noInjection('xss regression page');
await open('/signatures?q=onload');
await noInjection('xss signature list');
await open('/regressions');
await noInjection('xss regression list');
await open('/');
await noInjection('overview');

check('no console error and no CSP violation on any page', consoleErrors.length === 0,
	consoleErrors);
});
