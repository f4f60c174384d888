package generator

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ratusz/ratusz/generator/corpus"
)

// BenchmarkRebuildAfterEdit measures what `ratusz serve` does between an
// editor saving one document and the rebuilt page being servable: re-read
// the changed file, rebuild the site model, re-render the affected pages.
// (The watcher's quiet period, 60 ms, comes on top.)
func BenchmarkRebuildAfterEdit(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			dir := b.TempDir()
			if _, err := corpus.Write(dir, corpus.Options{Entries: n, Seed: 1}); err != nil {
				b.Fatal(err)
			}
			cfg := Config{Content: filepath.Join(dir, "content"), Now: time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)}
			r := newRebuilder(cfg)
			if _, probs := r.build(context.Background(), nil); probs != nil {
				b.Fatal(probs)
			}
			docs, err := filepath.Glob(filepath.Join(dir, "content", "documents", "*.md"))
			if err != nil || len(docs) == 0 {
				b.Fatal("no documents", err)
			}
			doc := docs[len(docs)/2]
			original, err := os.ReadFile(doc)
			if err != nil {
				b.Fatal(err)
			}
			i := 0
			b.ResetTimer()
			for b.Loop() {
				i++
				b.StopTimer()
				text := strings.Replace(string(original), "\n## ", "\nZmiana numer "+strconv.Itoa(i)+".\n\n## ", 1)
				if err := os.WriteFile(doc, []byte(text), 0o644); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if _, probs := r.build(context.Background(), []string{doc}); probs != nil {
					b.Fatal(probs)
				}
			}
			b.ReportMetric(float64(r.pages), "pages/op")
		})
	}
}
