package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// tableHeaderScope is a goldmark extension that marks the header cells
// of GFM tables as column headers, so that screen readers announce
// them with every data cell: <th scope="col">. goldmark's table
// renderer writes the attribute; this only sets it.
type tableHeaderScope struct{}

func (tableHeaderScope) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(tableHeaderScope{}, 300)))
}

func (tableHeaderScope) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case east.KindTableHeader:
			for cell := n.FirstChild(); cell != nil; cell = cell.NextSibling() {
				cell.SetAttributeString("scope", []byte("col"))
			}
			return ast.WalkSkipChildren, nil
		case east.KindTableRow:
			return ast.WalkSkipChildren, nil
		}
		return skipInlines(n), nil
	})
}
