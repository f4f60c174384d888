package render_test

import (
	"bytes"
	"io/fs"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/ratusz/ratusz"
	"github.com/ratusz/ratusz/generator/internal/output"
	"github.com/ratusz/ratusz/generator/internal/problem"
	"github.com/ratusz/ratusz/generator/internal/render"
	"github.com/ratusz/ratusz/generator/internal/site"
	"github.com/ratusz/ratusz/generator/internal/site/sitetest"
)

// countingFS is a theme's layouts that counts the files opened.
type countingFS struct {
	fs.FS
	opens atomic.Int64
}

func (c *countingFS) Open(name string) (fs.File, error) {
	c.opens.Add(1)
	return c.FS.Open(name)
}

func builtinLayouts(t *testing.T) fs.FS {
	t.Helper()
	layouts, err := fs.Sub(ratusz.Theme(), "layouts")
	if err != nil {
		t.Fatal(err)
	}
	return layouts
}

// compact minifies layouts as a minifying build does.
func compact() func(string) (string, *problem.Problem) {
	m := output.NewMinifier()
	return func(text string) (string, *problem.Problem) {
		small, err := m.Layout(text)
		if err != nil {
			return "", &problem.Problem{Line: err.Line, Msg: err.Msg}
		}
		return small, nil
	}
}

// renderAll renders every page of s with a new renderer made with o, by
// file name.
func renderAll(t *testing.T, s *site.Site, o render.Options) map[string]string {
	t.Helper()
	r, errs := render.New(s, o)
	if len(errs) > 0 {
		t.Fatal(errs.Err())
	}
	pages := map[string]string{}
	var buf bytes.Buffer
	for _, p := range r.Pages() {
		buf.Reset()
		if err := r.RenderTo(&buf, p); err != nil {
			t.Fatal(err)
		}
		pages[p.File()] = buf.String()
	}
	return pages
}

// samePages reports every page that differs between want and got.
func samePages(t *testing.T, what string, want, got map[string]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d pages, want %d", what, len(got), len(want))
	}
	for name, w := range want {
		if g, ok := got[name]; !ok {
			t.Errorf("%s: no page %s", what, name)
		} else if g != w {
			t.Errorf("%s: %s differs from the one rendered from layouts read anew:\n got %.300q\nwant %.300q", what, name, g, w)
		}
	}
}

func bundledSite(t *testing.T) *site.Site {
	t.Helper()
	return sitetest.Build(t, os.DirFS("../../../content"), time.Date(2021, 6, 1, 12, 0, 0, 0, time.UTC))
}

// Renderers given the same ParsedTheme read and parse the theme's
// layouts once, minified or not, and render every page byte for byte as
// renderers that read them anew.
func TestParsedThemeIsReadOnce(t *testing.T) {
	s := bundledSite(t)
	theme := &countingFS{FS: builtinLayouts(t)}
	kept := &render.ParsedTheme{}
	for _, minify := range []bool{false, true} {
		o := render.Options{BaseURL: "https://example.org/", Theme: theme}
		if minify {
			o.Compact = compact()
		}
		want := renderAll(t, s, o)
		o.Theme, o.Parsed, o.ThemeID = theme, kept, theme
		for i := range 3 {
			theme.opens.Store(0)
			got := renderAll(t, s, o)
			opens := theme.opens.Load()
			if i == 0 && opens == 0 {
				t.Errorf("minify %v: the first renderer opened no layout", minify)
			}
			if i > 0 && opens != 0 {
				t.Errorf("minify %v: renderer %d opened %d layout files, want none: the parsed theme is not kept", minify, i+1, opens)
			}
			samePages(t, "minify "+map[bool]string{false: "off", true: "on"}[minify], want, got)
		}
	}
}

