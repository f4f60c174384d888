package build

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/ratusz/ratusz/bench/corpus"
)

// benchConfig writes a corpus of n entries and returns a build of it.
func benchConfig(b *testing.B, n int) Config {
	dir := b.TempDir()
	if _, err := corpus.Write(dir, corpus.Options{Entries: n, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	return Config{Content: filepath.Join(dir, "content"), BaseURL: "https://example.org/", Now: time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC), Minify: os.Getenv("RATUSZ_BENCH_MINIFY") != ""}
}

// BenchmarkPrepare measures loading the content and building the model
// and the renderer, all a build does before the first page.
func BenchmarkPrepare(b *testing.B) {
	for _, n := range corpus.BenchSizes(testing.Short()) {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			cfg := benchConfig(b, n)
			for b.Loop() {
				if _, _, err := Prepare(context.Background(), cfg, Kept{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSiteFiles measures the files made from many entries at once:
// sitemap, Atom feeds, calendars, open data and the search index.
func BenchmarkSiteFiles(b *testing.B) {
	for _, n := range corpus.BenchSizes(testing.Short()) {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			p, _, err := Prepare(context.Background(), benchConfig(b, n), Kept{})
			if err != nil {
				b.Fatal(err)
			}
			var files int
			for b.Loop() {
				if files, err = p.WriteSiteFiles(Discard{}, nil); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(files), "files/op")
		})
	}
}
