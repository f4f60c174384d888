package markdown

import (
	"bytes"
	stdhtml "html"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// summary returns the plain text of the first paragraph that is a
// direct child of doc and has any text, or "". A paragraph holding only
// an image or raw HTML has none.
func summary(doc ast.Node, src []byte) string {
	_, s := firstTextParagraph(doc, src)
	return s
}

// headings returns the headings of doc in document order.
func headings(doc ast.Node, src []byte) []Heading {
	var hs []Heading
	var buf buffer
	for _, h := range headingNodes(doc) {
		var id string
		switch v, _ := h.AttributeString("id"); v := v.(type) {
		case []byte:
			id = string(v)
		case string:
			id = v
		}
		hs = append(hs, Heading{Level: h.Level, ID: id, Text: plainTextWith(&buf, h, src)})
	}
	return hs
}

// links returns the destinations of the links, autolinks and images of
// doc in document order, each with the line it starts on.
func links(doc ast.Node, src []byte) []Link {
	lines := lineStarts(src)
	var ls []Link
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var dest []byte
		switch n := n.(type) {
		case *ast.Link:
			dest = resolveReferences(n.Destination)
		case *ast.Image:
			dest = resolveReferences(n.Destination)
		case *ast.AutoLink:
			dest = n.URL(src)
			if n.AutoLinkType == ast.AutoLinkEmail && !hasPrefixFold(dest, "mailto:") {
				dest = append([]byte("mailto:"), dest...)
			}
		default:
			return ast.WalkContinue, nil
		}
		ls = append(ls, Link{Dest: string(dest), Line: lineOf(n, lines)})
		return ast.WalkContinue, nil
	})
	return ls
}

// resolveReferences returns a link destination as goldmark reads it:
// backslash escapes and entity references resolved, nothing encoded.
func resolveReferences(dest []byte) []byte {
	return util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(dest)))
}

func hasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && strings.EqualFold(string(b[:len(prefix)]), prefix)
}

// lineStarts returns the offset of the first byte of every line of src.
func lineStarts(src []byte) []int {
	starts := make([]int, 1, bytes.Count(src, []byte{'\n'})+1)
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			return starts
		}
		i += j + 1
		starts = append(starts, i)
	}
}

// lineOf returns the 1-based line on which inline node n starts. goldmark
// records the source offset of every inline node it parses; nodes made
// later fall back to their first text, then to their block.
func lineOf(n ast.Node, lines []int) int {
	pos := n.Pos()
	if pos < 0 {
		pos = firstOffset(n)
	}
	if pos < 0 {
		return 0
	}
	i, found := slices.BinarySearch(lines, pos)
	if found {
		return i + 1
	}
	return i
}

func firstOffset(n ast.Node) int {
	for c := n; c != nil; c = c.Parent() {
		if c.Pos() >= 0 {
			return c.Pos()
		}
		if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			return c.Lines().At(0).Start
		}
	}
	return -1
}

// plainTextWith returns the text of n's inline content as a reader sees
// it: markup and images left out, entities and escapes resolved, runs of
// white space (line breaks included) collapsed to one space. It writes
// through buf, which it empties first: one buffer serves all the
// headings of a body.
func plainTextWith(buf *buffer, n ast.Node, src []byte) string {
	buf.Reset()
	writeText(buf, n, src) // goldmark's Writer escapes; unescaped below
	return collapseSpace(stdhtml.UnescapeString(buf.String()))
}

// collapseSpace returns the words of s, the runs of characters that are
// not collapsible white space, joined by single spaces. s comes back as
// it is when it is written so already.
func collapseSpace(s string) string {
	if collapsed(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	word := -1 // where the word being read starts; -1 between words
	for i, r := range s {
		switch {
		case !collapsible(r):
			if word < 0 {
				word = i
			}
		case word >= 0:
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(s[word:i])
			word = -1
		}
	}
	if word >= 0 {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s[word:])
	}
	return b.String()
}

// collapsed reports whether collapseSpace(s) == s: no collapsible white
// space at either end, and none between words but a single ' '. It reads
// ASCII a byte at a time, which is most of what it is given.
func collapsed(s string) bool {
	space := true // at the start, as after white space
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRuneInString(s[i:])
			if collapsible(r) { // and not ' '
				return false
			}
			space = false
			i += n - 1
		case c == ' ':
			if space {
				return false
			}
			space = true
		case '\t' <= c && c <= '\r':
			return false
		default:
			space = false
		}
	}
	return !space || s == ""
}

// collapsible reports whether r is white space that plain text folds
// into a single space. No-break spaces are kept: an author wrote them.
func collapsible(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r' // unicode.IsSpace, inlined
	}
	return unicode.IsSpace(r) && r != '\u00a0' && r != '\u2007' && r != '\u202f'
}

// writeText writes the text of n's inline content as goldmark's HTML
// writer writes it, for plainTextWith to unescape: the writer resolves
// backslash escapes and entity references, and escapes &, <, > and ".
// A value with no & nor NUL (nor, unless raw, a backslash) comes out of
// the two unchanged, and is written as it is.
func writeText(w util.BufWriter, n ast.Node, src []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			writeValue(w, c.Segment.Value(src), c.IsRaw())
			if c.SoftLineBreak() || c.HardLineBreak() {
				_ = w.WriteByte(' ')
			}
		case *ast.String:
			if c.IsCode() {
				_, _ = w.Write(c.Value)
			} else {
				writeValue(w, c.Value, c.IsRaw())
			}
		case *ast.AutoLink:
			writeValue(w, c.Label(src), true)
		case *ast.Image, *ast.RawHTML:
		default:
			writeText(w, c, src)
		}
	}
}

// writeValue writes v, raw or to be read for escapes and entities, as
// writeText does.
func writeValue(w util.BufWriter, v []byte, raw bool) {
	switch {
	case plainBytes(v, raw):
		_, _ = w.Write(v)
	case raw:
		html.DefaultWriter.RawWrite(w, v)
	default:
		html.DefaultWriter.Write(w, v)
	}
}

// plainBytes reports whether v has no & nor NUL, and unless raw no
// backslash: nothing that the HTML writer and unescaping change.
func plainBytes(v []byte, raw bool) bool {
	for _, c := range v {
		if c == '&' || c == 0 || c == '\\' && !raw {
			return false
		}
	}
	return true
}
