// Package stem reduces Polish words to their stems for full-text search.
//
// Polish implements the Snowball Polish stemming algorithm by Dmitry
// Shachnev (https://snowballstem.org, algorithms/polish.sbl in the Snowball
// repository; the algorithm is BSD-licensed). It is written by hand from
// that definition, since Snowball's generated code has no Go module to
// depend on, and it gives the same stem as Snowball's own stemmer for every
// word of the official Polish test vocabulary.
//
// static/js/stem.js is its twin for the browser: the same algorithm in
// JavaScript. The vectors in testdata/polish.tsv are checked against both,
// which keeps the index built here and the queries stemmed there in step.
//
// The algorithm, in short: R1 is the region after the first non-vowel that
// follows a vowel. Words of two or more characters lose a conditional
// ending (-bym, -byś, …) found within R1, then the longest verb, adjective,
// participle or noun ending that matches (noun endings only within R1),
// never reaching into the first two characters. When no such ending
// matches, a final ć, ń, ś or ź loses its acute accent instead.
package stem

import "unicode/utf8"

// action is what an ending does to the word once it is matched.
type action uint8

const (
	drop      action = iota // delete the ending
	dropInR1                // delete the ending; it matches only within R1
	toS                     // replace the ending with "s"
	toL                     // replace the ending with "ł"
	szq                     // -szą: delete it within R1, else replace it with "s"
	adjective               // delete the ending, then try a participle or comparative suffix
)

// ending is one entry of an among table: a suffix and its action.
type ending struct {
	suffix string
	act    action
}

// among is a table of endings in which the longest suffix of the word
// wins. An entry whose condition fails (dropInR1 outside R1) gives way to
// the next shorter entry that matches, as Snowball's among does. The
// endings are stored as a trie of their bytes read backwards, so that one
// walk from the end of the word finds every ending that matches.
type among struct {
	root    [256]uint16 // the root's children, by byte: index into nodes, 0 if none
	nodes   []node      // nodes[0] is the root: the empty suffix
	endings []ending
}

// node is a suffix in the trie of an among table.
type node struct {
	edges  []edge // the suffixes one byte longer
	ending uint8  // index+1 into endings of this suffix; 0 if none
}

// edge leads from a suffix to the one with the byte b before it.
type edge struct {
	b  byte
	to uint16
}

// maxEnding is the most bytes an ending may have.
const maxEnding = 16

// newAmong builds an among table from groups of endings.
func newAmong(lists ...[]ending) *among {
	a := &among{nodes: make([]node, 1)}
	for _, list := range lists {
		for _, e := range list {
			if len(e.suffix) > maxEnding {
				panic("stem: ending too long: " + e.suffix)
			}
			n := 0
			for i := len(e.suffix) - 1; i >= 0; i-- {
				n = a.child(n, e.suffix[i], true)
			}
			a.endings = append(a.endings, e)
			a.nodes[n].ending = uint8(len(a.endings))
		}
	}
	if len(a.endings) > 255 || len(a.nodes) > 65535 {
		panic("stem: among table too large")
	}
	for _, e := range a.nodes[0].edges {
		a.root[e.b] = e.to
	}
	return a
}

// child returns the node one byte b longer than node n, or -1 when there
// is none; add makes it when it is missing.
func (a *among) child(n int, b byte, add bool) int {
	for _, e := range a.nodes[n].edges {
		if e.b == b {
			return int(e.to)
		}
	}
	if !add {
		return -1
	}
	a.nodes = append(a.nodes, node{})
	to := len(a.nodes) - 1
	a.nodes[n].edges = append(a.nodes[n].edges, edge{b, uint16(to)})
	return to
}

// with gives every suffix the same action.
func with(act action, suffixes ...string) []ending {
	list := make([]ending, len(suffixes))
	for i, s := range suffixes {
		list[i] = ending{s, act}
	}
	return list
}

// conditionals are the endings of the conditional mood, removed within R1
// before any other ending is looked at.
var conditionals = newAmong(
	with(drop, "bym", "byś", "byśmy", "byście", "by"),
)

