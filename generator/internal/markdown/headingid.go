package markdown

import (
	"strconv"

	"github.com/ratusz/ratusz/generator/internal/slug"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// headingIDs is a goldmark extension that gives every heading an id
// made from its text. It runs after inline parsing, so the id comes
// from the words a reader sees and not from the Markdown source: link
// destinations, emphasis markers and code backticks do not leak into
// it. The ids come from the parse context's [parser.IDs], which Render
// sets to a fresh [elementIDs] for every body.
type headingIDs struct{}

func (headingIDs) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(headingIDs{}, 200)))
}

func (headingIDs) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	hs := headingNodes(doc)
	ids := pc.IDs()
	// Ids the author set (goldmark's heading attributes, when enabled)
	// are reserved first, so no generated id can take them.
	for _, h := range hs {
		switch id, _ := h.AttributeString("id"); id := id.(type) {
		case []byte:
			ids.Put(id)
		case string:
			ids.Put([]byte(id))
		}
	}
	var buf buffer
	for _, h := range hs {
		if _, ok := h.AttributeString("id"); !ok {
			h.SetAttributeString("id", ids.Generate([]byte(plainTextWith(&buf, h, src)), h.Kind()))
		}
	}
}

// elementIDs is the [parser.IDs] of one body: slugs of the given text
// ([slug.Make], as file names and topics get), made unique by a -1, -2,
// … suffix.
type elementIDs struct {
	used map[string]bool
	next map[string]int // last suffix handed out for a base id
}

func newElementIDs() *elementIDs {
	return &elementIDs{used: map[string]bool{}, next: map[string]int{}}
}

// Generate implements [parser.IDs].
func (s *elementIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	base := slug.Make(string(value))
	if base == "" {
		base = "id"
		if kind == ast.KindHeading {
			base = "heading"
		}
	}
	id := base
	for i := s.next[base]; s.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i+1)
		s.next[base] = i + 1
	}
	s.used[id] = true
	return []byte(id)
}

// Put implements [parser.IDs].
func (s *elementIDs) Put(value []byte) {
	s.used[string(value)] = true
}
