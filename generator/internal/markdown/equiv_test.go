package markdown

import (
	stdhtml "html"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
)

// The functions below are the plain statements of what the faster code
// of this package computes; the tests hold the two to the same answers.

// collapseSpaceFields is collapseSpace by way of strings.FieldsFunc.
func collapseSpaceFields(s string) string {
	return strings.Join(strings.FieldsFunc(s, collapsible), " ")
}

// plainTextHTML is plainTextWith as writeText's comment states it: every
// value through goldmark's HTML writer, then unescaped.
func plainTextHTML(n ast.Node, src []byte) string {
	var w buffer
	var write func(n ast.Node)
	write = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				if c.IsRaw() {
					html.DefaultWriter.RawWrite(&w, c.Segment.Value(src))
				} else {
					html.DefaultWriter.Write(&w, c.Segment.Value(src))
				}
				if c.SoftLineBreak() || c.HardLineBreak() {
					_ = w.WriteByte(' ')
				}
			case *ast.String:
				switch {
				case c.IsCode():
					_, _ = w.Write(c.Value)
				case c.IsRaw():
					html.DefaultWriter.RawWrite(&w, c.Value)
				default:
					html.DefaultWriter.Write(&w, c.Value)
				}
			case *ast.AutoLink:
				html.DefaultWriter.RawWrite(&w, c.Label(src))
			case *ast.Image, *ast.RawHTML:
			default:
				write(c)
			}
		}
	}
	write(n)
	return collapseSpace(stdhtml.UnescapeString(w.String()))
}

// FuzzPlainText holds the plain text of every paragraph and heading to
// plainTextHTML's, in bodies parsed as a page's are (typography, curly
// quotes) and as a summary's are.
func FuzzPlainText(f *testing.F) {
	for _, s := range []string{
		"Tekst *z* [odnośnikiem](/a/) i `kodem &amp; <b>`.",
		"## \"Razem\" &amp; &#32;&nbsp;dalej\\*\n\nA\x00b &copy; <i>x</i> <https://example.pl/?a&b>",
		"“Cytat” -- 'tak'... \\&amp; &unknown; &#x110000; a\\\nb",
	} {
		f.Add(s)
	}
	parsers := []parser.Parser{New(Options{}).md.Parser(), summaryParser}
	f.Fuzz(func(t *testing.T, src string) {
		var buf buffer
		for _, p := range parsers {
			doc := p.Parse(text.NewReader([]byte(src)))
			_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
				if entering && (n.Kind() == ast.KindParagraph || n.Kind() == ast.KindHeading) {
					if got, want := plainTextWith(&buf, n, []byte(src)), plainTextHTML(n, []byte(src)); got != want {
						t.Errorf("plain text of %q\n got %q\nwant %q", src, got, want)
					}
				}
				return ast.WalkContinue, nil
			})
		}
	})
}

// TestCollapsibleEveryRune holds collapsible, which reads ASCII itself,
// to its statement: white space (unicode.IsSpace) but the no-break
// spaces.
func TestCollapsibleEveryRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := unicode.IsSpace(r) && r != '\u00a0' && r != '\u2007' && r != '\u202f'
		if got := collapsible(r); got != want {
			t.Errorf("collapsible(%U) = %v, want %v", r, got, want)
		}
	}
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
