package markdown

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// linkify is goldmark's Linkify, which makes links of bare addresses
// (https://…, www.…) and e-mail addresses, asked only about the words
// that can be one. Linkify is tried after every space of a body and
// looks for an e-mail address in the word that follows each: most of a
// body's words have neither an @ nor a : and do not start with "www.",
// and none of those starts a link (a test holds the two to the same
// HTML).
type linkify struct{}

func (linkify) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(
		// The priority extension.Linkify gives its parser.
		util.Prioritized(linkifyWords{extension.NewLinkifyParser()}, 999),
	))
}

type linkifyWords struct{ parser.InlineParser }

func (p linkifyWords) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if len(line) > 0 {
		switch line[0] {
		case ' ', '*', '_', '~', '(':
			line = line[1:] // the character Linkify was tried at
		}
	}
	if bytes.HasPrefix(line, []byte("www.")) {
		return p.InlineParser.Parse(parent, block, pc)
	}
	for _, c := range line {
		switch c {
		case ' ', '\t', '\n', '\r':
			return nil // the end of the word: neither @ nor : in it
		case '@', ':':
			return p.InlineParser.Parse(parent, block, pc)
		}
	}
	return nil
}
