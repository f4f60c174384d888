package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ratusz/ratusz/generator/internal/slug"
	"github.com/ratusz/ratusz/generator/internal/stem"
	"golang.org/x/text/unicode/norm"
)

// The words of a text become the terms of the index the way the script
// (static/js/search.js) makes the terms of a query, so that the two meet:
//
//   - a word is a run of letters and digits; runs joined by "/" are also
//     one word, a resolution number such as "XIV/155/2015", indexed whole
//     and by its parts;
//   - a word with a digit is a number or an id, matched exactly: it is
//     only lowercased and folded (ą→a, ł→l…);
//   - any other word is lowercased, reduced to its stem by the Polish
//     Snowball stemmer (package stem) on a Polish site, and folded:
//     „Wałbrzychu” → "walbrzych". Its stem as the stemmer reduces the
//     folded word is indexed too, when it differs („seniorów” →
//     "senior" and "seniorow"), so that a query typed without Polish
//     letters finds it;
//   - stop words (stopWords, listed in the index for the script) and
//     one-letter words are left out;
//   - text is read in Unicode NFC, so a letter written as a base and a
//     combining mark is one letter.

// stopWords are the words of a language that a query leaves out and the
// index does not keep, folded: they are in nearly every entry and say
// nothing of it.
var stopWords = map[string][]string{
	"pl": {"a", "aby", "albo", "ale", "bez", "bo", "by", "czy", "dla", "do", "i", "ich", "jak", "jako",
		"jej", "jego", "jest", "juz", "ku", "lub", "na", "nad", "nie", "o", "od", "oraz", "po", "pod",
		"przez", "przy", "sa", "sie", "ta", "tak", "takze", "te", "ten", "tej", "to", "tu", "u", "w",
		"we", "z", "za", "ze"},
	"en": {"a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "of",
		"on", "or", "the", "to", "with"},
}

// A tokenizer turns text into terms, numbered by its dictionary. It keeps
// the terms of every word it has met, so that a word met again costs one
// map lookup; one serves one goroutine.
type tokenizer struct {
	polish bool
	stop   map[string]bool
	dict   *dictionary
	memo   map[string][2]int32 // lowercased word → its terms' numbers, -1 for none
	lower  []byte
}

func newTokenizer(lang string, dict *dictionary) *tokenizer {
	t := &tokenizer{polish: lang == "pl", stop: map[string]bool{}, dict: dict, memo: map[string][2]int32{}}
	for _, w := range stopWords[lang] {
		t.stop[w] = true
	}
	return t
}

// isWordRune is a letter or a digit: the script's [\p{L}\p{N}].
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }

// wordByte says which ASCII bytes are letters or digits.
var wordByte = func() (w [utf8.RuneSelf]bool) {
	for c := range w {
		w[c] = isWordRune(rune(c))
	}
	return w
}()

// next returns the rune at text[i] and its length, ASCII without decoding.
func next(text string, i int) (rune, int) {
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:])
}

func isWord(r rune) bool {
	if r < utf8.RuneSelf {
		return wordByte[r]
	}
	return isWordRune(r)
}

// each calls f with the number of each term of text: one or two for a
// word, and for an id such as "XIV/155/2015" the id, then the terms of
// its parts.
func (t *tokenizer) each(text string, f func(term uint32)) {
	text = nfc(text) // a letter and its mark, from text typed on macOS or a PDF, are one
	for i := 0; i < len(text); {
		r, n := next(text, i)
		if !isWord(r) {
			i += n
			continue
		}
		start, parts := i, 1
		for i < len(text) {
			r, n := next(text, i)
			if isWord(r) {
				i += n
				continue
			}
			if r == '/' && i+1 < len(text) {
				if r2, _ := next(text, i+1); isWord(r2) {
					i += n
					parts++
					continue
				}
			}
			break
		}
		word := text[start:i]
		if parts == 1 {
			t.word(word, f)
			continue
		}
		f(t.dict.id(slug.Fold(word)))
		for _, p := range strings.Split(word, "/") {
			t.word(p, f)
		}
	}
}

// word calls f with the terms of one word.
func (t *tokenizer) word(w string, f func(term uint32)) {
	t.lower = t.lower[:0]
	for i := 0; i < len(w); {
		r, n := next(w, i)
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			t.lower = append(t.lower, byte(r))
		} else {
			t.lower = utf8.AppendRune(t.lower, unicode.ToLower(r))
		}
		i += n
	}
	ids, ok := t.memo[string(t.lower)]
	if !ok {
		ids = [2]int32{-1, -1}
		for i, term := range t.termsOf(string(t.lower)) {
			if term != "" {
				ids[i] = int32(t.dict.id(term))
			}
		}
		t.memo[string(t.lower)] = ids
	}
	if ids[0] >= 0 {
		f(uint32(ids[0]))
	}
	if ids[1] >= 0 {
		f(uint32(ids[1]))
	}
}

// nfc is s in Unicode NFC.
func nfc(s string) string {
	if norm.NFC.IsNormalString(s) {
		return s
	}
	return norm.NFC.String(s)
}

// termsOf are the terms of a lowercased word: its own, and its stem as
// the stemmer reduces it folded when that differs.
func (t *tokenizer) termsOf(lower string) [2]string {
	folded := slug.Fold(lower)
	if t.stop[folded] || utf8.RuneCountInString(folded) < 2 && !hasDigit(folded) {
		return [2]string{}
	}
	if hasDigit(folded) || !t.polish {
		return [2]string{folded, ""}
	}
	a, b := slug.Fold(stem.Polish(lower)), stem.Polish(folded)
	if a == b {
		b = ""
	}
	return [2]string{a, b}
}

func hasDigit(s string) bool {
	for _, r := range s {
		if unicode.IsNumber(r) {
			return true
		}
	}
	return false
}
