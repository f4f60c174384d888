package markdown

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// An entry's summary, when its front matter gives none, is the plain text
// of the first paragraph of its body: [FirstParagraph] reads it from the
// parse tree, [FirstParagraphLead] says how much of a body that takes.
//
// Both read only the start of a body. They parse a window of it (up to
// its first blank line, then a kilobyte, then twice as much each time)
// until the window holds the first paragraph that has any text (see
// [Result.Summary]) and the line after it, which is what decides where a
// paragraph ends: a blank line, another block, or a setext underline that
// makes it a heading (and the line after that, when it is the header of a
// table). A paragraph longer than eight kilobytes is read only that far
// (to the end of the line there), so a body written as one long
// paragraph costs no more than one of that length.
//
// What a paragraph says can also depend on the rest of the body: a
// reference link ([text][1]) or image is one only if its label is
// defined, and definitions usually sit at the end. When the first
// paragraph holds a bracket that may be an undefined reference,
// FirstParagraph reads the definitions of the whole body; when it or a
// paragraph before it holds a reference, FirstParagraphLead keeps as much
// of the body as the definitions need, so that the lead and the body
// always give the same text.

// summaryParser parses bodies for their first paragraphs: the rules of
// [New]'s renderer for what a block, a paragraph, a link or a table is
// (dialect), without the typography, which a site applies to a summary
// as it does to a title. blockParser reads only the blocks, as
// summaryParser does, and none of their inline content: enough to see
// where a paragraph starts and ends, in a fraction of the time. Like
// compiled regular expressions they are made once and only read after,
// by any number of goroutines.
var (
	summaryParser = goldmark.New(goldmark.WithExtensions(dialect()...)).Parser()
	blockParser   = goldmark.New(goldmark.WithParser(parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithParagraphTransformers(append(parser.DefaultParagraphTransformers(),
			util.Prioritized(rawParagraphs{}, 1000))...),
	)), goldmark.WithExtensions(blocks()...)).Parser()
)

// rawParagraphs is blockParser's last paragraph transformer: it puts the
// lines of every paragraph in a paragraphLines node in its place, which
// the parser reads no inline content of. A paragraph that ends at a line
// of = or - stays: the setext heading that line makes of it takes its
// place later.
type rawParagraphs struct{}

func (rawParagraphs) Transform(node *ast.Paragraph, reader text.Reader, _ parser.Context) {
	if line, _ := reader.PeekLine(); setextUnderline(line) {
		return
	}
	lines := &paragraphLines{}
	lines.SetLines(node.Lines())
	node.Parent().ReplaceChild(node.Parent(), node, lines)
}

// setextUnderline reports whether line may underline a setext heading:
// all = or all -, with space around.
func setextUnderline(line []byte) bool {
	t := bytes.TrimSpace(line)
	return len(t) > 0 && (t[0] == '=' || t[0] == '-') && len(bytes.Trim(t, string(t[:1]))) == 0
}

// paragraphLines is a paragraph of which only the lines are known.
type paragraphLines struct{ ast.BaseBlock }

var kindParagraphLines = ast.NewNodeKind("ParagraphLines")

// Kind implements ast.Node.
func (*paragraphLines) Kind() ast.NodeKind { return kindParagraphLines }

// IsRaw implements ast.Node: the parser leaves its lines as they are.
func (*paragraphLines) IsRaw() bool { return true }

// Dump implements ast.Node.
func (n *paragraphLines) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// paragraphReader reads the first paragraph of bodies: window is how
// many bytes of a body it parses at first, unless the first blank line
// comes sooner, and limit how many bytes of a long paragraph it reads.
type paragraphReader struct{ window, limit int }

// firstParagraphs is the paragraphReader of FirstParagraph and
// FirstParagraphLead: a kilobyte holds most first paragraphs, and eight
// hold far more than the text of the longest summary with its markup.
var firstParagraphs = paragraphReader{window: 1 << 10, limit: 8 << 10}

// FirstParagraph returns the plain text of the first top-level paragraph
// of body that has any text, as [Result.Summary] does but without
// typography, or "" if body has none. Reference links count as links
// when their labels are defined anywhere in body.
func FirstParagraph(body []byte) string { return firstParagraphs.text(body) }

