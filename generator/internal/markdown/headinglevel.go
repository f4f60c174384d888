package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// headingLevels is a goldmark extension that fits a body's headings
// under the page's own h1 (its title) without skipping a level, whatever
// levels the editor used: the body's highest heading level becomes h2,
// the others keep their distance from it, and no heading is more than one
// level below the heading before it (WCAG 1.3.1; "### Cele" after the
// title becomes h2, "## A / #### B" becomes h2 / h3). h6 is the limit.
type headingLevels struct{}

func (headingLevels) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(headingLevels{}, 100)))
}

func (headingLevels) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	hs := headingNodes(doc)
	if len(hs) == 0 {
		return
	}
	top := 6
	for _, h := range hs {
		top = min(top, h.Level)
	}
	prev := 1 // the page title
	for _, h := range hs {
		level := min(h.Level-top+2, prev+1, 6)
		h.Level = level
		prev = level
	}
}

// headingNodes returns the headings of doc in document order.
func headingNodes(doc ast.Node) []*ast.Heading {
	var hs []*ast.Heading
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			hs = append(hs, h)
		}
		return skipInlines(n), nil
	})
	return hs
}

// skipInlines tells a walk looking for blocks to skip the children of n
// if they are inline content, where no block can be.
func skipInlines(n ast.Node) ast.WalkStatus {
	switch n.Kind() {
	case ast.KindParagraph, ast.KindTextBlock, ast.KindHeading,
		ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock:
		return ast.WalkSkipChildren
	}
	return ast.WalkContinue
}
