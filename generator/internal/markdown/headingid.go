package markdown

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/text/unicode/norm"
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

// elementIDs is the [parser.IDs] of one body: slugs of the given text,
// made unique by a -1, -2, … suffix.
type elementIDs struct {
	used map[string]bool
	next map[string]int // last suffix handed out for a base id
}

func newElementIDs() *elementIDs {
	return &elementIDs{used: map[string]bool{}, next: map[string]int{}}
}

// Generate implements [parser.IDs].
func (s *elementIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	base := slugify(string(value))
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

// slugify returns s as an ASCII slug: lower case, Polish letters
// transliterated, other Latin diacritics folded by NFD decomposition,
// every run of other characters a single hyphen, no hyphen at either
// end. "Cele współpracy" → "cele-wspolpracy", "Łódź" → "lodz".
//
// Characters are decomposed one at a time, and only those that are not
// ASCII once lowered and transliterated: decomposing the whole text
// would only also reorder runs of combining marks, which a slug drops
// or turns into one hyphen whatever their order.
func slugify(s string) string {
	var sl slug
	sl.b.Grow(len(s))
	for _, r := range s {
		r = polishToASCII(unicode.ToLower(r))
		if r < utf8.RuneSelf {
			sl.add(r)
			continue
		}
		for _, d := range norm.NFD.String(string(r)) {
			sl.add(d)
		}
	}
	return sl.b.String()
}

// slug is a slug being written by slugify.
type slug struct {
	b      strings.Builder
	hyphen bool // a character other than a letter or digit came last
}

// add adds one character, lower case and decomposed, to the slug.
func (s *slug) add(r rune) {
	switch {
	case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
		if s.hyphen && s.b.Len() > 0 {
			s.b.WriteByte('-')
		}
		s.hyphen = false
		s.b.WriteByte(byte(r))
	case unicode.Is(unicode.Mn, r):
		// A combining mark split off by NFD: drop it, keep the letter.
	default:
		s.hyphen = true
	}
}

// polishToASCII transliterates the Polish letters with diacritics. Only
// ł has no NFD decomposition, but the whole alphabet is spelt out so the
// rule can be read here.
func polishToASCII(r rune) rune {
	switch r {
	case 'ą':
		return 'a'
	case 'ć':
		return 'c'
	case 'ę':
		return 'e'
	case 'ł':
		return 'l'
	case 'ń':
		return 'n'
	case 'ó':
		return 'o'
	case 'ś':
		return 's'
	case 'ź', 'ż':
		return 'z'
	}
	return r
}
