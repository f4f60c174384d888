package markdown

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// safeDestinations is a goldmark extension that removes links, autolinks
// and images whose destination could run code or smuggle a document
// into the page: the javascript:, vbscript:, data: and file: schemes.
// A link keeps its text and an image its alt text, as plain inline
// content of the parent. goldmark alone would keep such a link with an
// empty href (and lets data:image/png through); here the element goes.
type safeDestinations struct{}

func (safeDestinations) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(safeDestinations{}, 50)))
}

func (safeDestinations) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	var unsafe []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			if unsafeDestination(n.Destination) {
				unsafe = append(unsafe, n)
			}
		case *ast.Image:
			if unsafeDestination(n.Destination) {
				unsafe = append(unsafe, n)
			}
		case *ast.AutoLink:
			if unsafeDestination(n.URL(src)) {
				unsafe = append(unsafe, n)
			}
		}
		return ast.WalkContinue, nil
	})
	// Innermost first: an unsafe image inside an unsafe link is unwrapped
	// before its parent moves.
	for i := len(unsafe) - 1; i >= 0; i-- {
		n := unsafe[i]
		parent := n.Parent()
		if a, ok := n.(*ast.AutoLink); ok {
			label := ast.NewString(a.Label(src))
			label.SetRaw(true)
			parent.ReplaceChild(parent, n, label)
			continue
		}
		for c := n.FirstChild(); c != nil; {
			next := c.NextSibling()
			parent.InsertBefore(parent, n, c)
			c = next
		}
		parent.RemoveChild(parent, n)
	}
}

// unsafeDestination reports whether dest, a destination as it appears
// in the tree, names one of the refused schemes once a browser reads
// it. goldmark's renderer resolves escapes and entities in a
// destination; a browser then ignores leading spaces and control
// characters, every tab and newline, and the case of the scheme.
func unsafeDestination(dest []byte) bool {
	u := util.URLEscape(dest, true)
	u = bytes.TrimLeft(u, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\v\f\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
	scheme, _, ok := bytes.Cut(u, []byte(":"))
	if !ok {
		return false
	}
	scheme = bytes.ToLower(bytes.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, scheme))
	switch string(scheme) {
	case "javascript", "vbscript", "data", "file":
		return true
	}
	return false
}
