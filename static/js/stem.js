// Polish stemmer for ratusz's search: ratuszStem('czytających') → 'czyt'.
// It is the Snowball Polish stemming algorithm by Dmitry Shachnev
// (https://snowballstem.org, algorithms/polish.sbl; BSD-licensed), written
// by hand, and the twin of generator/internal/stem, which stems the words
// of the search index at build time: both are checked against the same
// vectors (generator/internal/stem/testdata/polish.tsv), so a query word
// and the indexed word it should find get the same stem.
//
// ratuszStem(word) takes one lowercase word and returns its stem. It counts
// characters as code points, so a character outside the Basic Multilingual
// Plane is one character, as in Snowball. Plain ES5, one global.
var ratuszStem = (function () {
  'use strict';

  // What an ending does to the word once it is matched.
  var DROP = 0; // delete the ending
  var DROP_IN_R1 = 1; // delete the ending; it matches only within R1
  var TO_S = 2; // replace the ending with 's'
  var TO_L = 3; // replace the ending with 'ł'
  var SZQ = 4; // -szą: delete it within R1, else replace it with 's'
  var ADJECTIVE = 5; // delete the ending, then try a participle or comparative suffix

  var VOWELS = 'aąeęioóuy';

  // among builds a table of endings from [action, 'suffix suffix …'] pairs:
  // endings grouped by their last character, each group longest first, so
  // that the longest matching ending wins, as in Snowball's among.
  function among(lists) {
    var groups = Object.create(null);
    var i, j, suffixes, last;
    for (i = 0; i < lists.length; i++) {
      suffixes = lists[i][1].split(' ');
      for (j = 0; j < suffixes.length; j++) {
        last = suffixes[j].charAt(suffixes[j].length - 1);
        (groups[last] || (groups[last] = [])).push({ suffix: suffixes[j], act: lists[i][0] });
      }
    }
    for (last in groups) {
      groups[last].sort(function (a, b) { return b.suffix.length - a.suffix.length; });
    }
    return groups;
  }

  // Endings of the conditional mood, removed within R1 first.
  var CONDITIONALS = among([[DROP, 'bym byś byśmy byście by']]);

  // The main endings of verbs, adjectives, participles and nouns.
  var ENDINGS = among([
    // Verbs: present tense, infinitive, adverbial participle.
    [DROP, 'asz esz isz amy emy imy acie ecie icie ają eść aść ać ieć ić ąć ając ąc'],
    // Verbs: past tense.
    [DROP, 'ałem iałem iłem ałam iałam iłam am ałeś iałeś iłeś ałaś iałaś iłaś ' +
      'ał iał ił ała iała iła ało iało iło aliśmy ieliśmy iliśmy ' +
      'ałyśmy iałyśmy iłyśmy aliście ieliście iliście ' +
      'ałyście iałyście iłyście ali ieli ili ały iały iły'],
    // Verbs: imperative, and the 1st person singular of the present.
    [DROP, 'aj ajcie cie ę'],
    [TO_S, 'szę'],
    [SZQ, 'szą'],
    // The past tense of one-consonant verbs such as być: byłeś → był.
    [TO_L, 'łeś łaś liśmy łyśmy liście łyście'],
    // Adjectives, comparatives and participles.
    [ADJECTIVE, 'y ego iego emu iemu ym im ej iej ych ich ymi imi'],
    [DROP, 'ająca ąca iejsza sza ającą ącą iejszą ające ące iejsze sze'],
    [TO_S, 'sząca szącą szące'],
    // Nouns.
    [DROP_IN_R1, 'a o i u ia owi iowi ą ią em iem e iu ie ów om iom ami iami ach iach']
  ]);

  // Participle and comparative suffixes tried once an adjective ending is
  // gone: czytający → czyt, lepszy → lep.
  var ADJECTIVE_STEMS = among([[DROP, 'ając ąc iejsz sz'], [TO_S, 'sząc']]);

  var ACCENTLESS = { 'ć': 'c', 'ń': 'n', 'ś': 's', 'ź': 'z' };

  // next returns the index after the code point that starts at i.
  function next(s, i) {
    var c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      c = s.charCodeAt(i + 1);
      if (c >= 0xdc00 && c <= 0xdfff) return i + 2;
    }
    return i + 1;
  }

  // markRegions returns p1, the start of R1: the index after the first
  // non-vowel that follows a vowel, or the length of s.
  function markRegions(s) {
    var seenVowel = false;
    var i = 0;
    while (i < s.length) {
      var vowel = VOWELS.indexOf(s.charAt(i)) >= 0;
      i = next(s, i);
      if (vowel) seenVowel = true;
      else if (seenVowel) return i;
    }
    return s.length;
  }

  // afterTwo returns the index after the first two characters of s, or -1
  // when s is shorter.
  function afterTwo(s) {
    if (s.length < 2) return -1;
    var i = next(s, next(s, 0));
    return i <= s.length ? i : -1;
  }

  // find returns the ending of table that ends at c, starts at or after lb
  // and passes its condition, and sets z.bra to where it starts; null when
  // none does.
  function find(z, table, c, lb) {
    var list = c > lb ? table[z.s.charAt(c - 1)] : null;
    if (!list) return null;
    for (var i = 0; i < list.length; i++) {
      var e = list[i];
      var start = c - e.suffix.length;
      if (start < lb || z.s.substring(start, c) !== e.suffix) continue;
      if (e.act === DROP_IN_R1 && start < z.p1) continue;
      z.bra = start;
      return e;
    }
    return null;
  }

  // replace puts t in place of s[bra:ket].
  function replace(z, bra, ket, t) {
    z.s = z.s.slice(0, bra) + t + z.s.slice(ket);
  }

  // apply carries out the action of e, matched at s[bra:ket], and returns
  // where the cursor is left: at the start of the last ending matched.
  function apply(z, e, bra, ket) {
    switch (e.act) {
      case TO_S:
        replace(z, bra, ket, 's');
        break;
      case TO_L:
        replace(z, bra, ket, 'ł');
        break;
      case SZQ:
        replace(z, bra, ket, z.p1 <= bra ? '' : 's');
        break;
      case ADJECTIVE:
        replace(z, bra, ket, '');
        e = find(z, ADJECTIVE_STEMS, bra, z.lb);
        if (e) return apply(z, e, z.bra, bra);
        break;
      default: // DROP, DROP_IN_R1
        replace(z, bra, ket, '');
    }
    return bra;
  }

  // removeEndings is the first branch, for words of two or more
  // characters: lb is the index after the first two. It reports whether a
  // main ending matched; a removed conditional ending stays removed.
  function removeEndings(z, lb) {
    z.lb = lb;
    if (find(z, CONDITIONALS, z.s.length, z.p1)) replace(z, z.bra, z.s.length, '');
    var e = find(z, ENDINGS, z.s.length, lb);
    if (!e) return false;
    var c = apply(z, e, z.bra, z.s.length);
    if (c > lb && z.s.charAt(c - 1) === "'") replace(z, c - 1, c, ''); // as in jake'owi
    return true;
  }

  // normalizeConsonant is the second branch: a final ć, ń, ś or ź that is
  // not the word's only character loses its accent (miłość → miłośc).
  function normalizeConsonant(z) {
    var start = z.s.length - 1;
    var plain = start > 0 ? ACCENTLESS[z.s.charAt(start)] : undefined;
    if (plain) replace(z, start, z.s.length, plain);
  }

  return function stem(word) {
    var z = { s: String(word), p1: 0, lb: 0, bra: 0 };
    z.p1 = markRegions(z.s);
    var lb = afterTwo(z.s);
    if (lb < 0 || !removeEndings(z, lb)) normalizeConsonant(z);
    return z.s;
  };
})();
