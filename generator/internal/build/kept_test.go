package build

import (
	"bytes"
	"context"
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/ratusz/ratusz/generator/internal/output"
	"github.com/ratusz/ratusz/generator/internal/render"
)

// buildFiles builds cfg with kept and returns every file written.
func buildFiles(t *testing.T, cfg Config, kept Kept) map[string][]byte {
	t.Helper()
	p, res, err := Prepare(context.Background(), cfg, kept)
	if err != nil {
		t.Fatal(err)
	}
	var mem output.Memory
	if err := p.Write(context.Background(), &mem, &res); err != nil {
		t.Fatal(err)
	}
	return mem.Files
}

// sameFiles reports every file that differs between want and got.
func sameFiles(t *testing.T, what string, want, got map[string][]byte) {
	t.Helper()
	if !slices.Equal(slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want))) {
		t.Errorf("%s: files %v, want %v", what, slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want)))
	}
	for name, w := range want {
		if g, ok := got[name]; ok && !bytes.Equal(g, w) {
			t.Errorf("%s: %s differs from the one a build without Kept writes", what, name)
		}
	}
}

// Builds that keep the parsed theme (Kept.Layouts) write the site byte
// for byte as a build that keeps nothing, minified or not.
func TestKeptLayoutsWriteTheSameSite(t *testing.T) {
	for _, minify := range []bool{false, true} {
		cfg := Config{Content: "../../../content", Settings: "../../../ratusz.toml", Static: "../../../static", BaseURL: "https://example.org/", Now: time.Date(2021, 6, 1, 12, 0, 0, 0, time.UTC), Minify: minify}
		want := buildFiles(t, cfg, Kept{})
		kept := Kept{Layouts: &render.ParsedTheme{}}
		for i := range 2 {
			sameFiles(t, strings.Repeat("again ", i)+map[bool]string{false: "as written", true: "minified"}[minify], want, buildFiles(t, cfg, kept))
		}
	}
}

// A site's own layout edited between two builds that keep the parsed
// theme shows in the second.
func TestKeptLayoutsReadOwnLayoutsAgain(t *testing.T) {
	kept := Kept{Layouts: &render.ParsedTheme{}}
	for _, text := range []string{"pierwszy układ", "drugi układ"} {
		own := fstest.MapFS{"page.html": {Data: []byte("{{define \"main\"}}<p>" + text + "</p>{{end}}\n")}}
		cfg := Config{Content: "../../../content", Settings: "../../../ratusz.toml", Static: "../../../static", LayoutsFS: own, Now: time.Date(2021, 6, 1, 12, 0, 0, 0, time.UTC)}
		page := string(buildFiles(t, cfg, kept)["o-serwisie/index.html"])
		if !strings.Contains(page, "<p>"+text+"</p>") {
			t.Errorf("the page of content/pages/o-serwisie.md does not show the site's own layout as edited (%q):\n%.500s", text, page)
		}
	}
}
