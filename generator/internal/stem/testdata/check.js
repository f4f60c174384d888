// Checks static/js/stem.js against word<TAB>stem vectors, for stem_test.go:
//   node check.js path/to/stem.js path/to/vectors.tsv
// It loads the script as a browser would, as a classic script in the global
// scope, checks that it defines the one global ratuszStem, stems every word
// and prints the mismatches; it exits 1 when there is any.
'use strict';
var fs = require('fs');
var vm = require('vm');

var script = process.argv[2];
var vectors = process.argv[3];

var before = Object.getOwnPropertyNames(globalThis);
vm.runInThisContext(fs.readFileSync(script, 'utf8'), { filename: script });
var added = Object.getOwnPropertyNames(globalThis).filter(function (name) {
  return before.indexOf(name) < 0;
});
if (added.join() !== 'ratuszStem' || typeof globalThis.ratuszStem !== 'function') {
  console.log(script + ' defines the globals [' + added.join(', ') + '], not just the function ratuszStem');
  process.exit(1);
}

var lines = fs.readFileSync(vectors, 'utf8').replace(/\n$/, '').split('\n');
var failed = 0;
lines.forEach(function (line, i) {
  var tab = line.indexOf('\t');
  var word = line.slice(0, tab);
  var want = line.slice(tab + 1);
  var got = globalThis.ratuszStem(word);
  if (tab < 0 || got !== want) {
    failed++;
    if (failed <= 50) {
      console.log(vectors + ':' + (i + 1) + ': ratuszStem(' + JSON.stringify(word) + ') = ' +
        JSON.stringify(got) + ', want ' + JSON.stringify(want));
    }
  }
});
console.log((lines.length - failed) + ' of ' + lines.length + ' vectors pass in ' + script);
process.exit(failed > 0 ? 1 : 0);
