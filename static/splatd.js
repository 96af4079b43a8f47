// SPDX-License-Identifier: GPL-2.0
// splatd.js: the dashboard, rendered in the browser over the REST API; the
// address names the page (/signatures/42...), history.pushState moves
// between pages.  The escaping rule (docs/dashboard.md): every value from
// the API becomes a text node (el(), svg(), textContent), never markup; a
// URL becomes a link only when it is http(s) (safeHref()).  The token one
// signs in with stays in this tab's sessionStorage and goes out as
// Authorization: Bearer.
'use strict';

const API = '/api/v1';
const TOKEN_KEY = 'splatd.token';
const SVGNS = 'http://www.w3.org/2000/svg';
const KINDS = ['circular', 'recursive', 'inconsistent_lock_state',
	'irq_inversion', 'hardirq_safe_unsafe', 'softirq_safe_unsafe',
	'bad_unlock_balance', 'held_lock_freed', 'lock_held_user_return',
	'rcu_suspicious', 'invalid_wait_context', 'nested_lock_not_taken',
	'still_has_locks_held', 'hung_task_all_locks'];
const STATUSES = ['new', 'triaged', 'known', 'invalid'];
const REG_STATUSES = ['open', 'workaround', 'fix_known', 'fixed', 'reopened',
	'resolved', 'duplicate'];
let me = { name: null, role: null };
let renderSeq = 0;
// why the last sign-in failed: shown above every page until the next
let signinError = '';

// ---- building nodes: text only -------------------------------------------

// Set attributes from a plain object; event handler attributes are refused
// (handlers are added with addEventListener by this file only).
function attrs(e, a) {
	for (const [k, v] of Object.entries(a || {})) {
		if (v === undefined || v === null || v === false)
			continue;
		if (/^on/i.test(k))
			throw new Error('no handler attributes');
		e.setAttribute(k, v === true ? '' : String(v));
	}
	return e;
}

function append(e, kids) {
	for (const k of kids.flat(Infinity)) {
		if (k === undefined || k === null || k === false)
			continue;
		e.append(k instanceof Node ? k : document.createTextNode(String(k)));
	}
	return e;
}

// el('td', {class: 'num'}, 'text', node...): an element whose children are
// nodes or text nodes.
function el(tag, a, ...kids) {
	if (a instanceof Node || typeof a !== 'object' || a === null ||
	    Array.isArray(a)) {
		kids.unshift(a);
		a = {};
	}
	return append(attrs(document.createElement(tag), a), kids);
}

function svg(tag, a, ...kids) {
	return append(attrs(document.createElementNS(SVGNS, tag), a), kids);
}

// The URL when it is an absolute http(s) URL, else null: javascript:,
// data: and the rest never become links.
function safeHref(url) {
	try {
		const u = new URL(String(url));
		return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
	} catch (e) {
		return null;
	}
}

// An outside link, or the URL as text when it is not http(s).
function extLink(url, text) {
	const href = safeHref(url);
	if (!href)
		return el('span', { class: 'mono' }, String(url));
	return el('a', { href, rel: 'noopener noreferrer' }, text || href);
}

// A link to a page of this dashboard; parts are encoded path segments.
function page(text, ...parts) {
	const path = '/' + parts.map(p => encodeURIComponent(String(p))).join('/');
	return el('a', { href: path }, text);
}

function sigLink(id, text) {
	return page(text || '#' + id, 'signatures', id);
}

// A signature named where titles are listed: its title (a link) and the
// first 8 digits of its hash, which tell apart signatures of one title;
// classes, when given, are the lock classes only it has among them
// ({name, shown}: shown is where it differs from its nearest, see
// distinctClasses()).
function sigName(id, title, hash, classes) {
	return el('span', { class: 'sig-name' }, sigLink(id, title),
		hash ? [' ', el('span', { class: 'hash mono', title: 'signature ' + hash }, String(hash).slice(0, 8))] : null,
		classes && classes.length ? [' ', el('span', { class: 'distinct mono',
			title: 'lock classes only this one of the same title has: ' +
				classes.map(c => c.name).join(', ') },
		'with ' + classes.map(c => c.shown).join(', '))] : null);
}

// The part of class name that tells it from the nearest of others (the
// one sharing the longest prefix): from the start of the word where they
// part ("…state_12)->rwsem" beside "…state_7)->rwsem"), so that a line
// cut to its first characters does not show the same prefix on every row.
function differingPart(name, others) {
	let common = 0;
	for (const o of others) {
		let i = 0;
		while (i < name.length && i < o.length && name[i] === o[i])
			i++;
		common = Math.max(common, i);
	}
	if (common < 12)
		return name;
	// back to just after a separator at least 10 characters before the
	// difference (at most 24)
	let cut = common;
	while (cut > 0 && common - cut < 24 &&
	       (common - cut < 10 || !'>.-(&_ '.includes(name[cut - 1])))
		cut--;
	return cut > 0 ? '…' + name.slice(cut) : name;
}

// For rows that share a title with another row: row.id -> the classes of
// the row that no other row of that title has ({name, shown}; none: the
// hash tells), each once (a recursive report's chain is [A, A]).
function distinctClasses(rows) {
	const byTitle = {}, out = {};
	for (const r of rows)
		(byTitle[r.title] = byTitle[r.title] || []).push(r);
	for (const group of Object.values(byTitle)) {
		if (group.length < 2)
			continue;
		for (const r of group) {
			const others = group.filter(o => o !== r);
			const theirs = others.flatMap(o => o.classes || []);
			out[r.id] = [...new Set(r.classes || [])]
				.filter(c => !theirs.includes(c))
				.map(c => ({ name: c, shown: differingPart(c, theirs) }));
		}
	}
	return out;
}

// A time in UTC, as mail and the API give it, whatever the reader's zone
// (docs/dashboard.md): "YYYY-MM-DD HH:MM UTC", or its UTC day; the whole
// value on hover.
function when(iso, dayOnly) {
	if (!iso)
		return el('span', { class: 'muted' }, '—');
	const d = new Date(iso);
	if (isNaN(d))
		return el('span', String(iso));
	const u = d.toISOString();
	return el('time', { datetime: iso, title: iso + ' (UTC)' },
		u.slice(0, 10) + (dayOnly ? '' : ' ' + u.slice(11, 16) + ' UTC'));
}

// A kind, which may break after its underscores (<wbr>: the text stays).
function kindText(k) {
	const parts = String(k || '').split('_');
	return el('span', parts.map((p, i) => i < parts.length - 1 ? [p + '_', el('wbr')] : p));
}

function statusTag(s) {
	return el('span', { class: 'status-' + s }, s);
}

// A column's class: num (right aligned), mono, cut (one line, cut with an
// ellipsis; the whole value in its title), wrap (long tokens break) or
// pick (a box to tick a row: no room but its own).
function colClass(o) {
	return !o ? null : [o.num && 'num', o.mono && 'mono', o.cut && 'cut',
		o.wrap && 'wrap', o.pick && 'pick'].filter(x => x).join(' ') || null;
}

// table([[heading, cell(row) -> node|text, {num, mono, cut, wrap, pick}]...],
// rows); each cell names its heading in data-label, which narrow screens
// show before it (one row a block).
function table(cols, rows, caption) {
	const head = el('tr', cols.map(c => el('th', {
		scope: 'col', class: c[2] && c[2].num ? 'num' : null }, c[0])));
	const label = c => (c[0] instanceof Node ? c[0].textContent : String(c[0]))
		.replace(/ [▼▲]$/, '');
	const body = rows.map((r, i) => el('tr', cols.map(c => {
		const v = c[1](r, i);
		return el('td', { class: colClass(c[2]), 'data-label': label(c),
			title: c[2] && c[2].cut && v !== null && v !== undefined &&
				!(v instanceof Node) ? String(v) : null }, v);
	})));
	const t = el('table', caption ? el('caption', { class: 'sr' }, caption) : null,
		el('thead', head), el('tbody', body));
	if (!rows.length)
		return el('p', { class: 'muted' }, 'none');
	return el('div', { class: 'scroll' }, t);
}

// A table of counts, most seen first, cut to its first n rows with a
// button that shows them all: a signature seen on 300 machines drew 100
// rows there, and the owners, its regression and its latest occurrences
// were pages below.  The API gives at most 100 (MOST_SEEN_API).
const MOST_SEEN = 10, MOST_SEEN_API = 100;
function mostSeen(cols, rows, what) {
	if (rows.length <= MOST_SEEN)
		return table(cols, rows);
	const box = el('div', { class: 'most-seen', tabindex: '-1' }, table(cols, rows.slice(0, MOST_SEEN)));
	const all = el('button', { type: 'button', class: 'all-rows' }, rows.length >= MOST_SEEN_API ?
		'the ' + rows.length + ' most seen' : 'all ' + rows.length + ' ' + what);
	// the button goes: the focus stays on the table it opened
	all.addEventListener('click', () => {
		box.replaceChildren(table(cols, rows));
		box.focus();
	});
	box.append(el('p', { class: 'muted' }, 'The ' + MOST_SEEN + ' most seen. ', all));
	return box;
}

function facts(pairs) {
	return el('dl', { class: 'facts' }, pairs.filter(p => p).map(
		([k, v]) => [el('dt', k), el('dd', v)]));
}

// ---- the API ---------------------------------------------------------------

function token() {
	return sessionStorage.getItem(TOKEN_KEY) || '';
}

class ApiError extends Error {
	constructor(status, body) {
		super((status === 401 ? 'sign in with a token: ' : status === 403 ?
			'refused for this token: ' : '') + status + ' ' +
			(body.error || '') + (body.detail ? ': ' + body.detail : ''));
		this.status = status;
	}
}

// No answer at all: splatd is down or the network between is.
class Unreachable extends Error {
	constructor() {
		super('splatd is unreachable: no answer from ' + location.host +
			' (the server may be down or restarting)');
		this.unreachable = true;
	}
}

async function call(method, path, body) {
	const headers = { Accept: 'application/json' };
	if (token())
		headers.Authorization = 'Bearer ' + token();
	if (body !== undefined)
		headers['Content-Type'] = 'application/json';
	let r;
	try {
		r = await fetch(API + path, {
			method, headers, body: body === undefined ? undefined : JSON.stringify(body),
			credentials: 'omit', cache: 'no-store'
		});
	} catch (e) {
		throw new Unreachable();
	}
	const data = await r.json().catch(() => ({}));
	if (!r.ok)
		throw new ApiError(r.status, data);
	return data;
}

