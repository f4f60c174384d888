package markdown

import (
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
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(curlyTransformer{lang: c.lang}, 900)))
}

type curlyTransformer struct {
	lang string
}

func (c curlyTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	// Runs of inline text, block by block, in reading order: whether a
	// mark opens or closes a quotation depends on the text around it,
	// which may sit in the neighbouring node ("“*słowo*”").
	var runs [][]ast.Node
	var cur []ast.Node
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Type() == ast.TypeBlock {
			if len(cur) > 0 {
				runs = append(runs, cur)
				cur = nil
			}
		}
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.(type) {
		case *ast.CodeSpan, *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock, *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		case *ast.Text, *ast.String:
			cur = append(cur, n)
		}
		return ast.WalkContinue, nil
	})
	if len(cur) > 0 {
		runs = append(runs, cur)
	}
	value := func(n ast.Node) []byte {
		switch n := n.(type) {
		case *ast.Text:
			return n.Segment.Value(src)
		case *ast.String:
			return n.Value
		}
		return nil
	}
	for _, run := range runs {
		for i, n := range run {
			t, ok := n.(*ast.Text)
			if !ok {
				continue
			}
			val := t.Segment.Value(src)
			if !containsCurly(val) {
				continue
			}
			prefix, suffix := "", ""
			if i > 0 {
				if r, _ := utf8.DecodeLastRune(value(run[i-1])); r != utf8.RuneError {
					prefix = string(r)
				}
			}
			if i+1 < len(run) && !t.SoftLineBreak() && !t.HardLineBreak() {
				if r, _ := utf8.DecodeRune(value(run[i+1])); r != utf8.RuneError {
					suffix = string(r)
				}
			}
			// Quotes writes a rune for every rune, but not always of the
			// same length: the neighbours are cut off by runes, not bytes.
			fixed := []rune(Quotes(c.lang, prefix+string(val)+suffix))
			fixed = fixed[utf8.RuneCountInString(prefix) : len(fixed)-utf8.RuneCountInString(suffix)]
			s := ast.NewString([]byte(string(fixed)))
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
}

func containsCurly(b []byte) bool {
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == '“' || r == '”' || r == '„' {
			return true
		}
		b = b[size:]
	}
	return false
}
