package search_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"testing"
	"testing/fstest"
	"time"

	"github.com/ratusz/ratusz/generator/corpus"
	"github.com/ratusz/ratusz/generator/internal/content"
	"github.com/ratusz/ratusz/generator/internal/search"
	"github.com/ratusz/ratusz/generator/internal/site"
)

func build(t testing.TB, fsys fstest.MapFS) *site.Site {
	t.Helper()
	tree, errs := content.Load(context.Background(), fsys)
	if len(errs) > 0 {
		t.Fatal(errs.Err())
	}
	s, errs := site.New(tree, site.Options{Now: time.Date(2021, 6, 1, 12, 0, 0, 0, time.UTC)})
	if len(errs) > 0 {
		t.Fatal(errs.Err())
	}
	return s
}

// budget is the most an entry may cost in the gzipped index.
const budget = 60

// The index of the 10,000-entry corpus stays within the budget of bytes
// per entry once gzipped, as a web server sends it.
func TestIndexSizeAt10000Entries(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 10,000-entry site")
	}
	fsys := corpus.FS(corpus.Options{Entries: 10000, Seed: 1})
	s := build(t, fsys)
	idx, err := search.Index(s)
	if err != nil {
		t.Fatal(err)
	}
	var gz bytes.Buffer
	w, _ := gzip.NewWriterLevel(&gz, gzip.DefaultCompression)
	w.Write(idx)
	w.Close()
	n := s.EntryCount()
	per := float64(gz.Len()) / float64(n)
	t.Logf("%d entries: index %d bytes, %d gzipped, %.1f bytes an entry gzipped", n, len(idx), gz.Len(), per)
	if per > budget {
		t.Errorf("%.1f gzipped bytes an entry, want at most %d", per, budget)
	}
	var v struct{ T []string }
	if err := json.Unmarshal(idx, &v); err != nil || len(v.T) != n {
		t.Errorf("index has %d titles of %d entries (%v)", len(v.T), n, err)
	}
}