// endings are the main endings of verbs, adjectives, participles and nouns.
var endings = newAmong(
	// Verbs: present tense, infinitive, adverbial participle.
	with(drop,
		"asz", "esz", "isz",
		"amy", "emy", "imy",
		"acie", "ecie", "icie",
		"ają",
		"eść", "aść", "ać", "ieć", "ić", "ąć",
		"ając", "ąc",
	),
	// Verbs: past tense.
	with(drop,
		"ałem", "iałem", "iłem",
		"ałam", "iałam", "iłam", "am",
		"ałeś", "iałeś", "iłeś",
		"ałaś", "iałaś", "iłaś",
		"ał", "iał", "ił",
		"ała", "iała", "iła",
		"ało", "iało", "iło",
		"aliśmy", "ieliśmy", "iliśmy",
		"ałyśmy", "iałyśmy", "iłyśmy",
		"aliście", "ieliście", "iliście",
		"ałyście", "iałyście", "iłyście",
		"ali", "ieli", "ili",
		"ały", "iały", "iły",
	),
	// Verbs: imperative, and the 1st person singular of the present.
	with(drop, "aj", "ajcie", "cie", "ę"),
	with(toS, "szę"),
	with(szq, "szą"),
	// The past tense of one-consonant verbs such as być: byłeś → był.
	with(toL, "łeś", "łaś", "liśmy", "łyśmy", "liście", "łyście"),
	// Adjectives, comparatives and participles.
	with(adjective,
		"y", "ego", "iego", "emu", "iemu", "ym", "im",
		"ej", "iej", "ych", "ich", "ymi", "imi",
	),
	with(drop,
		"ająca", "ąca", "iejsza", "sza",
		"ającą", "ącą", "iejszą",
		"ające", "ące", "iejsze", "sze",
	),
	with(toS, "sząca", "szącą", "szące"),
	// Nouns.
	with(dropInR1,
		"a", "o", "i", "u", "ia", "owi", "iowi",
		"ą", "ią", "em", "iem", "e", "iu", "ie", "ów",
		"om", "iom", "ami", "iami", "ach", "iach",
	),
)

// adjectiveStems are the participle and comparative suffixes tried once an
// adjective ending is gone: czytający → czyt, lepszy → lep.
var adjectiveStems = newAmong(
	with(drop, "ając", "ąc", "iejsz", "sz"),
	with(toS, "sząc"),
)

// stemmer is the state of one stemming: the word being changed, the start
// of R1 and the backward limit, all as byte offsets into b.
type stemmer struct {
	b  []byte
	p1 int // start of R1; len(b) when there is no R1
	lb int // backward limit: no ending may begin before it
}

// Polish returns the stem of word, one lowercase Polish word in UTF-8, as
// the Snowball Polish stemmer does. The stem is often a prefix of word and
// then shares its memory; use strings.Clone to keep it on its own.
func Polish(word string) string {
	var buf [64]byte
	z := stemmer{b: append(buf[:0], word...)}
	z.markRegions()
	if lb, ok := afterRunes(word, 2); !ok || !z.removeEndings(lb) {
		z.normalizeConsonant()
	}
	if len(z.b) <= len(word) && string(z.b) == word[:len(z.b)] {
		return word[:len(z.b)]
	}
	return string(z.b)
}

// isVowel reports whether r is in Snowball's Polish grouping v.
func isVowel(r rune) bool {
	switch r {
	case 'a', 'ą', 'e', 'ę', 'i', 'o', 'ó', 'u', 'y':
		return true
	}
	return false
}

// vowelAt reports whether the character that starts at b[i] is a vowel,
// and returns its length in bytes.
func vowelAt(b []byte, i int) (bool, int) {
	if c := b[i]; c < utf8.RuneSelf {
		return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y', 1
	}
	r, n := utf8.DecodeRune(b[i:])
	return isVowel(r), n
}

