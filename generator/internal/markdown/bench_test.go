package markdown

import (
	"strings"
	"testing"

	"github.com/ratusz/ratusz/bench/corpus"
	"github.com/ratusz/ratusz/generator/internal/content"
)

// corpusBodies returns the Markdown bodies of a generated 300-entry site,
// in path order.
func corpusBodies(tb testing.TB) [][]byte {
	tb.Helper()
	var bodies [][]byte
	for p, data := range corpus.Files(corpus.Options{Entries: 300, Seed: 1}) { // in a fixed order
		if !strings.HasSuffix(p, ".md") {
			continue
		}
		f, err := content.Parse(p, data)
		if err != nil {
			tb.Fatal(err)
		}
		if len(f.Body) > 0 {
			bodies = append(bodies, f.Body)
		}
	}
	return bodies
}

// BenchmarkHTML measures rendering the bodies of a generated site the
// way a build does: Polish quotes, the external link note, root links
// under a base path and a LinkFunc asked about every link.
func BenchmarkHTML(b *testing.B) {
	b.ReportAllocs()
	bodies := corpusBodies(b)
	r := New(Options{
		Lang:         "pl",
		ExternalNote: "otwiera stronę zewnętrzną",
		Address:      func(p string) string { return "/strategia" + p },
	})
	link := func(dest string, line int) (string, bool) { return "", false }
	var n int
	for _, src := range bodies {
		n += len(src)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, src := range bodies {
			if _, err := r.HTML(src, link); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkFirstParagraph measures what a build does for every entry's
// summary: the lead of the body kept when it is loaded, then the first
// paragraph read from that lead.
func BenchmarkFirstParagraph(b *testing.B) {
	b.ReportAllocs()
	bodies := corpusBodies(b)
	for b.Loop() {
		for _, src := range bodies {
			FirstParagraph(FirstParagraphLead(src))
		}
	}
}
