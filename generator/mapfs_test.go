package generator_test

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ratusz/ratusz/generator"
)

// mapFS is a folder of files given as text.
func mapFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return fsys
}

// A whole site, its content, its own layouts and its static files, builds
// from file systems in memory, with no folder on disk, and its messages
// name the files as the folders would.
func TestBuildFromFileSystems(t *testing.T) {
	cfg := generator.Config{
		ContentFS: mapFS(map[string]string{
			"cities/jablonowo.md":    feedCity,
			"pages/o-gminie.md":      "---\ntitle: O gminie\n---\n",
			"documents/strategia.md": "---\ntitle: Strategia 2030\ntype: strategia\nstatus: draft\ncities: [jablonowo]\nattachments: [{file: strategia.pdf, title: Tekst}]\n---\nTreść.\n",
		}),
		LayoutsFS: mapFS(map[string]string{"page.html": "{{define \"main\"}}<p>własny układ</p>{{end}}\n"}),
		StaticFS:  mapFS(map[string]string{"strategia.pdf": "%PDF-1.4"}),
		Now:       june2021,
	}
	files, _ := buildMemory(t, cfg)
	for _, name := range []string{"miasta/jablonowo/index.html", "dokumenty/strategia/index.html", "strategia.pdf", "sitemap.xml"} {
		if _, ok := files[name]; !ok {
			t.Errorf("no %s", name)
		}
	}
	if !strings.Contains(string(files["o-gminie/index.html"]), "<p>własny układ</p>") {
		t.Error("the plain page is not rendered with the site's own page.html")
	}
	if !strings.Contains(string(files["dokumenty/strategia/index.html"]), "(PDF, 8 B)") {
		t.Error("the document's page does not show its attachment from the static file system")
	}

	cfg.ContentFS = mapFS(map[string]string{"documents/zly.md": "---\ntitle: Zły\ntype: strategia\nstatus: adoptd\ncities: [brak]\n---\n"})
	_, err := generator.BuildTo(t.Context(), cfg, discardWriter{})
	want := []string{
		`content/documents/zly.md:4: status: "adoptd" is not a document status`,
		`content/documents/zly.md:5: cities[1]: no city has the slug "brak"`,
	}
	for _, w := range want {
		if !strings.Contains(errString(err), w) {
			t.Errorf("errors do not say %q:\n%v", w, err)
		}
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// A build's problems are values a program can read: each names its file,
// line and front matter field, and says apart what is wrong and how to
// put it right, as a form beside the field would show them.
func TestProblemsNameTheirFieldAndHint(t *testing.T) {
	cfg := generator.Config{
		ContentFS: mapFS(map[string]string{
			"cities/jablonowo.md": feedCity,
			"documents/zly.md":    "---\ntitle: Zły\ntype: strategia\nstatus: adoptd\ncities: [jablonowo]\nperiod: 2030-2020\n---\n",
		}),
		Now: june2021,
	}
	_, err := generator.BuildTo(t.Context(), cfg, discardWriter{})
	var errs generator.Errors
	if !errors.As(err, &errs) {
		t.Fatalf("build: %v, want problems", err)
	}
	want := []generator.Problem{
		{Path: "content/documents/zly.md", Line: 4, Field: "status", Msg: `status: "adoptd" is not a document status`, Hint: `use one of draft, consultation, adopted, expired (did you mean "adopted"?)`},
		{Path: "content/documents/zly.md", Line: 6, Field: "period", Msg: "period: ends (2020) before it starts (2030)", Hint: "swap the years"},
	}
	if len(errs) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%v", len(errs), len(want), err)
	}
	for i, w := range want {
		if *errs[i] != w {
			t.Errorf("problem %d:\ngot  %+v\nwant %+v", i, *errs[i], w)
		}
	}
}
