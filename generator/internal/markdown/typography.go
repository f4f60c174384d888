package markdown

import (
	"strings"
	"unicode"

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
	q := quotesFor(lang)
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s) + 4)
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

func isDoubleQuote(r rune) bool {
	return r == '"' || r == '“' || r == '”' || r == '„'
}

// opensQuotation reports whether a quotation mark right after r starts
// a quotation: after a space, an opening bracket or quote, or a dash.
func opensQuotation(r rune) bool {
	return unicode.IsSpace(r) || unicode.In(r, unicode.Ps, unicode.Pi, unicode.Pd)
}
