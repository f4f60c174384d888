// Search for ratusz sites, with no server: loads the index that the build
// writes beside the search page (see docs/search.md) and lists the entries
// whose words start with every word typed, as the reader types. Without
// this script the page explains that and links the indexes instead.
(function () {
  'use strict';
  var form = document.querySelector('form.search[data-index]');
  if (!form || !window.fetch || !String.prototype.normalize) return;
  var d = form.dataset;
  var input = form.querySelector('input[type=search]');
  var status = document.getElementById('szukaj-stan');
  var results = document.querySelector('.search-results');
  var list = document.getElementById('szukaj-lista');
  var more = document.getElementById('szukaj-wiecej');
  var forms = JSON.parse(d.plural || '{}');
  var rules = window.Intl && Intl.PluralRules ? new Intl.PluralRules(d.lang) : null;
  var LIMIT = 50; // results shown; all are counted
  var LETTERS = { 'ł': 'l', 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'đ': 'd', 'ð': 'd', 'þ': 'th', 'ħ': 'h', 'ı': 'i', 'ŀ': 'l', 'ĳ': 'ij' };
  var entries = null;
  var words_ = [], postings = [], mark = null, gen = 1; // see index and match
  var announce = 0;

  // fold lowercases and drops diacritics: „Wałbrzych” → „walbrzych”.
  function fold(s) {
    return s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')
      .replace(/[łßæœøđðþħıŀĳ]/g, function (c) { return LETTERS[c]; });
  }
  // slug makes an address from a title as the build does.
  function slug(s) { return fold(s).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, ''); }
  // words is folded text as " word word ", so that " " + a prefix finds
  // the words it starts.
  function words(s) { return ' ' + fold(s).replace(/[^a-z0-9]+/g, ' ').trim() + ' '; }
  function count(n) {
    var f = rules ? rules.select(n) : (n === 1 ? 'one' : 'other');
    return n + ' ' + (forms[f] || forms.other);
  }

  function load(idx) {
    var kinds = idx.kinds.map(function (k) { return { label: k[0], prefix: k[1], hay: words(k[0]) }; });
    var types = idx.types.map(words), places = idx.places.map(words), states = idx.states.map(words);
    entries = idx.t.map(function (title, i) {
      var k = kinds[+idx.k[i]];
      var p = idx.p[i], ps = p === 0 ? [] : typeof p === 'number' ? [p] : p;
      var y = idx.y[i], st = idx.st[i];
      var t = words(title);
      var hay = t + idx.w[i] + k.hay + (y ? types[y - 1] : '') + (st ? states[st - 1] : '');
      var meta = [k.label];
      if (y) meta.push(idx.types[y - 1]);
      ps.forEach(function (j) { hay += places[j - 1]; });
      if (ps.length) meta.push(ps.map(function (j) { return idx.places[j - 1]; }).join(', '));
      if (st) meta.push(idx.states[st - 1]);
      return { title: title, url: d.base + k.prefix + (idx.s[i] || slug(title)) + '/', meta: meta.join(' · '), title_: t, hay: hay };
    });
    index();
    form.setAttribute('data-ready', '');
    if (input.value) search(false);
  }

  // match returns the entries that have, for every word of q, a word
  // that starts with it; those with all of them in the title first. It
  // looks the words up in the sorted list of every word of the index
  // (made by index), so its time grows with the entries found, not with
  // the size of the site.
  function match(q) {
    var toks = fold(q).split(/[^a-z0-9]+/).filter(Boolean);
    if (!toks.length) return null;
    var n = toks.length, base = gen;
    gen += n + 1;
    for (var j = 0; j < n; j++) {
      for (var w = lowerBound(toks[j]), end = lowerBound(toks[j] + '\uffff'); w < end; w++) {
        var ids = postings[w];
        // mark[id] is base + j when the entry has the j words before; any
        // value up to base is left from earlier queries.
        for (var k = 0; k < ids.length; k++) {
          var m = mark[ids[k]];
          if (j === 0 ? m <= base : m === base + j) mark[ids[k]] = base + j + 1;
        }
      }
    }
    var title = [], other = [];
    for (var i = 0; i < entries.length; i++) {
      if (mark[i] !== base + n) continue;
      var e = entries[i];
      for (j = 0; j < n && e.title_.indexOf(' ' + toks[j]) >= 0; j++) {}
      (j === n ? title : other).push(e);
    }
    return title.concat(other);
  }

  // lowerBound is the position of the first word not before w.
  function lowerBound(w) {
    var lo = 0, hi = words_.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (words_[mid] < w) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  // index lists every word of the entries, sorted, each with the entries
  // that have it.
  function index() {
    var byWord = new Map();
    entries.forEach(function (e, i) {
      e.hay.split(' ').forEach(function (w) {
        if (!w) return;
        var ids = byWord.get(w);
        if (!ids) byWord.set(w, ids = []);
        if (ids[ids.length - 1] !== i) ids.push(i);
      });
      e.hay = null;
    });
    words_ = Array.from(byWord.keys()).sort();
    postings = words_.map(function (w) { return byWord.get(w); });
    mark = new Int32Array(entries.length);
  }

  function search(later) {
    if (!entries) return;
    var found = match(input.value);
    list.textContent = '';
    clearTimeout(announce);
    if (!found) {
      results.hidden = true;
      status.textContent = '';
      return;
    }
    var frag = document.createDocumentFragment();
    found.slice(0, LIMIT).forEach(function (e) {
      var li = document.createElement('li'), a = document.createElement('a'), meta = document.createElement('span');
      li.className = 'entry';
      a.href = e.url;
      a.textContent = e.title;
      meta.className = 'meta';
      meta.textContent = e.meta;
      li.appendChild(a);
      li.appendChild(document.createTextNode(' '));
      li.appendChild(meta);
      frag.appendChild(li);
    });
    list.appendChild(frag);
    results.hidden = found.length === 0;
    more.hidden = found.length <= LIMIT;
    more.textContent = d.more.replace('%d', LIMIT);
    // Announce the count once typing pauses, not at every key.
    var text = found.length ? count(found.length) : d.none;
    if (later) announce = setTimeout(function () { status.textContent = text; }, 400);
    else status.textContent = text;
  }

  document.getElementById('szukaj-bez-js').hidden = true;
  input.addEventListener('input', function () { search(true); });
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    if (!entries) return;
    search(false);
    history.replaceState(null, '', '?q=' + encodeURIComponent(input.value));
  });
  var q = new URLSearchParams(location.search).get('q');
  if (q) input.value = q;
  fetch(d.index).then(function (r) {
    if (!r.ok) throw new Error(r.status);
    return r.json();
  }).then(load).catch(function () {
    status.textContent = d.error;
    document.getElementById('szukaj-bez-js').hidden = false;
  });
})();
