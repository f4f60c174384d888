package jsonld

import (
	"testing"

	"github.com/ratusz/ratusz/generator/internal/site/sitetest"
)

// BenchmarkEntry measures writing the structured data of every entry of
// a generated 1,000-entry site, as its pages carry it.
func BenchmarkEntry(b *testing.B) {
	b.ReportAllocs()
	s := sitetest.Corpus(b, 1000)
	o := Options{Lang: s.Lang, URL: func(p string) string { return "https://example.org/" + p }}
	ents := s.Entities()
	var size int
	for b.Loop() {
		size = 0
		for _, e := range ents {
			size += len(Entry(e, o))
		}
	}
	b.ReportMetric(float64(size)/float64(len(ents)), "B/entry")
}
