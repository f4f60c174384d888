package generator_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/ratusz/ratusz/generator"
)

// consultationSite is a gmina's strategy in consultation from 1 December
// 2026 to 21 December 2026, 15:30, with every way to take part and an
// outcome reported on 15 January 2027. edit, when not "", replaces the
// document's consultation.
func consultationSite(t *testing.T, consultation string) string {
	t.Helper()
	if consultation == "" {
		consultation = `consultation:
  from: 2026-12-01
  to: 2026-12-21T15:30
  respond:
    - email: konsultacje@jablonowo.pl
    - post: "Urząd Gminy, ul. Główna 28, 87-330 Jabłonowo Pomorskie"
    - epuap: /ugjablonowo/SkrytkaESP
    - form: pliki/formularz-uwag.docx
    - meeting: spotkanie-konsultacyjne
    - url: https://ankieta.jablonowo.pl/strategia
  outcome:
    date: 2027-01-15
    report: pliki/raport.pdf
    summary: Wpłynęło 37 uwag od 12 osób i 3 organizacji; uwzględniono 21.
`
	}
	return writeSite(t, map[string]string{
		"cities/jablonowo.md": feedCity,
		"documents/strategia.md": "---\ntitle: Strategia rozwoju gminy 2030\ntype: strategia\nstatus: consultation\ncities: [jablonowo]\n" +
			consultation + "---\nTreść.\n",
		"documents/pliki/formularz-uwag.docx": "formularz",
		"documents/pliki/raport.pdf":          "%PDF-1.4 raport",
		"meetings/spotkanie-konsultacyjne.md": "---\ntitle: Spotkanie konsultacyjne strategii\ndate: 2026-12-10T18:00\ntype: konsultacje\n" +
			"place: {name: Gminny Ośrodek Kultury, address: ul. Główna 30, city: jablonowo}\n---\n",
	})
}

// The document's page says, in each phase of its consultation, what a
// resident can do: before and during the window, until when and how to
// take part, in the editor's order; on the last day, until what time;
// after it, that it is over and whether the report is out; once it is,
// the report and what came of it.
func TestConsultationPhasesOnTheDocumentPage(t *testing.T) {
	dir := consultationSite(t, "")
	ways := []string{
		`e-mailem: <a href="mailto:konsultacje@jablonowo.pl">`,
		"listownie, na adres: Urząd Gminy, ul. Główna 28",
		`przez ePUAP, na skrytkę: /ugjablonowo/SkrytkaESP (<a href="https://epuap.gov.pl/">czym jest ePUAP`,
		`na formularzu: <a href="/dokumenty/strategia/pliki/formularz-uwag.docx">Formularz zgłaszania uwag <span class="file">(DOCX, 9 B)</span>`,
		`na spotkaniu: <a href="/spotkania/spotkanie-konsultacyjne/">Spotkanie konsultacyjne strategii</a>, <time datetime="2026-12-10T18:00:00&#43;01:00">10 grudnia 2026, godz. 18:00</time>, Gminny Ośrodek Kultury, ul. Główna 30`,
		`przez internet: <a href="https://ankieta.jablonowo.pl/strategia">`,
	}
	for _, tt := range []struct {
		now, status string
		says        []string
		respond     bool
	}{
		{"2026-11-20", "konsultacje od 1 grudnia 2026 r.", []string{"Konsultacje tego dokumentu rozpoczną się 1 grudnia 2026 r. i\u00a0potrwają do 21 grudnia 2026, godz. 15:30."}, true},
		{"2026-12-07", "w\u00a0konsultacjach – zostało 15 dni", []string{"uwagi można zgłaszać do 21 grudnia 2026, godz. 15:30. <strong>Zostało 15 dni.</strong>"}, true},
		{"2026-12-21", "w\u00a0konsultacjach – ostatni dzień – do 15:30", []string{"<strong>Ostatni dzień – do 15:30.</strong>"}, true},
		{"2026-12-22", "konsultacje zakończone 21 grudnia 2026 r.", []string{"<p>Konsultacje zakończone 21 grudnia 2026 r.</p>", "Raport z\u00a0konsultacji nie został jeszcze opublikowany."}, false},
		{"2027-01-15", "raport z\u00a0konsultacji", []string{"<p>Konsultacje zakończone 21 grudnia 2026 r.</p>", "Raport z\u00a0konsultacji opublikowano 15 stycznia 2027 r.",
			"Wpłynęło 37 uwag od 12 osób i\u00a03 organizacji; uwzględniono 21.", "<a href=\"/dokumenty/strategia/pliki/raport.pdf\">Raport z\u00a0konsultacji <span class=\"file\">(PDF, 15 B)</span></a>"}, false},
	} {
		cfg := testConfig(dir)
		cfg.Now = day(t, tt.now)
		files, _ := buildMemory(t, cfg)
		page := string(files["dokumenty/strategia/index.html"])
		consultation := labelled(page, "konsultacje")
		if !strings.Contains(page, `">`+tt.status+`</p>`) {
			t.Errorf("%s: the status is not %q:\n%s", tt.now, tt.status, page[strings.Index(page, "<h1>"):][:300])
		}
		for _, want := range tt.says {
			if !strings.Contains(consultation, want) {
				t.Errorf("%s: the consultation does not say %q:\n%s", tt.now, want, consultation)
			}
		}
		last := -1
		for _, w := range ways {
			at := strings.Index(consultation, w)
			if tt.respond && at <= last {
				t.Errorf("%s: the ways to take part do not show %q after the one before:\n%s", tt.now, w, consultation)
			}
			if !tt.respond && at >= 0 {
				t.Errorf("%s: the closed consultation still shows how to take part: %q", tt.now, w)
			}
			last = at
		}
	}
}

