package site_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/ratusz/ratusz/bench/corpus"
	"github.com/ratusz/ratusz/generator/internal/content"
	"github.com/ratusz/ratusz/generator/internal/site"
)

// BenchmarkNew measures building the site model (typing, references,
// back-references, topics, sorting) from parsed content. The
// 10,000-entry tree is left out under -short.
func BenchmarkNew(b *testing.B) {
	sizes := []int{1000, 10000}
	if testing.Short() {
		sizes = sizes[:1]
	}
	for _, n := range sizes {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			fsys := corpus.FS(corpus.Options{Entries: n, Seed: 1})
			tree, errs := content.Load(context.Background(), fsys)
			if len(errs) > 0 {
				b.Fatal(errs.Err())
			}
			now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
			for b.Loop() {
				if _, errs := site.New(tree, site.Options{Now: now}); len(errs) > 0 {
					b.Fatal(errs.Err())
				}
			}
		})
	}
}
