package markdown

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// quoteStyle is the set of quotation marks of one language.
type quoteStyle struct {
	openDouble, closeDouble rune
	openSingle, closeSingle rune
	apostrophe              rune
}

// quotesFor returns the quotation marks for lang: English for "en" and
// "en-…", Polish for anything else.
func quotesFor(lang string) quoteStyle {
	lang = strings.ToLower(lang)
	if lang == "en" || strings.HasPrefix(lang, "en-") || strings.HasPrefix(lang, "en_") {
		return quoteStyle{'“', '”', '‘', '’', '’'}
	}
	return quoteStyle{'„', '”', '‚', '’', '’'}
}

// typography is a goldmark extension: goldmark's Typographer with the
// quotation marks of one language, dashes and the ellipsis. The
// replacements are the characters themselves, not HTML entities, so
// that plain text taken from the tree reads the same as the HTML.
type typography struct {
	lang string
}

func (t typography) Extend(m goldmark.Markdown) {
	q := quotesFor(t.lang)
	subs := map[extension.TypographicPunctuation][]byte{
		extension.LeftDoubleQuote:  []byte(string(q.openDouble)),
		extension.RightDoubleQuote: []byte(string(q.closeDouble)),
		extension.LeftSingleQuote:  []byte(string(q.openSingle)),
		extension.RightSingleQuote: []byte(string(q.closeSingle)),
		extension.Apostrophe:       []byte(string(q.apostrophe)),
		extension.EnDash:           []byte("–"),
		extension.EmDash:           []byte("—"),
		extension.Ellipsis:         []byte("…"),
		// A nil replacement switches a rule off; an empty one would
		// delete the characters. << and >> stay as written.
		extension.LeftAngleQuote:  nil,
		extension.RightAngleQuote: nil,
	}
	extension.NewTypographer(extension.WithTypographicSubstitutions(subs)).Extend(m)
}

// Quotes replaces the double quotation marks in s, straight or curly,
// with those of lang ("pl" unless "en"): a mark after the start of s,
// a space or an opening bracket opens a quotation, a mark after any
// other character closes one, and a mark with space on both sides is
// left alone. Text already quoted correctly comes back unchanged.
//
//	Quotes("pl", `Partnerstwo "Wspieramy rozwój"`) == "Partnerstwo „Wspieramy rozwój”"
//	Quotes("pl", "“Razem”") == "„Razem”"
//	Quotes("en", `"Together"`) == "“Together”"
func Quotes(lang, s string) string {
	if !strings.ContainsAny(s, "\"“”„") {
		return s
	}
	return string(appendQuotes(make([]byte, 0, len(s)+4), quotesFor(lang), s, noRune, noRune))
}

// noRune stands for the start or the end of a text around the part of
// it given to appendQuotes.
const noRune rune = -1

// appendQuotes appends s to dst with its double quotation marks replaced
// as Quotes replaces them in a text of which s is a part: before and
// after are the characters of that text right before and after s, or
// noRune where s starts or ends it. Like Quotes, it writes every byte
// that is not UTF-8 as U+FFFD.
func appendQuotes(dst []byte, q quoteStyle, s string, before, after rune) []byte {
	prev := before
	for i, r := range s {
		if !isDoubleQuote(r) {
			dst = utf8.AppendRune(dst, r)
			prev = r
			continue
		}
		next := after
		if j := i + utf8.RuneLen(r); j < len(s) {
			next, _ = utf8.DecodeRuneInString(s[j:])
		}
		opens := prev == noRune || opensQuotation(prev)
		last := next == noRune || unicode.IsSpace(next)
		switch {
		case opens && !last:
			dst = utf8.AppendRune(dst, q.openDouble)
		case !opens:
			dst = utf8.AppendRune(dst, q.closeDouble)
		default:
			dst = utf8.AppendRune(dst, r)
		}
		prev = r
	}
	return dst
}

func isDoubleQuote(r rune) bool {
	return r == '"' || r == '“' || r == '”' || r == '„'
}

// opensQuotation reports whether a quotation mark right after r starts
// a quotation: after a space, an opening bracket or quote, or a dash.
func opensQuotation(r rune) bool {
	return unicode.IsSpace(r) || unicode.In(r, unicode.Ps, unicode.Pi, unicode.Pd)
}