// A site's own layouts are read by every renderer: one edited, added or
// removed between two renderers that keep the theme's parsed shows on
// the pages of the second, as it does without keeping them.
func TestParsedThemeReadsOwnLayoutsAgain(t *testing.T) {
	s := bundledSite(t)
	theme := builtinLayouts(t)
	mainOf := func(text string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("{{define \"main\"}}<p>" + text + "</p>{{end}}\n")}
	}
	base, err := fs.ReadFile(theme, "base.html")
	if err != nil {
		t.Fatal(err)
	}
	const aboutPage = "o-serwisie/index.html" // content/pages/o-serwisie.md
	steps := []struct {
		name string
		own  fstest.MapFS
		want string // on aboutPage
	}{
		{"page.html", fstest.MapFS{"page.html": mainOf("pierwszy układ")}, "pierwszy układ"},
		{"page.html edited", fstest.MapFS{"page.html": mainOf("drugi układ")}, "drugi układ"},
		{"base.html", fstest.MapFS{"base.html": {Data: bytes.Replace(base, []byte("<body"), []byte("<body data-rama=\"własna-rama\""), 1)}}, "własna-rama"},
		{"a shared file", fstest.MapFS{"_own.html": {Data: []byte("{{define \"own\"}}wspólny{{end}}")}, "page.html": mainOf("{{template \"own\"}} plik")}, "wspólny plik"},
		{"none", nil, ""},
	}
	for _, minify := range []bool{false, true} {
		kept := &render.ParsedTheme{}
		for _, step := range steps {
			what := step.name + map[bool]string{false: "", true: ", minified"}[minify]
			o := render.Options{BaseURL: "/", Theme: theme, Own: step.own, OwnDir: "layouts"}
			if step.own == nil {
				o.Own = nil
			}
			if minify {
				o.Compact = compact()
			}
			want := renderAll(t, s, o)
			o.Theme, o.Parsed, o.ThemeID = theme, kept, theme
			got := renderAll(t, s, o)
			samePages(t, what, want, got)
			page := got[aboutPage]
			if page == "" {
				t.Fatalf("%s: no page %s", what, aboutPage)
			}
			if step.want != "" && !strings.Contains(page, step.want) {
				t.Errorf("%s: the page of a page entry does not show %q from the site's own layout:\n%.500s", what, step.want, page)
			}
			for _, other := range steps {
				if other.want != "" && other.want != step.want && strings.Contains(page, other.want) {
					t.Errorf("%s: the page still shows %q, from the layouts before", what, other.want)
				}
			}
		}
	}
}

// Renderers made at once with one ParsedTheme parse the theme once
// between them and render the same pages.
func TestParsedThemeConcurrently(t *testing.T) {
	s := bundledSite(t)
	theme := &countingFS{FS: builtinLayouts(t)}
	o := render.Options{BaseURL: "/", Theme: theme}
	want := renderAll(t, s, o)
	once := theme.opens.Load()
	kept := &render.ParsedTheme{}
	o.Theme, o.Parsed, o.ThemeID = theme, kept, theme
	theme.opens.Store(0)
	var wg sync.WaitGroup
	got := make([]map[string]string, 4)
	for i := range got {
		wg.Go(func() { got[i] = renderAll(t, s, o) })
	}
	wg.Wait()
	for _, g := range got {
		samePages(t, "at once", want, g)
	}
	if opens := theme.opens.Load(); opens != once {
		t.Errorf("renderers made at once opened %d layout files, want %d: those of one", opens, once)
	}
}

// A theme that cannot be told apart from another (a map) is read anew by
// every renderer, as without keeping it.
func TestParsedThemeOfAMap(t *testing.T) {
	theme := fstest.MapFS{}
	if err := fs.WalkDir(builtinLayouts(t), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(builtinLayouts(t), p)
		theme[p] = &fstest.MapFile{Data: b}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	kept := &render.ParsedTheme{}
	s := bundledSite(t)
	want := renderAll(t, s, render.Options{BaseURL: "/", Theme: theme})
	samePages(t, "a map", want, renderAll(t, s, render.Options{BaseURL: "/", Theme: theme, Parsed: kept, ThemeID: theme}))
}

// A layout of a kept theme that fails on a page is reported at its file
// and line, minified or not, as when the theme is read anew.
func TestParsedThemePlacesErrors(t *testing.T) {
	layouts := fstest.MapFS{"base.html": {Data: []byte("<!doctype html>\n<title>{{.Title}}</title>\n{{block \"main\" .}}{{end}}\n")}}
	entries, err := fs.ReadDir(builtinLayouts(t), ".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), "_") && e.Name() != "base.html" {
			layouts[e.Name()] = &fstest.MapFile{Data: []byte("{{define \"main\"}}\n<p>\n  {{.Title}}\n</p>\n{{end}}\n")}
		}
	}
	layouts["city.html"] = &fstest.MapFile{Data: []byte("{{define \"main\"}}\n<p>\n  {{index .Title 99}}\n</p>\n{{end}}\n")}
	theme := &countingFS{FS: layouts}
	s := bundledSite(t)
	errorsOf := func(o render.Options) []string {
		r, errs := render.New(s, o)
		if len(errs) > 0 {
			t.Fatal(errs.Err())
		}
		var out []string
		var buf bytes.Buffer
		for _, p := range r.Pages() {
			if err := r.RenderTo(&buf, p); err != nil {
				out = append(out, err.Error())
			}
		}
		return out
	}
	kept := &render.ParsedTheme{}
	for _, minify := range []bool{false, true} {
		o := render.Options{BaseURL: "/", Theme: theme}
		if minify {
			o.Compact = compact()
		}
		want := errorsOf(o)
		if len(want) == 0 || !strings.HasPrefix(want[0], "(built-in) layouts/city.html:3: ") {
			t.Fatalf("minify %v: errors %q, want ones at (built-in) layouts/city.html:3", minify, want)
		}
		o.Theme, o.Parsed, o.ThemeID = theme, kept, theme
		for range 2 {
			if got := errorsOf(o); !slices.Equal(got, want) {
				t.Errorf("minify %v: errors %q with the theme kept, want %q", minify, got, want)
			}
		}
	}
}
