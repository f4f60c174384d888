package markdown

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// textParser parses bodies for their text: the blocks and inline
// elements of the dialect but bare addresses, which linkify would only
// make links of the same text.
var textParser = goldmark.New(goldmark.WithExtensions(append(blocks(), extension.Strikethrough)...)).Parser()

// PlainText returns the text of a body as a reader reads it, for the
// search index: each block with text (paragraph, heading, list item,
// table cell) on a line of its own, its markup left out, entities and
// escapes resolved; code blocks line by line; images and raw HTML left
// out, as the page leaves them out.
func PlainText(body []byte) string {
	if len(body) == 0 {
		return ""
	}
	doc := textParser.Parse(text.NewReader(body))
	var b strings.Builder
	var buf buffer
	line := func(s string) {
		if s == "" {
			return
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(s)
	}
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			lines := n.Lines()
			for i := range lines.Len() {
				seg := lines.At(i)
				line(strings.TrimSpace(string(seg.Value(body))))
			}
			return ast.WalkSkipChildren, nil
		case *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		}
		if c := n.FirstChild(); c != nil && c.Type() == ast.TypeInline {
			line(plainTextWith(&buf, n, body))
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}
