package generator_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ratusz/ratusz/generator"
	"github.com/ratusz/ratusz/generator/internal/testsite"
)

// historySite is the test site (testdata/site) in a git repository with
// a history of its own (testsite.Copy), built with its ratusz.toml, which
// reads the history ([record] changes = "git").
func historySite(t testing.TB) generator.Config {
	t.Helper()
	dir := testsite.Copy(t, "testdata/site")
	cfg := testConfig(dir)
	cfg.Settings = filepath.Join(dir, "ratusz.toml")
	return cfg
}

// A page lists its file's commits newest first, with the date and time,
// the author and the subject (never the commit's body); the record's
// publication date is the commit that added the file, unless the entry
// gives its own; a file never committed has no register. The record
// takes ratusz.toml's [record] defaults for the keys an entry leaves out.
func TestRegisterOfChangesFromGit(t *testing.T) {
	files, res := buildMemory(t, historySite(t))
	for _, w := range res.Warnings {
		if strings.Contains(w, "git") {
			t.Errorf("a warning about git in a repository: %s", w)
		}
	}
	ngo := string(files["dokumenty/program-ngo/index.html"])
	newer := strings.Index(ngo, "15 kwietnia 2021, godz. 14:30</time> · Jan Kowalski: Termin konsultacji programu współpracy</li>")
	older := strings.Index(ngo, "1 marca 2021, godz. 09:00</time> · Anna Nowak: Pierwsza wersja serwisu</li>")
	if newer < 0 || older < 0 || newer > older {
		t.Errorf("the register of changes does not list both commits, newest first (at %d and %d):\n%s", newer, older, labelled(ngo, "rejestr-zmian"))
	}
	if strings.Contains(ngo, "Treść commita") {
		t.Errorf("the commit's body is on the page")
	}
	record := labelled(ngo, "metryczka")
	for _, want := range []string{
		"<dd>Urząd Gminy Testowej</dd>",                                    // the publisher
		"<dt>Informację wytworzył(a)</dt>\n<dd>Referat Rozwoju Gminy</dd>", // [record] defaults
		"<dt>Informację udostępnił(a)</dt>\n<dd>Anna Nowak</dd>",
		"<dt>Data udostępnienia</dt>\n<dd><time datetime=\"2021-03-01T09:00:00&#43;01:00\">1 marca 2021, godz. 09:00</time>", // the commit that added it
	} {
		if !strings.Contains(record, want) {
			t.Errorf("the metryczka has no %q:\n%s", want, record)
		}
	}
	lsr := labelled(string(files["dokumenty/lsr/index.html"]), "metryczka")
	for _, want := range []string{"<dd>Lokalna Grupa Działania, Biuro LGD</dd>", "28 kwietnia 2016", "<dd>Prezes Zarządu LGD</dd>", "<dd>Jan Kowalski</dd>", "1 czerwca 2016, godz. 10:15"} {
		if !strings.Contains(lsr, want) {
			t.Errorf("the record an entry gives does not beat the defaults and git: no %q in\n%s", want, lsr)
		}
	}
	old := string(files["dokumenty/stary-plan/index.html"])
	if strings.Contains(old, "rejestr-zmian") || strings.Contains(labelled(old, "metryczka"), "Data udostępnienia") {
		t.Errorf("a file never committed has a register or a publication date:\n%s", labelled(old, "metryczka"))
	}
	if etr := string(files["tekst-latwy/index.html"]); !strings.Contains(etr, "20 maja 2021, godz. 10:00</time> · Anna Nowak: Strona w\u00a0tekście łatwym do czytania") {
		t.Errorf("the page added by the last commit does not list it:\n%s", labelled(etr, "rejestr-zmian"))
	}
}

// labelled is the part of page from the element with the given id to
// the end of its section.
func labelled(page, id string) string {
	i := strings.Index(page, `id="`+id+`"`)
	if i < 0 {
		return "(no " + id + ")"
	}
	end := strings.Index(page[i:], "</section>")
	if end < 0 {
		return page[i:]
	}
	return page[i : i+end]
}

// Git history is input like the files: the same commits give the same
// bytes wherever the repository is, and on a later day with no commit;
// and the build cache gives what a build without it gives.
func TestSameCommitsGiveTheSameBytes(t *testing.T) {
	cfg := historySite(t)
	a, _ := buildMemory(t, cfg)
	moved := t.TempDir()
	if err := os.CopyFS(moved, os.DirFS(filepath.Dir(cfg.Content))); err != nil {
		t.Fatal(err)
	}
	other := testConfig(moved)
	other.Settings = filepath.Join(moved, "ratusz.toml")
	other.Cache = filepath.Join(t.TempDir(), ".ratusz-cache")
	for _, when := range []string{"in another folder, with a new cache", "with the cache kept"} {
		b, _ := buildMemory(t, other)
		if len(a) != len(b) {
			t.Fatalf("%s: %d files, want %d", when, len(b), len(a))
		}
		for name, data := range a {
			if !bytes.Equal(data, b[name]) {
				t.Errorf("%s: %s differs:\n%s", when, name, firstDiff(string(b[name]), string(data)))
			}
		}
	}
	if _, err := os.Stat(filepath.Join(other.Cache, "history.gob")); err != nil {
		t.Errorf("the build kept no history in its cache: %v", err)
	}
}

