package markdown

import (
	"bytes"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// curlyQuotes is a goldmark extension that puts curly double quotes typed
// in the other language's style into the site's style: on a Polish site,
// “English” and „German“ quotes become „Polish”. The typographer only
// handles straight quotes; this handles text pasted from word processors.
// Code is left alone.
type curlyQuotes struct {
	lang string
}

func (c curlyQuotes) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(curlyTransformer{quotes: quotesFor(c.lang)}, 900)))
}

type curlyTransformer struct {
	quotes quoteStyle
}

func (c curlyTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	// Text nodes hold bytes of src: if it has no curly quote, none has.
	if !containsCurly(src) {
		return
	}
	// A run of inline text, in reading order, up to the next block:
	// whether a mark opens or closes a quotation depends on the text
	// around it, which may sit in the neighbouring node ("“*słowo*”").
	// Each run is put right when a block starts or ends, once the walk
	// has left the nodes in it, and its slice is used again.
	var run []ast.Node
	endRun := func() {
		c.quote(run, src)
		run = run[:0]
	}
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Type() == ast.TypeBlock {
			endRun()
		}
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.(type) {
		case *ast.CodeSpan, *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock, *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		case *ast.Text, *ast.String:
			run = append(run, n)
		}
		return ast.WalkContinue, nil
	})
	endRun()
}

// quote puts the curly quotes of a run of inline text in the site's style.
func (c curlyTransformer) quote(run []ast.Node, src []byte) {
	value := func(n ast.Node) []byte {
		switch n := n.(type) {
		case *ast.Text:
			return n.Segment.Value(src)
		case *ast.String:
			return n.Value
		}
		return nil
	}
	for i, n := range run {
		t, ok := n.(*ast.Text)
		if !ok {
			continue
		}
		val := t.Segment.Value(src)
		if !containsCurly(val) {
			continue
		}
		before, after := noRune, noRune
		if i > 0 {
			if p, ok := run[i-1].(*ast.Text); ok && (p.SoftLineBreak() || p.HardLineBreak()) {
				before = '\n' // the line break the text before ends in
			} else if r, _ := utf8.DecodeLastRune(value(run[i-1])); r != utf8.RuneError {
				before = r
			}
		}
		if i+1 < len(run) && !t.SoftLineBreak() && !t.HardLineBreak() {
			if r, _ := utf8.DecodeRune(value(run[i+1])); r != utf8.RuneError {
				after = r
			}
		}
		s := ast.NewString(appendQuotes(make([]byte, 0, len(val)+4), c.quotes, string(val), before, after))
		// Written like the Text it replaces: escaped, entities resolved.
		s.SetCode(false)
		s.SetRaw(false)
		parent := t.Parent()
		parent.ReplaceChild(parent, t, s)
		if t.SoftLineBreak() || t.HardLineBreak() {
			// Keep the line break the text node carried.
			br := ast.NewText()
			br.SetSoftLineBreak(t.SoftLineBreak())
			br.SetHardLineBreak(t.HardLineBreak())
			parent.InsertAfter(parent, s, br)
		}
	}
}

// containsCurly reports whether b holds one of the curly double quotes
// “ ” „ (U+201C…U+201E, in UTF-8 E2 80 9C…9E).
func containsCurly(b []byte) bool {
	for {
		i := bytes.IndexByte(b, 0xE2)
		if i < 0 || i+2 >= len(b) {
			return false
		}
		if b[i+1] == 0x80 && 0x9C <= b[i+2] && b[i+2] <= 0x9E {
			return true
		}
		b = b[i+1:]
	}
}
