package render_test

import (
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/ratusz/ratusz/generator/internal/render"
	"github.com/ratusz/ratusz/generator/internal/site/sitetest"
)

// The cities index shows a heading per województwo, one for every
// spelling of it, and then one per country abroad, named in the site's
// language.
func TestCitiesIndexGroupsByVoivodeshipThenCountry(t *testing.T) {
	files := fstest.MapFS{
		"cities/zabrze.md":   {Data: []byte("---\ntitle: Zabrze\nregion: Śląskie\n---\n")},
		"cities/gliwice.md":  {Data: []byte("---\ntitle: Gliwice\nregion: slaskie\n---\n")},
		"cities/opole.md":    {Data: []byte("---\ntitle: Opole\nregion: opolskie\n---\n")},
		"cities/chemnitz.md": {Data: []byte("---\ntitle: Chemnitz\ncountry: DE\nregion: Saksonia\n---\n")},
		"cities/prato.md":    {Data: []byte("---\ntitle: Prato\ncountry: it\n---\n")},
	}
	heading := regexp.MustCompile(`<h2 id="([^"]*)">([^<]*) <span class="count">\((\d+)\)</span></h2>`)
	for _, tt := range []struct {
		index, lang, want string
	}{
		{"miasta/index.html", "", "wojewodztwo-opolskie opolskie 1 | wojewodztwo-slaskie śląskie 2 | kraj-de Niemcy 1 | kraj-it Włochy 1"},
		{"cities/index.html", "en", "wojewodztwo-opolskie opolskie 1 | wojewodztwo-slaskie śląskie 2 | kraj-de Germany 1 | kraj-it Italy 1"},
	} {
		fsys := fstest.MapFS{}
		for name, f := range files {
			fsys[name] = f
		}
		if tt.lang != "" {
			fsys["_index.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Strategies\nlang: " + tt.lang + "\n---\n")}
		}
		s := sitetest.Build(t, fsys, time.Date(2021, 6, 1, 12, 0, 0, 0, time.UTC))
		page, ok := renderAll(t, s, render.Options{BaseURL: "/", Theme: builtinLayouts(t)})[tt.index]
		if !ok {
			t.Fatalf("no page %s", tt.index)
		}
		var got []string
		for _, m := range heading.FindAllStringSubmatch(page, -1) {
			got = append(got, m[1]+" "+m[2]+" "+m[3])
		}
		if g := strings.Join(got, " | "); g != tt.want {
			t.Errorf("%s: the groups are\n %s\nwant\n %s", tt.index, g, tt.want)
		}
	}
}
