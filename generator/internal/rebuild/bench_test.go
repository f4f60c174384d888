package rebuild

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ratusz/ratusz/generator/internal/build"

	"github.com/ratusz/ratusz/bench/corpus"
)

// BenchmarkRebuildAfterEdit measures what `ratusz serve` does between an
// editor saving one document and the rebuilt page being servable, for
// four kinds of edit:
//
//	body         the body of a document whose summary is in its front matter:
//	             only its own page changes
//	first-para   the first paragraph of a document without a summary: its
//	             summary changes, so every list that shows it is re-rendered
//	front-matter a key of the front matter: the kept site model takes the
//	             change in place, and the pages that show the document
//	             are re-rendered
//	title        the title, which shows two references away: the site model
//	             is built anew, and the pages two references away from the
//	             document are re-rendered
//
// The watcher's quiet period (60 ms) comes on top. The files drawn from
// many entries (feeds, calendars, the sitemap, open data, the search
// index) are made again afterwards, in the background, while the pages
// are already served: finish-ms reports that time. The 10,000-entry
// tree is left out under -short.
func BenchmarkRebuildAfterEdit(b *testing.B) {
	for _, n := range corpus.BenchSizes(testing.Short()) {
		dir := b.TempDir()
		if _, err := corpus.Write(dir, corpus.Options{Entries: n, Seed: 1}); err != nil {
			b.Fatal(err)
		}
		cfg := build.Config{Content: filepath.Join(dir, "content"), Now: time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)}
		r := New(cfg, nil)
		if _, probs := r.Build(context.Background(), nil); probs != nil {
			b.Fatal(probs)
		}
		withSummary, withoutSummary := documents(b, dir)
		edits := []struct {
			name, file string
			edit       func(text string, i int) string
		}{
			{"body", withSummary, func(text string, i int) string {
				return strings.Replace(text, "\n## ", fmt.Sprintf("\nZmiana numer %d.\n\n## ", i), 1)
			}},
			{"first-para", withoutSummary, func(text string, i int) string {
				_, body, _ := strings.Cut(text[3:], "\n---\n")
				return strings.Replace(text, body, fmt.Sprintf("Zmiana numer %d. ", i)+body, 1)
			}},
			{"front-matter", withSummary, func(text string, i int) string {
				return strings.Replace(text, "\n---\n", fmt.Sprintf("\nupdated: 2026-11-%02d\n---\n", i%28+1), 1)
			}},
			{"title", withSummary, func(text string, i int) string {
				return strings.Replace(text, "\ntitle: ", fmt.Sprintf("\ntitle: (%d) ", i), 1)
			}},
		}
		for _, e := range edits {
			b.Run(strconv.Itoa(n)+"/"+e.name, func(b *testing.B) {
				b.ReportAllocs()
				original, err := os.ReadFile(e.file)
				if err != nil {
					b.Fatal(err)
				}
				defer os.WriteFile(e.file, original, 0o644)
				i := 0
				var finishing time.Duration
				var took []time.Duration
				for b.Loop() {
					i++
					b.StopTimer()
					if err := os.WriteFile(e.file, []byte(e.edit(string(original), i)), 0o644); err != nil {
						b.Fatal(err)
					}
					b.StartTimer()
					start := time.Now()
					if _, probs := r.Build(context.Background(), []string{e.file}); probs != nil {
						b.Fatal(probs)
					}
					took = append(took, time.Since(start))
					b.StopTimer()
					start = time.Now()
					if _, probs, _ := r.Finish(context.Background()); probs != nil {
						b.Fatal(probs)
					}
					finishing += time.Since(start)
					b.StartTimer()
				}
				slices.Sort(took)
				b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "median-ms")
				b.ReportMetric(float64(r.pages), "pages/op")
				b.ReportMetric(float64(finishing.Milliseconds())/float64(i), "finish-ms/op")
			})
		}
	}
}

// documents returns a YAML document file with a summary and one without.
func documents(b *testing.B, dir string) (with, without string) {
	files, err := filepath.Glob(filepath.Join(dir, "content", "documents", "*.md"))
	if err != nil {
		b.Fatal(err)
	}
	for _, f := range files[len(files)/2:] {
		data, err := os.ReadFile(f)
		if err != nil || !strings.HasPrefix(string(data), "---\n") || !strings.Contains(string(data), "\n## ") {
			continue
		}
		front, _, _ := strings.Cut(string(data)[4:], "\n---\n")
		if strings.Contains(front, "\nsummary:") || strings.HasPrefix(front, "summary:") {
			if with == "" {
				with = f
			}
		} else if without == "" {
			without = f
		}
	}
	if with == "" || without == "" {
		b.Fatal("the corpus has no YAML document with and without a summary")
	}
	return with, without
}
