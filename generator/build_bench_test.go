package generator

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
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

// BenchmarkBuildWithHistory measures what reading git for the register of
// changes ([record] changes = "git") adds to a build, on a corpus whose
// history has two commits for every file (corpus.WriteHistory): "none"
// reads no git, "git" runs the one `git log` of the whole history while
// the files load, and "git-cached" finds the history in the build cache
// kept by the build before, as every build after a site's first does.
// Compare the three in one run (docs/performance.md).
func BenchmarkBuildWithHistory(b *testing.B) {
	for _, n := range benchSizes() {
		cfg := benchConfig(b, n)
		site := filepath.Dir(cfg.Content)
		if err := corpus.WriteHistory(site, 2); err != nil {
			b.Fatal(err)
		}
		settings := func(changes string) []byte {
			return []byte("title = \"Bench\"\n[publisher]\nname = \"Urząd Gminy\"\n[record]\nproduced_by = \"Referat Rozwoju\"\nchanges = \"" + changes + "\"\n")
		}
		for _, v := range []struct {
			name, changes string
			cache         bool
		}{{"none", "none", false}, {"git", "git", false}, {"git-cached", "git", true}} {
			b.Run(strconv.Itoa(n)+"/"+v.name, func(b *testing.B) {
				b.ReportAllocs()
				cfg := cfg
				cfg.SettingsText = settings(v.changes)
				if v.cache {
					cfg.Cache = filepath.Join(site, ".ratusz-cache")
					if _, err := Build(context.Background(), cfg); err != nil { // fills the cache
						b.Fatal(err)
					}
				}
				for b.Loop() {
					res, err := Build(context.Background(), cfg)
					if err != nil {
						b.Fatal(err)
					}
					for _, w := range res.Warnings {
						if strings.Contains(w, "git") || strings.Contains(w, "-cache") {
							b.Fatal(w) // the history was not read
						}
					}
				}
			})
		}
	}
}
