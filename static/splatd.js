// SPDX-License-Identifier: GPL-2.0
// splatd.js: list signatures from the REST API and show one; lock names
// contain & < > and quotes, so every value goes through textContent.
'use strict';

const api = '/api/v1';
let next = null;

function el(tag, text, cls) {
	const e = document.createElement(tag);
	if (text !== undefined && text !== null)
		e.textContent = String(text);
	if (cls)
		e.className = cls;
	return e;
}

function showError(msg) {
	const p = document.getElementById('error');
	p.textContent = msg;
	p.hidden = !msg;
}

async function getJSON(url) {
	const r = await fetch(url, { headers: { Accept: 'application/json' } });
	const body = await r.json().catch(() => ({}));
	if (!r.ok)
		throw new Error((body.error || r.status) + (body.detail ? ': ' + body.detail : ''));
	return body;
}

function query(cursor) {
	const f = new FormData(document.getElementById('filters'));
	const q = new URLSearchParams();
	for (const [k, v] of f.entries())
		if (v)
			q.set(k, v);
	q.set('limit', '50');
	if (cursor)
		q.set('cursor', cursor);
	return api + '/signatures?' + q.toString();
}

async function load(append) {
	showError('');
	try {
		const data = await getJSON(query(append ? next : null));
		const tbody = document.querySelector('#signatures tbody');
		if (!append)
			tbody.replaceChildren();
		for (const s of data.signatures) {
			const tr = el('tr');
			tr.append(el('td', s.title), el('td', s.kind), el('td', s.status),
				  el('td', s.occurrences), el('td', s.first_seen),
				  el('td', s.last_seen), el('td', s.signature, 'sig'));
			tr.addEventListener('click', () => detail(s.id));
			tbody.append(tr);
		}
		next = data.next;
		document.getElementById('more').hidden = !next;
	} catch (e) {
		showError('could not list signatures: ' + e.message);
	}
}

function fact(dl, name, value) {
	dl.append(el('dt', name), el('dd', value));
}

async function detail(id) {
	showError('');
	try {
		const s = await getJSON(api + '/signatures/' + encodeURIComponent(id));
		document.getElementById('detail').hidden = false;
		document.getElementById('d-title').textContent = s.title;
		const dl = document.getElementById('d-facts');
		dl.replaceChildren();
		fact(dl, 'kind', s.kind);
		fact(dl, 'signature', s.signature + ' (algorithm v' + s.algo_version + ')');
		fact(dl, 'status', s.status + (s.note ? ' — ' + s.note : ''));
		fact(dl, 'occurrences', s.occurrences);
		fact(dl, 'first / last seen', s.first_seen + ' / ' + s.last_seen);
		if (s.culprit)
			fact(dl, 'culprit', s.culprit.function + (s.culprit.module ? ' [' + s.culprit.module + ']' : ''));
		fact(dl, 'kernels', (s.kernels || []).map(k => k.kernel + ' ×' + k.occurrences).join(', '));
		fact(dl, 'machines', (s.machines || []).map(m => m.machine + ' ×' + m.occurrences).join(', '));
		const chain = document.getElementById('d-chain');
		chain.replaceChildren(...(s.chain || []).map(c => el('li', c)));
		const edges = document.getElementById('d-edges');
		edges.replaceChildren(...(s.edges || []).map(e =>
			el('li', e.from + ' -> ' + e.to + (e.function ? '   (' + e.function + ')' : ''))));
		const owners = document.getElementById('d-owners');
		owners.replaceChildren(...(s.owners || []).map(o =>
			el('li', o.section + ': ' + (o.people || []).map(p => p.name + ' <' + p.email + '>').join(', '))));
		if (!s.owners)
			owners.append(el('li', 'no kernel tree configured (serve --kernel-tree or --kernel-repo)'));
	} catch (e) {
		showError('could not load signature ' + id + ': ' + e.message);
	}
}

document.getElementById('filters').addEventListener('submit', ev => {
	ev.preventDefault();
	load(false);
});
document.getElementById('more').addEventListener('click', () => load(true));
load(false);