const get = path => call('GET', path);
// The same, null on 404 or 503 (a part of a page the server cannot give).
const getOpt = path => get(path).catch(e => {
	if (e.status === 404 || e.status === 503)
		return null;
	throw e;
});

function showError(msg) {
	const p = document.getElementById('error');
	p.textContent = msg || '';
	p.hidden = !msg;
}

// ---- sign in -------------------------------------------------------------

async function refreshWho() {
	const who = document.getElementById('who');
	me = { name: null, role: null };
	signinError = '';
	if (token()) {
		try {
			me = await get('/whoami');
		} catch (e) {
			sessionStorage.removeItem(TOKEN_KEY);
			signinError = 'sign-in failed: ' + (e.status === 401 ?
				'this token is unknown or revoked' : e.message);
		}
	}
	showError(signinError);
	who.textContent = me.name ? me.name + ' (' + me.role + ')' : '';
	document.getElementById('signout').hidden = !me.name;
	document.getElementById('signin-button').hidden = !!me.name;
	document.querySelector('#signin input').hidden = !!me.name;
}

// The triage forms show to anyone signed in; the server decides, and a
// refusal (403 for a CI token) is shown next to the form.
const canTriage = () => !!me.name;

// ---- charts ----------------------------------------------------------------

// Bars of [{label, count, title}] (a day each); each bar's <title> holds
// its label and count.  The axis is as long as the bars: a few days are
// not drawn at the left end of an empty axis.  The drawing is as wide as
// it is shown (the screen's width, at most 900 px, or half of it for a
// chart of a pair side by side): scaled down to a phone's width, its
// labels were 5 px high.
function bars(items, caption, half) {
	const screen = document.documentElement.clientWidth - 30;
	const W = Math.round(Math.max(280, Math.min(900, half && screen > 600 ?
		screen / 2 - 30 : screen))), H = 160, pad = 24;
	const max = Math.max(1, ...items.map(i => i.count));
	const bw = Math.min(items.length < 8 ? 40 : 80, items.length ? (W - pad) / items.length : W);
	const end = pad + items.length * bw;
	const s = svg('svg', { class: 'bars', viewBox: `0 0 ${W} ${H + 18}`,
		width: W, height: H + 18, role: 'img', 'aria-label': caption });
	s.append(svg('text', { x: 0, y: 12 }, String(max)));
	s.append(svg('line', { class: 'axis', x1: pad, y1: H, x2: end, y2: H, stroke: '#999' }));
	items.forEach((it, i) => {
		const h = Math.max(it.count ? 2 : 0, (H - 16) * it.count / max);
		s.append(svg('rect', { x: pad + i * bw + 1, y: H - h,
			width: Math.max(1, bw - 2), height: h, 'data-count': it.count,
			'data-label': it.label },
		svg('title', {}, it.title || it.label + ': ' + it.count)));
	});
	if (items.length)
		s.append(svg('text', { class: 'first', x: pad, y: H + 14 }, items[0].label));
	// the last day's label, unless it would overprint the first's
	if (items.length > 1 && items.length * bw > 2 * 7 * items[0].label.length)
		s.append(svg('text', { class: 'last', x: end, y: H + 14,
			'text-anchor': 'end' }, items[items.length - 1].label));
	return s;
}

// The days from since to until (a day; default today), with counts from
// {day: n}.
function dayRange(sinceIso, counts, untilDay) {
	const out = [];
	const d = new Date(sinceIso.slice(0, 10) + 'T00:00:00Z');
	const end = untilDay || new Date().toISOString().slice(0, 10);
	for (let i = 0; i < 3700; i++) {
		const day = d.toISOString().slice(0, 10);
		out.push({ label: day, count: counts[day] || 0 });
		if (day >= end)
			break;
		d.setUTCDate(d.getUTCDate() + 1);
	}
	return out;
}

// The days a timeline of days first..last (YYYY-MM-DD) draws: those, or
// at least minDays centred on them, never past today: three occurrences
// on two days are not three thin bars at one end of 90 empty days.
function daySpan(first, last, minDays) {
	const DAY = 86400000, t = x => Date.parse(x + 'T00:00:00Z');
	const day = ms => new Date(ms).toISOString().slice(0, 10);
	const today = t(new Date().toISOString().slice(0, 10));
	let a = t(first), b = t(last);
	const extra = minDays - (Math.round((b - a) / DAY) + 1);
	if (extra > 0) {
		a -= Math.floor(extra / 2) * DAY;
		b += Math.ceil(extra / 2) * DAY;
	}
	if (b > today) {
		a -= b - today;
		b = today;
	}
	return [day(a), day(b)];
}

// ---- the lock graph --------------------------------------------------------

// The signature's lock classes and dependencies as inline SVG: one node per
// class (its <text> the class name as printed), one arrow per dependency
// labelled with its function, the culprit's arrow marked; selecting an
// arrow (click, Enter, Space) shows its stack in the panel below.
// The irq kinds: which context takes which class.  Usage names as lockdep
// prints them (IN-HARDIRQ-W, SOFTIRQ-ON-R, ...) in words.
function usageWords(u) {
	const m = /^(IN-)?(HARDIRQ|SOFTIRQ)(-ON)?-([WR])$/.exec(u || '');
	if (!m)
		return u || '';
	const ctx = m[2].toLowerCase(), how = m[4] === 'R' ? 'read' : 'taken';
	return m[1] ? how + ' in ' + ctx + ' context' : how + ' with ' + ctx + 's enabled';
}

/*
 * How an irq kind is drawn, or null for the other kinds: irq_inversion and
 * the safe/unsafe kinds (pair) as the dependency of an irq-safe class on an
 * irq-unsafe one, closed by the interrupt that takes the first while the
 * second is held; inconsistent_lock_state as one class taken in two states,
 * closed by the interrupt that takes it again on the CPU that holds it.
 */
function irqShape(sig, report) {
	const r = (report && report.irq) || {};
	const fromKind = /^(hard|soft)irq/.exec(sig.kind || '');
	const usage = /(HARDIRQ|SOFTIRQ)/.exec((r.to || '') + ' ' + (r.from || ''));
	const cls = (r.class || (usage && usage[1]) ||
		(fromKind && fromKind[1].toUpperCase() + 'IRQ') || 'IRQ').toUpperCase();
	const ctx = cls.toLowerCase();
	if (['irq_inversion', 'hardirq_safe_unsafe', 'softirq_safe_unsafe'].includes(sig.kind)) {
		return { pair: true, cls,
			safe: [cls + '-safe', 'also taken in ' + ctx + ' context'],
			unsafe: [cls + '-unsafe', 'taken with ' + ctx + 's enabled'],
			irq: cls + ' interrupt while it is held: wants the ' + cls + '-safe lock' };
	}
	if (sig.kind === 'inconsistent_lock_state') {
		return { pair: false, cls,
			before: '{' + (r.from || '?') + '} ' + usageWords(r.from),
			after: '{' + (r.to || '?') + '} ' + usageWords(r.to),
			irq: cls + ' interrupt on the CPU holding it takes it again' };
	}
	return null;
}

// The irq context of a graph (irqShape()): context captions and the
// interrupt arrow (dashed, not selectable: there is no stack of it);
// grow() and growText() widen the graph's box to what is drawn.
function drawIrq(s, irq, names, pos, width, nodeH, grow, growText) {
	const g = svg('g', { class: 'irq', 'data-irq': irq.cls });
	if (irq.pair && names.length === 2) {
		const [a, b] = pos, wa = width(names[0]) / 2, wb = width(names[1]) / 2;
		[[a, wa, irq.safe, 'safe'], [b, wb, irq.unsafe, 'unsafe']].forEach(([p, hw, text, k]) => {
			const bw = Math.max(2 * hw, text[1].length * 6.4) + 24;
			g.append(svg('rect', { class: 'ctx ' + k, x: p.x - bw / 2, y: p.y - nodeH / 2 - 48,
				width: bw, height: nodeH + 60, rx: 10 }));
			grow(p.x - bw / 2, p.y - nodeH / 2 - 48, p.x + bw / 2, p.y + nodeH / 2 + 12);
			text.forEach((line, i) => g.append(svg('text', { class: 'ctx-label' + (i ? '' : ' head'),
				x: p.x, y: p.y - nodeH / 2 - 30 + 15 * i, 'text-anchor': 'middle' }, line)));
		});
		// from below the unsafe class back to the safe one
		const ax = b.x - wb / 2, bx = a.x + wa / 2, y = a.y + nodeH / 2 + 14;
		const d = `M${ax},${y} C${ax},${y + 70} ${bx},${y + 70} ${bx},${y + 2}`;
		g.append(svg('path', { class: 'irq-line', d, 'marker-end': 'url(#arrow-irq)' }));
		grow(ax, y, bx, y + 70);
		g.append(svg('text', { class: 'irq-label', x: (ax + bx) / 2, y: y + 72,
			'text-anchor': 'middle' }, '⚡ ' + irq.irq));
		growText((ax + bx) / 2, y + 72, irq.irq.length + 2, 'middle', 7);
	} else if (!irq.pair && names.length) {
		const p = pos[0], hw = width(names[0]) / 2, top = p.y - nodeH / 2 - 2;
		const d = `M${p.x + hw / 2},${top} C${p.x + hw / 2 + 40},${top - 90} ` +
			`${p.x - hw / 2 - 40},${top - 90} ${p.x - hw / 2},${top}`;
		g.append(svg('path', { class: 'irq-line', d, 'marker-end': 'url(#arrow-irq)' }));
		grow(p.x - hw / 2 - 40, top - 90, p.x + hw / 2 + 40, top);
		g.append(svg('text', { class: 'irq-label', x: p.x, y: top - 75,
			'text-anchor': 'middle' }, '⚡ ' + irq.irq));
		growText(p.x, top - 75, irq.irq.length + 2, 'middle', 7);
		g.append(svg('text', { class: 'ctx-label', x: p.x, y: p.y + nodeH / 2 + 22,
			'text-anchor': 'middle' }, 'before: ' + irq.before));
		growText(p.x, p.y + nodeH / 2 + 22, irq.before.length + 8, 'middle', 6.6);
		g.append(svg('text', { class: 'ctx-label', x: p.x, y: p.y + nodeH / 2 + 42,
			'text-anchor': 'middle' }, 'now: ' + irq.after));
		growText(p.x, p.y + nodeH / 2 + 42, irq.after.length + 5, 'middle', 6.6);
	}
	s.append(g);
}

