package generator_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/ratusz/ratusz/generator"
)

// section returns the HTML of the <section> of page labelled by id.
func section(t *testing.T, page, id string) string {
	t.Helper()
	i := strings.Index(page, `<section aria-labelledby="`+id+`">`)
	if i < 0 {
		t.Fatalf("no section %q", id)
	}
	j := strings.Index(page[i:], "</section>")
	return page[i : i+j]
}

// What a resident reads of the built-in site on 7 December 2026: the
// Wałbrzych drafts of 2016–2020 are archival, with the archive, not among
// the newest documents on the home page; and URBACT is not „URBACT
// (URBACT)”.
func TestBuiltInSiteAsOfToday(t *testing.T) {
	files, _ := buildMemory(t, generator.Config{Content: "../content", Settings: "../ratusz.toml", Static: "../static", Now: day(t, "2026-12-07")})
	home := string(files["index.html"])
	newest := section(t, home, "najnowsze")
	if strings.Contains(newest, "Wałbrzych") || strings.Contains(newest, "archiwalny") {
		t.Errorf("the home page's newest documents list a draft whose years are over:\n%s", newest)
	}
	if !strings.Contains(newest, "<li") {
		t.Errorf("the home page lists no newest document:\n%s", newest)
	}
	docs := string(files["dokumenty/index.html"])
	archive := section(t, docs, "archiwalne")
	for _, title := range []string{"Polityka Senioralna Miasta Wałbrzycha", "Wieloletni Program Współpracy Miasta Wałbrzycha"} {
		if !strings.Contains(archive, title) {
			t.Errorf("the documents' archive does not list %s", title)
		}
	}
	if n := strings.Count(archive, "projekt archiwalny"); n != 2 {
		t.Errorf("the archive says „projekt archiwalny” %d times, want 2", n)
	}
	page := string(files["dokumenty/polityka-senioralna-walbrzych-2016-2020/index.html"])
	if !strings.Contains(page, `<p class="status status-draft_archived">projekt archiwalny</p>`) {
		t.Errorf("the Wałbrzych senior policy's page does not say „projekt archiwalny”")
	}
	short := regexp.MustCompile(`>([^<>]+) <span class="short">\(([^)]+)\)`)
	for name, data := range files {
		for _, m := range short.FindAllStringSubmatch(string(data), -1) {
			if strings.EqualFold(m[1], m[2]) {
				t.Errorf("%s: %s (%s)", name, m[1], m[2])
			}
		}
		if strings.Contains(string(data), "URBACT (URBACT)") || strings.Contains(string(data), `URBACT</a><span class="meta">URBACT<`) {
			t.Errorf("%s names URBACT twice", name)
		}
	}
}

// A document in consultation from 1 November to 31 December 2026 reads
// as planned before its window, with the days left in it, and on its last
// day says so: on its page, in the lists, in its JSON-LD, in the search
// index and in the open data alike.
func TestConsultationDaysLeftEverywhere(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"cities/jablonowo.md": feedCity,
		"documents/strategia.md": "---\ntitle: Strategia rozwoju gminy 2030\ntype: strategia\nstatus: consultation\n" +
			"cities: [jablonowo]\nconsultation: {from: 2026-11-01, to: 2026-12-31, url: 'https://konsultacje.example.pl/'}\n---\nTreść.\n",
	})
	for _, tt := range []struct{ now, text string }{
		{"2026-10-15", "konsultacje od 1 listopada 2026 r."},
		{"2026-12-07", "w konsultacjach – zostało 25 dni"},
		{"2026-12-31", "w konsultacjach – ostatni dzień"},
		{"2027-01-01", "konsultacje zakończone 31 grudnia 2026 r."},
	} {
		cfg := testConfig(dir)
		cfg.Now = day(t, tt.now)
		files, _ := buildMemory(t, cfg)
		// A page binds the one-letter word to the next one; the open
		// data and the JSON-LD keep the text as it is.
		html := strings.Replace(tt.text, "w ", "w\u00a0", 1)
		for _, name := range []string{"dokumenty/strategia/index.html", "dokumenty/index.html", "miasta/jablonowo/index.html", "dane/dokumenty.json"} {
			want := html
			if strings.HasSuffix(name, ".json") {
				want = tt.text
			}
			if !strings.Contains(string(files[name]), want) {
				t.Errorf("%s: %s does not say %q", tt.now, name, want)
			}
		}
		page := string(files["dokumenty/strategia/index.html"])
		if !strings.Contains(page, `"creativeWorkStatus":"`+tt.text+`"`) {
			t.Errorf("%s: the JSON-LD's creativeWorkStatus is not %q", tt.now, tt.text)
		}
		// The ways to take part are shown while it is planned or open.
		respond := strings.Contains(page, `href="https://konsultacje.example.pl/"`)
		if open := !strings.HasPrefix(tt.text, "konsultacje zakończone"); respond != open {
			t.Errorf("%s: the link to respond is shown: %v, want %v", tt.now, respond, open)
		}
		home := string(files["index.html"])
		// The home page invites to a planned or open one.
		if consulting := strings.Contains(home, `aria-labelledby="konsultacje"`); consulting != !strings.HasPrefix(tt.text, "konsultacje zakończone") {
			t.Errorf("%s: the home page's consultations: %v", tt.now, consulting)
		}
	}
}

// The Wrocław strategy's consultations were run by a foundation: the
// strategy's page names it, and the foundation's page lists the strategy.
func TestWroclawStrategyNamesTheFoundationThatConsultedOnIt(t *testing.T) {
	files, _ := buildMemory(t, generator.Config{Content: "../content", Settings: "../ratusz.toml", Static: "../static", Now: day(t, "2026-12-07")})
	strategy := string(files["dokumenty/strategia-wspolpracy-wroclawia-z-ngo-2018-2022/index.html"])
	if !strings.Contains(strategy, `<dt>organizacje</dt>`) || !strings.Contains(strategy, `href="/organizacje/fundacja-na-rzecz-studiow-europejskich/">Fundacja na rzecz Studiów Europejskich</a>`) {
		t.Errorf("the Wrocław strategy's page does not name the foundation that ran its consultations")
	}
	foundation := string(files["organizacje/fundacja-na-rzecz-studiow-europejskich/index.html"])
	if !strings.Contains(foundation, `href="/dokumenty/strategia-wspolpracy-wroclawia-z-ngo-2018-2022/"`) {
		t.Errorf("the foundation's page does not list the strategy")
	}
}
