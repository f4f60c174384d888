package generator_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ratusz/ratusz/generator"
	"github.com/ratusz/ratusz/generator/internal/output"
)

// linkSite is a small site whose city page links with the body given; the
// body starts on line 5 of content/cities/wloclawek.md.
func linkSite(t *testing.T, body string) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"content/cities/wloclawek.md":   "---\ntitle: Włocławek\nregion: kujawsko-pomorskie\n---\n" + body,
		"content/documents/lsr.md":      "---\ntitle: Lokalna Strategia Rozwoju\ntype: strategia\nstatus: draft\ncities: [wloclawek]\n---\n## Cele strategii\n\nTrzy cele.\n",
		"content/documents/szkic.md":    "---\ntitle: Szkic\ntype: strategia\nstatus: draft\ncities: [wloclawek]\ndraft: true\n---\nSzkic.\n",
		"content/documents/przyszly.md": "---\ntitle: Przyszły\ntype: strategia\nstatus: draft\ncities: [wloclawek]\npublish: 2030-01-01\n---\nPóźniej.\n",
		"content/documents/_index.md":   "---\ntitle: Dokumenty\n---\nWszystkie [strategie](ref:cities/wloclawek).\n",
		"content/pages/o-serwisie.md":   "---\ntitle: O serwisie\n---\n## Kontakt\n\nPisz.\n",
	}
	for name, text := range files {
		writeFile(t, filepath.Join(dir, filepath.FromSlash(name)), []byte(text))
	}
	return dir
}

// TestInternalLinks builds a link of each sort, minified too, as a site
// is built by default: a minified page writes most ids without quotes.
func TestInternalLinks(t *testing.T) {
	const at = "content/cities/wloclawek.md:6: "
	tests := []struct {
		name string
		body string
		href string // the href the link must be written with
		err  string // or the one problem the build must report
	}{
		{"a reference", "\n[strategia](ref:documents/lsr)\n", "/strategie/dokumenty/lsr/", ""},
		{"a reference by slug alone, with an anchor", "\n[cele](ref:lsr#cele-strategii)\n", "/strategie/dokumenty/lsr/#cele-strategii", ""},
		{"a plain page", "\n[kontakt](ref:pages/o-serwisie#kontakt)\n", "/strategie/o-serwisie/#kontakt", ""},
		{"a content file, relative", "\n[strategia](../documents/lsr.md)\n", "/strategie/dokumenty/lsr/", ""},
		{"a content file from the content folder, with an anchor", "\n[cele](/documents/lsr.md#cele-strategii)\n", "/strategie/dokumenty/lsr/#cele-strategii", ""},
		{"an index by its _index.md", "\n[dokumenty](../documents/_index.md)\n", "/strategie/dokumenty/", ""},
		{"an address on the site", "\n[strategia](/dokumenty/lsr/)\n", "/strategie/dokumenty/lsr/", ""},
		{"an address without the last slash", "\n[strategia](/dokumenty/lsr#cele-strategii)\n", "/strategie/dokumenty/lsr/#cele-strategii", ""},
		{"an element the layout puts on the page", "\n[dokumenty](ref:documents/lsr#tresc)\n", "/strategie/dokumenty/lsr/#tresc", ""},
		{"an id on the same page", "\n## Historia\n[wyżej](#historia)\n", "#historia", ""},
		{"a file on the site", "\n[mapa](/pliki/mapa.pdf)\n", "/strategie/pliki/mapa.pdf", ""},
		{"another site", "\n[urząd](https://www.wloclawek.pl/lsr#cele)\n", "https://www.wloclawek.pl/lsr#cele", ""},
		{"a missing entry", "\n[brak](ref:documents/brak)\n", "", `link "ref:documents/brak": no document has the slug "brak"; did you mean "lsr"?`},
		{"a missing slug of any kind", "\n[brak](ref:lsx)\n", "", `link "ref:lsx": no entry has the slug "lsx"; did you mean "lsr"?`},
		{"an unknown folder", "\n[brak](ref:dokumenty/lsr)\n", "", `link "ref:dokumenty/lsr": "dokumenty" is not a kind's folder; write ref:FOLDER/SLUG with one of documents, meetings, partnerships, cities, programmes, organisations, pages`},
		{"a missing anchor", "\n[brak](ref:documents/lsr#cele)\n", "", `link "ref:documents/lsr#cele": documents/lsr.md has no heading or other element with the id "cele"; did you mean "cele-strategii"?`},
		{"a missing anchor on the same page", "\n[brak](#histori)\n\n## Historia\n", "", `link "#histori": this page has no heading or other element with the id "histori"; did you mean "historia"?`},
		{"a draft", "\n[szkic](ref:documents/szkic)\n", "", `link "ref:documents/szkic": "szkic" (documents/szkic.md) is a draft (draft: true); publish it, or build with -drafts`},
		{"a future entry by its file", "\n[później](../documents/przyszly.md)\n", "", `link "../documents/przyszly.md": documents/przyszly.md is not published until 2030-01-01; wait, or build with -future`},
		{"a missing content file", "\n[brak](../documents/lsx.md)\n", "", `link "../documents/lsx.md": there is no content file documents/lsx.md; did you mean /documents/lsr.md?`},
		{"a file outside the content folder", "\n[brak](../../README.md)\n", "", `link "../../README.md": leads outside the content folder; link to a content file inside it, or write ref:FOLDER/SLUG`},
		{"a missing address", "\n[brak](/dokumenty/lsx/)\n", "", `link "/dokumenty/lsx/": no page has the address /dokumenty/lsx/; did you mean /dokumenty/lsr/?`},
	}
	for _, tt := range tests {
		for _, minify := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/minify=%v", tt.name, minify), func(t *testing.T) {
				cfg := testConfig(linkSite(t, tt.body))
				cfg.BaseURL = "/strategie/"
				cfg.Minify = minify
				var mem output.Memory
				_, err := generator.BuildTo(context.Background(), cfg, &mem)
				if tt.err != "" {
					var errs generator.Errors
					if !errors.As(err, &errs) || len(errs) != 1 || errs[0].Error() != filepath.ToSlash(cfg.Content)+strings.TrimPrefix(at, "content")+tt.err {
						t.Fatalf("build: %v\nwant the one problem %s%s", err, at, tt.err)
					}
					return
				}
				if err != nil {
					t.Fatalf("build: %v", err)
				}
				page := string(mem.Files["miasta/wloclawek/index.html"])
				if want := `href="` + tt.href + `"`; !strings.Contains(page, want) {
					i := strings.Index(page, "<main")
					t.Errorf("the city page has no %s:\n%s", want, page[i:])
				}
			})
		}
	}
}

