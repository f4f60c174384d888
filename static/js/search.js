// Search for ratusz sites, with no server. It reads the index that the
// build writes beside the search page (generator/internal/search and
// docs/search.md): first its entry file, then for each query only the
// shards that hold the query's words, and the fragments of the results
// it shows. It ranks the entries that have every word first, by where
// the words are (title, facts, body) and how rare they are, then those
// that have some of them, and shows each with a snippet of its text, the
// words found marked. Without this script the page explains that and
// links the indexes instead. Polish words are reduced to their stems by
// stem.js (ratuszStem), the twin of the stemmer that made the index.
(function () {
  'use strict';
  var form = document.querySelector('form.search[data-index]');
  if (!form || !window.fetch || !window.Map || !window.TextDecoder || !window.DecompressionStream || !String.prototype.normalize) return;
  var d = form.dataset;
  var input = form.querySelector('input[type=search]');
  var status = document.getElementById('szukaj-stan');
  var results = document.querySelector('.search-results');
  var list = document.getElementById('szukaj-lista');
  var more = document.getElementById('szukaj-wiecej');
  var forms = JSON.parse(d.plural || '{}');
  var rules = window.Intl && Intl.PluralRules ? new Intl.PluralRules(d.lang) : null;
  var PAGE = 10; // results shown at a time
  var SNIPPET = 28; // words in a snippet
  var LETTERS = { 'ł': 'l', 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'đ': 'd', 'ð': 'd', 'þ': 'th', 'ħ': 'h', 'ı': 'i', 'ŀ': 'l', 'ĳ': 'ij' };
  var LAST = '\udbff\udfff'; // U+10FFFF, after every character
  var MAXWORDS = 16; // words of a query looked up; the rest are left out
  var WORD, DIGIT, MARKS;
  try {
    WORD = new RegExp('[\\p{L}\\p{N}]+(?:/[\\p{L}\\p{N}]+)*', 'gu');
    DIGIT = new RegExp('\\p{N}', 'u');
    MARKS = new RegExp('(\\p{Script=Latin})\\p{Mn}+', 'gu'); // marks of Latin letters, as the build folds
  } catch (e) {
    WORD = /[0-9A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]+(?:\/[0-9A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]+)*/g;
    DIGIT = /[0-9]/;
    MARKS = /([A-Za-z])[\u0300-\u036f]+/g;
  }
  var base = d.index.replace(/[^/]*$/, ''); // the index's folder
  var meta = null, stop = {}, shards = new Map(), fragments = new Map();
  var utf8 = new TextDecoder();
  var current = null; // the query shown: its words and ranked entries
  var gen = 0, timer = 0, announce = 0;

  // fold lowercases and drops the diacritics of Latin letters, as the
  // build does (slug.Fold): „Wałbrzych” → „walbrzych”; other scripts
  // keep theirs.
  function fold(s) {
    return s.toLowerCase().normalize('NFD').replace(MARKS, '$1')
      .replace(/[łßæœøđðþħıŀĳ]/g, function (c) { return LETTERS[c]; }).normalize('NFC');
  }
  function count(n) {
    var f = rules ? rules.select(n) : (n === 1 ? 'one' : 'other');
    return n + ' ' + (forms[f] || forms.other);
  }
  function stem(lower) { return meta.stem === 'pl' && window.ratuszStem ? window.ratuszStem(lower) : lower; }

  // terms are the index's terms of one lowercased word, as the build
  // makes them (words.go): a number or an id as it is, folded; a word
  // stemmed then folded, and folded then stemmed.
  function terms(lower) {
    var f = fold(lower);
    if (DIGIT.test(f) || meta.stem !== 'pl') return [f];
    var a = fold(stem(lower)), b = stem(f);
    return a === b ? [a] : [a, b];
  }

  // words turns a query into the words it looks up: each with the terms
  // it matches by their beginning (prefix) or whole (exact), and how
  // much a match counts. Stop words are left out, unless the query has
  // nothing else; so are one-letter words.
  function words(q) {
    var out = [], seen = {};
    (q.normalize('NFC').match(WORD) || []).forEach(function (w) {
      var lower = w.toLowerCase(), f = fold(lower);
      if (seen[f] || stop[f] || out.length >= MAXWORDS) return;
      seen[f] = true;
      var word = { text: w, prefix: [], exact: [] };
      if (lower.indexOf('/') >= 0) {
        word.exact.push([f, 1]); // an id: XIV/155/2015
      } else if (DIGIT.test(f)) {
        word.exact.push([f, 1]);
      } else {
        if (f.length < 2) return;
        terms(lower).forEach(function (t) {
          if (f.length < 3 || t.length < 3) { // a short word, or a stem the stemmer left short (treść → tr)
            word.exact.push([t, 1]);
            return;
          }
          word.prefix.push(t);
          // What the stemmer leaves of some forms is longer than the stem
          // of others (strategii → strategi, strategia → strateg;
          // seniorzy → seniorz, seniorów → senior; Wałbrzychu →
          // walbrzych, Wałbrzych → walbrz): the shorter stems, down to
          // three fifths of the word, match whole, for less.
          for (var k = t.length - 1; k >= 4 && k >= 0.6 * t.length && k >= t.length - 3; k--) {
            word.exact.push([t.slice(0, k), 0.9 - 0.05 * (t.length - 1 - k)]);
          }
        });
      }
      out.push(word);
    });
    return out;
  }

  // shardOf is the number of the shard that would hold term t.
  function shardOf(t) {
    var first = meta.shards, lo = 0, hi = first.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (!before(t, first[mid])) lo = mid + 1; else hi = mid;
    }
    return Math.max(0, lo - 1);
  }

  // before says whether a sorts before b as the build sorts terms: by
  // code points (the bytes of UTF-8), which JavaScript's < does too but
  // for the letters beyond U+FFFF against those from U+E000.
  function before(a, b) {
    if (!/[\ud800-\uffff]/.test(a + b)) return a < b;
    for (var i = 0, j = 0; i < a.length && j < b.length;) {
      var x = a.codePointAt(i), y = b.codePointAt(j);
      if (x !== y) return x < y;
      i += x > 0xffff ? 2 : 1;
      j += y > 0xffff ? 2 : 1;
    }
    return a.length - i < b.length - j;
  }

  function load(url, as) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ': ' + r.status);
      return as === 'json' ? r.json() : r.arrayBuffer();
    });
  }

  function shard(n) {
    if (!shards.has(n)) {
      var p = load(base + 'w/' + n + '.bin?v=' + meta.h).then(parseShard);
      p.catch(function () { shards.delete(n); });
      shards.set(n, p);
    }
    return shards.get(n);
  }

  // parseShard reads a shard's terms (the postings stay as bytes until a
  // query needs them): varints, shared prefixes, as search.go writes.
  function parseShard(buf) {
    var b = new Uint8Array(buf), pos = 0, list = [], prev = new Uint8Array(0);
    function uv() {
      var x = 0, m = 1, c;
      do { c = b[pos++]; x += (c & 127) * m; m *= 128; } while (c & 128);
      return x;
    }
    for (var i = 0, n = uv(); i < n; i++) {
      var shared = uv(), len = uv();
      var t = new Uint8Array(shared + len);
      t.set(prev.subarray(0, shared));
      t.set(b.subarray(pos, pos + len), shared);
      pos += len;
      var df = uv(), mode = b[pos++], size = uv();
      list.push({ t: utf8.decode(t), df: df, mode: mode, at: pos, size: size });
      pos += size;
      prev = t;
    }
    return { b: b, terms: list };
  }

  // postings calls f(entry, level) for each entry that has term e.
  function postings(sh, e, f) {
    var b = sh.b, pos = e.at, end = e.at + e.size, i;
    if (e.mode === 0) {
      var doc = -1;
      while (pos < end) {
        var x = 0, m = 1, c;
        do { c = b[pos++]; x += (c & 127) * m; m *= 128; } while (c & 128);
        doc += x + 1;
        f(doc, b[pos++]);
      }
      return;
    }
    for (i = 0; i < e.size; i++) {
      var v = b[e.at + i];
      if (!v) continue;
      for (var k = 0; k < 4; k++) {
        var field = (v >> 2 * k) & 3;
        if (field) f(4 * i + k, 5 * field - 2); // the middle level of the field
      }
    }
  }

  // weight is what a level counts for: the title 3, the facts 2, the
  // body 1, each a little more when the word comes often.
  function weight(level) {
    var field = level > 10 ? 3 : level > 5 ? 2 : 1;
    return field * (0.8 + 0.1 * ((level - 1) % 5 + 1));
  }
  function idf(df) { return Math.log(1 + (meta.n - df + 0.5) / (df + 0.5)); }

  // lookup finds, in the loaded shards, the terms of a word with how
  // much each counts: whole 1, by its beginning 0.8, its stem less a
  // letter 0.9.
  function lookup(word, loaded) {
    var found = [];
    loaded.forEach(function (sh) {
      sh.terms.forEach(function (e) {
        var w = 0;
        word.exact.forEach(function (x) { if (e.t === x[0]) w = Math.max(w, x[1]); });
        word.prefix.forEach(function (p) {
          if (e.t === p) w = Math.max(w, 1);
          else if (e.t.lastIndexOf(p, 0) === 0) w = Math.max(w, 0.8);
        });
        if (w) found.push({ sh: sh, e: e, w: w });
      });
    });
    return found;
  }

  function needed(word) {
    var ns = {};
    if (!meta.shards.length) return []; // a site with no entries
    word.exact.forEach(function (x) { ns[shardOf(x[0])] = true; });
    word.prefix.forEach(function (p) {
      for (var i = shardOf(p), j = shardOf(p + LAST); i <= j; i++) ns[i] = true;
    });
    return Object.keys(ns).map(Number);
  }

  // rank scores every entry that has a word of the query: for each word
  // its best term (field weight × how it matched) times the word's
  // rarity, summed; the
  // entries with every word first, and among them those with every word
  // in their title, or in their facts, a little higher.
  function rank(ws) {
    return Promise.all(ws.map(function (w) {
      return Promise.all(needed(w).map(shard));
    })).then(function (loaded) {
      var n = meta.n, k = ws.length;
      var score = new Float64Array(n), hits = new Uint8Array(n), fields = new Uint8Array(n);
      var best = new Float64Array(n), top = new Uint8Array(n), seen = [], touched = [];
      ws.forEach(function (w, i) {
        var bit = 1 << i;
        var docs = [];
        lookup(w, loaded[i]).forEach(function (m) {
          postings(m.sh, m.e, function (doc, level) {
            var v = m.w * weight(level);
            if (best[doc] === 0) docs.push(doc);
            if (v > best[doc]) best[doc] = v;
            if (level > top[doc]) top[doc] = level;
          });
        });
        // A word is as rare as the entries that have any of its forms.
        var rare = idf(docs.length);
        docs.forEach(function (doc) {
          if (!hits[doc]) touched.push(doc);
          hits[doc]++;
          score[doc] += rare * best[doc];
          if (top[doc] <= 10) fields[doc] |= 1; // this word is not in the title
          if (top[doc] <= 5) fields[doc] |= 2; // nor in the facts
          best[doc] = 0;
          top[doc] = 0;
          seen[doc] = (seen[doc] || 0) | bit;
        });
      });
      var out = touched.map(function (doc) {
        var s = score[doc];
        if (hits[doc] === k && k > 1) s *= !(fields[doc] & 1) ? 1.5 : !(fields[doc] & 2) ? 1.2 : 1;
        return { id: doc, hits: hits[doc], score: s, seen: seen[doc] };
      });
      out.sort(function (a, b) { return b.hits - a.hits || b.score - a.score || a.id - b.id; });
      return out;
    });
  }

  // fragment loads what a result shows: gzipped JSON, which a server may
  // also have sent decompressed.
  function fragment(id) {
    if (!fragments.has(id)) {
      var p = load(base + 'd/' + Math.floor(id / meta.per) + '/' + (id % meta.per) + '.gz?v=' + meta.h).then(function (buf) {
        var b = new Uint8Array(buf);
        if (b[0] !== 0x1f || b[1] !== 0x8b) return JSON.parse(utf8.decode(b));
        return new Response(new Blob([b]).stream().pipeThrough(new DecompressionStream('gzip'))).json();
      });
      p.catch(function () { fragments.delete(id); });
      fragments.set(id, p);
    }
    return fragments.get(id);
  }

  // matcher says whether a word of a text is one the query looks up.
  function matcher(ws) {
    var memo = new Map();
    return function (w) {
      var lower = w.toLowerCase();
      if (memo.has(lower)) return memo.get(lower);
      var ts = terms(lower), hit = false;
      if (lower.indexOf('/') >= 0) { // an id, and each of its parts
        ts = [fold(lower)];
        lower.split('/').forEach(function (p) { ts = ts.concat(terms(p)); });
      }
      ws.forEach(function (q) {
        ts.forEach(function (t) {
          q.exact.forEach(function (x) { if (t === x[0]) hit = true; });
          q.prefix.forEach(function (p) { if (t.lastIndexOf(p, 0) === 0) hit = true; });
        });
      });
      memo.set(lower, hit);
      return hit;
    };
  }

  // snippet is the passage of text with the most words of the query,
  // SNIPPET words long, those words in <mark>.
  function snippet(text, hit) {
    var toks = [], m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text))) toks.push({ at: m.index, end: m.index + m[0].length, hit: hit(m[0]) });
    if (!toks.length) return null;
    var bestAt = 0, bestN = -1, n = 0, i;
    for (i = 0; i < toks.length; i++) {
      if (toks[i].hit) n++;
      if (i >= SNIPPET && toks[i - SNIPPET].hit) n--;
      if (n > bestN) { bestN = n; bestAt = Math.max(0, i - SNIPPET + 1); }
    }
    if (bestN <= 0) bestAt = 0;
    var last = Math.min(toks.length, bestAt + SNIPPET) - 1;
    var p = document.createElement('p'), from = toks[bestAt].at;
    p.className = 'snippet';
    if (bestAt > 0) p.appendChild(document.createTextNode('… '));
    for (i = bestAt; i <= last; i++) {
      var t = toks[i];
      if (!t.hit) continue;
      p.appendChild(document.createTextNode(text.slice(from, t.at)));
      var mark = document.createElement('mark');
      mark.textContent = text.slice(t.at, t.end);
      p.appendChild(mark);
      from = t.end;
    }
    p.appendChild(document.createTextNode(text.slice(from, toks[last].end).replace(/\s+/g, ' ')));
    if (last < toks.length - 1) p.appendChild(document.createTextNode(' …'));
    return p;
  }

  // show appends the next results of the current query to the list.
  function show(q, focus) {
    var from = q.shown, page = q.found.slice(from, from + PAGE);
    q.shown += page.length;
    more.disabled = true;
    return Promise.all(page.map(function (r) { return fragment(r.id); })).then(function (frags) {
      if (q !== current) return;
      more.disabled = false;
      var frag = document.createDocumentFragment(), first = null;
      frags.forEach(function (f, i) {
        var r = page[i], li = document.createElement('li'), a = document.createElement('a');
        li.className = 'entry';
        a.href = d.base + f.u;
        a.textContent = f.t;
        li.appendChild(a);
        if (f.m) {
          var meta_ = document.createElement('span');
          meta_.className = 'meta';
          meta_.textContent = f.m;
          li.appendChild(document.createTextNode(' '));
          li.appendChild(meta_);
        }
        var p = snippet(f.x || '', q.hit);
        if (p) li.appendChild(p);
        if (r.hits < q.words.length) {
          var miss = document.createElement('p');
          miss.className = 'missing';
          miss.textContent = d.missing.replace('%s', q.words.filter(function (w, j) {
            return !(r.seen & (1 << j));
          }).map(function (w) { return w.text; }).join(', '));
          li.appendChild(miss);
        }
        frag.appendChild(li);
        if (!first) first = a;
      });
      list.appendChild(frag);
      more.hidden = q.shown >= q.found.length;
      if (focus && first) first.focus();
    });
  }

  function describe(q) {
    if (!q.found.length) return d.none;
    var all = 0;
    q.found.forEach(function (r) { if (r.hits === q.words.length) all++; });
    var text = count(q.found.length);
    if (all < q.found.length && q.words.length > 1) text += ' ' + d.all.replace('%d', all);
    return text;
  }

  function search(later) {
    if (!meta) return;
    var my = ++gen, ws = words(input.value), typed = input.value;
    clearTimeout(announce);
    if (!ws.length) {
      current = null;
      list.textContent = '';
      results.hidden = true;
      more.hidden = true;
      // Only stop words or signs: nothing to look up.
      status.textContent = /\S/.test(typed) ? d.none : '';
      status.setAttribute('data-query', typed);
      return;
    }
    rank(ws).then(function (found) {
      if (my !== gen) return;
      current = { words: ws, found: found, hit: matcher(ws), typed: typed, shown: 0 };
      list.textContent = '';
      results.hidden = found.length === 0;
      more.hidden = true;
      var q = current;
      return show(q, false).then(function () {
        if (q !== current) return;
        var text = describe(q);
        // Announce the count once typing pauses, not at every key. The
        // status says which query it answers (data-query).
        var say = function () { status.textContent = text; status.setAttribute('data-query', q.typed); nojs.hidden = true; };
        if (later) announce = setTimeout(say, 400);
        else say();
      });
    }).catch(function () { if (my === gen) failed(); });
  }

  // failed says the search could not be loaded and shows the indexes
  // instead, until a later search succeeds.
  function failed() {
    status.textContent = d.error;
    nojs.hidden = false;
  }

  var nojs = document.getElementById('szukaj-bez-js');
  nojs.hidden = true;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      search(true);
      history.replaceState(null, '', input.value ? '?q=' + encodeURIComponent(input.value) : location.pathname);
    }, 120);
  });
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    clearTimeout(timer);
    if (!meta) status.textContent = d.loading; // it searches once loaded
    search(false);
    history.replaceState(null, '', '?q=' + encodeURIComponent(input.value));
  });
  more.addEventListener('click', function () {
    var q = current;
    if (q && !more.disabled) show(q, true).catch(function () { if (q === current) failed(); });
  });
  var q = new URLSearchParams(location.search).get('q');
  if (q) input.value = q;
  load(d.index, 'json').then(function (m) {
    if (m.v !== 2) throw new Error('index format ' + m.v);
    meta = m;
    m.stop.forEach(function (w) { stop[w] = true; });
    form.setAttribute('data-ready', '');
    if (input.value) search(false);
  }).catch(failed);
})();
