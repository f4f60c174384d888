package generator_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ratusz/ratusz/generator"
	"github.com/ratusz/ratusz/generator/internal/output"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

var june2021 = time.Date(2021, 6, 1, 12, 0, 0, 0, time.UTC)

func testConfig(dir string) generator.Config {
	cfg := generator.Config{Content: filepath.Join(dir, "content"), Now: june2021}
	if _, err := os.Stat(filepath.Join(dir, "static")); err == nil {
		cfg.Static = filepath.Join(dir, "static")
	}
	if _, err := os.Stat(filepath.Join(dir, "layouts")); err == nil {
		cfg.Layouts = filepath.Join(dir, "layouts")
	}
	return cfg
}

// writeFile writes data to the file p, making the folders it is in.
func writeFile(t testing.TB, p string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func buildMemory(t *testing.T, cfg generator.Config) (map[string][]byte, generator.Result) {
	t.Helper()
	var mem output.Memory
	res, err := generator.BuildTo(context.Background(), cfg, &mem)
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return mem.Files, res
}

// TestGolden builds the test site, which uses every kind and field and
// every table of ratusz.toml, in a git repository with a history of its
// own (historySite), and compares every page and JSON file (open data,
// search index) with the reviewed copy in testdata/golden. Run
// `go test ./generator -run Golden -update` after a deliberate change and
// read the diff before committing it. The build is not minified, so that
// the golden files stay readable (minify_test.go tests the minified
// build), and the content hashes in fingerprinted names read HASH, so that
// a change of the stylesheet does not change every page's golden file
// (TestFingerprintedReferencesResolve checks them).
func TestGolden(t *testing.T) {
	built, _ := buildMemory(t, historySite(t))
	files := map[string][]byte{}
	for name, data := range built {
		files[unhash(name)] = []byte(unhash(string(data)))
	}
	var listing []string
	for name, data := range files {
		listing = append(listing, fmt.Sprintf("%s %d", name, len(data)))
	}
	slices.Sort(listing)
	golden := "testdata/golden"
	if *update {
		os.RemoveAll(golden)
	}
	check := func(name string, got []byte) {
		p := filepath.Join(golden, filepath.FromSlash(name))
		if *update {
			writeFile(t, p, got)
			return
		}
		want, err := os.ReadFile(p)
		if err != nil {
			t.Errorf("%s: not in the golden files (run with -update and review): %v", name, err)
			return
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s:\n%s", name, p, firstDiff(string(got), string(want)))
		}
	}
	check("files.txt", []byte(strings.Join(listing, "\n")+"\n"))
	for name, data := range files {
		switch path.Ext(name) {
		case ".html", ".json", ".xml", ".ics", ".txt":
			check(name, data)
		case ".gz": // the search index's fragments: gzipped JSON
			z, err := gzip.NewReader(bytes.NewReader(built[name]))
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			text, err := io.ReadAll(z)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			check(strings.TrimSuffix(name, ".gz")+".json", []byte(unhash(string(text))))
		}
	}
}

// unhash writes the content hashes of fingerprinted names as HASH.
func unhash(s string) string { return fingerprint.ReplaceAllString(s, ".HASH.$1") }

var fingerprint = regexp.MustCompile(`\.[0-9a-f]{8}\.(css|js)\b`)

// firstDiff shows the first line where got and want differ.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < max(len(g), len(w)); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d:\n got: %s\nwant: %s", i+1, gl, wl)
		}
	}
	return "(same lines, different bytes)"
}