// A class name as the signature compares it (signature_class_normalize()
// in parsers/signature.c): without its "#N" instance suffix (a "/N"
// subclass after it stays), v5.7's &(&x->lock)->rlock as &x->lock.  The
// chain keeps the names as printed; edges and classes are normalized.
function classKey(name) {
	let s = String(name).trim();
	const m = /^&\(&(.+)\)->rlock$/.exec(s);
	if (m)
		s = '&' + m[1];
	return s.replace(/#\d+(\/\d+)?$/, (all, sub) => sub || '');
}

// A class name in lines of at most max characters, cut after "->", ".",
// "_" or ")" where one is near; the lines joined are the name.
function wrapName(name, max) {
	const lines = [];
	let rest = name;
	while (rest.length > max) {
		let cut = max;
		for (let i = max; i > max / 2; i--) {
			if ('>._)/'.includes(rest[i - 1])) {
				cut = i;
				break;
			}
		}
		lines.push(rest.slice(0, cut));
		rest = rest.slice(cut);
	}
	lines.push(rest);
	return lines;
}

function lockGraph(sig, report) {
	const stacks = {};
	for (const e of (report && report.edges) || [])
		stacks[e.hash] = e;
	const edges = sig.edges || [];
	const irq = irqShape(sig, report);
	// narrow screens: shorter lines in the nodes
	const narrow = window.matchMedia('(max-width: 600px)').matches;
	const charW = 7.9, lineH = 16, nodeH = 30, maxLine = narrow ? 24 : 36;
	// one node per class as the edges name it, shown as first printed
	const nodes = [], byKey = {};
	const add = nm => {
		if (!nm || byKey[classKey(nm)])
			return;
		const lines = wrapName(nm, maxLine);
		const nd = { name: nm, lines,
			w: Math.max(60, Math.max(...lines.map(l => l.length)) * charW + 20),
			h: nodeH + (lines.length - 1) * lineH };
		byKey[classKey(nm)] = nd;
		nodes.push(nd);
	};
	if (irq && irq.pair && edges.length) {
		// the two classes of the dependency (the chain repeats them,
		// and may print them otherwise: &(&x->lock)->rlock for &x->lock)
		edges.forEach(e => { add(e.from); add(e.to); });
	} else {
		(sig.chain || []).forEach(add);
		edges.forEach(e => { add(e.from); add(e.to); });
	}
	if (!nodes.length)
		(sig.classes || []).forEach(add);
	const nodeOf = nm => byKey[classKey(nm)];
	const names = nodes.map(nd => nd.name);
	const culprit = sig.culprit && sig.culprit.function;
	const width = nm => nodeOf(nm).w;
	const maxW = Math.max(60, ...nodes.map(nd => nd.w));
	const maxH = Math.max(nodeH, ...nodes.map(nd => nd.h));
	const n = nodes.length;
	// nodes on an ellipse around (0, 0)
	let pos;
	if (n <= 1) {
		pos = [{ x: 0, y: 0 }];
	} else if (n === 2) {
		// an irq pair leaves room for the contexts' captions
		const half = maxW / 2 + (irq ? 170 : 90);
		pos = [{ x: -half, y: 0 }, { x: half, y: 0 }];
	} else {
		const r = Math.max(110, (maxW + 40) * n / (2 * Math.PI) + 20);
		pos = nodes.map((_, i) => {
			const a = -Math.PI / 2 + 2 * Math.PI * i / n;
			return { x: r * Math.cos(a), y: Math.max(0.75, maxH / 60) * r * Math.sin(a) };
		});
	}
	nodes.forEach((nd, i) => { nd.p = pos[i]; });
	// the box of everything drawn, grown as it is drawn: the viewBox
	const box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
	const grow = (x0, y0, x1, y1) => {
		box.x0 = Math.min(box.x0, x0, x1);
		box.y0 = Math.min(box.y0, y0, y1);
		box.x1 = Math.max(box.x1, x0, x1);
		box.y1 = Math.max(box.y1, y0, y1);
	};
	// a text of len characters at x, y (its baseline)
	const growText = (x, y, len, anchor, cw) => {
		const tw = len * (cw || 7.4);
		const left = anchor === 'middle' ? x - tw / 2 : anchor === 'end' ? x - tw : x;
		grow(left, y - 12, left + tw, y + 4);
	};
	nodes.forEach(nd => grow(nd.p.x - nd.w / 2, nd.p.y - nd.h / 2,
		nd.p.x + nd.w / 2, nd.p.y + nd.h / 2));
	// a label's baseline y, moved up or down (the nearer) until no node
	// covers it: a wide, tall node beside a short arrow would
	const underNode = (x, y, len, anchor, cw) => {
		const tw = len * cw;
		const left = anchor === 'middle' ? x - tw / 2 : anchor === 'end' ? x - tw : x;
		return nodes.some(nd => left < nd.p.x + nd.w / 2 + 2 && nd.p.x - nd.w / 2 - 2 < left + tw &&
			y - 13 < nd.p.y + nd.h / 2 + 2 && nd.p.y - nd.h / 2 - 2 < y + 5);
	};
	const clearOfNodes = (x, y, len, anchor, cw) => {
		for (let k = 0; k < 60; k++)
			for (const dy of k ? [4 * k, -4 * k] : [0])
				if (!underNode(x, y + dy, len, anchor, cw))
					return y + dy;
		return y;
	};
	const s = svg('svg', { class: 'graph', role: 'group',
		'aria-label': 'lock dependency graph' });
	s.append(svg('defs', {},
		svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5,
			markerWidth: 8, markerHeight: 8, orient: 'auto-start-reverse' },
		svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#333' })),
		svg('marker', { id: 'arrow-culprit', viewBox: '0 0 10 10', refX: 10,
			refY: 5, markerWidth: 8, markerHeight: 8,
			orient: 'auto-start-reverse' },
		svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#a40000' })),
		svg('marker', { id: 'arrow-irq', viewBox: '0 0 10 10', refX: 10,
			refY: 5, markerWidth: 8, markerHeight: 8,
			orient: 'auto-start-reverse' },
		svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#6a3d9a' }))));
	if (irq)
		drawIrq(s, irq, names, pos, width, maxH, grow, growText);
	// where the segment from p to q leaves the box around node nd at p
	const border = (p, q, nd) => {
		const hw = nd.w / 2 + 4, hh = nd.h / 2 + 4;
		const dx = q.x - p.x, dy = q.y - p.y;
		const t = Math.min(hw / Math.abs(dx || 1e-9), hh / Math.abs(dy || 1e-9));
		return { x: p.x + dx * t, y: p.y + dy * t };
	};
	const panel = el('div', { class: 'stack', 'aria-live': 'polite' },
		el('p', { class: 'muted' }, edges.length ?
			'Select an arrow to see the stack that made the dependency.' :
			'This kind of report has no dependency between classes.'));
	const edgeGroups = [];
	edges.forEach(e => {
		const from = nodeOf(e.from), to = nodeOf(e.to);
		if (!from || !to)
			return;
		const p = from.p, q = to.p;
		const isCulprit = !!culprit && e.function === culprit;
		const label = e.function || '?';
		const text = label + (isCulprit ? ' (culprit)' : '');
		let d, lx, ly, anchor = 'middle';
		if (from === to) {
			// a lock taken again while held: a loop above its node
			const hw = Math.min(from.w / 4, 50);
			const ax = p.x - hw, bx = p.x + hw, ay = p.y - from.h / 2 - 2;
			d = `M${ax},${ay} C${ax - 30},${ay - 90} ${bx + 30},${ay - 90} ${bx},${ay}`;
			grow(ax - 30, ay - 90, bx + 30, ay);
			lx = p.x;
			ly = ay - 74;
		} else {
			const a = border(p, q, from), b = border(q, p, to);
			// bend every arrow to its left so that a pair A->B, B->A
			// does not overlap
			const mx = (a.x + b.x) / 2, my = (a.y + b.y) / 2;
			const dx = b.x - a.x, dy = b.y - a.y, len = Math.hypot(dx, dy) || 1;
			let nx = dy / len, ny = -dx / len;
			if (n > 2 && nx * mx + ny * my < 0) {
				nx = -nx;
				ny = -ny;
			}
			const bend = n === 2 ? 40 : 22;
			const cx = mx + nx * bend, cy = my + ny * bend;
			d = `M${a.x},${a.y} Q${cx},${cy} ${b.x},${b.y}`;
			grow(a.x, a.y, b.x, b.y);
			grow(cx, cy, cx, cy);
			// the label beside the curve's middle, away from the centre
			const qx = (a.x + 2 * cx + b.x) / 4, qy = (a.y + 2 * cy + b.y) / 4;
			const ol = Math.hypot(nx, ny) || 1, ux = nx / ol, uy = ny / ol;
			lx = qx + ux * 8;
			ly = qy + uy * 8 + (Math.abs(ux) < 0.5 ? (uy > 0 ? 12 : -2) : 4);
			anchor = Math.abs(ux) < 0.5 ? 'middle' : ux < 0 ? 'end' : 'start';
		}
		ly = clearOfNodes(lx, ly, text.length, anchor, isCulprit ? 7.8 : 7.4);
		growText(lx, ly, text.length, anchor, isCulprit ? 7.8 : 7.4);
		const g = svg('g', {
			class: 'edge' + (isCulprit ? ' culprit' : ''), tabindex: 0,
			role: 'button', 'aria-pressed': 'false',
			'data-from': e.from, 'data-to': e.to, 'data-function': label,
			'aria-label': e.from + ' then ' + e.to + ' in ' + label +
				(isCulprit ? ' (culprit)' : '')
		},
		svg('path', { class: 'hit', d }),
		svg('path', { class: 'line', d,
			'marker-end': isCulprit ? 'url(#arrow-culprit)' : 'url(#arrow)' }),
		svg('text', { x: lx, y: ly, 'text-anchor': anchor }, text));
		const select = () => {
			edgeGroups.forEach(x => x.setAttribute('aria-pressed', 'false'));
			g.setAttribute('aria-pressed', 'true');
			const st = stacks[e.hash];
			const lines = st && st.stack ? st.stack.map(f => f.function +
				(f.offset ? '+' + f.offset : '') + (f.module ? ' [' + f.module + ']' : '')) : [];
			panel.replaceChildren(
				el('h3', e.from + ' → ' + e.to),
				el('p', 'taken in ', el('span', { class: 'mono' }, label),
					isCulprit ? ' — the culprit edge' : ''),
				lines.length ? el('pre', { class: 'edge-stack' }, lines.join('\n')) :
					el('p', { class: 'muted' }, 'no stack in the newest report'));
		};
		g.addEventListener('click', select);
		g.addEventListener('keydown', ev => {
			if (ev.key === 'Enter' || ev.key === ' ') {
				ev.preventDefault();
				select();
			}
		});
		edgeGroups.push(g);
		s.append(g);
	});
	nodes.forEach(nd => {
		const p = nd.p;
		const top = p.y - (nd.lines.length - 1) * lineH / 2 + 4.5;
		s.append(svg('g', { class: 'node' },
			svg('rect', { x: p.x - nd.w / 2, y: p.y - nd.h / 2, width: nd.w,
				height: nd.h, rx: 6 }),
			svg('text', { x: p.x, y: top, 'text-anchor': 'middle' },
				nd.lines.map((l, i) => svg('tspan', { x: p.x, y: top + i * lineH }, l)))));
	});
	// the box, with a margin; never scaled below 3/4 of its size (it
	// scrolls in its box instead), so that its text stays readable
	const x0 = box.x0 - 10, y0 = box.y0 - 10, W = box.x1 - box.x0 + 20, H = box.y1 - box.y0 + 20;
	const avail = Math.max(200, document.documentElement.clientWidth - 40);
	const shown = Math.ceil(Math.max(0.75 * W, Math.min(W, avail)));
	attrs(s, { viewBox: `${x0} ${y0} ${W} ${H}`, width: shown,
		height: Math.ceil(H * shown / W), 'data-scale': (shown / W).toFixed(3) });
	return el('div', { class: 'graph-wrap' }, el('div', { class: 'scroll' }, s), panel);
}

// ---- pages -----------------------------------------------------------------

// What a view by MAINTAINERS section says when the owners of some new
// signatures are still being computed (in the background): null or a note.
function ownersPending(n) {
	return n ? el('p', { class: 'notice', id: 'owners-pending' },
		'The owners of ' + n + ' signature(s) are still being computed: ' +
		'this view may miss some of them for now (reload in a moment).') : null;
}

const params = () => new URLSearchParams(location.search);

function setTitle(main, text) {
	document.title = text + ' · splatd';
	main.append(el('h1', text));
}

async function overviewPage(main) {
	setTitle(main, 'Overview');
	const [o, runs] = await Promise.all([get('/overview'),
		get('/runs?limit=10')]);
	const kv = obj => Object.entries(obj).sort((a, b) => b[1] - a[1]);
	main.append(el('div', { class: 'cards' },
		el('section', el('h2', 'Open signatures by kind'),
			table([['kind', r => el('a', { href: '/signatures?kind=' +
				encodeURIComponent(r[0]) }, r[0])],
			['open', r => r[1], { num: true }]], kv(o.kind))),
		el('section', el('h2', 'Signatures by status'),
			table([['status', r => el('a', { href: '/signatures?status=' +
				encodeURIComponent(r[0]) }, r[0])],
			['count', r => r[1], { num: true }]], kv(o.status)),
			// a day, which the list's form shows in its date field
			facts([['new this week', el('a', { id: 'new-week', href: '/signatures?first_seen_since=' +
				encodeURIComponent(String(o.new_week_since || o.week_since).slice(0, 10)) },
				String(o.new_week))],
			['escalated', el('a', { id: 'escalated', href: '/signatures?escalated=1' },
				String(o.escalated))]])),
		el('section', el('h2', 'Regressions by status'),
			table([['status', r => el('a', { href: '/regressions?status=' +
				encodeURIComponent(r[0]) }, r[0])],
			['count', r => r[1], { num: true }]], kv(o.regressions)))));
	const per = {};
	o.per_day.forEach(d => { per[d.day] = d.count; });
	main.append(el('h2', 'Occurrences per day (90 days)'), o.per_day.some(d => d.count) ?
		bars(dayRange(o.since, per), 'occurrences per day') :
		el('p', { class: 'muted', id: 'no-occurrences' }, 'No lockdep report in 90 days' +
			(runs.runs.length ? '.' : ': no run has come yet (CI sends its logs to ' +
				'POST /api/v1/runs, docs/api.md).')));
	main.append(el('h2', 'Seen most this week'),
		el('p', { class: 'muted' }, 'Today and the 6 days before (since ',
			when(o.week_since), ').'),
		table([['signature', r => sigName(r.id, r.title, r.signature)], ['kind', r => r.kind],
			['status', r => statusTag(r.status)],
			['this week', r => r.count, { num: true }]], o.top_week));
	main.append(el('h2', 'Latest runs'), runsTable(runs.runs));
}

// Why lockdep stopped watching in a run: a report of a kind that turns it
// off (reason is the kind; after_reports came before it), or a log line.
function lockdepOff(off) {
	const n = off.after_reports;
	if (KINDS.concat(['bad_contention', 'chain_key_collision']).includes(off.reason))
		return 'turned off by its ' + (n ? 'report ' + (n + 1) : 'first report') +
			' (' + off.reason + ')';
	return 'turned off ' + (n ? 'after ' + n + ' report(s)' : 'before any report') +
		': ' + off.reason;
}

// Lockdep in a run as far as anything says: the runner's lockdep=0, a
// report or line that turned it off, its boot banner or lockdep=1, a report
// (every kind splatd reads is lockdep's: a hung task's lock dump, suspicious
// RCU usage, ...), or nothing at all (a kernel without lockdep prints none
// of these).  The API's lockdep_on, which the regression tracker's clean
// runs go by, names only the banner and lockdep=1 (docs/api.md).
function lockdepState(run, end) {
	if (run.lockdep_said_off)
		return 'off (the run said lockdep=0)';
	if (run.lockdep_off)
		return lockdepOff(run.lockdep_off);
	if (run.lockdep_on)
		return 'on' + (end ? ' to the end' : '') + ' (' +
			(run.lockdep_on === 'banner' ? 'its boot banner' : run.lockdep_on) + ')';
	if (run.reports > 0)
		return 'on' + (end ? ' to the end' : '') + ' (its ' +
			(run.reports === 1 ? 'report is' : 'reports are') + ' lockdep\'s)';
	return 'no sign it was on';
}

// A commit as CI named it, on one line: a hash by its first 12 digits, a
// name (git describe's "v6.13-rc3-412-g1a2b3c4d5e6f", "next-20261205") whole,
// cut with an ellipsis where the cell ends; the whole value in its title.
function commitName(c) {
	const v = String(c);
	return el('span', { class: 'commit mono', title: v },
		/^[0-9a-f]{13,}$/i.test(v) ? v.slice(0, 12) : v);
}

function runsTable(runs) {
	return table([['run', r => page(r.id, 'runs', r.id)], ['machine', r => r.machine, { cut: true }],
		['tree', r => r.tree, { cut: true }], ['kernel', r => r.kernel, { mono: true, cut: true }],
		['commit', r => r.commit ? commitName(r.commit) : ''],
		['reports', r => r.reports, { num: true }],
		['lockdep', r => lockdepState(r, false)],
		['time', r => runTime(r)]], runs);
}

// A run's own time, which the lists order it by: when it started, if it
// said so, else when it came (a backfilled run is at its time).
function runTime(r) {
	const started = r.time_is === 'started_at';
	return el('span', { class: 'run-time', title: (started ? 'started; received ' :
		'received ') + (r.received_at || '') },
	when(r.time || r.received_at), started ? el('span', { class: 'muted' }, ' started') : null);
}

// A filter form whose fields are the URL's query; submitting it navigates.
function filterForm(fields, path) {
	const q = params();
	const f = el('form', { class: 'filters', role: 'search' });
	for (const [name, label, options] of fields) {
		let input;
		if (options) {
			input = el('select', { name },
				el('option', { value: '' }, 'any'),
				options.map(o => el('option', { value: o,
					selected: q.get(name) === o }, o)));
		} else if (/since$/.test(name) && /^(\d{4}-\d{2}-\d{2})?$/.test(q.get(name) || '')) {
			// a day (the API also takes a time or unix seconds: a
			// URL with one keeps a text field)
			input = el('input', { type: 'date', name, value: q.get(name) || '' });
		} else if (name === 'duplicates' || name === 'escalated') {
			input = el('input', { type: 'checkbox', name, value: '1',
				checked: q.get(name) === '1' });
		} else {
			input = el('input', { name, value: q.get(name) || '', size: 14 });
		}
		f.append(el('label', label, input));
	}
	f.append(el('button', { type: 'submit' }, 'show'));
	f.addEventListener('submit', ev => {
		ev.preventDefault();
		const out = new URLSearchParams();
		for (const [k, v] of new FormData(f).entries())
			if (v)
				out.set(k, v);
		if (q.get('sort'))
			out.set('sort', q.get('sort'));
		navigate(path + (out.toString() ? '?' + out : ''));
	});
	return f;
}

function sortHeader(label, key) {
	const q = params();
	const b = el('button', { type: 'button', 'aria-label': 'sort by ' + label },
		label + ((q.get('sort') || 'last_seen') === key ? ' ▼' : ''));
	b.addEventListener('click', () => {
		q.set('sort', key);
		q.delete('cursor');
		navigate('/signatures?' + q);
	});
	return b;
}

// A list's title cell: the hash (and the classes only it has) when another
// row of the page has the same title, so that rows stay one line.
function sigTitleCell(s, distinct) {
	const shared = distinct && distinct[s.id];
	return el('span', sigName(s.id, s.title, shared ? s.signature : null, shared),
		s.duplicate_of ? el('span', { class: 'tag dup' }, 'duplicate of #' + s.duplicate_of) : null,
		s.escalated ? el('span', { class: 'tag escalated', title: s.escalated.reason || '' }, 'escalated') : null);
}

// The list found nothing: what was looked for, and links that each drop
// one filter (or all of them).
function emptySearch(q) {
	const names = { kind: 'kind', status: 'status', q: 'text', since: 'last seen since',
		first_seen_since: 'first seen since', subsystem: 'subsystem', tree: 'tree',
		machine: 'machine', escalated: 'escalated only' };
	const set = Object.keys(names).filter(k => q.get(k));
	const without = k => {
		const w = new URLSearchParams(q);
		w.delete(k);
		return '/signatures' + (w.toString() ? '?' + w : '');
	};
	const looked = set.map(k => names[k] + (k === 'escalated' ? '' : ' “' + q.get(k) + '”'));
	return el('div', { id: 'empty-search' },
		el('p', { class: 'notice' }, (looked.length ? 'No signature matches ' + looked.join(', ') :
			'No signature yet') +
			(q.get('duplicates') === '1' ? '.' : ' (merged duplicates are left out).')),
		q.get('q') ? el('p', { class: 'muted' }, 'The text is looked for in titles, syzbot titles, ' +
			'lock class and function names; 6 hex digits or more also match the start ' +
			'of a signature’s hash.') : null,
		set.length ? el('p', 'Widen it: ', set.map((k, i) => [i ? ' · ' : '',
			el('a', { href: without(k) }, 'without ' + names[k])]),
		q.get('duplicates') === '1' ? null : [' · ', el('a', { href: (() => {
			const w = new URLSearchParams(q);
			w.set('duplicates', '1');
			return '/signatures?' + w;
		})() }, 'with duplicates')],
		' · ', el('a', { href: '/signatures' }, 'all signatures')) : null);
}

async function signaturesPage(main) {
	setTitle(main, 'Signatures');
	const q = params();
	main.append(filterForm([['kind', 'kind', KINDS], ['status', 'status', STATUSES],
		['q', 'text'], ['since', 'last seen since'], ['first_seen_since', 'first seen since'],
		['subsystem', 'subsystem'], ['tree', 'tree'], ['machine', 'machine'],
		['escalated', 'escalated only'], ['duplicates', 'show duplicates']], '/signatures'));
	// every filter goes to the one list call, combined there
	const api = new URLSearchParams();
	for (const k of ['kind', 'status', 'q', 'since', 'first_seen_since', 'subsystem', 'tree',
		'machine', 'escalated', 'sort', 'cursor'])
		if (q.get(k))
			api.set(k, q.get(k));
	api.set('duplicates', q.get('duplicates') === '1' ? '1' : '0');
	api.set('limit', '50');
	const r = await get('/signatures?' + api);
	const list = r.signatures, next = r.next, shown = list;
	if (r.owners_pending)
		main.append(ownersPending(r.owners_pending));
	const [regs, stats] = await Promise.all([get('/regressions'), shown.length ?
		get('/signatures/stats?ids=' + shown.map(x => x.id).join(',')) :
		{ signatures: [] }]);
	const regOf = {}, stat = {};
	for (const r of regs.regressions)
		for (const h of r.signatures || [])
			regOf[h] = r;
	for (const x of stats.signatures)
		stat[x.id] = x;
	const st = (s, k) => stat[s.id] ? stat[s.id][k] : null;
	const distinct = distinctClasses(shown);
	const bulk = canTriage() && shown.length ? bulkTriage(shown) : null;
	const t = table([
		bulk ? [bulk.all, s => bulk.pick(s), { pick: true }] : null,
		['title', s => sigTitleCell(s, distinct)],
		['kind', s => kindText(s.kind)],
		['status', s => statusTag(s.status)],
		['regression', s => regOf[s.signature] ? page('#' + regOf[s.signature].id + ' ' +
			regOf[s.signature].status, 'regressions', regOf[s.signature].id) : ''],
		['subsystem', s => st(s, 'subsystem') ? attrs(page(st(s, 'subsystem'), 'subsystems',
			st(s, 'subsystem')), { title: st(s, 'subsystem') }) : '', { cut: true }],
		[sortHeader('count', 'count'), s => s.occurrences, { num: true }],
		['7 days', s => st(s, 'last_7_days'), { num: true }],
		['machines', s => st(s, 'machines'), { num: true }],
		[sortHeader('first seen', 'first_seen'), s => when(s.first_seen, true)],
		[sortHeader('last seen', 'last_seen'), s => when(s.last_seen, true)],
		['last kernel', s => st(s, 'last_kernel'), { mono: true, cut: true }]].filter(c => c),
	shown, 'signatures');
	if (!shown.length && !q.get('cursor'))
		main.append(emptySearch(q));
	else
		main.append(bulk ? bulk.form : '', t);
	if (q.get('duplicates') !== '1' && shown.length)
		main.append(el('p', { class: 'muted' },
			'Merged duplicates are hidden; tick “show duplicates”.'));
	const pages = el('p', { class: 'pages' });
	if (q.get('cursor')) {
		const fq = new URLSearchParams(q);
		fq.delete('cursor');
		pages.append(el('a', { href: '/signatures' + (fq.toString() ? '?' + fq : ''),
			rel: 'first' }, '← first page'), ' ');
	}
	if (next) {
		const nq = new URLSearchParams(q);
		nq.set('cursor', next);
		pages.append(el('a', { href: '/signatures?' + nq, rel: 'next' }, 'next page →'));
	}
	if (pages.childNodes.length)
		main.append(pages);
}

// Triage of several signatures of the list at once: a box a row (and one
// for the page), then one status (and a note, when given: an empty one
// keeps each signature's) for those ticked, a PATCH each; the server
// decides each, and what it refused is said by signature.
function bulkTriage(list) {
	const picks = new Map();
	const count = el('span', { id: 'bulk-count' }, '0');
	const form = el('form', { class: 'action', id: 'bulk-status' },
		el('label', 'status of the ticked signatures', el('select', { name: 'status' },
			STATUSES.map(x => el('option', x)))),
		el('label', 'note (empty: each keeps its own)', el('input', { name: 'note', size: 30 })),
		el('button', { type: 'submit' }, 'change ', count, ' signature(s)'));
	const all = el('input', { type: 'checkbox', id: 'bulk-all',
		'aria-label': 'tick every signature of this page' });
	const update = () => {
		const n = [...picks.values()].filter(b => b.checked).length;
		count.textContent = String(n);
		all.checked = n === list.length;
		const said = form.querySelector('.refusal');
		if (said)
			said.textContent = '';
	};
	all.addEventListener('change', () => {
		for (const b of picks.values())
			b.checked = all.checked;
		update();
	});
	form.addEventListener('submit', ev => act(ev, form, async d => {
		const ids = [...picks.entries()].filter(([, b]) => b.checked).map(([id]) => id);
		if (!ids.length)
			throw new Error('tick the signatures to change first');
		const body = { status: d.get('status') };
		if (d.get('note'))
			body.note = d.get('note');
		const refused = [];
		for (const id of ids)
			await call('PATCH', '/signatures/' + id, body).catch(e =>
				refused.push('#' + id + ': ' + e.message));
		if (refused.length)
			throw new Error((ids.length - refused.length) + ' changed, ' +
				refused.length + ' refused — ' + refused.join('; '));
		render();
	}));
	return {
		form, all,
		pick: s => {
			const b = el('input', { type: 'checkbox', class: 'bulk-pick', value: String(s.id),
				'aria-label': 'tick #' + s.id + ' ' + s.title });
			b.addEventListener('change', update);
			picks.set(s.id, b);
			return b;
		},
	};
}

async function signaturePage(main, id) {
	const s = await get('/signatures/' + encodeURIComponent(id));
	const [report, hist, occ, regs, dups] = await Promise.all([
		getOpt('/signatures/' + s.id + '/report'),
		get('/signatures/' + s.id + '/histogram?days=90'),
		get('/signatures/' + s.id + '/occurrences?limit=5'),
		get('/regressions'), get('/signatures/' + s.id + '/duplicates')]);
	if (String(id) !== String(s.id))
		history.replaceState(null, '', '/signatures/' + s.id);
	setTitle(main, s.title);
	main.append(facts([
		['kind', s.kind],
		['signature', el('span', el('span', { class: 'mono' }, s.signature),
			' (algorithm version ' + s.algo_version + ')')],
		['status', el('span', statusTag(s.status), s.note ? ' — ' + s.note : '')],
		s.escalated ? ['escalated', el('span', when(s.escalated.at), ' ',
			s.escalated.reason || '')] : null,
		muted(s) ? ['muted', el('span', { id: 'muted' }, muted(s))] : null,
		s.duplicate_of ? ['duplicate of', sigLink(s.duplicate_of)] : null,
		dups.duplicates.length ? ['duplicates merged into it', el('ul', { class: 'duplicates' },
			dups.duplicates.map(d => el('li', sigName(d.id, '#' + d.id + ' ' + d.title, d.signature))))] : null,
		s.culprit ? ['culprit', el('span', { class: 'mono' }, s.culprit.function +
			(s.culprit.module ? ' [' + s.culprit.module + ']' : ''))] : null,
		s.syz_title ? ['syzbot title', el('span', { class: 'mono syz-title' }, s.syz_title)] : null,
		['occurrences', String(s.occurrences)],
		['first seen', seenAt(s.first_seen, s.first_received)],
		['last seen', seenAt(s.last_seen, s.last_received)]]));
	if (canTriage())
		main.append(triageForms(s));
	main.append(el('h2', 'Lock graph'), lockGraph(s, report && report.report));
	const held = report && report.report && report.report.held_locks;
	main.append(el('h2', 'Held locks'), held && held.length ?
		el('ol', held.map(h => el('li', { class: 'class' }, h))) :
		el('p', { class: 'muted' }, 'none listed'));
	const per = {}, byKernel = {}, byTree = {}, byTest = {};
	for (const d of hist.days) {
		per[d.day] = d.count;
		for (const [k, v] of Object.entries(d.kernels))
			byKernel[k] = (byKernel[k] || 0) + v;
		for (const [k, v] of Object.entries(d.trees))
			byTree[k] = (byTree[k] || 0) + v;
		for (const [k, v] of Object.entries(d.tests || {}))
			byTest[k] = (byTest[k] || 0) + v;
	}
	const days = dayRange(hist.since, per);
	hist.days.forEach(d => {
		const it = days.find(x => x.label === d.day);
		if (it)
			it.title = d.day + ': ' + d.count + ' — ' + Object.entries(d.kernels)
				.map(([k, v]) => (k || '?') + ' ×' + v).join(', ');
	});
	main.append(el('h2', 'Occurrences by day (90 days)'),
		el('p', { id: 'histogram-total' }, hist.total + ' occurrence(s) in 90 days'),
		bars(days, 'occurrences by day'));
	main.append(el('h2', 'First and last seen, by tree'), treeSpans(s.trees || []));
	const kv = o => Object.entries(o).sort((a, b) => b[1] - a[1]);
	// runs that did not say (no kernel, tree, machine or test metadata)
	const unsaid = '(not given)';
	main.append(el('div', { class: 'cards' },
		el('section', { id: 'kernels' }, el('h2', 'Kernels'), mostSeen([['kernel',
			r => r.kernel || unsaid, { mono: true }], ['count', r => r.occurrences, { num: true }]],
		s.kernels || [], 'kernels')),
		el('section', { id: 'trees' }, el('h2', 'Trees (90 days)'), mostSeen([['tree',
			r => r[0] || unsaid], ['count', r => r[1], { num: true }]], kv(byTree), 'trees')),
		el('section', { id: 'machines' }, el('h2', 'Machines'), mostSeen([['machine',
			r => r.machine || unsaid], ['count', r => r.occurrences, { num: true }]],
		s.machines || [], 'machines')),
		el('section', { id: 'tests' }, el('h2', 'Tests (90 days)'), mostSeen([['test',
			r => r[0] || unsaid], ['count', r => r[1], { num: true }]], kv(byTest), 'tests'))));
	// owners ranked as served; edge N is the dependency N of the report
	const edgeName = i => {
		const e = report && report.report && report.report.edges &&
			report.report.edges[i];
		return e ? e.from + ' → ' + e.to : 'edge ' + i;
	};
	main.append(el('h2', 'Owners'), s.owners ? table([
		['#', (o, i) => String(i + 1), { num: true }],
		['section', o => el('span', o.section, o.generic ? el('span', { class: 'tag dup' }, 'generic') : null)],
		['edge and frame', o => (o.frames || []).map(f => el('div',
			el('span', { class: 'mono' }, f.function || '?'), ' ',
			el('span', { class: 'muted mono' }, f.file || ''),
			typeof f.edge === 'number' && f.edge >= 0 ? ' on ' + edgeName(f.edge) : ''))],
		['why', o => o.why && o.why.text ? o.why.text : ''],
		['people', o => (o.people || []).map(p => el('div', (p.name || '') + ' <' + (p.email || '') + '>'))],
		['lists', o => (o.lists || []).map(l => el('div', l.address || ''))]],
	s.owners) : el('p', { class: 'muted' },
		'no kernel tree configured (serve --kernel-tree or --kernel-repo)'));
	main.append(el('h2', 'Signatures sharing an edge'), table([
		['signature', r => sigName(r.id, r.title, r.signature)], ['shared edges', r => r.shared_edges, { num: true }]],
	s.related || []));
	main.append(el('h2', 'Regression'), regressionPanel(s, regs.regressions));
	// who did what, newest first: triage here, mail replies (their value
	// and note are text: a Message-ID, a period...), merges, escalation
	main.append(el('h2', 'History'), el('div', { id: 'history' }, table([
		['when', x => when(x.at)], ['who', x => x.actor || ''],
		['what', x => x.action === 'merged_in' ? 'merged into this' :
			x.action === 'merge' ? 'merged into' : x.action],
		['value', x => /^merge/.test(x.action) && /^\d+$/.test(x.value || '') ?
			sigLink(x.value) : x.value || ''], ['note', x => x.note || '', { wrap: true }]],
	s.history || [], 'history')));
	main.append(el('h2', 'Latest occurrences'), latestOccurrences(s, occ));
}

// One occurrence, collapsed: when its run ran, the run, machine, kernel;
// open, its report text and raw excerpt, or why there is none (a sample
// of each signature's occurrences keeps its text, docs/storage.md).
function occurrenceItem(o) {
	return el('details', { class: 'occurrence' },
		el('summary', seenAt(o.seen, o.received), ' run ', page(o.run, 'runs', o.run), ' on ',
			o.machine || '?', ' — ', el('span', { class: 'mono' }, o.kernel || '?'),
			o.text_kept ? null : el('span', { class: 'muted' }, ' (text not kept)')),
		o.text_kept ? [el('pre', o.text), el('details', el('summary', 'raw excerpt'), el('pre', o.raw))] :
			el('p', { class: 'muted' }, 'Its text was not kept: a sample of each signature\'s ' +
				'occurrences keeps theirs (the first, the first per kernel and tree, the latest).'));
}

// The newest occurrences by their runs' time, and a button that adds the
// 20 older ones after them (the API's next) until there are no more.
function latestOccurrences(s, occ) {
	if (!occ.occurrences.length)
		return el('p', { class: 'muted' }, 'none');
	const list = el('div', { id: 'occurrences' }, occ.occurrences.map(occurrenceItem));
	const shown = el('p', { class: 'muted', id: 'occurrences-shown' });
	const more = el('button', { type: 'button', id: 'occurrences-more' }, 'older occurrences');
	let next = occ.next, n = occ.occurrences.length;
	const count = () => {
		shown.textContent = 'The newest ' + n + ' of ' + s.occurrences +
			', newest run first' + (next ? '.' : ': all of them.');
		more.hidden = !next;
	};
	more.addEventListener('click', async () => {
		more.disabled = true;
		try {
			const r = await get('/signatures/' + s.id + '/occurrences?limit=20&cursor=' +
				encodeURIComponent(next));
			list.append(...r.occurrences.map(occurrenceItem));
			n += r.occurrences.length;
			next = r.next;
			count();
		} catch (e) {
			shown.textContent = 'loading older occurrences failed: ' + e.message;
		}
		more.disabled = false;
	});
	count();
	return el('div', shown, list, more);
}

// When a signature was seen (the time of its run: when it ran, if the run
// said so) and, when that is another day, when it came (a backfill).
function seenAt(at, received) {
	if (!received || !at || String(received).slice(0, 10) === String(at).slice(0, 10))
		return when(at);
	return el('span', when(at), el('span', { class: 'muted received' },
		' (came ', when(received, true), ')'));
}

// Each tree's first and last runs of a signature: which commit first and
// last showed it, on which kernel and machine, and when those runs ran.
function treeSpans(trees) {
	const run = x => x ? el('span', { class: 'tree-run' },
		when(x.at, true), ' ', x.commit ? commitName(x.commit) : el('span', { class: 'muted' }, 'no commit'),
		el('br'), el('span', { class: 'muted' }, 'run '), page(x.run, 'runs', x.run),
		x.machine ? el('span', { class: 'muted' }, ' on ' + x.machine) : null,
		x.kernel ? el('span', { class: 'mono muted' }, ' ' + x.kernel) : null) : '';
	return table([['tree', t => t.tree || el('span', { class: 'muted' }, '(not given)')],
		['occurrences', t => t.occurrences, { num: true }],
		['first seen', t => run(t.first)],
		['last seen', t => t.first && t.last && t.first.run === t.last.run ?
			el('span', { class: 'muted' }, 'the same run') : run(t.last)]],
	trees, 'first and last runs by tree');
}

// The signature's mute (a maintainer's "#splatd mute" reply), or null.
function muted(s) {
	const days = s.muted_until && new Date(s.muted_until) > new Date();
	if (!days && !s.mute_until_escalating)
		return null;
	return el('span', days ? ['until ', when(s.muted_until)] : null,
		days && s.mute_until_escalating ? ', and ' : null,
		s.mute_until_escalating ? 'until it escalates' : null,
		' (no mail about it)');
}

function regressionPanel(s, regs) {
	const mine = regs.filter(r => (r.signatures || []).includes(s.signature));
	const out = el('div');
	for (const r of mine)
		out.append(el('p', page('regression #' + r.id + ': ' + r.title, 'regressions', r.id),
			' — ', statusTag(r.status), ' · ' + r.clean_runs + ' clean run(s) counted'),
		el('ul', (r.links || []).map(l => el('li', extLink(l)))));
	if (!mine.length)
		out.append(el('p', { class: 'muted' }, 'not part of a regression'));
	if (canTriage() && !mine.length) {
		const f = el('form', { class: 'action', id: 'create-regression' },
			el('label', 'title', el('input', { name: 'title', value: s.title, size: 40, required: true })),
			el('label', 'link', el('input', { name: 'link', size: 30, placeholder: 'https://…' })),
			el('label', 'introduced', el('input', { name: 'introduced', size: 14 })),
			el('button', { type: 'submit' }, 'create regression'));
		f.addEventListener('submit', ev => act(ev, f, async d => {
			const body = { title: d.get('title'), signatures: [s.id] };
			if (d.get('link'))
				body.links = [d.get('link')];
			if (d.get('introduced'))
				body.introduced = d.get('introduced');
			const r = await call('POST', '/regressions', body);
			navigate('/regressions/' + r.id);
		}));
		out.append(f);
	}
	return out;
}

// Run an action from a form; its refusal (401/403/409...) is shown in the
// page next to the form.
async function act(ev, form, fn) {
	ev.preventDefault();
	let msg = form.querySelector('.refusal');
	if (!msg) {
		msg = el('p', { class: 'refusal', role: 'alert' });
		form.append(msg);
	}
	msg.textContent = '';
	try {
		await fn(new FormData(form));
	} catch (e) {
		msg.textContent = e.message;
	}
}

function triageForms(s) {
	const status = el('form', { class: 'action', id: 'set-status' },
		el('label', 'status', el('select', { name: 'status' }, STATUSES.map(x =>
			el('option', { selected: x === s.status }, x)))),
		el('label', 'note', el('input', { name: 'note', size: 40, value: s.note || '' })),
		el('button', { type: 'submit' }, 'change status'));
	status.addEventListener('submit', ev => act(ev, status, async d => {
		await call('PATCH', '/signatures/' + s.id, { status: d.get('status'), note: d.get('note') });
		render();
	}));
	const merge = el('form', { class: 'action', id: 'merge' },
		el('label', 'merge into signature #', el('input', { name: 'into', size: 8, inputmode: 'numeric' })),
		el('button', { type: 'submit' }, 'merge'));
	merge.addEventListener('submit', ev => act(ev, merge, async d => {
		await call('POST', '/signatures/' + s.id + '/merge', { into: Number(d.get('into')) });
		render();
	}));
	return el('section', { 'aria-label': 'triage' }, el('h2', 'Triage'), status, merge);
}

async function regressionsPage(main) {
	setTitle(main, 'Regressions');
	const q = params();
	main.append(filterForm([['status', 'status', REG_STATUSES]], '/regressions'));
	const r = await get('/regressions' + (q.get('status') ? '?status=' + encodeURIComponent(q.get('status')) : ''));
	if (!r.regressions.length) {
		main.append(el('p', { class: 'notice', id: 'no-regressions' }, q.get('status') ?
			['No regression is ' + q.get('status') + '. ', el('a', { href: '/regressions' },
				'all regressions')] :
			'No regression yet: a triager creates one from a signature’s page.'));
		return;
	}
	main.append(table([['regression', x => page('#' + x.id + ' ' + x.title, 'regressions', x.id)],
		['status', x => statusTag(x.status)], ['introduced', x => x.introduced || '', { mono: true }],
		['signatures', x => String((x.signatures || []).length), { num: true }],
		['clean runs', x => x.clean_runs, { num: true }],
		['links', x => (x.links || []).map(l => el('div', extLink(l)))],
		['updated', x => when(x.updated)]], r.regressions));
}

async function regressionPage(main, id) {
	const [r, h] = await Promise.all([get('/regressions/' + encodeURIComponent(id)),
		get('/regressions/' + encodeURIComponent(id) + '/history')]);
	setTitle(main, 'Regression #' + r.id + ': ' + r.title);
	main.append(facts([
		['status', el('span', statusTag(r.status), r.resolution ? ' — ' + r.resolution : '')],
		['introduced', el('span', { class: 'mono' }, r.introduced || 'unknown')],
		['links', (r.links || []).length ? el('ul', r.links.map(l => el('li', extLink(l)))) :
			el('span', { class: 'muted', id: 'no-links' }, 'none yet (a report, a thread, a bug)')],
		['fix', r.fix_commit ? el('span', { class: 'mono' }, r.fix_commit + (r.fix_repo ? ' in ' + r.fix_repo : '')) :
			r.fix_expected ? 'no commit found yet' : 'none known'],
		r.fix_expected ? ['fix expected', el('span', { id: 'fix-expected' },
			el('span', { class: 'fix-subject' }, r.fix_expected.fix),
			r.fix_expected.by ? ', named by ' + r.fix_expected.by : '',
			r.fix_expected.at ? [' on ', when(r.fix_expected.at)] : '',
			r.fix_commit ? '' : ' (no commit in a configured tree matches it yet)')] : null,
		// counted once a fix is known: before, "0 of 3 clean runs with
		// the fix" read as if there were one
		['clean runs', r.fix_commit ? el('span', { class: 'progress' }, r.clean_runs + ' of ' +
			r.fixed_after + ' clean runs with the fix') : el('span', { class: 'muted', id: 'no-fix-runs' },
			'none counted: no fix on a trusted tree yet (' + r.fixed_after +
			' clean runs on kernels with it will mark it fixed)')],
		['created', when(r.created)], ['updated', when(r.updated)]]));
	if (canTriage())
		main.append(regressionForm(r));
	main.append(el('h2', 'Signatures'), table([['signature', x => sigName(x.id, x.title, x.signature)],
		['kind', x => x.kind], ['count', x => x.occurrences, { num: true }],
		['first seen', x => when(x.first_seen)], ['last seen', x => when(x.last_seen)]],
	r.signatures || []));
	const tl = {};
	for (const x of r.signatures || [])
		for (const t of x.timeline || [])
			tl[t.ts.slice(0, 10)] = (tl[t.ts.slice(0, 10)] || 0) + 1;
	const days = Object.keys(tl).sort(), first = days[0], last = days[days.length - 1];
	const cut = (r.signatures || []).filter(x => (x.timeline || []).length < x.occurrences);
	const dayOf = d => when(d + 'T00:00:00Z', true);
	if (first) {
		const [from, to] = daySpan(first, last, 30);
		main.append(el('h2', 'Occurrence timeline'), ...cut.length ? [el('p', { class: 'muted',
			id: 'timeline-cut' }, 'Only the newest ' + (r.timeline_limit || 20) +
			' occurrences of each signature are drawn, from ', dayOf(first), ': ' +
			cut.map(x => '#' + x.id + ' has ' + x.occurrences).join(', ') +
			' in all (its page has every day).')] : [],
		el('p', { class: 'muted', id: 'timeline-span' }, 'Occurrences on ' + days.length +
			' day(s), ', dayOf(first), ' to ', dayOf(last), '.'),
		bars(dayRange(from, tl, to), 'occurrences'));
	}
	main.append(el('h2', 'Suspects'), el('p', { class: 'muted', id: 'suspects-range' },
		suspectsRange(r.suspects_range)),
		table([['commit', x => String(x.commit || x.id || ''), { mono: true }],
			['subject', x => x.subject || ''],
			['files', x => (x.files || []).map(f => el('div', { class: 'mono' }, typeof f === 'string' ? f : JSON.stringify(f)))],
			['why', x => x.why || '']],
		r.suspects || []));
	main.append(el('h2', 'Fix evidence'), table([['tree', x => x.tree],
		['trusted', x => x.trusted ? 'trusted' : 'untrusted'],
		['commit', x => x.commit || x.commit_id || '', { mono: true }], ['subject', x => x.subject || ''],
		['how', x => x.how || '']], r.evidence || []));
	// the clean-run count started over (a reopen, a new fix): the rows
	// from before it no longer count, whatever their "(N of M)" says
	const reset = r.clean_runs_reset;
	const before = reset ? resetWords(reset.to) : '';
	main.append(el('h2', 'Runs counted'), ...reset ? [el('p', { class: 'muted', id: 'runs-reset' },
		'The clean-run count started over ' + before.replace('before ', 'at ') + ' on ', when(reset.at),
		': runs marked "' + before + '" no longer count.')] : [],
	table([['run', x => page(x.run || x.id, 'runs', x.run || x.id)],
		['seen', x => x.seen ? 'splat seen' : 'clean'],
		['counted', x => (x.counted ? 'yes' : 'no') + (x.before_reset ? ', ' + before : '')],
		['why', x => x.why || '']], r.runs || []));
	main.append(el('h2', 'History'), table([['when', x => when(x.ts)], ['who', x => x.actor],
		['what', x => x.action], ['old', x => x.old || ''], ['new', x => x.new || ''],
		['why', x => x.reason || '']], h.history));
}

// What started a regression's clean-run count over, by the status it took.
function resetWords(to) {
	return to === 'fix_known' ? 'before the new fix' : to === 'open' ? 'before the reopen by hand' :
		'before the reopen';
}

// Where suspects were looked for ({clean, bad, repo, index, reason}): the
// range, or why there is none.
function suspectsRange(g) {
	if (!g)
		return '';
	if (g.reason)
		return g.reason;
	const ix = g.index;
	return 'commits after ' + (g.clean ? String(g.clean).slice(0, 12) : 'the start') +
		' up to ' + String(g.bad || '?').slice(0, 12) + ' in ' + (g.repo || '?') +
		(ix ? ', files from the function index of ' + String(ix.id || '?').slice(0, 12) +
			' (' + ix.from + (ix.distance ? ', ' + ix.distance + ' commit(s) away' : '') + ')' : '');
}

function regressionForm(r) {
	const f = el('form', { class: 'action', id: 'edit-regression' },
		el('label', 'title', el('input', { name: 'title', value: r.title, size: 40 })),
		el('label', 'links (one per line)', el('textarea', { name: 'links', rows: 2, cols: 40 },
			(r.links || []).join('\n'))),
		el('label', 'introduced', el('input', { name: 'introduced', value: r.introduced || '', size: 14 })),
		el('label', 'status', el('select', { name: 'status' }, el('option', { value: '' }, 'unchanged'),
			['resolved', 'open'].map(x => el('option', x)))),
		el('label', 'reason', el('input', { name: 'reason', size: 30 })),
		el('button', { type: 'submit' }, 'save'));
	f.addEventListener('submit', ev => act(ev, f, async d => {
		const body = { title: d.get('title'), links: d.get('links').split('\n').map(x => x.trim()).filter(x => x) };
		if (d.get('introduced'))
			body.introduced = d.get('introduced');
		if (d.get('status')) {
			body.status = d.get('status');
			if (d.get('reason'))
				body.reason = d.get('reason');
		}
		await call('PATCH', '/regressions/' + r.id, body);
		render();
	}));
	return el('section', { 'aria-label': 'edit' }, el('h2', 'Edit'), f);
}

// A small line of weekly values (oldest first), with its numbers as text.
function spark(values, caption) {
	const W = 120, H = 28, max = Math.max(1, ...values);
	const step = values.length > 1 ? W / (values.length - 1) : W;
	const pts = values.map((v, i) => (i * step).toFixed(1) + ',' +
		(H - 2 - (H - 4) * v / max).toFixed(1)).join(' ');
	return svg('svg', { class: 'spark', viewBox: `0 0 ${W} ${H}`, width: W, height: H,
		role: 'img', 'aria-label': caption + ': ' + values.join(', ') },
	svg('title', {}, caption + ': ' + values.join(', ')),
	svg('polyline', { points: pts, fill: 'none' }));
}

// A section's weeks as "open signatures" and "occurrences" lines.
function trendCells(weeks) {
	const sig = weeks.map(w => w.open_signatures), occ = weeks.map(w => w.occurrences);
	return el('span', { class: 'trend' },
		spark(sig, 'open signatures seen per week'), ' ',
		el('span', { class: 'num' }, String(sig[sig.length - 1] || 0)),
		spark(occ, 'occurrences per week'), ' ',
		el('span', { class: 'num' }, String(occ[occ.length - 1] || 0)));
}

async function subsystemsPage(main) {
	setTitle(main, 'Subsystems');
	const r = await getOpt('/subsystems');
	if (!r) {
		main.append(el('p', { class: 'muted' }, 'no kernel tree configured (serve --kernel-tree or --kernel-repo)'));
		return;
	}
	const t = await get('/subsystems/trend?weeks=12');
	if (r.owners_pending)
		main.append(ownersPending(r.owners_pending));
	const trend = {};
	for (const x of t.subsystems)
		trend[x.name] = x.weeks;
	main.append(el('p', { class: 'muted' }, 'Trend: open signatures seen, then their ' +
		'occurrences, per week for 12 weeks since ', when(t.since, true),
		'; the number is this week’s.'));
	main.append(table([['section', x => page(x.name, 'subsystems', x.name)],
		['generic', x => x.generic ? 'generic' : ''],
		['open signatures', x => x.open_signatures, { num: true }],
		['trend (signatures, occurrences)', x => trend[x.name] ? trendCells(trend[x.name]) : '']],
	r.subsystems, 'subsystems'));
}
async function subsystemPage(main, name) {
	setTitle(main, name);
	// a name may hold "/" (KERNEL VIRTUAL MACHINE for s390 (KVM/s390)):
	// the API routes it by its /signatures suffix
	const [r, t] = await Promise.all([
		getOpt('/subsystems/' + encodeURIComponent(name) + '/signatures'),
		get('/subsystems/trend?weeks=12&section=' + encodeURIComponent(name))]);
	if (!r) {
		main.append(el('p', { class: 'notice', id: 'no-such-section' },
			'No such section: no signature has a MAINTAINERS section of this name ' +
			'among its owners (or no kernel tree is configured).'),
		el('p', page('all sections', 'subsystems')));
		return;
	}
	if (r.owners_pending)
		main.append(ownersPending(r.owners_pending));
	const weeks = t.subsystems.length ? t.subsystems[0].weeks : [];
	main.append(el('h2', 'Trend (12 weeks)'),
		el('div', { class: 'cards' },
			el('section', el('h3', 'Open signatures seen per week'),
				bars(weeks.map(w => ({ label: w.week, count: w.open_signatures,
					title: 'week of ' + w.week + ': ' + w.open_signatures })),
				'open signatures seen per week', true)),
			el('section', el('h3', 'Occurrences per week'),
				bars(weeks.map(w => ({ label: w.week, count: w.occurrences,
					title: 'week of ' + w.week + ': ' + w.occurrences })),
				'occurrences per week', true))));
	main.append(el('p', el('a', { href: '/signatures?subsystem=' + encodeURIComponent(name) },
		'filter the signature list by this section')));
	const distinct = distinctClasses(r.signatures);
	main.append(el('h2', 'Open signatures'), table([['title', x => sigTitleCell(x, distinct)], ['kind', s => s.kind],
		['status', s => statusTag(s.status)], ['count', s => s.occurrences, { num: true }],
		['last seen', s => when(s.last_seen)]], r.signatures));
}

async function runsPage(main) {
	setTitle(main, 'Runs');
	const q = params();
	main.append(filterForm([['machine', 'machine']], '/runs'));
	const api = new URLSearchParams({ limit: '50' });
	for (const k of ['machine', 'cursor'])
		if (q.get(k))
			api.set(k, q.get(k));
	const r = await get('/runs?' + api);
	main.append(el('p', { class: 'muted' }, 'Newest first by each run’s time: when it ' +
		'started if it said so, else when it came.'));
	main.append(r.runs.length || q.get('cursor') ? runsTable(r.runs) :
		el('p', { class: 'notice', id: 'no-runs' }, q.get('machine') ?
			['No run from machine “' + q.get('machine') + '”. ',
				el('a', { href: '/runs' }, 'all runs')] :
			'No run yet: CI sends them to POST /api/v1/runs (docs/api.md).'));
	const pages = el('p', { class: 'pages' });
	if (q.get('cursor')) {
		const fq = new URLSearchParams(q);
		fq.delete('cursor');
		pages.append(el('a', { href: '/runs' + (fq.toString() ? '?' + fq : ''),
			rel: 'first' }, '← first page'), ' ');
	}
	if (r.next) {
		const nq = new URLSearchParams(q);
		nq.set('cursor', r.next);
		pages.append(el('a', { href: '/runs?' + nq, rel: 'next' }, 'next page →'));
	}
	if (pages.childNodes.length)
		main.append(pages);
}

async function runPage(main, id) {
	const r = await get('/runs/' + encodeURIComponent(id));
	setTitle(main, 'Run ' + r.run.id);
	const run = r.run;
	// what the run did not say, said so (not "?" here and nothing there)
	const unsaid = v => v || el('span', { class: 'muted' }, 'not given');
	main.append(facts([['machine', unsaid(run.machine)], ['tree', unsaid(run.tree)],
		['branch', unsaid(run.branch)], ['kernel', unsaid(run.kernel)],
		['commit', run.commit ? el('span', { class: 'mono' }, run.commit) : unsaid()],
		['test', unsaid(run.test)],
		['started', run.time_is === 'started_at' ? when(run.time) : run.started_at ?
			el('span', el('span', { class: 'mono' }, run.started_at),
				' (not a time before it came: listed by when it came)') :
			el('span', { class: 'muted' }, 'not given (listed by when it came)')],
		['received', when(run.received_at)], ['log', run.log_size + ' bytes, sha256 ' + run.log_sha256],
		['lockdep', lockdepState(run, true)]]));
	main.append(el('h2', 'Reports'), table([['signature', x => sigName(x.signature_id, x.title, x.signature)],
		['kind', x => x.kind], ['verdict', x => x.new ? 'new signature' : 'seen before'],
		['status', x => statusTag(x.status)], ['count', x => x.occurrences, { num: true }]],
	r.reports || []));
	// what the run did to regressions: counted clean, seen, reopened
	const regs = r.regressions || [];
	for (const g of regs.filter(x => x.reopened))
		main.append(el('p', { class: 'notice reopened' }, 'This run reopened ',
			page('regression #' + g.id + ': ' + g.title, 'regressions', g.id), ': ' + g.why));
	main.append(el('h2', 'Regressions'), table([
		['regression', g => page('#' + g.id + ' ' + g.title, 'regressions', g.id)],
		['status', g => statusTag(g.status)],
		['this run', g => g.reopened ? 'reopened it' : g.seen ? 'splat seen' :
			g.counted ? 'clean, counted' : 'clean, not counted'],
		['why', g => g.why || '']], regs));
}

// ---- the router --------------------------------------------------------------

const routes = [
	[/^\/$/, overviewPage],
	[/^\/signatures\/?$/, signaturesPage],
	[/^\/signatures\/([^/]+)$/, signaturePage],
	[/^\/regressions\/?$/, regressionsPage],
	[/^\/regressions\/([^/]+)$/, regressionPage],
	[/^\/subsystems\/?$/, subsystemsPage],
	[/^\/subsystems\/(.+)$/, subsystemPage],
	[/^\/runs\/?$/, runsPage],
	[/^\/runs\/([^/]+)$/, runPage],
];

async function render() {
	const seq = ++renderSeq;
	const main = el('main', { id: 'main', tabindex: '-1' });
	showError(signinError);
	const path = location.pathname;
	for (const a of document.querySelectorAll('header nav a')) {
		const href = a.getAttribute('href');
		if (href !== '/' && path.startsWith(href))
			a.setAttribute('aria-current', 'page');
		else
			a.removeAttribute('aria-current');
	}
	let found = false;
	try {
		for (const [re, fn] of routes) {
			const m = re.exec(path);
			if (m) {
				found = true;
				await fn(main, ...m.slice(1).map(decodeURIComponent));
				break;
			}
		}
		if (!found)
			setTitle(main, 'No such page');
	} catch (e) {
		if (seq !== renderSeq)
			return;
		const retry = el('button', { type: 'button', class: 'retry' }, 'retry');
		retry.addEventListener('click', () => render());
		// a page of something that is not (a stale link): say so, and
		// offer its list
		const list = e.status === 404 && /^\/(signatures|regressions|runs)\/[^/]+$/.exec(path);
		if (list && !main.querySelector('h1'))
			setTitle(main, 'Not found');
		main.append(el('p', { class: 'failed' }, 'could not load this page: ' + e.message,
			e.unreachable ? [' ', retry] : null));
		if (list)
			main.append(el('p', el('a', { href: '/' + list[1] }, 'all ' + list[1])));
		// a list's cursor it refuses (a stale or edited link): its
		// first page, the other filters kept
		const sq = new URLSearchParams(location.search);
		if (e.status === 400 && /cursor/.test(e.message) && sq.has('cursor') &&
			/^\/(signatures|runs)$/.test(path)) {
			sq.delete('cursor');
			main.append(el('p', el('a', { href: path + (sq.toString() ? '?' + sq : ''),
				rel: 'first' }, '← first page')));
		}
		showError(e.message);
	}
	if (seq !== renderSeq)
		return;
	document.getElementById('main').replaceWith(main);
	document.body.dataset.rendered = location.pathname + location.search;
}

// Move to url inside the dashboard; the new page's main takes the focus
// (a keyboard or screen reader user starts in it, not on the link that
// was removed with the old page).
async function navigate(url) {
	history.pushState(null, '', url);
	window.scrollTo(0, 0);
	await render();
	if (location.pathname + location.search === url.replace(/#.*/, ''))
		document.getElementById('main').focus({ preventScroll: true });
}

document.addEventListener('click', ev => {
	const a = ev.target.closest && ev.target.closest('a[href]');
	if (!a || ev.defaultPrevented || ev.button !== 0 || ev.metaKey ||
	    ev.ctrlKey || ev.shiftKey || ev.altKey)
		return;
	const url = new URL(a.href, location.href);
	if (url.origin !== location.origin || !routes.some(([re]) => re.test(url.pathname)))
		return;
	ev.preventDefault();
	navigate(url.pathname + url.search);
});
window.addEventListener('popstate', render);

document.getElementById('signin').addEventListener('submit', async ev => {
	ev.preventDefault();
	const input = ev.target.elements.token;
	if (input.value.trim())
		sessionStorage.setItem(TOKEN_KEY, input.value.trim());
	input.value = '';
	await refreshWho();
	render();
});
document.getElementById('signout').addEventListener('click', async () => {
	sessionStorage.removeItem(TOKEN_KEY);
	await refreshWho();
	render();
});

// A #token=SECRET fragment (never sent to a server) signs in, then leaves
// the address bar.
(function tokenFromFragment() {
	const m = /^#token=(.+)$/.exec(location.hash);
	if (!m)
		return;
	sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(m[1]));
	history.replaceState(null, '', location.pathname + location.search);
})();

refreshWho().then(render);