// The meeting where residents can take part links back to the
// consultation; the open data carries the window, the ways to take part
// and the outcome.
func TestConsultationMeetingAndOpenData(t *testing.T) {
	cfg := testConfig(consultationSite(t, ""))
	cfg.Now = day(t, "2027-01-15")
	files, _ := buildMemory(t, cfg)
	meeting := string(files["spotkania/spotkanie-konsultacyjne/index.html"])
	if !strings.Contains(meeting, "<dt>konsultacje dokumentu</dt>\n<dd><a href=\"/dokumenty/strategia/\">Strategia rozwoju gminy 2030</a></dd>") {
		t.Errorf("the meeting's page does not link the consultation back")
	}
	var data struct {
		Entries []struct {
			Consultation struct {
				From, To, Phase string
				Respond         []map[string]any
				Outcome         struct {
					Date, Summary string
					Report        struct{ URL, Format string }
				}
			}
		}
	}
	if err := json.Unmarshal(files["dane/dokumenty.json"], &data); err != nil {
		t.Fatal(err)
	}
	c := data.Entries[0].Consultation
	if c.From != "2026-12-01" || !strings.HasPrefix(c.To, "2026-12-21T15:30") || c.Phase != "reported" || len(c.Respond) != 6 {
		t.Errorf("the open data's consultation: %+v", c)
	}
	var ways []string
	for _, r := range c.Respond {
		ways = append(ways, r["way"].(string))
	}
	if got := strings.Join(ways, " "); got != "email post epuap form meeting url" {
		t.Errorf("the open data's ways to take part: %s", got)
	}
	if m, ok := c.Respond[4]["meeting"].(map[string]any); !ok || m["slug"] != "spotkanie-konsultacyjne" {
		t.Errorf("the open data's meeting to take part at: %v", c.Respond[4])
	}
	if c.Outcome.Date != "2027-01-15" || c.Outcome.Report.Format != "PDF" || !strings.Contains(c.Outcome.Summary, "37 uwag") {
		t.Errorf("the open data's outcome: %+v", c.Outcome)
	}
}

