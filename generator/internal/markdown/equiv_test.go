package markdown

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The functions below are the plain statements of what the faster code
// of this package computes; the tests hold the two to the same answers.

// slugifyNFD is slugify as its comment states it: the whole text
// lowered, transliterated and decomposed (NFD) before it is read.
func slugifyNFD(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFD.String(strings.Map(polishToASCII, strings.ToLower(s))) {
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
		case unicode.Is(unicode.Mn, r):
		default:
			hyphen = true
		}
	}
	return b.String()
}

// collapseSpaceFields is collapseSpace by way of strings.FieldsFunc.
func collapseSpaceFields(s string) string {
	return strings.Join(strings.FieldsFunc(s, collapsible), " ")
}

// TestSlugifyEveryCharacter holds slugify, which decomposes characters
// one at a time, to slugifyNFD, which decomposes the whole text: every
// character is tried, twice over and between letters.
func TestSlugifyEveryCharacter(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		c := string(r)
		for _, s := range []string{c + c, "A" + c + "b"} {
			if got, want := slugify(s), slugifyNFD(s); got != want {
				t.Errorf("slugify(%q) = %q, want %q", s, got, want)
			}
		}
	}
}

func FuzzSlugify(f *testing.F) {
	for _, s := range []string{
		"Cele współpracy", "ZAŻÓŁĆ GĘŚLĄ JAŹŃ", "Ærø -- Škoda, Çelik", "中文",
		"e\u0301\u0316\u0300x", "\u1e0b\u0323", "한국어 Ǆ İ K Å", "a\xffb\xe2\x80",
		"a" + strings.Repeat("\u0301", 40) + "b",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := slugify(s), slugifyNFD(s); got != want {
			t.Errorf("slugify(%q) = %q, want %q", s, got, want)
		}
	})
}

func FuzzCollapseSpace(f *testing.F) {
	for _, s := range []string{
		"", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "a\nb", "a\u00a0 b",
		"\u2003a\u3000b\u2028", "a\xff b", "  ", "a \u202f b",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, want := collapseSpace(s), collapseSpaceFields(s)
		if got != want {
			t.Errorf("collapseSpace(%q) = %q, want %q", s, got, want)
		}
		if collapsed(s) != (want == s) {
			t.Errorf("collapsed(%q) = %v, want %v", s, collapsed(s), want == s)
		}
	})
}

// quotesRunes is Quotes read rune by rune.
func quotesRunes(lang, s string) string {
	if !strings.ContainsAny(s, "\"“”„") {
		return s
	}
	q := quotesFor(lang)
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		if !isDoubleQuote(r) {
			b.WriteRune(r)
			continue
		}
		opens := i == 0 || opensQuotation(rs[i-1])
		last := i == len(rs)-1 || unicode.IsSpace(rs[i+1])
		switch {
		case opens && !last:
			b.WriteRune(q.openDouble)
		case !opens:
			b.WriteRune(q.closeDouble)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// quotesBetween is appendQuotes as Quotes of the text with its
// neighbours, the neighbours cut off again (by runes: Quotes may change
// their length).
func quotesBetween(lang, s string, before, after rune) string {
	prefix, suffix := "", ""
	if before != noRune {
		prefix = string(before)
	}
	if after != noRune {
		suffix = string(after)
	}
	fixed := []rune(quotesRunes(lang, prefix+s+suffix))
	return string(fixed[utf8.RuneCountInString(prefix) : len(fixed)-utf8.RuneCountInString(suffix)])
}

// containsCurlyRunes is containsCurly read rune by rune.
func containsCurlyRunes(b []byte) bool {
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == '“' || r == '”' || r == '„' {
			return true
		}
		b = b[size:]
	}
	return false
}

func FuzzQuotes(f *testing.F) {
	for _, s := range []string{
		`Partnerstwo "Wspieramy rozwój"`, "“Razem”", "„x“ y”", `a " b`, `"`, `""`,
		"(“x”) —“y”", "\xff\"a\xe2\x80\"", "a\xe2\x80\x9c", "\xe2\x80\x9d\xe2\x80",
	} {
		f.Add(s, '(', 'x', true)
		f.Add(s, ' ', ' ', false)
	}
	f.Fuzz(func(t *testing.T, s string, before, after rune, en bool) {
		lang := "pl"
		if en {
			lang = "en"
		}
		if got, want := Quotes(lang, s), quotesRunes(lang, s); got != want {
			t.Errorf("Quotes(%q, %q) = %q, want %q", lang, s, got, want)
		}
		if got, want := containsCurly([]byte(s)), containsCurlyRunes([]byte(s)); got != want {
			t.Errorf("containsCurly(%q) = %v, want %v", s, got, want)
		}
		// The curly quotes transformer passes only valid neighbours, or
		// none, and only text with a quotation mark.
		if !strings.ContainsAny(s, "\"“”„") {
			return
		}
		if before == utf8.RuneError || !utf8.ValidRune(before) {
			before = noRune
		}
		if after == utf8.RuneError || !utf8.ValidRune(after) {
			after = noRune
		}
		got := string(appendQuotes(nil, quotesFor(lang), s, before, after))
		if want := quotesBetween(lang, s, before, after); got != want {
			t.Errorf("appendQuotes(%q, %q, %q, %q) = %q, want %q", lang, s, before, after, got, want)
		}
	})
}

// lineStartsBytes is lineStarts read byte by byte.
func lineStartsBytes(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

func FuzzLineStarts(f *testing.F) {
	for _, s := range []string{"", "\n", "a", "a\n", "\nb", "a\nb\n\nc", "\r\n\r\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := lineStarts([]byte(s)), lineStartsBytes([]byte(s)); !slices.Equal(got, want) {
			t.Errorf("lineStarts(%q) = %v, want %v", s, got, want)
		}
	})
}