// Git is read only when ratusz.toml asks for it: the built-in site, which
// sits in ratusz's own repository, shows no register, and neither does the
// test site with changes = "none". Asked for outside a repository, it is
// one warning, and the pages show no register.
func TestGitIsReadOnlyWhenAskedFor(t *testing.T) {
	files, _ := buildMemory(t, generator.Config{Content: "../content", Settings: "../ratusz.toml", Static: "../static", Now: june2021})
	for name, data := range files {
		if bytes.Contains(data, []byte(`id="rejestr-zmian"`)) {
			t.Errorf("%s of the built-in site has a register of changes from the repository it sits in", name)
		}
	}
	cfg := historySite(t)
	settings, err := os.ReadFile(cfg.Settings)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Settings, cfg.SettingsText = "ratusz.toml", bytes.Replace(settings, []byte(`changes = "git"`), []byte(`changes = "none"`), 1)
	files, _ = buildMemory(t, cfg)
	if page := string(files["dokumenty/program-ngo/index.html"]); strings.Contains(page, "rejestr-zmian") || strings.Contains(page, "1 marca 2021") {
		t.Errorf("changes = \"none\" still reads git:\n%s", labelled(page, "metryczka"))
	}

	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("testdata/site")); err != nil {
		t.Fatal(err)
	}
	cfg = testConfig(dir)
	cfg.Settings = filepath.Join(dir, "ratusz.toml")
	files, res := buildMemory(t, cfg)
	var about []string
	for _, w := range res.Warnings {
		if strings.Contains(w, `changes = "git"`) {
			about = append(about, w)
		}
	}
	if len(about) != 1 || !strings.Contains(about[0], "not in a git repository") || !strings.Contains(about[0], "ratusz.toml:33:") {
		t.Errorf("outside a repository, the warnings about git are %q, want one at ratusz.toml:33 that says the content is not in a git repository", about)
	}
	if page := string(files["dokumenty/program-ngo/index.html"]); strings.Contains(page, "rejestr-zmian") {
		t.Errorf("a register of changes outside a repository")
	}
}

// Mistakes in a record are problems at their lines, like any key's.
func TestRecordMistakes(t *testing.T) {
	doc := func(record string) map[string]string {
		return map[string]string{"documents/plan.md": "---\ntitle: Plan\ntype: plan\nstatus: draft\ncities: [jablonowo]\nrecord:\n" + record + "---\n"}
	}
	for _, tt := range []struct{ record, want string }{
		{"  publised: 2021-01-01\n", `content/documents/plan.md:7: unknown key "record.publised"; did you mean "published"?`},
		{"  produced: 2021-05-01\n  published: 2021-04-01\n", "content/documents/plan.md:7: record.produced 2021-05-01 is after record.published 2021-04-01"},
		{"  produced: 1 maja 2021\n", "content/documents/plan.md:7: record.produced"},
	} {
		_, err := generator.Check(t.Context(), settingsSite(goodSettings, doc(tt.record)))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("record %q: error %v, want %q", tt.record, err, tt.want)
		}
	}
}

// The build cache may not be inside the output, which every build
// replaces: that is a usage mistake, and nothing is written.
func TestCacheInsideTheOutputIsRefused(t *testing.T) {
	cfg := historySite(t)
	cfg.Out = filepath.Join(t.TempDir(), "public")
	cfg.Cache = filepath.Join(cfg.Out, ".ratusz-cache")
	_, err := generator.Build(t.Context(), cfg)
	var usage *generator.UsageError
	if !errors.As(err, &usage) || !strings.Contains(err.Error(), "-cache") {
		t.Errorf("a cache inside the output: %v, want a usage error about -cache", err)
	}
	if _, err := os.Stat(cfg.Out); err == nil {
		t.Errorf("the refused build wrote %s", cfg.Out)
	}
}

// The test site, broken three ways an editor might: a mistyped key of
// ratusz.toml, a region that is no województwo, and a herb that is not in
// static/. Each is a problem at its file and line that names the fix, all
// three reported by one build.
func TestTestSiteMistakes(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("testdata/site")); err != nil {
		t.Fatal(err)
	}
	edit := func(name, old, new string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		text, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(text, []byte(old)) {
			t.Fatalf("%s has no %q", name, old)
		}
		writeFile(t, p, bytes.Replace(text, []byte(old), []byte(new), 1))
	}
	edit("ratusz.toml", "timezone =", "timezon =")
	edit("content/cities/walbrzych.md", "region: dolnośląskie", "region: Dolny Śląsk")
	if err := os.Remove(filepath.Join(dir, "static", "herb.svg")); err != nil {
		t.Fatal(err)
	}
	cfg := testConfig(dir)
	cfg.Settings = filepath.Join(dir, "ratusz.toml")
	_, err := generator.Check(t.Context(), cfg)
	if err == nil {
		t.Fatal("the broken test site builds")
	}
	for _, want := range []string{
		`ratusz.toml:7: unknown key "timezon"; did you mean "timezone"?` + "\n",
		`content/cities/walbrzych.md:3: region: "Dolny Śląsk" is not a województwo; did you mean "dolnośląskie"?`,
		`ratusz.toml:17: publisher.logo: file "herb.svg" not found in static/; put the file in static/ or fix the name`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("no %q in:\n%v", want, err)
		}
	}
}
