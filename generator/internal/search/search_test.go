package search_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"testing"
	"time"

	"github.com/ratusz/ratusz/bench/corpus"
	"github.com/ratusz/ratusz/generator/internal/search"
	"github.com/ratusz/ratusz/generator/internal/site/sitetest"
)

// budget is the most an entry may cost in the gzipped index.
const budget = 60

// The index of the 10,000-entry corpus stays within the budget of bytes
// per entry once gzipped, as a web server sends it.
func TestIndexSizeAt10000Entries(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 10,000-entry site")
	}
	s := sitetest.Build(t, corpus.FS(corpus.Options{Entries: 10000, Seed: 1}), time.Date(2021, 6, 1, 12, 0, 0, 0, time.UTC))
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
