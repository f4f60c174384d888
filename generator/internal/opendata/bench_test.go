package opendata

import (
	"io"
	"testing"

	"github.com/ratusz/ratusz/generator/internal/site/sitetest"
)

// countingWriter counts the bytes written to it.
type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }

// BenchmarkEach measures writing the open data of a generated
// 3,000-entry site, every kind's file, as a build does.
func BenchmarkEach(b *testing.B) {
	b.ReportAllocs()
	s := sitetest.Corpus(b, 3000)
	url := func(p string) string { return "https://example.org/" + p }
	var w countingWriter
	for b.Loop() {
		w.n = 0
		err := Each(s, url, func(_ string, write func(io.Writer) error) error { return write(&w) })
		if err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(w.n)
}
