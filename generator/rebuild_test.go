package generator

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ratusz/ratusz/generator/internal/output"
)

// copySite copies the test site into a temporary folder.
func copySite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	err := filepath.WalkDir("testdata/site", func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel("testdata/site", p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dir, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// An edit rebuilt incrementally gives exactly the files a full build gives.
func TestIncrementalRebuildEqualsFullBuild(t *testing.T) {
	dir := copySite(t)
	os.MkdirAll(filepath.Join(dir, "layouts"), 0o755)
	cfg := Config{
		Content: filepath.Join(dir, "content"),
		Static:  filepath.Join(dir, "static"),
		Layouts: filepath.Join(dir, "layouts"),
		Now:     time.Date(2021, 6, 1, 12, 0, 0, 0, time.UTC),
		// Two entries a page, so that edits move entries between the
		// pages of the indexes.
		PageSize: 2,
		// Minified, as ratusz serve builds: every way of rebuilding must
		// minify what it renders as the full build does.
		Minify: true,
	}
	r := newRebuilder(cfg)
	if _, probs := r.build(context.Background(), nil); probs != nil {
		t.Fatal(probs)
	}
	file := func(rel string) string { return filepath.Join(dir, "content", filepath.FromSlash(rel)) }
	edit := func(rel, old, new string) func() []string {
		return func() []string {
			b, err := os.ReadFile(file(rel))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(b), old) {
				t.Fatalf("%s has no %q", rel, old)
			}
			os.WriteFile(file(rel), []byte(strings.Replace(string(b), old, new, 1)), 0o644)
			return []string{file(rel)}
		}
	}
	write := func(rel, text string) func() []string {
		return func() []string {
			os.WriteFile(file(rel), []byte(text), 0o644)
			return []string{file(rel)}
		}
	}
	remove := func(rel string) func() []string {
		return func() []string {
			os.Remove(file(rel))
			return []string{file(rel)}
		}
	}
	both := func(changes ...func() []string) func() []string {
		return func() []string {
			var all []string
			for _, c := range changes {
				all = append(all, c()...)
			}
			return all
		}
	}
	steps := []struct {
		name   string
		change func() []string
		how    string // how it must rebuild
		broken string // a problem it must report, when it breaks the site
	}{
		{"body of a document (and so its summary)", edit("documents/lsr.md", "Strategia ma trzy cele:", "Strategia ma cztery cele:"), "body", ""},
		{"body of a city with a summary", edit("cities/Łódź.md", "summary: Miasto w centrum Polski.\n---\n", "summary: Miasto w centrum Polski.\n---\nNowy opis miasta.\n"), "body", ""},
		{"status of a document", edit("documents/program-ngo.md", "status: consultation", "status: draft"), "model", ""},
		{"the adoption date of a document moves it in the index", edit("documents/lsr.md", "date: 2016-05-20", "date: 2009-05-20"), "model", ""},
		{"the period of a document ends it", edit("documents/lsr.md", "period: 2016-2030", "period: 2016-2020"), "model", ""},
		{"topics of a document", edit("documents/program-ngo.md", "topics: [NGO]", "topics: [NGO, nowy temat]"), "entries", ""},
		{"partnership of a meeting", edit("meetings/posiedzenie.md", "partnership: lgd", "partnership: male-ojczyzny"), "model", ""},
		{"a past meeting becomes upcoming", edit("meetings/posiedzenie.md", "date: 2021-06-01\nend: 2021-06-02", "date: 2021-08-01\nend: 2021-08-02"), "model", ""},
		{"organisers and documents of a meeting", edit("meetings/warsztaty.md", "organisers: [brzozie, pck]\ndocuments: [lsr]", "organisers: [pck, walbrzych]\ndocuments: [lsr, program-ngo]"), "model", ""},
		{"cities of a document", edit("documents/lsr.md", "cities: [wloclawek]", "cities: [wloclawek, walbrzych]"), "model", ""},
		{"leader and members of a partnership", edit("partnerships/lgd.md", "leader: pck\nmembers: [pck]", "leader: wloclawek\nmembers: [pck, parafia]"), "model", ""},
		{"aliases of a document", edit("documents/lsr.md", "source: https://www.wloclawek.pl/lsr", "source: https://www.wloclawek.pl/lsr\naliases: [/stara/lsr/]"), "entries", ""},
		{"an alias changed", edit("documents/lsr.md", "aliases: [/stara/lsr/]", "aliases: [/dawna/lsr/]"), "entries", ""},
		{"a document and a meeting at once", both(
			edit("documents/program-ngo.md", "status: draft", "status: consultation"),
			edit("meetings/posiedzenie.md", "partnership: male-ojczyzny", "partnership: lgd\ndocuments: [program-ngo]")), "model", ""},
		{"a reference to a missing entry", edit("meetings/posiedzenie.md", "documents: [program-ngo]", "documents: [program-ngo, brak]"), "", `meetings/posiedzenie.md:7: documents[2]: no document has the slug "brak"`},
		{"the reference fixed", edit("meetings/posiedzenie.md", "documents: [program-ngo, brak]", "documents: [program-ngo]"), "full", ""},
		{"a new meeting", write("meetings/nowe.md", "---\ntitle: Nowe spotkanie\ndate: 2021-07-01\ncities: [walbrzych]\ndocuments: [lsr]\ntopics: [seniorzy]\n---\nTekst.\n"), "entries", ""},
		{"a meeting removed", remove("meetings/konferencja.md"), "entries", ""},
		{"a link to the new meeting", edit("documents/program-ngo.md", "i [warsztaty]", "i [nowe spotkanie](ref:meetings/nowe), [warsztaty]"), "body", ""},
		{"the linked meeting removed", remove("meetings/nowe.md"), "", `documents/program-ngo.md:15: link "ref:meetings/nowe": no meeting has the slug "nowe"`},
		{"the meeting back", write("meetings/nowe.md", "---\ntitle: Nowe spotkanie\ndate: 2021-07-01\ncities: [walbrzych]\ndocuments: [lsr]\ntopics: [seniorzy]\n---\nTekst.\n"), "full", ""},
		{"the linked heading renamed", edit("documents/lsr.md", "## Cele strategii", "## Cele"), "", `documents/program-ngo.md:15: link "ref:documents/lsr#cele-strategii": documents/lsr.md has no heading or other element with the id "cele-strategii"; did you mean "cele"?`},
		{"the heading back", edit("documents/lsr.md", "## Cele\n", "## Cele strategii\n"), "full", ""},
		{"a heading added where a link leads", edit("documents/lsr.md", "## Cele strategii\n", "## Wstęp\n\nTekst.\n\n## Cele strategii\n"), "body", ""},
		{"a document made a draft", edit("documents/polityka-senioralna.md", "type: polityka", "type: polityka\ndraft: true"), "entries", ""},
		{"a city's title", edit("cities/walbrzych.md", "title: Wałbrzych", "title: Miasto Wałbrzych"), "entries", ""},
		{"an organisation moves", edit("organisations/pck.md", "city: wloclawek", "city: lodz"), "model", ""},
		// PCK is a member of the LGD: the LGD's page lists it with its city.
		{"the title of an organisation's city", edit("cities/Łódź.md", "title: Łódź", "title: Miasto Łódź"), "entries", ""},
		{"a city's region", edit("cities/brzozie.md", "region: kujawsko-pomorskie", "region: mazowieckie"), "entries", ""},
		{"a plain page", edit("pages/o-serwisie.md", "Serwis testowy.", "Serwis próbny."), "full", ""},
		{"a page layout", func() []string {
			p := filepath.Join(dir, "layouts", "meeting.html")
			os.WriteFile(p, []byte(`{{define "main"}}<h1>{{.Title}}</h1><p>własny układ spotkania</p>{{end}}`), 0o644)
			return []string{p}
		}, "layout", ""},
		{"the base layout", func() []string {
			p := filepath.Join(dir, "layouts", "base.html")
			b, err := os.ReadFile("../layouts/base.html")
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(p, []byte(strings.Replace(string(b), "<footer", "<!-- własna stopka -->\n<footer", 1)), 0o644)
			return []string{p}
		}, "full", ""},
	}
	for _, st := range steps {
		changed := st.change()
		files, probs := r.build(context.Background(), changed)
		ok := false
		if st.broken != "" {
			if !slices.ContainsFunc(probs, func(p string) bool { return strings.Contains(p, st.broken) }) {
				t.Errorf("%s: problems %q, want one with %q", st.name, probs, st.broken)
			}
			continue
		}
		if probs != nil {
			t.Fatalf("%s: %v", st.name, probs)
		}
		if r.stale {
			if files, probs, ok = r.finish(context.Background()); !ok || probs != nil {
				t.Fatalf("%s: finish: %v, %v", st.name, ok, probs)
			}
		}
		var mem output.Memory
		if _, err := BuildTo(context.Background(), cfg, &mem); err != nil {
			t.Fatalf("%s: full build: %v", st.name, err)
		}
		var diff []string
		for name, want := range mem.Files {
			if got, ok := files[name]; !ok {
				diff = append(diff, "missing "+name)
			} else if !bytes.Equal(got, want) {
				diff = append(diff, "differs "+name)
			}
		}
		for name := range files {
			if _, ok := mem.Files[name]; !ok {
				diff = append(diff, "extra "+name)
			}
		}
		slices.Sort(diff)
		if len(diff) > 0 {
			t.Errorf("%s: the incremental rebuild differs from a full build:\n%s", st.name, strings.Join(diff, "\n"))
		}
		all := len(r.last.renderer.Pages())
		if r.how != st.how {
			t.Errorf("%s: rebuilt as %q, want %q", st.name, r.how, st.how)
		}
		if st.how == "full" && r.pages != all {
			t.Errorf("%s: rendered %d of %d pages, want a full build", st.name, r.pages, all)
		}
		if st.how != "full" && r.pages >= all {
			t.Errorf("%s: rendered all %d pages, want only the affected ones", st.name, all)
		}
		t.Logf("%s: %d of %d pages rendered (%s)", st.name, r.pages, all, r.how)
	}
}