// Every mistake in a consultation is a problem at its line that names the
// field, the value and the fix.
func TestConsultationMistakes(t *testing.T) {
	for _, tt := range []struct{ name, consultation, want string }{
		{"a way with no key", "consultation:\n  from: 2026-12-01\n  to: 2026-12-21\n  respond:\n    - {}\n",
			"content/documents/strategia.md:10: consultation.respond[1] gives no way to take part; give one of email, post, epuap, form, meeting, url"},
		{"two ways in one item", "consultation:\n  from: 2026-12-01\n  to: 2026-12-21\n  respond:\n    - email: a@jablonowo.pl\n      post: Urząd Gminy\n",
			"content/documents/strategia.md:10: consultation.respond[1] gives 2 ways to take part (email, post) in one item; write each way as its own item"},
		{"an unknown way", "consultation:\n  from: 2026-12-01\n  to: 2026-12-21\n  respond:\n    - mail: a@jablonowo.pl\n",
			`content/documents/strategia.md:10: unknown key "consultation.respond[1].mail"; did you mean "email"?`},
		{"a missing form", "consultation:\n  from: 2026-12-01\n  to: 2026-12-21\n  respond:\n    - form: pliki/brak.docx\n",
			`content/documents/strategia.md:10: consultation.respond[1].form: file "pliki/brak.docx" not found`},
		{"a missing report", "consultation:\n  from: 2026-12-01\n  to: 2026-12-21\n  outcome:\n    date: 2027-01-15\n    report: pliki/brak.pdf\n",
			`content/documents/strategia.md:11: consultation.outcome.report: file "pliki/brak.pdf" not found`},
		{"a meeting that is not there", "consultation:\n  from: 2026-12-01\n  to: 2026-12-21\n  respond:\n    - meeting: spotkanie-konsultacyjn\n",
			`content/documents/strategia.md:10: consultation.respond[1].meeting: no meeting has the slug "spotkanie-konsultacyjn"; did you mean "spotkanie-konsultacyjne"?`},
		{"an outcome before the end", "consultation:\n  from: 2026-12-01\n  to: 2026-12-21\n  outcome:\n    date: 2026-12-20\n",
			"content/documents/strategia.md:10: consultation.outcome.date (2026-12-20) is before consultation.to (2026-12-21)"},
		{"an end before the start", "consultation:\n  from: 2026-12-21\n  to: 2026-12-01\n",
			"content/documents/strategia.md:8: consultation.to (2026-12-01) is before consultation.from (2026-12-21)"},
		{"no end", "consultation:\n  from: 2026-12-01\n",
			"content/documents/strategia.md:6: consultation.to is required"},
		{"a bad e-mail", "consultation:\n  from: 2026-12-01\n  to: 2026-12-21\n  respond:\n    - email: konsultacje w urzędzie\n",
			`content/documents/strategia.md:10: consultation.respond[1].email: "konsultacje w urzędzie" is not an e-mail address`},
	} {
		cfg := testConfig(consultationSite(t, tt.consultation))
		cfg.Now = day(t, "2026-12-07")
		_, err := generator.Check(t.Context(), cfg)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error\n%v\nwant %q", tt.name, err, tt.want)
		}
	}
}

// The home page invites residents to take part while there is something
// to take part in: open consultations first, with the days left, then
// planned ones, then consultation meetings to come; without any, there is
// no box. /konsultacje/ lists every consultation by phase, and the menu
// links it.
func TestTakePartOnTheHomePageAndTheConsultationsIndex(t *testing.T) {
	dir := consultationSite(t, "")
	for _, tt := range []struct {
		now   string
		box   []string // in order; nil: no box
		group string
	}{
		{"2026-11-20", []string{"konsultacje od 1 grudnia 2026 r.", "Spotkanie konsultacyjne strategii"}, `<h2 id="planowane">Zaplanowane <span class="count">(1)</span></h2>`},
		{"2026-12-07", []string{"w\u00a0konsultacjach – zostało 15 dni", "Spotkanie konsultacyjne strategii"}, `<h2 id="otwarte">Trwają – weź udział <span class="count">(1)</span></h2>`},
		{"2026-12-22", nil, `<h2 id="zakonczone">Zakończone – czekają na raport <span class="count">(1)</span></h2>`},
		{"2027-01-15", nil, "<h2 id=\"raporty\">Zakończone – z\u00a0raportem <span class=\"count\">(1)</span></h2>"},
	} {
		cfg := testConfig(dir)
		cfg.Now = day(t, tt.now)
		files, _ := buildMemory(t, cfg)
		home := string(files["index.html"])
		box := labelled(home, "konsultacje")
		if tt.box == nil && strings.Contains(home, `id="konsultacje"`) {
			t.Errorf("%s: the home page invites to take part with nothing to take part in:\n%s", tt.now, box)
		}
		last := -1
		for _, want := range tt.box {
			at := strings.Index(box, want)
			if at <= last {
				t.Errorf("%s: the home page's box does not show %q after the one before:\n%s", tt.now, want, box)
			}
			last = at
		}
		index := string(files["konsultacje/index.html"])
		if !strings.Contains(index, tt.group) || !strings.Contains(index, `href="/dokumenty/strategia/"`) {
			t.Errorf("%s: /konsultacje/ does not list the strategy under %s", tt.now, tt.group)
		}
		if !strings.Contains(home, `<a href="/konsultacje/">Konsultacje</a>`) {
			t.Errorf("%s: the menu does not link /konsultacje/", tt.now)
		}
	}

	files, _ := buildMemory(t, testConfig(writeSite(t, map[string]string{"cities/jablonowo.md": feedCity})))
	if _, ok := files["konsultacje/index.html"]; ok || strings.Contains(string(files["index.html"]), "/konsultacje/") {
		t.Errorf("a site with no consultation has a list of consultations or links one")
	}
}

