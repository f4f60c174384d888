package markdown

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/text/language"
)

// langBlocks is a goldmark extension for passages in another language, so
// that screen readers switch their voice (WCAG 3.1.2):
//
//	::: lang=en
//	The strategy was presented at the URBACT summer university.
//	:::
//
// renders as <div lang="en"><p>The strategy was …</p></div>. The opening
// line must name a valid language code; otherwise it stays ordinary text,
// visible on the page, so a mistake is seen rather than lost.
type langBlocks struct{}

// KindLangBlock is the node kind of a passage in another language.
var KindLangBlock = ast.NewNodeKind("LangBlock")

// LangBlock is a passage in another language.
type LangBlock struct {
	ast.BaseBlock
	Lang string
}

// Kind implements ast.Node.
func (*LangBlock) Kind() ast.NodeKind { return KindLangBlock }

// Dump implements ast.Node.
func (n *LangBlock) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Lang": n.Lang}, nil)
}

func (langBlocks) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithBlockParsers(util.Prioritized(langParser{}, 150)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(langRenderer{}, 500)))
}

type langParser struct{}

func (langParser) Trigger() []byte { return []byte{':'} }

// openLang reads "::: lang=xx" and returns the language code.
func openLang(line []byte) (string, bool) {
	line = bytes.TrimSpace(line)
	rest, ok := bytes.CutPrefix(line, []byte(":::"))
	if !ok {
		return "", false
	}
	rest = bytes.TrimSpace(rest)
	code, ok := bytes.CutPrefix(rest, []byte("lang="))
	if !ok || len(code) == 0 || bytes.ContainsAny(code, " \t\"'<>") {
		return "", false
	}
	tag, err := language.Parse(string(code))
	if err != nil {
		return "", false
	}
	return tag.String(), true
}

func isClose(line []byte) bool { return string(bytes.TrimSpace(line)) == ":::" }

func (langParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, _ := reader.PeekLine()
	lang, ok := openLang(line)
	if !ok {
		return nil, parser.NoChildren
	}
	reader.AdvanceToEOL()
	return &LangBlock{Lang: lang}, parser.HasChildren
}

func (langParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	line, _ := reader.PeekLine()
	if isClose(line) {
		reader.AdvanceToEOL()
		return parser.Close
	}
	return parser.Continue | parser.HasChildren
}

func (langParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}
func (langParser) CanInterruptParagraph() bool                                { return true }
func (langParser) CanAcceptIndentedLine() bool                                { return false }

type langRenderer struct{}

func (langRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindLangBlock, func(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(`<div lang="` + node.(*LangBlock).Lang + "\">\n")
		} else {
			_, _ = w.WriteString("</div>\n")
		}
		return ast.WalkContinue, nil
	})
}
