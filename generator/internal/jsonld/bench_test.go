package jsonld

import (
	"context"
	"testing"
	"time"

	"github.com/ratusz/ratusz/generator/corpus"
	"github.com/ratusz/ratusz/generator/internal/content"
	"github.com/ratusz/ratusz/generator/internal/site"
)

// BenchmarkEntry measures writing the structured data of every entry of
// a generated 1,000-entry site, as its pages carry it.
func BenchmarkEntry(b *testing.B) {
	tree, errs := content.Load(context.Background(), corpus.FS(corpus.Options{Entries: 1000, Seed: 1}))
	if len(errs) > 0 {
		b.Fatal(errs.Err())
	}
	s, errs := site.New(tree, site.Options{Now: time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)})
	if len(errs) > 0 {
		b.Fatal(errs.Err())
	}
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
