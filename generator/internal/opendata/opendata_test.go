package opendata

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/ratusz/ratusz/generator/internal/site/sitetest"
)

// failingWriter takes n bytes, then fails.
type failingWriter struct{ n int }

var errFull = errors.New("disk full")

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		return 0, errFull
	}
	w.n -= len(p)
	return len(p), nil
}

// Each writes every kind's file whole, as JSON, and stops at the first
// error of the writer, naming the kind.
func TestEachWritesAndStops(t *testing.T) {
	s := sitetest.Corpus(t, 100)
	url := func(p string) string { return "https://example.org/" + p }
	files := 0
	err := Each(s, url, func(name string, write func(io.Writer) error) error {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			return err
		}
		var f struct {
			Count   int
			Entries []json.RawMessage
		}
		if err := json.Unmarshal(b.Bytes(), &f); err != nil || f.Count != len(f.Entries) {
			t.Errorf("%s: %d entries of %d (%v)", name, len(f.Entries), f.Count, err)
		}
		files++
		return nil
	})
	if err != nil || files != 6 {
		t.Fatalf("Each: %d files, %v; want 6, nil", files, err)
	}
	calls := 0
	err = Each(s, url, func(name string, write func(io.Writer) error) error {
		calls++
		return write(&failingWriter{n: 2000})
	})
	if !errors.Is(err, errFull) || !strings.Contains(err.Error(), "open data of") || calls != 1 {
		t.Errorf("Each with a failing writer: %v after %d files; want disk full, naming the kind, after 1", err, calls)
	}
}
