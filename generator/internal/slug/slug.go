// Package slug turns file names and titles into URL path segments.
//
// [Make] produces a slug: lowercase ASCII letters, digits and single
// hyphens, never starting or ending with a hyphen.
//
//	Jabłonowo Pomorskie      → jablonowo-pomorskie
//	Strategia_NGO 2018–2022  → strategia-ngo-2018-2022
//	„Sudety”                 → sudety
//
// Letters are lowercased first. Latin letters with diacritics fold to their
// base letter: the text is decomposed (Unicode NFD) and combining marks that
// follow a Latin letter are dropped, so ą→a, ć→c, ę→e, ń→n, ó→o, ś→s, ź→z,
// ż→z, é→e, ü→u and so on. Letters that Unicode does not decompose are mapped
// by a fixed table: ł→l, ß→ss, æ→ae, œ→oe, ø→o, đ→d, ð→d, þ→th, ħ→h, ı→i,
// ŀ→l, ĳ→ij. Every run of anything else (spaces, underscores, dots,
// punctuation, dashes, letters of other scripts) becomes one hyphen. A name
// with no usable characters gives "". Make is idempotent: a slug is its own
// slug.
//
// [Fold] applies the same lowercasing and folding but keeps every other
// character as it is. It is meant for search and comparison, not for URLs:
// Fold("Wałbrzycha") == "walbrzycha", Fold("Jelenia Góra!") == "jelenia gora!".
package slug

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Make returns the URL slug of name, which may be a file name without its
// extension or any title. It returns "" if name has no letter or digit that
// folds to ASCII.
func Make(name string) string {
	folded := Fold(name)
	var b strings.Builder
	pending := false // a separator was seen since the last letter or digit
	for _, r := range folded {
		if !('a' <= r && r <= 'z' || '0' <= r && r <= '9') {
			pending = true
			continue
		}
		if b.Cap() == 0 {
			b.Grow(len(folded)) // a slug is never longer than its folded name
		}
		if pending && b.Len() > 0 {
			b.WriteByte('-')
		}
		pending = false
		b.WriteRune(r)
	}
	return b.String()
}

// Fold lowercases s and folds Latin letters with diacritics to their base
// letters, leaving every other character in place. The result is in Unicode
// NFC, so text in other scripts keeps its usual form.
func Fold(s string) string {
	if folded, ok := foldLatin(s); ok {
		return folded
	}
	return foldAny(s)
}

// latinEnd is where the characters folded one by one by table end: ASCII,
// Latin-1 and the Latin Extended-A and -B blocks, which hold every letter
// of Polish and of the languages its neighbours write in Latin script.
const latinEnd = 0x250

// The General Punctuation block, folded one by one by table too: Polish
// text is full of its quotes „”, dashes – and ellipses ….
const punctStart, punctEnd = 0x2000, 0x2070

// latin and punct are the fold of each character of their range on its
// own, as foldAny makes it. None of them folds to a combining mark, so a
// text of them alone folds character by character (a test holds every
// pair of them to foldAny).
var (
	latin = foldEach(0, latinEnd)
	punct = foldEach(punctStart, punctEnd)
)

func foldEach(from, to rune) []string {
	t := make([]string, to-from)
	for r := from; r < to; r++ {
		t[r-from] = foldAny(string(r))
	}
	return t
}

// foldLatin folds s character by character when every character of s is
// below latinEnd or a punctuation mark of the General Punctuation block
// (ok), which is most of what a Polish site's search index folds: a tenth
// of the time of foldAny, which decomposes and composes again.
func foldLatin(s string) (folded string, ok bool) {
	i := 0 // s[:i] folds to itself: ASCII with no capital letters
	for i < len(s) && s[i] < utf8.RuneSelf && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s, true
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		switch {
		case r < latinEnd:
			b.WriteString(latin[r])
		case punctStart <= r && r < punctEnd:
			b.WriteString(punct[r-punctStart])
		default:
			return "", false
		}
	}
	return b.String(), true
}

// foldAny is Fold of any text: lowercased, decomposed (NFD), the combining
// marks after a Latin letter dropped, the letters with no decomposition
// mapped (foldLetter), composed again (NFC).
func foldAny(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	latin := false // the last base character was a Latin letter
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		if unicode.Is(unicode.Mn, r) {
			if !latin {
				b.WriteRune(r)
			}
			continue
		}
		latin = unicode.Is(unicode.Latin, r)
		if base := foldLetter(r); base != "" {
			b.WriteString(base)
			continue
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}

// foldLetter maps lowercase Latin letters that have no canonical
// decomposition to their ASCII spelling, or returns "".
func foldLetter(r rune) string {
	switch r {
	case 'ł':
		return "l"
	case 'ß':
		return "ss"
	case 'æ':
		return "ae"
	case 'œ':
		return "oe"
	case 'ø':
		return "o"
	case 'đ', 'ð':
		return "d"
	case 'þ':
		return "th"
	case 'ħ':
		return "h"
	case 'ı':
		return "i"
	case 'ŀ':
		return "l"
	case 'ĳ':
		return "ij"
	}
	return ""
}
