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

// benchSizes are the corpus sizes of the generator's benchmarks: 1,000
// and 10,000 entries, only 1,000 under -short. RATUSZ_BENCH_ENTRIES
// chooses one size instead, for profiling a large tree:
//
//	RATUSZ_BENCH_ENTRIES=100000 go test ./generator -run '^$' -bench Build -benchtime 1x -cpuprofile cpu.out
func benchSizes() []int {
	if n, err := strconv.Atoi(os.Getenv("RATUSZ_BENCH_ENTRIES")); err == nil && n > 0 {
		return []int{n}
	}
	if testing.Short() {
		return []int{1000}
	}
	return []int{1000, 10000}
}

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

// BenchmarkPrepare measures loading the content and building the model
// and the renderer, all a build does before the first page.
func BenchmarkPrepare(b *testing.B) {
	for _, n := range benchSizes() {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			cfg := benchConfig(b, n)
			for b.Loop() {
				if _, _, err := prepare(context.Background(), cfg); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSiteFiles measures the files made from many entries at once:
// sitemap, Atom feeds, calendars, open data and the search index.
func BenchmarkSiteFiles(b *testing.B) {
	for _, n := range benchSizes() {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			p, _, err := prepare(context.Background(), benchConfig(b, n))
			if err != nil {
				b.Fatal(err)
			}
			var files int
			for b.Loop() {
				if files, err = p.writeSiteFiles(discard{}, nil); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(files), "files/op")
		})
	}
}
