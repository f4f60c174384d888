package content_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/ratusz/ratusz/bench/corpus"
	"github.com/ratusz/ratusz/generator/internal/content"
)

// BenchmarkLoad measures reading and parsing a content tree from disk:
// walking it, reading each file, splitting and decoding front matter.
// The 10,000-entry tree is left out under -short.
func BenchmarkLoad(b *testing.B) {
	sizes := []int{1000, 10000}
	if testing.Short() {
		sizes = sizes[:1]
	}
	for _, n := range sizes {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			dir := b.TempDir()
			if _, err := corpus.Write(dir, corpus.Options{Entries: n, Seed: 1}); err != nil {
				b.Fatal(err)
			}
			fsys := os.DirFS(filepath.Join(dir, "content"))
			for b.Loop() {
				if _, errs := content.Load(context.Background(), fsys); len(errs) > 0 {
					b.Fatal(errs.Err())
				}
			}
		})
	}
}