// The feeds announce the consultation when it opens, dated by its first
// day, and its outcome when it is reported, dated by it: never before.
// The city's calendar and the site's hold the window as an all-day event
// whose summary gives the deadline.
func TestConsultationInFeedsAndCalendars(t *testing.T) {
	dir := consultationSite(t, "")
	for _, tt := range []struct{ now, feed string }{
		{"2026-11-20", ""},
		{"2026-12-07", "<title>Konsultacje: Strategia rozwoju gminy 2030</title>\n    <updated>2026-12-01T00:00:00+01:00</updated>"},
		{"2027-01-14", "<title>Konsultacje: Strategia rozwoju gminy 2030</title>\n    <updated>2026-12-01T00:00:00+01:00</updated>"},
		{"2027-01-15", "<title>Raport z konsultacji: Strategia rozwoju gminy 2030</title>\n    <updated>2027-01-15T00:00:00+01:00</updated>"},
	} {
		cfg := testConfig(dir)
		cfg.Now = day(t, tt.now)
		files, _ := buildMemory(t, cfg)
		for _, name := range []string{"atom.xml", "miasta/jablonowo/atom.xml"} {
			atom := string(files[name])
			if tt.feed == "" && strings.Contains(atom, "Strategia rozwoju") {
				t.Errorf("%s: %s lists the consultation before it opens", tt.now, name)
			}
			if tt.feed != "" && !strings.Contains(atom, tt.feed) {
				t.Errorf("%s: %s does not announce %q:\n%s", tt.now, name, tt.feed, atom)
			}
		}
		for _, name := range []string{"calendar.ics", "miasta/jablonowo/calendar.ics"} {
			cal := string(files[name])
			for _, want := range []string{"DTSTART;VALUE=DATE:20261201\r\n", "DTEND;VALUE=DATE:20261222\r\n",
				"SUMMARY:Konsultacje: Strategia rozwoju gminy 2030 – uwagi do 21 grudnia 2", "URL:/dokumenty/strategia/\r\n"} {
				if !strings.Contains(cal, want) {
					t.Errorf("%s: %s has no %q:\n%s", tt.now, name, want, cal)
				}
			}
		}
	}
}

// A document's JSON-LD gives the status of its consultation, and names
// the meeting where residents take part as an Event it is the subject of.
func TestConsultationJSONLD(t *testing.T) {
	cfg := testConfig(consultationSite(t, ""))
	cfg.Now = day(t, "2026-12-07")
	files, _ := buildMemory(t, cfg)
	page := string(files["dokumenty/strategia/index.html"])
	start := strings.Index(page, `<script type="application/ld+json">`)
	end := strings.Index(page[start:], "</script>")
	var ld struct {
		Status    string `json:"creativeWorkStatus"`
		SubjectOf []struct {
			Type      string `json:"@type"`
			Name      string `json:"name"`
			StartDate string `json:"startDate"`
		} `json:"subjectOf"`
	}
	if err := json.Unmarshal([]byte(page[start+len(`<script type="application/ld+json">`):start+end]), &ld); err != nil {
		t.Fatal(err)
	}
	if ld.Status != "w konsultacjach – zostało 15 dni" {
		t.Errorf("creativeWorkStatus %q", ld.Status)
	}
	if len(ld.SubjectOf) != 1 || ld.SubjectOf[0].Type != "Event" || ld.SubjectOf[0].Name != "Spotkanie konsultacyjne strategii" || ld.SubjectOf[0].StartDate != "2026-12-10T18:00:00+01:00" {
		t.Errorf("subjectOf %+v, want the consultation meeting as an Event with its start", ld.SubjectOf)
	}
}

// A site of many gminas has many consultations: the home page invites to
// the ten that close soonest, and /konsultacje/ is split into pages as
// the indexes are.
func TestManyConsultations(t *testing.T) {
	files := map[string]string{"cities/jablonowo.md": feedCity}
	for i := 1; i <= 12; i++ {
		files[fmt.Sprintf("documents/program-%02d.md", i)] = fmt.Sprintf("---\ntitle: Program %02d\ntype: program\nstatus: consultation\ncities: [jablonowo]\n"+
			"consultation: {from: 2026-12-01, to: 2026-12-%02d}\n---\n", i, 9+i)
	}
	cfg := testConfig(writeSite(t, files))
	cfg.Now, cfg.PageSize = day(t, "2026-12-07"), 5
	built, _ := buildMemory(t, cfg)
	box := labelled(string(built["index.html"]), "konsultacje")
	if n := strings.Count(box, `class="entry entry-document"`); n != 10 || !strings.Contains(box, "Program 01") || strings.Contains(box, "Program 11") {
		t.Errorf("the home page's box lists %d consultations, want the 10 closing soonest:\n%s", n, box)
	}
	for _, p := range []string{"konsultacje/index.html", "konsultacje/strona/2/index.html", "konsultacje/strona/3/index.html"} {
		if !strings.Contains(string(built[p]), "Program ") {
			t.Errorf("%s lists no consultation", p)
		}
	}
}
