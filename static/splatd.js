// SPDX-License-Identifier: GPL-2.0
// splatd.js: list signatures from the REST API and show one; lock names
// contain & < > and quotes, so every value goes through textContent.
// With `serve --private` every read needs a token: the one signed in with
// (the token field, or a link ending in #token=SECRET) is kept in this tab's
// sessionStorage and sent as Authorization: Bearer on every fetch.
'use strict';

const api = '/api/v1';
const tokenKey = 'splatd.token';
let next = null;

function token() {
	return sessionStorage.getItem(tokenKey) || '';
}

function setToken(t) {
	if (t)
		sessionStorage.setItem(tokenKey, t);
	else
		sessionStorage.removeItem(tokenKey);
	document.getElementById('signout').hidden = !t;
}

// A #token=SECRET fragment (never sent to the server) signs in, then leaves
// the address bar.
function tokenFromFragment() {
	const m = /^#token=(.+)$/.exec(location.hash);
	if (!m)
		return;
	setToken(decodeURIComponent(m[1]));
	history.replaceState(null, '', location.pathname + location.search);
}

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
	const headers = { Accept: 'application/json' };
	if (token())
		headers.Authorization = 'Bearer ' + token();
	const r = await fetch(url, { headers });
	const body = await r.json().catch(() => ({}));
	if (r.status === 401)
		throw new Error('sign in with a token (this server needs one): ' +
				(body.detail || 'unauthorized'));
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
document.getElementById('signin').addEventListener('submit', ev => {
	ev.preventDefault();
	const input = ev.target.elements.token;
	setToken(input.value.trim());
	input.value = '';
	load(false);
});
document.getElementById('signout').addEventListener('click', () => {
	setToken('');
	load(false);
});
tokenFromFragment();
setToken(token());
load(false);
