package search_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/ratusz/ratusz/bench/corpus"
	"github.com/ratusz/ratusz/generator/internal/markdown"
	"github.com/ratusz/ratusz/generator/internal/search"
	"github.com/ratusz/ratusz/generator/internal/site"
	"github.com/ratusz/ratusz/generator/internal/site/sitetest"
)

// BenchmarkWrite makes the search index of the 10,000-entry corpus (300
// with -short) from its site model, reading the bodies' text as a build
// does, and reports the bytes it makes. bench/search/indexing.sh runs it
// beside Pagefind indexing the same site.
func BenchmarkWrite(b *testing.B) {
	n := 10000
	if testing.Short() {
		n = 300
	}
	b.Run(fmt.Sprint(n), func(b *testing.B) {
		s := sitetest.Build(b, corpus.FS(corpus.Options{Entries: n, Seed: 1}), time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC))
		text := func(e *site.Entry) (string, error) { return markdown.PlainText(e.Body), nil }
		b.ResetTimer()
		for b.Loop() {
			size, files := 0, 0
			if err := search.Write(s, search.Options{Text: text}, func(name string, data []byte) error {
				size += len(data)
				files++
				return nil
			}); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(size)/float64(n), "bytes/entry")
			b.ReportMetric(float64(files), "files")
		}
	})
}
