package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// rootLinks is a goldmark extension that puts a link or image that starts
// at the site's root ([strona główna](/), ![](/pliki/mapa.png)) under the
// path the site is served at, through address; a network-path reference
// (//host/…) is another site and is left alone.
type rootLinks struct{ address func(string) string }

func (r rootLinks) Extend(m goldmark.Markdown) {
	if r.address != nil {
		m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(r, 60)))
	}
}

func (r rootLinks) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	under := func(dest []byte) []byte {
		if len(dest) == 0 || dest[0] != '/' || (len(dest) > 1 && dest[1] == '/') {
			return dest
		}
		return []byte(r.address(string(dest)))
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			switch n := n.(type) {
			case *ast.Link:
				n.Destination = under(n.Destination)
			case *ast.Image:
				n.Destination = under(n.Destination)
			}
		}
		return ast.WalkContinue, nil
	})
}