// markRegions sets p1, the start of R1: the position after the first
// non-vowel that follows a vowel, or the end of the word.
func (z *stemmer) markRegions() {
	z.p1 = len(z.b)
	seenVowel := false
	for i := 0; i < len(z.b); {
		vowel, n := vowelAt(z.b, i)
		i += n
		if vowel {
			seenVowel = true
		} else if seenVowel {
			z.p1 = i
			return
		}
	}
}

// afterRunes returns the byte offset after the first n runes of s, and
// false when s is shorter than that.
func afterRunes(s string, n int) (int, bool) {
	i := 0
	for ; n > 0; n-- {
		if i >= len(s) {
			return 0, false
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i, true
}

// find returns the longest ending of a that ends at c, starts at or
// after lb and passes its condition, and where it starts; nil when none
// does.
func (z *stemmer) find(a *among, c, lb int) (*ending, int) {
	if c <= lb {
		return nil, 0
	}
	n := int(a.root[z.b[c-1]])
	if n == 0 {
		return nil, 0
	}
	var matched [maxEnding]uint8 // indices+1 of the endings found, shortest first
	k := 0
	for i := c - 2; ; i-- {
		if e := a.nodes[n].ending; e != 0 {
			matched[k] = e
			k++
		}
		if i < lb {
			break
		}
		if n = a.child(n, z.b[i], false); n < 0 {
			break
		}
	}
	for k > 0 {
		k--
		e := &a.endings[matched[k]-1]
		start := c - len(e.suffix)
		if e.act != dropInR1 || start >= z.p1 {
			return e, start
		}
	}
	return nil, 0
}

// replace puts s in place of b[bra:ket]; s is never longer than what it
// replaces.
func (z *stemmer) replace(bra, ket int, s string) {
	n := copy(z.b[bra:], s)
	k := copy(z.b[bra+n:], z.b[ket:])
	z.b = z.b[:bra+n+k]
}

// removeEndings is the first branch of the algorithm, for words of two or
// more characters: lb is the offset after the first two. It reports
// whether a main ending matched; a removed conditional ending stays
// removed either way.
func (z *stemmer) removeEndings(lb int) bool {
	z.lb = lb
	if e, bra := z.find(conditionals, len(z.b), z.p1); e != nil {
		z.replace(bra, len(z.b), "")
	}
	e, bra := z.find(endings, len(z.b), z.lb)
	if e == nil {
		return false
	}
	c := z.apply(e, bra, len(z.b))
	if c > z.lb && z.b[c-1] == '\'' { // an apostrophe, as in jake'owi
		z.replace(c-1, c, "")
	}
	return true
}

// apply carries out the action of e, matched at b[bra:ket], and returns
// where the cursor is left: at the start of the last ending matched.
func (z *stemmer) apply(e *ending, bra, ket int) int {
	switch e.act {
	case toS:
		z.replace(bra, ket, "s")
	case toL:
		z.replace(bra, ket, "ł")
	case szq:
		if z.p1 <= bra {
			z.replace(bra, ket, "")
		} else {
			z.replace(bra, ket, "s")
		}
	case adjective:
		z.replace(bra, ket, "")
		if e, start := z.find(adjectiveStems, bra, z.lb); e != nil {
			return z.apply(e, start, bra)
		}
	default: // drop, dropInR1
		z.replace(bra, ket, "")
	}
	return bra
}

// normalizeConsonant is the second branch: a final ć, ń, ś or ź that is
// not the word's only character loses its accent (miłość → miłośc).
func (z *stemmer) normalizeConsonant() {
	r, n := utf8.DecodeLastRune(z.b)
	start := len(z.b) - n
	if start == 0 {
		return
	}
	switch r {
	case 'ć':
		z.replace(start, len(z.b), "c")
	case 'ń':
		z.replace(start, len(z.b), "n")
	case 'ś':
		z.replace(start, len(z.b), "s")
	case 'ź':
		z.replace(start, len(z.b), "z")
	}
}
