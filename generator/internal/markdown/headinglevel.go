package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// headingLevels is a goldmark extension that keeps h1 out of a body:
// the page title is the page's h1. When the smallest heading level in
// a body is 1, every heading moves one level down, h6 staying h6.
type headingLevels struct{}

func (headingLevels) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(headingLevels{}, 100)))
}

func (headingLevels) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	var hs []*ast.Heading
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			hs = append(hs, h)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, h := range hs {
		if h.Level == 1 {
			for _, h := range hs {
				h.Level = min(h.Level+1, 6)
			}
			return
		}
	}
}
