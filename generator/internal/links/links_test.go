package links

import (
	"maps"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/ratusz/ratusz/generator/internal/site/sitetest"
)

// table builds the site of files and its link table.
func table(t *testing.T, files map[string]string) *Table {
	t.Helper()
	fsys := fstest.MapFS{}
	for p, s := range files {
		fsys[p] = &fstest.MapFile{Data: []byte(s)}
	}
	s := sitetest.Build(t, fsys, time.Date(2021, 6, 1, 12, 0, 0, 0, time.UTC))
	var urls []string
	for _, e := range s.Entities() {
		urls = append(urls, e.E().URL)
	}
	return New(s, urls)
}

// TestSameTables checks when the dev server may keep the links it resolved
// in the last build: only when every link resolves as before.
func TestSameTables(t *testing.T) {
	base := map[string]string{
		"cities/wloclawek.md":  "---\ntitle: Włocławek\nregion: kujawsko-pomorskie\n---\n",
		"documents/lsr.md":     "---\ntitle: LSR\ntype: strategia\nstatus: adopted\nadopted: {date: 2020-01-10}\ncities: [wloclawek]\n---\n",
		"documents/projekt.md": "---\ntitle: Projekt\ntype: program\nstatus: draft\ncities: [wloclawek]\npublish: 2022-01-01\n---\n",
	}
	with := func(path, text string) map[string]string {
		m := maps.Clone(base)
		if text == "" {
			delete(m, path)
		} else {
			m[path] = text
		}
		return m
	}
	a := table(t, base)
	if !a.Same(table(t, base)) {
		t.Error("two builds of the same site give tables that differ")
	}
	if !a.Same(table(t, with("documents/lsr.md", "---\ntitle: Nowy tytuł LSR\ntype: strategia\nstatus: adopted\nadopted: {date: 2020-01-10}\ncities: [wloclawek]\n---\nInna treść.\n"))) {
		t.Error("a new title and body, at the same address, changed the table")
	}
	for _, tt := range []struct{ name, path, text string }{
		{"a new entry", "documents/plan.md", "---\ntitle: Plan\ntype: plan\nstatus: draft\ncities: [wloclawek]\n---\n"},
		{"an entry removed", "documents/lsr.md", ""},
		{"a hidden entry's publish date", "documents/projekt.md", "---\ntitle: Projekt\ntype: program\nstatus: draft\ncities: [wloclawek]\npublish: 2022-02-01\n---\n"},
		{"a hidden entry made a draft", "documents/projekt.md", "---\ntitle: Projekt\ntype: program\nstatus: draft\ncities: [wloclawek]\npublish: 2022-01-01\ndraft: true\n---\n"},
	} {
		if a.Same(table(t, with(tt.path, tt.text))) {
			t.Errorf("%s: the tables are the same, but links may resolve otherwise", tt.name)
		}
	}
	var none *Table
	if none.Same(a) || a.Same(none) {
		t.Error("a table is the same as no table")
	}
}

// TestIDs reads the ids of a page as a browser finds them: quoted either
// way or not quoted (a minified page), with entities resolved, and only
// in tags.
func TestIDs(t *testing.T) {
	for _, tt := range []struct {
		page string
		want []string
	}{
		{`<main id=tresc class=wrap tabindex=-1><h2 id="cele">Cele</h2><h3 id='plan'>Plan</h3></main>`, []string{"cele", "plan", "tresc"}},
		{`<section aria-labelledby=spotkania><h2 id=spotkania>Spotkania</h2></section>`, []string{"spotkania"}},
		{"<h2\n  id=\"a&amp;b\"\tclass=x>A</h2><a id=koniec>", []string{"a&b", "koniec"}},
		{`<div data-id="x" grid="y"><p>Parametr id=5 w tekście.</p></div>`, nil},
		{`<h2 id="dwa">1</h2><h2 id="dwa">2</h2><p id=`, []string{"dwa"}},
		{`<p id="bez końca`, nil},
		{``, nil},
	} {
		got := IDs([]byte(tt.page))
		want := PageIDs("\x00")
		if len(tt.want) > 0 {
			want = PageIDs("\x00" + strings.Join(tt.want, "\x00") + "\x00")
		}
		if got != want {
			t.Errorf("IDs(%q) = %q, want %q", tt.page, got, want)
		}
	}
}

// BenchmarkIDs finds the ids of a page of about 18 KB: a minified
// meeting page's facts and a body of Polish text, with a heading every
// paragraph or two.
func BenchmarkIDs(b *testing.B) {
	b.ReportAllocs()
	facts := `<main id=tresc class=wrap tabindex=-1><article><h1>Warsztaty strategiczne – Zbąszynko Królewskie, 1 października 2016</h1><dl class=facts><dt>data</dt><dd><time datetime="2016-10-01">1 października 2016</time></dd><dt>miejsce</dt><dd>Świetlica wiejska, <a href="/miasta/zbaszynko-krolewskie/">Zbąszynko Królewskie</a></dd><dt>tematy</dt><dd><ul class=tags><li><a href="/tematy/klimat/">klimat</a></li><li><a href="/tematy/edukacja/">edukacja</a></li></ul></dd></dl>`
	body := `<h2 id="uczestnicy">Uczestnicy</h2>
<p>Mieszkańcy wskazywali w ankietach na potrzebę rozbudowy oferty spędzania czasu wolnego dla dzieci i młodzieży, zwłaszcza w mniejszych sołectwach. Działania w obszarze „edukacja” zostaną szczegółowo opisane w programie operacyjnym, a <a href="/dokumenty/strategia-rozwoju/">strategia rozwoju</a> wskaże ich finansowanie.</p>
<ul><li>W 2014 r. na realizację zadań publicznych przez organizacje pozarządowe przeznaczono 315 tys. zł.</li><li>Od 2013 r. liczba osób w wieku poprodukcyjnym wzrosła o 8%.</li></ul>
`
	page := []byte(facts + strings.Repeat(body, 30) + `</article></main>`)
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		IDs(page)
	}
}