// FirstParagraphLead returns the start of body that [FirstParagraph]
// reads: FirstParagraph(FirstParagraphLead(body)) == FirstParagraph(body).
// It is longer when the first paragraph's reference links are defined
// after it, and the whole body when the body has no paragraph or the
// definitions are far from its start.
func FirstParagraphLead(body []byte) []byte { return firstParagraphs.lead(body) }

// text is FirstParagraph.
func (r paragraphReader) text(body []byte) string {
	return r.textOf(body, r.find(body, nil))
}

// textOf is the text of body, of which p is the first paragraph as found
// without definitions beyond the windows read.
func (r paragraphReader) textOf(body []byte, p paragraph) string {
	if p.bracket && len(p.src) < len(body) {
		// Read it again as the whole body defines its references.
		if refs := references(body); len(refs) > 0 {
			p = r.find(body, refs)
		}
	}
	return p.text
}

// lead is FirstParagraphLead.
func (r paragraphReader) lead(body []byte) []byte {
	if lead, ok := r.plainLead(body); ok {
		return lead
	}
	p := r.find(body, nil)
	if len(p.lead) == len(body) || !p.bracket && !p.referenced {
		return p.lead
	}
	// The paragraph, or which paragraph is the first with text, may
	// depend on definitions: keep the lead, or else the window read, if
	// it gives the text the body gives.
	want := r.textOf(body, p)
	for _, lead := range [][]byte{p.lead, p.src} {
		if r.text(lead) == want {
			return lead
		}
	}
	return body
}

// paragraph is the first paragraph of a body, found by find.
type paragraph struct {
	lead []byte   // the start of the body it is read from
	src  []byte   // the window node was parsed from: lead, or more of the body
	node ast.Node // the paragraph, nil if the body has none
	text string   // its plain text

	// referenced: it or a paragraph before it holds a reference link or
	// image. bracket: its text holds a '[', which may be a reference
	// whose label src does not define.
	referenced, bracket bool
}

// plainLead is lead for a body whose first paragraph is plain enough to
// be seen in its blocks alone (ok), which most are: the first paragraph,
// it starts with a letter or a digit, so it has text, and it has no
// bracket, so no link and nothing in it depends on the rest of the body.
func (r paragraphReader) plainLead(body []byte) (lead []byte, ok bool) {
	w := r.scan(body, func(src []byte) ast.Node {
		return blockParser.Parse(text.NewReader(src))
	}, func(doc ast.Node, _ []byte) ast.Node {
		for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
			if n.Kind() == kindParagraphLines || n.Kind() == ast.KindParagraph {
				return n
			}
		}
		return nil
	})
	if w.node == nil {
		return w.lead, !w.cut
	}
	lines := w.node.Lines()
	for i := range lines.Len() {
		line := lines.At(i)
		v := line.Value(w.src)
		if i == 0 {
			if first, _ := utf8.DecodeRune(v); !unicode.IsLetter(first) && !unicode.IsDigit(first) {
				return nil, false
			}
		}
		if bytes.IndexByte(v, '[') >= 0 {
			return nil, false
		}
	}
	return w.lead, true
}

// find finds the first paragraph of body with any text, reading link
// reference definitions refs as well as those in the windows it parses,
// and the lead it is read from (scan). It returns the whole body as the
// lead, and no node, when the body has no such paragraph.
func (r paragraphReader) find(body []byte, refs []parser.Reference) paragraph {
	var txt string
	w := r.scan(body, func(src []byte) ast.Node {
		return parse(src, refs)
	}, func(doc ast.Node, src []byte) (node ast.Node) {
		node, txt = firstTextParagraph(doc, src)
		return node
	})
	p := paragraph{lead: w.lead, src: w.src, node: w.node, text: txt}
	if p.node != nil {
		p.referenced, p.bracket = referencedUpTo(w.doc, p.node), strings.Contains(p.text, "[")
	}
	return p
}

// scanned is a start of a body, parsed, and the paragraph found in it.
type scanned struct {
	lead []byte   // the start of the body the paragraph is read from
	src  []byte   // the window parsed: lead, or more of the body
	doc  ast.Node // src parsed
	node ast.Node // the paragraph, nil if there is none
	cut  bool     // the paragraph is read only to r.limit bytes into it
}

