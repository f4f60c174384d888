package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// noRawHTML is a goldmark extension that drops raw HTML, block and
// inline, from the output. goldmark's own safe mode already refuses to
// copy it but leaves an "<!-- raw HTML omitted -->" comment in its
// place; these renderers, registered ahead of goldmark's, write
// nothing at all.
type noRawHTML struct{}

func (noRawHTML) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(noRawHTML{}, 100)))
}

// RegisterFuncs implements [renderer.NodeRenderer].
func (noRawHTML) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHTMLBlock, dropRawHTML)
	reg.Register(ast.KindRawHTML, dropRawHTML)
}

func dropRawHTML(util.BufWriter, []byte, ast.Node, bool) (ast.WalkStatus, error) {
	return ast.WalkSkipChildren, nil
}
