/*
 * tests/search/stem.js SEARCH_JS VECTORS: the search box's words and keys
 * (templates/search.js) against the vectors the index's C is held to
 * (tests/search/vectors.txt, tests/unit/test_search.c).  Prints one line
 * per case that differs and a summary; exit 1 if any differed.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const search = require(path.resolve(process.argv[2]));
const lines = fs.readFileSync(process.argv[3], 'utf8').split('\n');
let cases = 0, wrong = 0;

for (const line of lines) {
	if (line === '' || line[0] === '#')
		continue;
	const tab = line.indexOf('\t');
	const want = line.substring(tab + 1);
	const got = search.words(line.substring(0, tab)).map(search.key).join(' ');
	cases++;
	if (got !== want && wrong++ < 10)
		console.log(`${line.substring(0, tab)}: got '${got}', want '${want}'`);
}
console.log(`search.js: ${cases} vectors, ${wrong} wrong`);
process.exit(wrong > 0 || cases < 1000 ? 1 : 0);
