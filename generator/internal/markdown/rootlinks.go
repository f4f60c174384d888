package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// LinkFunc is asked, by [Renderer.RenderWith], about the destination of
// every link of a body (not images, not autolinks): dest with escapes and
// entities resolved, and the 1-based line of the body the link starts
// on. It returns the href to write instead, or ok false to leave the
// link to the other rules.
type LinkFunc func(dest string, line int) (href string, ok bool)

// linkFuncKey holds a body's LinkFunc in its parse context.
var linkFuncKey = parser.NewContextKey()

// rootLinks is a goldmark extension that first offers every link to the
// body's LinkFunc, if it has one, and then puts a link or image that
// starts at the site's root ([strona główna](/), ![](/pliki/mapa.png))
// under the path the site is served at, through address; a network-path
// reference (//host/…) is another site and is left alone.
type rootLinks struct{ address func(string) string }

func (r rootLinks) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(r, 60)))
}

func (r rootLinks) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	under := func(dest []byte) []byte {
		if r.address == nil || len(dest) == 0 || dest[0] != '/' || (len(dest) > 1 && dest[1] == '/') {
			return dest
		}
		return []byte(r.address(string(dest)))
	}
	link, _ := pc.Get(linkFuncKey).(LinkFunc)
	var lines []int // made at the first link, for link
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			switch n := n.(type) {
			case *ast.Link:
				if link != nil {
					if lines == nil {
						lines = lineStarts(reader.Source())
					}
					if href, ok := link(string(resolveReferences(n.Destination)), lineOf(n, lines)); ok {
						n.Destination = []byte(href)
						break
					}
				}
				n.Destination = under(n.Destination)
			case *ast.Image:
				n.Destination = under(n.Destination)
			}
		}
		return ast.WalkContinue, nil
	})
}
