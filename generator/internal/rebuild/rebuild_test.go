package rebuild

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ratusz/ratusz/generator/internal/build"

	"github.com/ratusz/ratusz/generator/internal/output"
)

// copySite copies the test site into a temporary folder.
func copySite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../testdata/site")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// An edit rebuilt incrementally gives exactly the files a full build gives.
func TestIncrementalRebuildEqualsFullBuild(t *testing.T) {
	dir := copySite(t)
	os.MkdirAll(filepath.Join(dir, "layouts"), 0o755)
	cfg := build.Config{
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
	r := New(cfg, nil)
	if _, probs := r.Build(context.Background(), nil); probs != nil {
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
		how    Strategy // how it must rebuild
		broken string   // a problem it must report, when it breaks the site
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
		{"the linked meeting removed", remove("meetings/nowe.md"), "", `documents/program-ngo.md:23: link "ref:meetings/nowe": no meeting has the slug "nowe"`},
		{"the meeting back", write("meetings/nowe.md", "---\ntitle: Nowe spotkanie\ndate: 2021-07-01\ncities: [walbrzych]\ndocuments: [lsr]\ntopics: [seniorzy]\n---\nTekst.\n"), "full", ""},
		{"the linked heading renamed", edit("documents/lsr.md", "## Cele strategii", "## Cele"), "", `documents/program-ngo.md:23: link "ref:documents/lsr#cele-strategii": documents/lsr.md has no heading or other element with the id "cele-strategii"; did you mean "cele"?`},
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
			b, err := os.ReadFile("../../../layouts/base.html")
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(p, []byte(strings.Replace(string(b), "<footer", "<!-- własna stopka -->\n<footer", 1)), 0o644)
			return []string{p}
		}, "full", ""},
	}
	for _, st := range steps {
		changed := st.change()
		files, probs := r.Build(context.Background(), changed)
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
			if files, probs, ok = r.Finish(context.Background()); !ok || probs != nil {
				t.Fatalf("%s: finish: %v, %v", st.name, ok, probs)
			}
		}
		var mem output.Memory
		if err := fullBuild(cfg, &mem); err != nil {
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
		all := len(r.last.Renderer.Pages())
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

// TestRebuildOwnLayouts: with a site's own layouts, every page shows the
// layouts on disk after each edit. A template a page layout defines is
// that layout's own: the parts once and part make from it show on its
// pages only, and an edit of it shows on them at the next rebuild. Adding
// or removing a layout, or a shared file that every page uses (the
// footer), shows too; and the rebuilt site is always the one a full build
// makes of the same files.
func TestRebuildOwnLayouts(t *testing.T) {
	dir := copySite(t)
	layouts := filepath.Join(dir, "layouts")
	os.MkdirAll(layouts, 0o755)
	cfg := build.Config{
		Content: filepath.Join(dir, "content"),
		Static:  filepath.Join(dir, "static"),
		Layouts: layouts,
		Now:     time.Date(2021, 6, 1, 12, 0, 0, 0, time.UTC),
		Minify:  true,
	}
	layout := func(name, text string) func() []string {
		return func() []string {
			p := filepath.Join(layouts, name)
			if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			return []string{p}
		}
	}
	remove := func(name string) func() []string {
		return func() []string {
			p := filepath.Join(layouts, name)
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
			return []string{p}
		}
	}
	// The plain page's layout makes a note with once and an aside with
	// part; the document's layout makes a note of its own by the same name.
	page := func(note, header string) string {
		text := `{{define "main"}}<h1>{{.Title}}</h1>{{.Body}}{{once "note" .Site}}{{part "aside" .Entry}}{{end}}` +
			`{{define "note"}}<p>` + note + `</p>{{end}}{{define "aside"}}<p>Ramka: {{.E.Title}}</p>{{end}}`
		if header != "" {
			text += `{{define "header"}}<header>` + header + `</header>{{end}}`
		}
		return text
	}
	document := func(note string) string {
		return `{{define "main"}}<h1>{{.Title}}</h1>{{.Body}}{{once "note" .Site}}{{end}}` +
			`{{define "note"}}<p>` + note + `</p>{{end}}`
	}
	footer := func(text string) string { return `{{define "footer"}}<footer>` + text + `</footer>{{end}}` }

	const (
		about   = "o-serwisie/index.html"
		lsr     = "dokumenty/lsr/index.html"
		meeting = "spotkania/warsztaty/index.html"
		home    = "index.html"
	)
	all := []string{about, lsr, meeting, home}
	steps := []struct {
		name   string
		change func() []string // makes the change and returns the changed paths; nil for the first build
		how    Strategy
		shows  map[string][]string // by page, what it must show
		hides  map[string][]string // by page, what it must not show
	}{
		{
			name: "the first build",
			change: func() []string {
				layout("page.html", page("Notka strony 1", ""))()
				layout("document.html", document("Notka dokumentu 1"))()
				return nil
			},
			how:   "full",
			shows: map[string][]string{about: {"Notka strony 1", "Ramka: O\u00a0serwisie"}, lsr: {"Notka dokumentu"}},
			hides: map[string][]string{about: {"Notka dokumentu"}, lsr: {"Notka strony", "Ramka:"}},
		},
		{
			name:   "the note of the page layout edited",
			change: layout("page.html", page("Notka strony 2", "")),
			how:    "layout",
			shows:  map[string][]string{about: {"Notka strony 2"}, lsr: {"Notka dokumentu 1"}},
			hides:  map[string][]string{about: {"Notka strony 1", "Notka dokumentu"}, lsr: {"Notka strony"}},
		},
		{
			name:   "the note of the document layout edited",
			change: layout("document.html", document("Notka dokumentu 2")),
			how:    "layout",
			shows:  map[string][]string{about: {"Notka strony 2"}, lsr: {"Notka dokumentu 2"}},
			hides:  map[string][]string{about: {"Notka dokumentu"}, lsr: {"Notka dokumentu 1", "Notka strony"}},
		},
		{
			name:   "the page layout gets a header of its own",
			change: layout("page.html", page("Notka strony 2", "Nagłówek strony")),
			how:    "layout",
			shows:  map[string][]string{about: {"Nagłówek strony"}},
			hides:  map[string][]string{lsr: {"Nagłówek strony"}, meeting: {"Nagłówek strony"}, home: {"Nagłówek strony"}},
		},
		{
			name:   "a layout added",
			change: layout("meeting.html", `{{define "main"}}<h1>{{.Title}}</h1><p>Własny układ spotkania</p>{{end}}`),
			how:    "layout",
			shows:  map[string][]string{meeting: {"Własny układ spotkania"}, about: {"Notka strony 2", "Nagłówek strony"}},
			hides:  map[string][]string{lsr: {"Własny układ spotkania"}},
		},
		{
			name:   "the layout removed",
			change: remove("meeting.html"),
			how:    "layout",
			shows:  map[string][]string{meeting: {"Warsztaty strategiczne partnerstwa"}},
			hides:  map[string][]string{meeting: {"Własny układ spotkania"}},
		},
		{
			name:   "a footer of the site's own added",
			change: layout("_stopka.html", footer("Stopka gminy 1")),
			how:    "full",
			shows:  map[string][]string{about: {"Stopka gminy 1"}, lsr: {"Stopka gminy 1"}, meeting: {"Stopka gminy 1"}, home: {"Stopka gminy 1"}},
		},
		{
			name:   "the footer edited",
			change: layout("_stopka.html", footer("Stopka gminy 2")),
			how:    "full",
			shows:  map[string][]string{about: {"Stopka gminy 2"}, lsr: {"Stopka gminy 2"}, meeting: {"Stopka gminy 2"}, home: {"Stopka gminy 2"}},
			hides:  map[string][]string{about: {"Stopka gminy 1"}, lsr: {"Stopka gminy 1"}, meeting: {"Stopka gminy 1"}, home: {"Stopka gminy 1"}},
		},
		{
			name:   "the footer removed",
			change: remove("_stopka.html"),
			how:    "full",
			hides:  map[string][]string{about: {"Stopka gminy"}, lsr: {"Stopka gminy"}, meeting: {"Stopka gminy"}, home: {"Stopka gminy"}},
		},
	}
	r := New(cfg, nil)
	for _, st := range steps {
		files, probs := r.Build(context.Background(), st.change())
		if probs != nil {
			t.Fatalf("%s: %v", st.name, probs)
		}
		if r.how != st.how {
			t.Errorf("%s: rebuilt as %q, want %q", st.name, r.how, st.how)
		}
		if r.stale {
			if files, probs, _ = r.Finish(context.Background()); probs != nil {
				t.Fatalf("%s: finish: %v", st.name, probs)
			}
		}
		for _, name := range all {
			got := string(files[name])
			for _, want := range st.shows[name] {
				if !strings.Contains(got, want) {
					t.Errorf("%s: %s does not show %q", st.name, name, want)
				}
			}
			for _, not := range st.hides[name] {
				if strings.Contains(got, not) {
					t.Errorf("%s: %s shows %q", st.name, name, not)
				}
			}
		}
		var mem output.Memory
		if err := fullBuild(cfg, &mem); err != nil {
			t.Fatalf("%s: full build: %v", st.name, err)
		}
		for name, want := range mem.Files {
			if got, ok := files[name]; !ok || !bytes.Equal(got, want) {
				t.Errorf("%s: %s differs from a full build's", st.name, name)
			}
		}
		if len(files) != len(mem.Files) {
			t.Errorf("%s: %d files, a full build makes %d", st.name, len(files), len(mem.Files))
		}
	}
}

// TestRebuildRemakesOnceParts: a part made with once is made again by
// every rebuild, from the site as it is then: a document's page rebuilt
// after its status changed does not show it among the documents in
// consultation.
func TestRebuildRemakesOnceParts(t *testing.T) {
	dir := copySite(t)
	layouts := filepath.Join(dir, "layouts")
	os.MkdirAll(layouts, 0o755)
	err := os.WriteFile(filepath.Join(layouts, "document.html"), []byte(`{{define "main"}}<h1>{{.Title}}</h1>{{.Body}}{{once "consulted" .Site}}{{end}}`+
		`{{define "consulted"}}<p>W konsultacjach:{{range .Documents}}{{if eq (print .Status) "consultation"}} {{.Title}};{{end}}{{end}}</p>{{end}}`), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	cfg := build.Config{Content: filepath.Join(dir, "content"), Static: filepath.Join(dir, "static"), Layouts: layouts, Now: time.Date(2021, 6, 1, 12, 0, 0, 0, time.UTC)}
	r := New(cfg, nil)
	if _, probs := r.Build(context.Background(), nil); probs != nil {
		t.Fatal(probs)
	}
	const ngo, title = "dokumenty/program-ngo/index.html", "Program współpracy z organizacjami pozarządowymi na 2021 rok;"
	md := filepath.Join(dir, "content", "documents", "program-ngo.md")
	b, err := os.ReadFile(md)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(md, bytes.Replace(b, []byte("status: consultation"), []byte("status: draft"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	files, probs := r.Build(context.Background(), []string{md})
	if probs != nil {
		t.Fatal(probs)
	}
	if r.how != ByModel {
		t.Errorf("rebuilt as %q, want %q", r.how, "model")
	}
	if got := strings.ReplaceAll(string(files[ngo]), "\u00a0", " "); !strings.Contains(got, "W konsultacjach:") || strings.Contains(got, title) {
		t.Errorf("%s, rebuilt after the document left consultation, still lists it as in consultation:\n%s", ngo, got)
	}
}

// fullBuild builds the site cfg names from nothing kept, as ratusz build
// does, into w.
func fullBuild(cfg build.Config, w build.Writer) error {
	p, res, err := build.Prepare(context.Background(), cfg, build.Kept{})
	if err != nil {
		return err
	}
	return p.Write(context.Background(), w, &res)
}
