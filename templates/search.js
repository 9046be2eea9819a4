/*
 * search.js: the site search of umpress.  search.html?q=WORDS lists the
 * pages that have those words, found in search-index.js, the index
 * `umpress build` made from the pages (generator/search.c).  A word is
 * found by its key, made here as generator/stem.c makes it for the
 * index ("retesting" finds "retests"); tests/search/vectors.txt holds
 * both to the same answers.  No framework and no server: it runs from
 * the site's folder opened from disk as well as from a web server.
 */
(function (root) {
	'use strict';

	/* ---- words and their keys (as generator/stem.c) ---------------- */

	/* Whether a code point is part of a word. */
	function wordChar(c) {
		if (c < 0x80)
			return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ||
			    (c >= 48 && c <= 57);
		if (c < 0xC0 || c === 0xD7 || c === 0xF7 ||
		    (c >= 0xD800 && c <= 0xDFFF))
			return false;
		if ((c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 &&
		    c <= 0x303F) || (c >= 0xFE00 && c <= 0xFE0F) ||
		    c === 0xFEFF || c >= 0xFFF0)
			return c > 0xFFFF;
		return true;
	}

	/* The words of s, as [start, end) offsets. */
	function spans(s) {
		var out = [], i = 0, start = -1, c;

		while (i < s.length) {
			c = s.codePointAt(i);
			if (wordChar(c)) {
				if (start < 0)
					start = i;
			} else if (start >= 0) {
				out.push([start, i]);
				start = -1;
			}
			i += c > 0xFFFF ? 2 : 1;
		}
		if (start >= 0)
			out.push([start, s.length]);
		return out;
	}

	function words(s) {
		return spans(s).map(function (sp) {
			return s.substring(sp[0], sp[1]);
		});
	}

	/*
	 * M.F. Porter's stemmer as published (1980), as generator/stem.c
	 * has it, step by step: b holds the word, b[0..k] what is left of
	 * it, j the end of the stem a suffix test leaves.
	 */
	function porter(w) {
		var b = w.split(''), k = b.length - 1, j = 0;

		function cons(i) {
			switch (b[i]) {
			case 'a': case 'e': case 'i': case 'o': case 'u':
				return false;
			case 'y':
				return i === 0 ? true : !cons(i - 1);
			}
			return true;
		}
		function measure() {
			var n = 0, i = 0;

			for (;; i++) {
				if (i > j)
					return n;
				if (!cons(i))
					break;
			}
			for (i++;;) {
				for (;; i++) {
					if (i > j)
						return n;
					if (cons(i))
						break;
				}
				n++;
				for (i++;; i++) {
					if (i > j)
						return n;
					if (!cons(i))
						break;
				}
				i++;
			}
		}
		function vowelInStem() {
			for (var i = 0; i <= j; i++)
				if (!cons(i))
					return true;
			return false;
		}
		function doubleCons(i) {
			return i >= 1 && b[i] === b[i - 1] && cons(i);
		}
		function cvc(i) {
			if (i < 2 || !cons(i) || cons(i - 1) || !cons(i - 2))
				return false;
			return b[i] !== 'w' && b[i] !== 'x' && b[i] !== 'y';
		}
		function ends(s) {
			var n = s.length;

			if (n > k + 1 || b.slice(k - n + 1, k + 1).join('') !== s)
				return false;
			j = k - n;
			return true;
		}
		function setTo(s) {
			for (var i = 0; i < s.length; i++)
				b[j + 1 + i] = s.charAt(i);
			k = j + s.length;
		}
		function suffixes(t, min) {
			for (var i = 0; i < t.length; i += 2)
				if (ends(t[i])) {
					if (measure() > min)
						setTo(t[i + 1]);
					return;
				}
		}
		function step1ab() {
			if (b[k] === 's') {
				if (ends('sses'))
					k -= 2;
				else if (ends('ies'))
					setTo('i');
				else if (k === 0 || b[k - 1] !== 's')
					k--;
			}
			if (ends('eed')) {
				if (measure() > 0)
					k--;
			} else if ((ends('ed') || ends('ing')) && vowelInStem()) {
				k = j;
				if (ends('at'))
					setTo('ate');
				else if (ends('bl'))
					setTo('ble');
				else if (ends('iz'))
					setTo('ize');
				else if (doubleCons(k)) {
					k--;
					if ('lsz'.indexOf(b[k]) >= 0)
						k++;
				} else {
					j = k;
					if (measure() === 1 && cvc(k))
						setTo('e');
				}
			}
		}
		function step4() {
			var t = ['al', 'ance', 'ence', 'er', 'ic', 'able', 'ible',
			    'ant', 'ement', 'ment', 'ent', 'ion', 'ou', 'ism',
			    'ate', 'iti', 'ous', 'ive', 'ize'], i;

			for (i = 0; i < t.length; i++)
				if (ends(t[i]))
					break;
			if (i === t.length)
				return;
			if (t[i] === 'ion' && (j < 0 || (b[j] !== 's' &&
			    b[j] !== 't')))
				return;
			if (measure() > 1)
				k = j;
		}
		function step5() {
			var m;

			j = k;
			if (b[k] === 'e') {
				m = measure();
				if (m > 1 || (m === 1 && !cvc(k - 1)))
					k--;
			}
			if (b[k] === 'l' && doubleCons(k) && measure() > 1)
				k--;
		}

		if (k < 0)
			return w;
		step1ab();
		if (k > 0) {
			if (ends('y') && vowelInStem())
				b[k] = 'i';
			if (k >= 1)
				suffixes(['ational', 'ate', 'tional', 'tion',
				    'enci', 'ence', 'anci', 'ance', 'izer', 'ize',
				    'abli', 'able', 'alli', 'al', 'entli', 'ent',
				    'eli', 'e', 'ousli', 'ous', 'ization', 'ize',
				    'ation', 'ate', 'ator', 'ate', 'alism', 'al',
				    'iveness', 'ive', 'fulness', 'ful', 'ousness',
				    'ous', 'aliti', 'al', 'iviti', 'ive', 'biliti',
				    'ble'], 0);
			suffixes(['icate', 'ic', 'ative', '', 'alize', 'al',
			    'iciti', 'ic', 'ical', 'ic', 'ful', '', 'ness', ''],
			    0);
			step4();
			step5();
		}
		return b.slice(0, k + 1).join('');
	}

	/* A word's key: ASCII lowercased; a word of a-z stemmed. */
	function key(w) {
		var low = w.replace(/[A-Z]+/g, function (s) {
			return s.toLowerCase();
		});

		return /^[a-z]+$/.test(low) ? porter(low) : low;
	}

	/* ---- the index (generator/search.c) ------------------------------ */

	var DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUV' +
	    'WXYZabcdefghijklmnopqrstuvwxyz-_';

	/* The numbers of a string: base 32, the last digit of each number
	 * from the second half of DIGITS. */
	function nums(s) {
		var out = [], v = 0, d, i;

		for (i = 0; i < s.length; i++) {
			d = DIGITS.indexOf(s.charAt(i));
			if (d < 32)
				v = v * 32 + d;
			else {
				out.push(v * 32 + d - 32);
				v = 0;
			}
		}
		return out;
	}

	function list(s) {
		return s === '' ? [] : s.split(' ');
	}

	var FRONT = '0123456789abcdefghijklmnopqrstuvwxyz';

	/* Front-coded strings: each starts with how many characters of the
	 * one before it it begins with. */
	function fronts(s) {
		var prev = '';

		return list(s).map(function (e) {
			prev = prev.substring(0, FRONT.indexOf(e.charAt(0))) +
			    e.substring(1);
			return prev;
		});
	}

	/* The anchor content.c gives a heading: its text's slug. */
	function slug(s) {
		var out = '', dash = false, i, c;

		for (i = 0; i < s.length; i++) {
			c = s.charCodeAt(i);
			if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) ||
			    (c >= 65 && c <= 90) || c >= 0x80) {
				if (dash && out !== '')
					out += '-';
				dash = false;
				out += c >= 65 && c <= 90 ?
				    String.fromCharCode(c + 32) : s.charAt(i);
			} else
				dash = true;
		}
		return out;
	}

	/* Each chunk's stems: (stem + 1) * 2, odd when another follows;
	 * 0 for none. */
	function chunkStems(v) {
		var out = [], cur = [], i;

		for (i = 0; i < v.length; i++) {
			if (v[i] === 0) {
				out.push([]);
				continue;
			}
			cur.push((v[i] >> 1) - 1);
			if (!(v[i] & 1)) {
				out.push(cur);
				cur = [];
			}
		}
		return out;
	}

	/* A page's headings' anchors: "" the slug of the text, "-" none. */
	function anchors(ix, pg, coded) {
		var out = [], h = 0, i, a;

		for (i = 0; i < pg.blocks.length; i++) {
			if (ix.blocks[pg.blocks[i]][0] === 0)
				continue;
			a = coded[h++] || '';
			out.push(a === '-' ? '' : a === '' ?
			    slug(text(ix, pg.blocks[i])) : a);
		}
		return out;
	}

	/* The index as search() reads it. */
	function load(ix) {
		var stems = fronts(ix.stems), out, i;

		out = {
			stem: Object.create(null),
			words: fronts(ix.words),
			wordStems: chunkStems(nums(ix.keys)),
			blocks: list(ix.blocks).map(nums),
			pages: ix.pages.map(function (pg) {
				return { path: pg[0], blocks: nums(pg[1]) };
			})
		};
		for (i = 0; i < stems.length; i++)
			out.stem[stems[i]] = i;
		for (i = 0; i < out.pages.length; i++)
			out.pages[i].anchors = anchors(out, out.pages[i],
			    ix.pages[i][2].split(' '));
		return out;
	}

	/* The query's keys the index has, each once (at most 30). */
	function terms(ix, q) {
		var out = [], seen = Object.create(null), ws = words(q), k, i;

		for (i = 0; i < ws.length && out.length < 30; i++) {
			k = key(ws[i]);
			if (k in ix.stem && !(k in seen)) {
				seen[k] = true;
				out.push({ key: k, stem: ix.stem[k] });
			}
		}
		return out;
	}

	function bits(x) {
		var n = 0;

		for (; x; x &= x - 1)
			n++;
		return n;
	}

	/*
	 * How good a block is to show: the terms it has, and those of the
	 * heading of its section, two each, and one more in a section
	 * whose heading has any, so that "retest" shows the Retests
	 * section rather than a first mention above it.  A heading is
	 * shown only when no text is as good.  0: not to be shown.
	 */
	function worth(kind, found, secBits) {
		if (kind === 1)
			return 0;
		if (kind === 2)
			return 2 * bits(found);
		return (found | secBits) === 0 ? 0 :
		    2 * bits(found | secBits) + (secBits ? 1 : 0);
	}

	/* One page against the terms: how often each is in the title, a
	 * heading, the text; the block best to show, and its section. */
	function match(ix, pg, mask) {
		var per = [], best = -1, bestWorth = 0, section = '', where = '',
		    secBits = 0, h = 0, i, c, blk, kind, anchor, found, m, t, w;

		for (i = 0; i < pg.blocks.length; i++) {
			blk = ix.blocks[pg.blocks[i]];
			kind = blk[0];
			anchor = kind > 0 ? pg.anchors[h++] : '';
			found = 0;
			for (c = 1; c < blk.length; c++) {
				if (!(m = mask[blk[c]]))
					continue;
				found |= m;
				for (t = 0; m; t++, m >>>= 1)
					if (m & 1) {
						per[t] = per[t] || [0, 0, 0];
						per[t][kind]++;
					}
			}
			if (kind === 2) {
				section = anchor;
				secBits = found;
			}
			if ((w = worth(kind, found, secBits)) > bestWorth) {
				best = pg.blocks[i];
				bestWorth = w;
				where = section;
			}
		}
		return { per: per, block: best, section: where };
	}

	/*
	 * search: the pages with any of the query's words: first those with
	 * more of them, then by a score (in the title 10, in a heading 3,
	 * in the text once for each time, up to 5), then in site order.
	 */
	function search(ix, q) {
		var ts = terms(ix, q), mask = [], hits = [], i, s, t, r, n, p;

		for (t = 0; t < ts.length; t++)
			for (i = 0; i < ix.wordStems.length; i++)
				if (ix.wordStems[i].indexOf(ts[t].stem) >= 0)
					mask[i] = (mask[i] || 0) | 1 << t;
		for (p = 0; ts.length > 0 && p < ix.pages.length; p++) {
			r = match(ix, ix.pages[p], mask);
			for (n = 0, s = 0, t = 0; t < ts.length; t++) {
				if (!r.per[t])
					continue;
				n++;
				s += (r.per[t][1] ? 10 : 0) + (r.per[t][2] ? 3 : 0) +
				    Math.min(r.per[t][0], 5);
			}
			if (n > 0)
				hits.push({ page: p, terms: n, score: s,
				    block: r.block, section: r.section });
		}
		hits.sort(function (a, b) {
			return b.terms - a.terms || b.score - a.score ||
			    a.page - b.page;
		});
		return { terms: ts, mask: mask, hits: hits };
	}

	/* A block's text. */
	function text(ix, block) {
		return ix.blocks[block].slice(1).map(function (c) {
			return ix.words[c];
		}).join(' ');
	}

	/* A page's title: its h1, else its path. */
	function title(ix, pg) {
		for (var i = 0; i < pg.blocks.length; i++)
			if (ix.blocks[pg.blocks[i]][0] === 1)
				return text(ix, pg.blocks[i]);
		return pg.path;
	}

	/* ---- the page --------------------------------------------------- */

	var WINDOW = 32;	/* words of text around the first match */

	/* Appends text to el, the words whose keys are terms marked. */
	function marked(doc, el, s, keys) {
		var sp = spans(s), at = 0, i, m;

		for (i = 0; i < sp.length; i++) {
			if (!(key(s.substring(sp[i][0], sp[i][1])) in keys))
				continue;
			el.appendChild(doc.createTextNode(s.substring(at,
			    sp[i][0])));
			m = el.appendChild(doc.createElement('mark'));
			m.textContent = s.substring(sp[i][0], sp[i][1]);
			at = sp[i][1];
		}
		el.appendChild(doc.createTextNode(s.substring(at)));
	}

	/* The snippet: the words of the best block around its first
	 * match, the query's words marked. */
	function snippet(doc, ix, r, hit) {
		var p = doc.createElement('p'), keys = Object.create(null),
		    blk, from = 0, to, i, s = '';

		p.className = 'search-snippet';
		if (hit.block < 0)
			return null;
		blk = ix.blocks[hit.block].slice(1);
		for (i = 0; i < blk.length; i++)
			if (r.mask[blk[i]]) {
				from = Math.max(0, i - 8);
				break;
			}
		to = Math.min(blk.length, from + WINDOW);
		from = Math.max(0, to - WINDOW);
		for (i = 0; i < r.terms.length; i++)
			keys[r.terms[i].key] = true;
		for (i = from; i < to; i++)
			s += (i > from ? ' ' : '') + ix.words[blk[i]];
		marked(doc, p, (from > 0 ? '\u2026 ' : '') + s +
		    (to < blk.length ? ' \u2026' : ''), keys);
		return p;
	}

	function result(doc, ix, r, hit) {
		var pg = ix.pages[hit.page], li = doc.createElement('li'),
		    h = li.appendChild(doc.createElement('h2')),
		    a = h.appendChild(doc.createElement('a')), p;

		a.href = encodeURI(pg.path) + (hit.section ? '#' +
		    encodeURIComponent(hit.section) : '');
		a.textContent = title(ix, pg);
		if ((p = snippet(doc, ix, r, hit)) !== null)
			li.appendChild(p);
		return li;
	}

	/* Shows the results of q on the search page. */
	function show(doc, ix, q) {
		var status = doc.getElementById('search-status'),
		    out = doc.getElementById('search-results'),
		    input = doc.getElementById('site-search-q'),
		    r, ol, i, said;

		if (status === null || out === null)
			return;
		if (input !== null)
			input.value = q;
		if (words(q).length === 0)
			return;
		r = search(ix, q);
		said = '\u201c' + q + '\u201d';
		if (r.hits.length === 0)
			status.textContent = 'No page has ' + said + '. Try ' +
			    'other words, or fewer.';
		else
			status.textContent = (r.hits.length === 1 ? '1 page has ' :
			    r.hits.length + ' pages have ') + said + ', the ' +
			    'best first.';
		/* Read out when the page opens; short, as titles are cut. */
		doc.title = (r.hits.length === 1 ? '1 result' : r.hits.length +
		    ' results') + ' \u2013 ' + doc.title;
		if (r.hits.length === 0)
			return;
		ol = doc.createElement('ol');
		ol.className = 'search-results';
		for (i = 0; i < r.hits.length; i++)
			ol.appendChild(result(doc, ix, r, r.hits[i]));
		out.appendChild(ol);
	}

	var api = { words: words, key: key, load: load, search: search,
	    title: title, text: text };

	if (typeof module === 'object' && module.exports)
		module.exports = api;
	else if (root.document && root.umpressIndex)
		show(root.document, load(root.umpressIndex),
		    new URLSearchParams(root.location.search).get('q') || '');
})(this);