// scan parses longer and longer starts of body with parse until pick
// finds a paragraph in one, and the line after it, which ends it: the
// lead is the body up to the end of that line. A paragraph that goes on
// for r.limit bytes is read only that far: the lead is the body up to
// the end of the line there, parsed again. The lead is the whole body
// when pick finds no paragraph in it, or one that goes on to its end.
func (r paragraphReader) scan(body []byte, parse func(src []byte) ast.Node, pick func(doc ast.Node, src []byte) ast.Node) scanned {
	n := r.window
	if b := firstBlankLine(body[:min(len(body), r.window)]); b < n {
		n = b
	}
	for ; ; n = max(2*n, r.window) {
		end := lineEnd(body, n)
		w := scanned{src: body[:end]}
		w.doc = parse(w.src)
		w.node = pick(w.doc, w.src)
		if w.node == nil {
			if end == len(body) {
				w.lead = body
				return w
			}
			continue
		}
		lines := w.node.Lines()
		start, stop := lines.At(0).Start, lines.At(lines.Len()-1).Stop
		next := lineEnd(w.src, stop-1) // where the line after the paragraph starts
		cut := lineEnd(body, start+r.limit)
		switch {
		case next < end: // that line is in the window: the paragraph has ended
			w.lead = w.src[:lineEnd(w.src, next)]
			if _, ok := w.node.NextSibling().(*extast.Table); ok {
				// That line may be the header of a table split off the
				// paragraph's lines: keep the delimiter row that made it one.
				w.lead = w.src[:lineEnd(w.src, len(w.lead))]
			}
		case end == len(body):
			w.lead = body
		case cut <= end: // a long paragraph, read to cut
			w.lead, w.src, w.cut = body[:cut], body[:cut], true
			w.doc = parse(w.src)
			w.node = pick(w.doc, w.src) // nil if its first r.limit bytes have no text
		default:
			continue
		}
		return w
	}
}

// parse parses src for its first paragraph, with the link reference
// definitions refs as well as its own.
func parse(src []byte, refs []parser.Reference) ast.Node {
	pc := parser.NewContext()
	for _, r := range refs {
		pc.AddReference(r)
	}
	return summaryParser.Parse(text.NewReader(src), parser.WithContext(pc))
}

// references returns the link reference definitions of body.
func references(body []byte) []parser.Reference {
	if !bytes.Contains(body, []byte("]:")) {
		return nil // a definition is [label]: destination
	}
	pc := parser.NewContext()
	summaryParser.Parse(text.NewReader(body), parser.WithContext(pc))
	return pc.References()
}

// firstTextParagraph returns the first paragraph that is a direct child
// of doc and has any text, and its text; nil and "" if there is none. A
// paragraph holding only an image or raw HTML has none.
func firstTextParagraph(doc ast.Node, src []byte) (ast.Node, string) {
	var buf buffer
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if n.Kind() != ast.KindParagraph {
			continue
		}
		if lines := n.Lines(); lines.Len() > 0 {
			buf.Grow(lines.At(lines.Len()-1).Stop - lines.At(0).Start)
		}
		if s := plainTextWith(&buf, n, src); s != "" {
			return n, s
		}
	}
	return nil, ""
}

// referencedUpTo reports whether a reference link or image is in last or
// in a paragraph of doc before it.
func referencedUpTo(doc, last ast.Node) bool {
	found := false
	for n := doc.FirstChild(); n != nil && !found; n = n.NextSibling() {
		if n.Kind() == ast.KindParagraph {
			_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
				switch c := c.(type) {
				case *ast.Link:
					found = c.Reference != nil
				case *ast.Image:
					found = c.Reference != nil
				}
				if found {
					return ast.WalkStop, nil
				}
				return ast.WalkContinue, nil
			})
		}
		if n == last {
			break
		}
	}
	return found
}

// firstBlankLine returns where the first blank line after a line with
// anything on it ends, or len(b) if there is none: where a body that
// starts with a paragraph most likely has the line after it.
func firstBlankLine(b []byte) int {
	text := false
	for i := 0; i < len(b); {
		end := lineEnd(b, i)
		blank := len(bytes.TrimSpace(b[i:end])) == 0
		if blank && text {
			return end
		}
		text = text || !blank
		i = end
	}
	return len(b)
}

// lineEnd returns where the line holding b[i] ends, after its '\n', or
// len(b) if i is past the end or the line has no '\n'.
func lineEnd(b []byte, i int) int {
	if i >= len(b) {
		return len(b)
	}
	if i < 0 {
		i = 0
	}
	if j := bytes.IndexByte(b[i:], '\n'); j >= 0 {
		return i + j + 1
	}
	return len(b)
}
