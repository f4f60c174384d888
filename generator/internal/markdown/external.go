package markdown

import (
	"bytes"
	"html"
	"net/url"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// externalLinks is a goldmark extension that makes links to other sites
// say so to screen readers: it adds a visually hidden note, such as
// „(otwiera stronę zewnętrzną)”, at the end of the link text, so the
// warning is part of the link's accessible name rather than a title
// attribute few readers announce.
type externalLinks struct {
	note string // plain text; "" turns the extension off
}

func (e externalLinks) Extend(m goldmark.Markdown) {
	if e.note == "" {
		return
	}
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(e, 100)))
}

// noteHTML is the hidden note, HTML-escaped.
func (e externalLinks) noteHTML() []byte {
	return []byte(`<span class="visually-hidden"> (` + html.EscapeString(e.note) + `)</span>`)
}

// external reports whether dest leads to another site.
func external(dest []byte) bool {
	u, err := url.Parse(string(bytes.TrimSpace(dest)))
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// RegisterFuncs renders links and autolinks (bare addresses) with the
// note. The note is written only into the HTML, so headings' and
// summaries' plain text stay as the editor wrote them.
func (e externalLinks) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindLink, e.renderLink)
	reg.Register(ast.KindAutoLink, e.renderAutoLink)
}

func (e externalLinks) renderLink(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	if entering {
		_, _ = w.WriteString(`<a href="`)
		if !gmhtml.IsDangerousURL(n.Destination) {
			_, _ = w.Write(util.EscapeHTML(util.URLEscape(n.Destination, true)))
		}
		_ = w.WriteByte('"')
		if n.Title != nil {
			_, _ = w.WriteString(` title="`)
			gmhtml.DefaultWriter.Write(w, n.Title)
			_ = w.WriteByte('"')
		}
		_ = w.WriteByte('>')
		return ast.WalkContinue, nil
	}
	if external(n.Destination) {
		_, _ = w.Write(e.noteHTML())
	}
	_, _ = w.WriteString("</a>")
	return ast.WalkContinue, nil
}

func (e externalLinks) renderAutoLink(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.AutoLink)
	dest := n.URL(src)
	if n.AutoLinkType == ast.AutoLinkEmail && !bytes.HasPrefix(bytes.ToLower(dest), []byte("mailto:")) {
		dest = append([]byte("mailto:"), dest...)
	}
	_, _ = w.WriteString(`<a href="`)
	_, _ = w.Write(util.EscapeHTML(util.URLEscape(dest, false)))
	_, _ = w.WriteString(`">`)
	_, _ = w.Write(util.EscapeHTML(n.Label(src)))
	if n.AutoLinkType == ast.AutoLinkURL && external(dest) {
		_, _ = w.Write(e.noteHTML())
	}
	_, _ = w.WriteString(`</a>`)
	return ast.WalkSkipChildren, nil
}
