// tests/print/words.js: run in a copy of a site page by tests/print/run.
// Appends <p id="words-result">cells=C words=W broken=B: WORDS</p>, where
// B counts the words of table cells that the layout broke across lines
// (issue 19 item 8: "certific-ate" at 1280 px).  A word here is a run of
// characters between blanks and hyphens: a code may break after a hyphen.
(function () {
	var broken = [], words = 0;
	var cells = document.querySelectorAll('th, td');
	for (var i = 0; i < cells.length; i++) {
		var w = document.createTreeWalker(cells[i], NodeFilter.SHOW_TEXT);
		for (var n = w.nextNode(); n; n = w.nextNode()) {
			var re = /[^\s\u2010-\u2015-]+/g, m;
			while ((m = re.exec(n.data))) {
				var r = document.createRange(), lines = {};
				r.setStart(n, m.index);
				r.setEnd(n, m.index + m[0].length);
				var rects = r.getClientRects();
				for (var k = 0; k < rects.length; k++)
					lines[Math.round(rects[k].top)] = 1;
				words++;
				if (Object.keys(lines).length > 1)
					broken.push(m[0]);
			}
		}
	}
	var p = document.createElement('p');
	p.id = 'words-result';
	p.textContent = 'cells=' + cells.length + ' words=' + words +
	    ' broken=' + broken.length +
	    (broken.length ? ': ' + broken.slice(0, 10).join(' ') : '');
	document.body.appendChild(p);
})();