// Every broken link of a site is reported, with the line of each, and the
// output folder stays as it was.
func TestBrokenLinksLeaveTheOutputAlone(t *testing.T) {
	dir := linkSite(t, "\nTekst.\n")
	cfg := testConfig(dir)
	cfg.Out = filepath.Join(dir, "public")
	if _, err := generator.Build(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(cfg.Out, "miasta", "wloclawek", "index.html")
	before, _ := os.ReadFile(page)
	os.WriteFile(filepath.Join(cfg.Content, "cities", "wloclawek.md"), []byte("---\ntitle: Włocławek\nregion: kujawsko-pomorskie\n---\n"+
		"\n[jeden](ref:documents/brak)\n\nTekst, [dwa](ref:documents/lsr#brak) i [trzy](/brak/).\n"), 0o644)
	_, err := generator.Build(context.Background(), cfg)
	var errs generator.Errors
	if !errors.As(err, &errs) {
		t.Fatalf("build: %v, want link errors", err)
	}
	c := filepath.ToSlash(cfg.Content)
	want := []string{
		c + `/cities/wloclawek.md:6: link "ref:documents/brak": no document has the slug "brak"; did you mean "lsr"?`,
		c + `/cities/wloclawek.md:8: link "/brak/": no page has the address /brak/; did you mean /dane/?`,
		c + `/cities/wloclawek.md:8: link "ref:documents/lsr#brak": documents/lsr.md has no heading or other element with the id "brak"; did you mean "tresc"?`,
	}
	if errs.Error() != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", errs.Error(), strings.Join(want, "\n"))
	}
	if after, _ := os.ReadFile(page); len(before) == 0 || string(after) != string(before) {
		t.Errorf("the output folder was changed: the city page is now\n%s", after)
	}
}
