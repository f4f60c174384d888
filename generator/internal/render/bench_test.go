package render_test

import (
	"bytes"
	"io/fs"
	"strconv"
	"testing"

	"github.com/ratusz/ratusz"
	"github.com/ratusz/ratusz/generator/internal/render"
	"github.com/ratusz/ratusz/generator/internal/site/sitetest"
)

// BenchmarkRender measures rendering every page of a site with the
// built-in layouts, Markdown included, one page after another and
// without writing. The 10,000-entry tree is left out under -short.
func BenchmarkRender(b *testing.B) {
	sizes := []int{1000, 10000}
	if testing.Short() {
		sizes = sizes[:1]
	}
	for _, n := range sizes {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			s := sitetest.Corpus(b, n)
			theme, err := fs.Sub(ratusz.Theme(), "layouts")
			if err != nil {
				b.Fatal(err)
			}
			r, errs := render.New(s, render.Options{BaseURL: "https://example.org/", Theme: theme})
			if len(errs) > 0 {
				b.Fatal(errs.Err())
			}
			var pages, size int
			var buf bytes.Buffer // reused, as a build's workers do
			for b.Loop() {
				pages, size = 0, 0
				for _, p := range r.Pages() {
					buf.Reset()
					if err := r.RenderTo(&buf, p); err != nil {
						b.Fatal(err)
					}
					pages++
					size += buf.Len()
				}
			}
			b.ReportMetric(float64(pages), "pages/op")
			b.ReportMetric(float64(size)/float64(pages), "B/page")
		})
	}
}
