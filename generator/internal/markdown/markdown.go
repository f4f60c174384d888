package markdown

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Options configures a [Renderer].
type Options struct {
	// Lang selects the typographic quotes: "pl" (the default, also used
	// for an empty or unknown value) or "en" (also "en-GB", "en-US", …).
	Lang string

	// ExternalNote is added, visually hidden, to the text of every link to
	// another site, e.g. "otwiera stronę zewnętrzną"; "" adds nothing.
	ExternalNote string

	// Address makes the address of a site path for a link or image that
	// starts at the site's root ("/dokumenty/"), so that it honours
	// -base-url; nil leaves such links as written.
	Address func(sitePath string) string
}

// Renderer renders Markdown bodies. It holds one configured goldmark
// instance and is safe for concurrent use.
type Renderer struct {
	md goldmark.Markdown
}

// New returns a Renderer configured by o.
func New(o Options) *Renderer {
	return &Renderer{md: goldmark.New(goldmark.WithExtensions(append(dialect(),
		typography{lang: o.Lang},
		curlyQuotes{lang: o.Lang},
		tableHeaderScope{},
		headingLevels{},
		headingIDs{},
		safeDestinations{},
		noRawHTML{},
		externalLinks{note: o.ExternalNote},
		rootLinks{address: o.Address},
	)...))}
}

// dialect is the extensions that decide what a body's blocks and inline
// elements are: where a paragraph ends, what is a table, a link, a
// passage in another language. A Renderer adds typography and the HTML
// on top; the summaries' parser (summary.go) uses these alone, so that
// the first paragraph of a summary is the one the page shows.
func dialect() []goldmark.Extender {
	return append(blocks(), extension.Strikethrough, linkify{})
}

// blocks is the part of dialect that decides where blocks start and end
// (beside CommonMark's own rules): tables and passages in another
// language.
func blocks() []goldmark.Extender {
	return []goldmark.Extender{extension.Table, langBlocks{}}
}

// Result is a rendered body and what was learned from it.
type Result struct {
	HTML     []byte    // rendered body
	Summary  string    // plain text of the first paragraph, "" if none
	Headings []Heading // headings in document order
	Links    []Link    // link and image destinations in document order
}

// Heading is one heading of a body, at its rendered level.
type Heading struct {
	Level int    // 2…6 once a body's h1 headings are shifted; 1 never occurs
	ID    string // the id attribute
	Text  string // plain text, typography applied
}

// Link is one link destination of a body.
type Link struct {
	Dest string // destination with escapes and entities resolved
	Line int    // 1-based line within the body where the link starts
}

// Render converts the Markdown body src to HTML, and tells its summary,
// headings and links.
func (r *Renderer) Render(src []byte) (Result, error) { return r.RenderWith(src, nil) }

// RenderWith is Render asking link about the destination of every link;
// a nil link is [Renderer.Render].
func (r *Renderer) RenderWith(src []byte, link LinkFunc) (Result, error) {
	doc, html, err := r.render(src, link)
	if err != nil {
		return Result{}, err
	}
	return Result{
		HTML:     []byte(html),
		Summary:  summary(doc, src),
		Headings: headings(doc, src),
		Links:    links(doc, src),
	}, nil
}

// HTML converts the Markdown body src to HTML, asking link (if not nil)
// about the destination of every link: RenderWith's HTML, without the
// work of the rest of its Result.
func (r *Renderer) HTML(src []byte, link LinkFunc) (string, error) {
	_, html, err := r.render(src, link)
	return html, err
}

func (r *Renderer) render(src []byte, link LinkFunc) (ast.Node, string, error) {
	pc := parser.NewContext(parser.WithIDs(newElementIDs()))
	if link != nil {
		pc.Set(linkFuncKey, link)
	}
	doc := r.md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	var html htmlBuffer
	html.Grow(len(src) + len(src)/4)
	if err := r.md.Renderer().Render(&html, src, doc); err != nil {
		return nil, "", fmt.Errorf("markdown: render: %w", err)
	}
	return doc, html.String(), nil
}

// buffer is a [bytes.Buffer] that is also a goldmark [util.BufWriter],
// so that goldmark writes straight into it instead of through a 4 KB
// bufio.Writer of its own. Nothing is held back: Flush has nothing to do.
type buffer struct{ bytes.Buffer }

// Buffered implements [util.BufWriter]: no byte waits to be flushed.
func (*buffer) Buffered() int { return 0 }

// Flush implements [util.BufWriter].
func (*buffer) Flush() error { return nil }

// htmlBuffer is a [strings.Builder] that is a goldmark [util.BufWriter],
// as buffer is, for the HTML of a body: a string made without a copy.
type htmlBuffer struct{ strings.Builder }

// Available implements [util.BufWriter]: the room left before the
// builder grows.
func (b *htmlBuffer) Available() int { return b.Cap() - b.Len() }

// Buffered implements [util.BufWriter].
func (*htmlBuffer) Buffered() int { return 0 }

// Flush implements [util.BufWriter].
func (*htmlBuffer) Flush() error { return nil }

var _ util.BufWriter = (*htmlBuffer)(nil)

var _ util.BufWriter = (*buffer)(nil)