// The built-in site, made of the seed stories, builds with no error and no
// warning.
func TestBuiltInSite(t *testing.T) {
	files, res := buildMemory(t, generator.Config{Content: "../content", Settings: "../ratusz.toml", Static: "../static", Now: june2021, BaseURL: "https://strategie.example.pl/"})
	if len(res.Warnings) > 0 {
		t.Errorf("warnings:\n%s", strings.Join(res.Warnings, "\n"))
	}
	if res.Entries < 40 {
		t.Errorf("only %d entries", res.Entries)
	}
	for _, p := range []string{"index.html", "miasta/wloclawek/index.html", "dokumenty/strategia-wspolpracy-wroclawia-z-ngo-2018-2022/index.html", "o-serwisie/index.html"} {
		if _, ok := files[p]; !ok {
			t.Errorf("no %s", p)
		}
	}
	home := string(files["miasta/index.html"])
	if i, j := strings.Index(home, "dolnośląskie"), strings.Index(home, "śląskie <"); i < 0 || j < 0 || i > j {
		t.Errorf("regions not in Polish order on the cities index")
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	a, _ := buildMemory(t, testConfig("testdata/site"))
	b, _ := buildMemory(t, testConfig("testdata/site"))
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

func TestBaseURLPrefixesEveryLink(t *testing.T) {
	cfg := testConfig("testdata/site")
	cfg.BaseURL = "https://bip.gmina.pl/strategie/"
	files, _ := buildMemory(t, cfg)
	page := string(files["dokumenty/lsr/index.html"])
	if !stylesheet.MatchString(page) {
		t.Errorf("no link to the fingerprinted stylesheet under /strategie/ in the document page")
	}
	for _, want := range []string{
		`href="/strategie/miasta/wloclawek/"`,
		`href="/strategie/dokumenty/lsr/pliki/lsr.pdf"`,
		`href="/strategie/pliki/zalacznik.docx"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("no %s in the document page", want)
		}
	}
	for _, bad := range []string{`href="/miasta/`, `href="/css/`} {
		if strings.Contains(page, bad) {
			t.Errorf("link without the base path: %s", bad)
		}
	}
	if got := string(files["o-nas/index.html"]); !strings.Contains(got, `url=/strategie/o-serwisie/`) {
		t.Errorf("alias does not redirect under the base path:\n%s", got)
	}
}

// stylesheet is the link to the built-in stylesheet under /strategie/.
var stylesheet = regexp.MustCompile(`href="/strategie/css/ratusz\.[0-9a-f]{8}\.css"`)

func TestSiteLayoutReplacesBuiltIn(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "content", "pages"), 0o755)
	os.MkdirAll(filepath.Join(dir, "layouts"), 0o755)
	os.WriteFile(filepath.Join(dir, "content", "pages", "a.md"), []byte("---\ntitle: Strona A\n---\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "layouts", "page.html"), []byte(`{{define "main"}}<p class="own">{{.Title}}</p>{{end}}`), 0o644)
	files, _ := buildMemory(t, testConfig(dir))
	if got := string(files["a/index.html"]); !strings.Contains(got, `<p class="own">Strona A</p>`) || !strings.Contains(got, `<a class="skip"`) {
		t.Errorf("own page.html not used inside the built-in base.html:\n%s", got)
	}
}

func TestLayoutErrorsArePlaced(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "content", "pages"), 0o755)
	os.MkdirAll(filepath.Join(dir, "layouts"), 0o755)
	os.WriteFile(filepath.Join(dir, "content", "pages", "a.md"), []byte("---\ntitle: A\n---\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "layouts", "page.html"), []byte("{{define \"main\"}}\n<p>{{.Title}</p>\n{{end}}"), 0o644)
	os.WriteFile(filepath.Join(dir, "layouts", "city.html"), []byte("{{define \"main\"}}\n\n{{.Nope}}\n{{end}}"), 0o644)
	os.WriteFile(filepath.Join(dir, "layouts", "strona.html"), []byte("x"), 0o644)
	cfg := testConfig(dir)
	_, err := generator.BuildTo(context.Background(), cfg, &output.Memory{})
	got := fmt.Sprint(err)
	for _, want := range []string{
		filepath.Join(dir, "layouts") + "/page.html:2: bad character U+007D '}'",
		filepath.Join(dir, "layouts") + "/strona.html:1: is not a layout ratusz uses",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("error does not contain %q:\n%s", want, got)
		}
	}
}

// An error while a layout runs names the line of the file as written,
// also when pages are rendered from minified layouts, whose lines are
// not the file's, and also in a part a layout asks for.
func TestLayoutExecutionErrorsArePlaced(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "content", "pages"), 0o755)
	os.MkdirAll(filepath.Join(dir, "content", "cities"), 0o755)
	os.MkdirAll(filepath.Join(dir, "layouts"), 0o755)
	for _, name := range []string{"a", "c", "d"} {
		os.WriteFile(filepath.Join(dir, "content", "pages", name+".md"), []byte("---\ntitle: "+name+"\n---\n"), 0o644)
	}
	os.WriteFile(filepath.Join(dir, "content", "cities", "b.md"), []byte("---\ntitle: B\nregion: łódzkie\ntype: gmina-miejska\n---\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "layouts", "page.html"), []byte("{{define \"main\"}}\n  <p>\n    A\n  </p>\n\n{{.Nope}}\n{{end}}"), 0o644)
	os.WriteFile(filepath.Join(dir, "layouts", "city.html"), []byte("{{define \"main\"}}\n<div>\n</div>\n{{part \"bad\" .Entry}}\n{{end}}"), 0o644)
	os.WriteFile(filepath.Join(dir, "layouts", "_bad.html"), []byte("{{define \"bad\"}}\n<ul>\n  <li>\n    {{.Nope}}\n  </li>\n</ul>\n{{end}}"), 0o644)
	layouts := filepath.Join(dir, "layouts")
	// Each names the page it was met on, as well as the layout line, and
	// a problem met on three pages is one line.
	content := filepath.Join(dir, "content")
	want := layouts + "/city.html:4: rendering " + content + "/cities/b.md: executing \"main\" at <part \"bad\" .Entry>: error calling part: template: _bad.html:4:6: executing \"bad\" at <.Nope>: can't evaluate field Nope in type *site.City\n" +
		layouts + "/page.html:6: rendering " + content + "/pages/a.md (and 2 other pages): executing \"main\" at <.Nope>: can't evaluate field Nope in type *render.Page"
	for _, minify := range []bool{false, true} {
		cfg := testConfig(dir)
		cfg.Minify = minify
		_, err := generator.BuildTo(context.Background(), cfg, &output.Memory{})
		if got := fmt.Sprint(err); got != want {
			t.Errorf("minify %v:\ngot  %s\nwant %s", minify, got, want)
		}
	}
}

func TestEnglishSiteBuilds(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "content", "cities"), 0o755)
	os.WriteFile(filepath.Join(dir, "content", "_index.md"), []byte("---\ntitle: Town strategies\nlang: en\n---\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "content", "cities", "walbrzych.md"), []byte("---\ntitle: Wałbrzych\nregion: dolnośląskie\ntype: powiat\n---\n"), 0o644)
	files, _ := buildMemory(t, testConfig(dir))
	page := string(files["cities/walbrzych/index.html"])
	for _, want := range []string{`<html lang="en">`, `href="/cities/"`, "Skip to content"} {
		if !strings.Contains(page, want) {
			t.Errorf("English page lacks %q", want)
		}
	}
}

// The accessibility statement follows the official template's element ids,
// is linked from every page's footer and announced in every page's head.
func TestAccessibilityStatement(t *testing.T) {
	cfg := testConfig("testdata/site")
	cfg.BaseURL = "https://strategie.example.pl/"
	files, _ := buildMemory(t, cfg)
	page := string(files["deklaracja-dostepnosci/index.html"])
	for _, id := range []string{"a11y-wstep", "a11y-podmiot", "a11y-url", "a11y-data-publikacja", "a11y-data-aktualizacja",
		"a11y-status", "a11y-ocena", "a11y-data-sporzadzenie", "a11y-data-przeglad", "a11y-audytor", "a11y-kontakt",
		"a11y-osoba", "a11y-email", "a11y-telefon", "a11y-procedura", "a11y-architektura", "a11y-komunikacja", "a11y-aplikacje"} {
		if strings.Count(page, `id="`+id+`"`) != 1 {
			t.Errorf("statement has %d elements with id %s, want 1", strings.Count(page, `id="`+id+`"`), id)
		}
	}
	for _, want := range []string{`<time id="a11y-data-publikacja" datetime="2020-01-15">15 stycznia 2020</time>`, `<strong>częściowo zgodna</strong>`} {
		if !strings.Contains(page, want) {
			t.Errorf("statement lacks %s", want)
		}
	}
	for name, data := range files {
		if !strings.HasSuffix(name, "index.html") || strings.Contains(string(data), "http-equiv=\"refresh\"") {
			continue
		}
		html := string(data)
		if !strings.Contains(html, `<meta name="deklaracja-dostępności" content="https://strategie.example.pl/deklaracja-dostepnosci/">`) {
			t.Errorf("%s: no deklaracja-dostępności meta with the absolute address", name)
		}
		if !strings.Contains(html, `<li><a href="/deklaracja-dostepnosci/">Deklaracja dostępności</a></li>`) {
			t.Errorf("%s: no footer link to the statement", name)
		}
	}
}

// A site without the statement's settings builds, warns and links nothing.
func TestNoAccessibilityStatementWarns(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "content", "pages"), 0o755)
	os.WriteFile(filepath.Join(dir, "content", "pages", "a.md"), []byte("---\ntitle: A\n---\n"), 0o644)
	cfg := testConfig(dir)
	cfg.BaseURL = "https://strategie.example.pl/"
	files, res := buildMemory(t, cfg)
	if n := len(slices.DeleteFunc(slices.Clone(res.Warnings), func(w string) bool { return !strings.Contains(w, "no [accessibility] table") })); n != 1 {
		t.Errorf("%d warnings about the statement, want 1: %q", n, res.Warnings)
	}
	if strings.Contains(string(files["a/index.html"]), "deklaracja") {
		t.Error("page links to a statement that does not exist")
	}
}

func TestImageThatIsNotAnImage(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "content", "meetings"), 0o755)
	os.MkdirAll(filepath.Join(dir, "content", "cities"), 0o755)
	os.WriteFile(filepath.Join(dir, "content", "cities", "a.md"), []byte("---\ntitle: A\nregion: mazowieckie\n---\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "content", "meetings", "foto.jpg"), []byte("to nie jest zdjęcie"), 0o644)
	os.WriteFile(filepath.Join(dir, "content", "meetings", "m.md"), []byte("---\ntitle: M\ndate: 2021-01-17\ncities: [a]\nimages:\n  - file: foto.jpg\n    alt: Sala\n---\n"), 0o644)
	_, err := generator.BuildTo(context.Background(), testConfig(dir), &output.Memory{})
	want := filepath.Join(dir, "content") + `/meetings/m.md:6: images[1].file: cannot read the size of "foto.jpg": the file is not a JPG, PNG, GIF or WebP image; save it again as a JPG, PNG, WebP, GIF or SVG with a width and height`
	if got := fmt.Sprint(err); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// No link in the theme says only "click here": a link's text must say where
// it leads (WCAG 2.4.4).
func TestNoClickHereLinks(t *testing.T) {
	re := regexp.MustCompile(`(?is)<a\b[^>]*>(.*?)</a>`)
	vague := regexp.MustCompile(`(?i)^\s*(kliknij( tutaj)?|tutaj|tu|więcej|czytaj więcej|click here|here|more|read more)\s*[.!]?\s*$`)
	for _, cfg := range []generator.Config{testConfig("testdata/site"), {Content: "../content", Settings: "../ratusz.toml", Static: "../static", Now: june2021}} {
		files, _ := buildMemory(t, cfg)
		for name, data := range files {
			if !strings.HasSuffix(name, ".html") {
				continue
			}
			for _, m := range re.FindAllStringSubmatch(string(data), -1) {
				text := regexp.MustCompile(`<[^>]*>`).ReplaceAllString(m[1], "")
				if vague.MatchString(text) || strings.Contains(strings.ToLower(text), "kliknij") {
					t.Errorf("%s: a link that does not say where it leads: %q", name, m[0])
				}
			}
		}
	}
}

// The site has a 404 page for servers to send, which works from any depth
// because every link in it starts at the site's root.
func TestNotFoundPage(t *testing.T) {
	cfg := testConfig("testdata/site")
	cfg.BaseURL = "/strategie/"
	files, _ := buildMemory(t, cfg)
	page := string(files["404.html"])
	for _, want := range []string{"<h1>Nie znaleziono strony</h1>", `href="/strategie/"`} {
		if !strings.Contains(page, want) {
			t.Errorf("404.html lacks %s", want)
		}
	}
	if !stylesheet.MatchString(page) {
		t.Error("404.html lacks the fingerprinted stylesheet under /strategie/")
	}
	if strings.Contains(page, `href="css/`) || strings.Contains(page, `href="../`) {
		t.Error("404.html has a relative link")
	}
}

// A symbolic link in static/ is an error, not a file quietly left out.
func TestStaticSymlinkIsAnError(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "content", "pages"), 0o755)
	os.MkdirAll(filepath.Join(dir, "static"), 0o755)
	os.WriteFile(filepath.Join(dir, "content", "pages", "a.md"), []byte("---\ntitle: A\n---\n"), 0o644)
	if err := os.Symlink("/etc/passwd", filepath.Join(dir, "static", "hasla.txt")); err != nil {
		t.Skip(err)
	}
	_, err := generator.BuildTo(context.Background(), testConfig(dir), &output.Memory{})
	want := filepath.Join(dir, "static") + "/hasla.txt:1: is a symbolic link; static/ must hold real files, so that the site cannot publish anything from outside it"
	if got := fmt.Sprint(err); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
