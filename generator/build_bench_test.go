package generator

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/ratusz/ratusz/bench/corpus"
)

func benchSizes() []int { return corpus.BenchSizes(testing.Short()) }

// benchConfig writes a corpus of n entries and returns a build of it.
func benchConfig(b *testing.B, n int) Config {
	dir := b.TempDir()
	if _, err := corpus.Write(dir, corpus.Options{Entries: n, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	return Config{Content: filepath.Join(dir, "content"), Out: filepath.Join(dir, "public"), BaseURL: "https://example.org/", Now: time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC), Minify: os.Getenv("RATUSZ_BENCH_MINIFY") != ""}
}

// BenchmarkBuild measures what `ratusz build` does: loading, the site
// model, rendering every page in parallel, writing the site to disk and
// replacing the previous output.
func BenchmarkBuild(b *testing.B) {
	for _, n := range benchSizes() {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			cfg := benchConfig(b, n)
			var res Result
			for b.Loop() {
				var err error
				if res, err = Build(context.Background(), cfg); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(res.Pages), "pages/op")
		})
	}
}
