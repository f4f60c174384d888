package markdown

import (
	"strings"
	"testing"
	"unicode"

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

// TestSlugifyEveryCharacter decomposes characters one at a time, where
// slugifyNFD decomposes the whole text; every character is tried, alone
// and between letters.
func TestSlugifyEveryCharacter(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		c := string(r)
		for _, s := range []string{c, "A" + c + "b", "x" + c + c + "9"} {
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
