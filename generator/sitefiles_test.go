package generator_test

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/emersion/go-ical"
)

type atomFeed struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Author  string   `xml:"author>name"`
	Links   []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Entries []struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Summary string `xml:"summary"`
		Link    struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
	} `xml:"entry"`
}

func (f atomFeed) link(rel string) string {
	for _, l := range f.Links {
		if l.Rel == rel {
			return l.Href
		}
	}
	return ""
}

func parseAtom(t *testing.T, name string, data []byte) atomFeed {
	t.Helper()
	var f atomFeed
	if err := xml.Unmarshal(data, &f); err != nil {
		t.Fatalf("%s: not Atom XML: %v", name, err)
	}
	return f
}

const bip = "https://bip.gmina.pl/strategie/"

// Every feed of the test site is Atom with the elements RFC 4287 requires,
// its entries newest first, and is linked from the page it belongs to.
func TestAtomFeeds(t *testing.T) {
	cfg := testConfig("testdata/site")
	cfg.BaseURL = bip
	files, _ := buildMemory(t, cfg)
	var feeds []string
	for name := range files {
		if strings.HasSuffix(name, "atom.xml") {
			feeds = append(feeds, name)
		}
	}
	slices.Sort(feeds)
	want := []string{"atom.xml", "miasta/brzozie/atom.xml", "miasta/chemnitz/atom.xml", "miasta/lodz/atom.xml", "miasta/powiat-brodnicki/atom.xml",
		"miasta/walbrzych/atom.xml", "miasta/wloclawek/atom.xml", "programy/rlks/atom.xml", "programy/urbact/atom.xml",
		"tematy/ngo/atom.xml", "tematy/rewitalizacja/atom.xml", "tematy/rozwoj-lokalny/atom.xml", "tematy/seniorzy/atom.xml",
		"tematy/wspolpraca-miedzygminna/atom.xml"}
	if !slices.Equal(feeds, want) {
		t.Errorf("feeds:\n%s\nwant\n%s", strings.Join(feeds, "\n"), strings.Join(want, "\n"))
	}
	ids := map[string]string{}
	for _, name := range feeds {
		f := parseAtom(t, name, files[name])
		page := strings.TrimSuffix(name, "atom.xml")
		if f.ID != bip+name || f.Title == "" || f.Author == "" {
			t.Errorf("%s: id %q, title %q, author %q", name, f.ID, f.Title, f.Author)
		}
		if f.link("self") != bip+name || f.link("alternate") != bip+page {
			t.Errorf("%s: self link %q, alternate %q", name, f.link("self"), f.link("alternate"))
		}
		updated, err := time.Parse(time.RFC3339, f.Updated)
		if err != nil {
			t.Errorf("%s: updated: %v", name, err)
		}
		prev := updated
		for i, e := range f.Entries {
			at, err := time.Parse(time.RFC3339, e.Updated)
			if err != nil || e.ID == "" || e.Title == "" || !strings.HasPrefix(e.Link.Href, bip) {
				t.Errorf("%s: entry %d: id %q title %q updated %q (%v) link %q", name, i, e.ID, e.Title, e.Updated, err, e.Link.Href)
			}
			if at.After(prev) {
				t.Errorf("%s: entry %q (%s) comes after an older one", name, e.Title, e.Updated)
			}
			prev = at
			if other, ok := ids[e.ID]; ok && other != e.Title {
				t.Errorf("%s: id %s is used by %q and %q", name, e.ID, e.Title, other)
			}
			ids[e.ID] = e.Title
		}
		if len(f.Entries) > 0 && f.Updated != f.Entries[0].Updated {
			t.Errorf("%s: updated %s, but the newest entry %s", name, f.Updated, f.Entries[0].Updated)
		}
		head := fmt.Sprintf(`<link rel="alternate" type="application/atom+xml" title="%s" href="/strategie/%s">`, f.Title, name)
		if html := string(files[page+"index.html"]); !strings.Contains(html, head) {
			t.Errorf("%sindex.html does not link its feed: no %s", page, head)
		}
	}
	wloclawek := parseAtom(t, "miasta/wloclawek/atom.xml", files["miasta/wloclawek/atom.xml"])
	var titles []string
	for _, e := range wloclawek.Entries {
		titles = append(titles, e.Title)
	}
	// The plan of 2007–2013 has a period but no date of its own: it is
	// in no feed, rather than dated by the day of the build.
	if got := strings.Join(titles, " | "); got != "Posiedzenie zarządu LGD | Lokalna Strategia Rozwoju" {
		t.Errorf("Włocławek's feed lists %s", got)
	}
}

// A summary with markup characters reaches a feed reader as the same text,
// and a feed lists only the 50 most recently changed entries.
func TestAtomEscapesAndCaps(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "content", "cities"), 0o755)
	os.MkdirAll(filepath.Join(dir, "content", "documents"), 0o755)
	os.WriteFile(filepath.Join(dir, "content", "cities", "a.md"), []byte("---\ntitle: A\nregion: mazowieckie\n---\n"), 0o644)
	summary := `Koszt < 5 mln zł & „więcej” <script>alert(1)</script>`
	for i := 1; i <= 60; i++ {
		doc := fmt.Sprintf("---\ntitle: Raport %d\ntype: raport\nstatus: adopted\ncities: [a]\nadopted:\n  date: 2020-01-%02d\nsummary: '%s'\n---\n", i, i%28+1, summary)
		if i == 60 {
			doc = strings.Replace(doc, "adopted:\n", "updated: 2021-05-05\nadopted:\n", 1)
		}
		os.WriteFile(filepath.Join(dir, "content", "documents", fmt.Sprintf("r%d.md", i)), []byte(doc), 0o644)
	}
	cfg := testConfig(dir)
	cfg.BaseURL = bip
	files, _ := buildMemory(t, cfg)
	raw := files["atom.xml"]
	if bytes.Contains(raw, []byte("<script>")) {
		t.Error("a summary's markup is not escaped")
	}
	f := parseAtom(t, "atom.xml", raw)
	if len(f.Entries) != 50 {
		t.Errorf("%d entries, want the newest 50", len(f.Entries))
	}
	if f.Entries[0].Title != "Raport 60" || f.Updated != "2021-05-05T00:00:00+02:00" {
		t.Errorf("first entry %q, feed updated %s; want the updated document first", f.Entries[0].Title, f.Updated)
	}
	if got := f.Entries[0].Summary; got != summary {
		t.Errorf("summary %q, want %q", got, summary)
	}
}

type urlset struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []struct {
		Loc     string `xml:"loc"`
		Lastmod string `xml:"lastmod"`
	} `xml:"url"`
}

// The sitemap lists every page (not redirects, not the 404 page) with
// the date it last changed, and robots.txt points to it.
func TestSitemap(t *testing.T) {
	cfg := testConfig("testdata/site")
	cfg.BaseURL = bip
	files, _ := buildMemory(t, cfg)
	var set urlset
	if err := xml.Unmarshal(files["sitemap.xml"], &set); err != nil {
		t.Fatalf("sitemap.xml: %v", err)
	}
	lastmod := map[string]string{}
	for _, u := range set.URLs {
		if _, dup := lastmod[u.Loc]; dup {
			t.Errorf("%s twice in the sitemap", u.Loc)
		}
		lastmod[u.Loc] = u.Lastmod
		if u.Lastmod == "" {
			continue
		}
		_, day := time.Parse(time.DateOnly, u.Lastmod)
		_, moment := time.Parse(time.RFC3339, u.Lastmod) // a time a record gives
		if day != nil && moment != nil && len(u.Lastmod) != 4 && len(u.Lastmod) != 7 {
			t.Errorf("%s: lastmod %q is not a W3C date", u.Loc, u.Lastmod)
		}
		if u.Lastmod > "2021-06-01" {
			t.Errorf("%s: lastmod %s is after the build's today", u.Loc, u.Lastmod)
		}
	}
	for name, data := range files {
		if !strings.HasSuffix(name, "index.html") || bytes.Contains(data, []byte(`http-equiv="refresh"`)) {
			continue
		}
		loc := bip + strings.TrimSuffix(name, "index.html")
		if _, ok := lastmod[loc]; !ok {
			t.Errorf("%s is not in the sitemap", loc)
		}
	}
	for loc, want := range map[string]string{
		bip + "miasta/wloclawek/":       "2021-02-01", // updated
		bip + "dokumenty/program-ngo/":  "2021-05-15", // consultation start
		bip + "spotkania/warsztaty/":    "",           // still to come
		bip + "deklaracja-dostepnosci/": "2021-05-01",
		bip + "o-serwisie/":             "2021-05-01",
		bip:                             "2021-06-01",
	} {
		if got, ok := lastmod[loc]; !ok || got != want {
			t.Errorf("%s: lastmod %q, want %q", loc, got, want)
		}
	}
	for _, bad := range []string{bip + "404.html", bip + "o-nas/"} {
		if _, ok := lastmod[bad]; ok {
			t.Errorf("%s is in the sitemap", bad)
		}
	}
	if got, want := string(files["robots.txt"]), "Sitemap: "+bip+"sitemap.xml\n"; !strings.HasSuffix(got, want) {
		t.Errorf("robots.txt:\n%s\nwant it to end in %q", got, want)
	}
}

// A -base-url that is only a path still gives feeds, calendars and a
// sitemap, with paths, and one warning that says what to do.
func TestPathBaseURLWarnsOnce(t *testing.T) {
	cfg := testConfig("testdata/site")
	cfg.BaseURL = "/strategie/"
	files, res := buildMemory(t, cfg)
	var warned []string
	for _, w := range res.Warnings {
		if strings.Contains(w, "-base-url") {
			warned = append(warned, w)
		}
	}
	if len(warned) != 1 || !strings.Contains(warned[0], "-base-url https://bip.gmina.pl/strategie/") {
		t.Errorf("warnings about -base-url: %q", warned)
	}
	if !strings.Contains(string(files["robots.txt"]), "Sitemap: /strategie/sitemap.xml") || !strings.Contains(string(files["sitemap.xml"]), "<loc>/strategie/miasta/</loc>") {
		t.Error("robots.txt or sitemap.xml do not use the base path")
	}
	f := parseAtom(t, "atom.xml", files["atom.xml"])
	if !strings.HasPrefix(f.ID, "urn:uuid:") || f.link("self") != "/strategie/atom.xml" {
		t.Errorf("feed id %q, self link %q", f.ID, f.link("self"))
	}
}

// checkICSLines checks the line rules of RFC 5545: every line ends in
// CRLF and is at most 75 octets, folded without splitting a character.
func checkICSLines(t *testing.T, name string, data []byte) {
	t.Helper()
	if !bytes.HasSuffix(data, []byte("\r\n")) {
		t.Errorf("%s does not end in CRLF", name)
	}
	for i, line := range bytes.Split(bytes.TrimSuffix(data, []byte("\r\n")), []byte("\r\n")) {
		if bytes.ContainsAny(line, "\r\n") {
			t.Errorf("%s:%d: a bare CR or LF", name, i+1)
		}
		if len(line) > 75 {
			t.Errorf("%s:%d: %d octets, more than 75", name, i+1, len(line))
		}
		if !utf8.Valid(line) {
			t.Errorf("%s:%d: folded inside a UTF-8 character: %q", name, i+1, line)
		}
	}
}

func parseICS(t *testing.T, name string, data []byte) *ical.Calendar {
	t.Helper()
	cal, err := ical.NewDecoder(bytes.NewReader(data)).Decode()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return cal
}

// Every meeting has an .ics file beside its page, linked from it, with
// its time, place and address; cities, programmes and the home page have
// calendars of their meetings.
func TestCalendars(t *testing.T) {
	cfg := testConfig("testdata/site")
	cfg.BaseURL = bip
	files, _ := buildMemory(t, cfg)
	warsaw, _ := time.LoadLocation("Europe/Warsaw")
	for name, data := range files {
		if !strings.HasSuffix(name, ".ics") {
			continue
		}
		checkICSLines(t, name, data)
		cal := parseICS(t, name, data)
		for _, ev := range cal.Events() {
			uid, _ := ev.Props.Text(ical.PropUID)
			if !strings.HasSuffix(uid, "@bip.gmina.pl/strategie") {
				t.Errorf("%s: UID %q", name, uid)
			}
			for _, p := range []string{ical.PropDateTimeStamp, ical.PropDateTimeStart, ical.PropDateTimeEnd, ical.PropSummary, ical.PropLocation, ical.PropURL} {
				if ev.Props.Get(p) == nil {
					t.Errorf("%s: %s has no %s", name, uid, p)
				}
			}
		}
	}
	page := string(files["spotkania/warsztaty/index.html"])
	if !strings.Contains(page, `<a class="calendar" href="/strategie/spotkania/warsztaty/warsztaty.ics" type="text/calendar" download>Dodaj do kalendarza</a>`) {
		t.Error("the meeting page does not link its .ics file")
	}
	ev := parseICS(t, "warsztaty.ics", files["spotkania/warsztaty/warsztaty.ics"]).Events()
	if len(ev) != 1 {
		t.Fatalf("%d events in warsztaty.ics", len(ev))
	}
	start, err := ev[0].DateTimeStart(warsaw)
	end, err2 := ev[0].DateTimeEnd(warsaw)
	if err != nil || err2 != nil || !start.Equal(time.Date(2021, 6, 17, 10, 0, 0, 0, warsaw)) || !end.Equal(time.Date(2021, 6, 17, 14, 30, 0, 0, warsaw)) {
		t.Errorf("warsztaty: %v–%v (%v, %v), want 17 June 2021 10:00–14:30 in Warsaw", start, end, err, err2)
	}
	loc, _ := ev[0].Props.Text(ical.PropLocation)
	url, _ := ev[0].Props.URI(ical.PropURL)
	if loc != "Centrum Kultury i Sportu, ul. Główna 1, Brzozie" || url == nil || url.String() != bip+"spotkania/warsztaty/" {
		t.Errorf("warsztaty: location %q, url %v", loc, url)
	}
	// Posiedzenie lasts two whole days: DTEND is the day after the last.
	p := parseICS(t, "posiedzenie.ics", files["spotkania/posiedzenie/posiedzenie.ics"]).Events()[0]
	if s, e := p.Props.Get(ical.PropDateTimeStart), p.Props.Get(ical.PropDateTimeEnd); s.ValueType() != ical.ValueDate || s.Value != "20210601" || e.Value != "20210603" {
		t.Errorf("posiedzenie: DTSTART %v %s, DTEND %s; want all-day 20210601 to 20210603", s.ValueType(), s.Value, e.Value)
	}
	city := parseICS(t, "miasta/wloclawek/calendar.ics", files["miasta/wloclawek/calendar.ics"])
	if n := len(city.Events()); n != 1 {
		t.Errorf("Włocławek's calendar has %d events, want its one meeting", n)
	}
	if n := len(parseICS(t, "calendar.ics", files["calendar.ics"]).Events()); n != 5 {
		t.Errorf("the site calendar has %d events, want its 4 meetings and 1 consultation", n)
	}
	if !strings.Contains(string(files["miasta/wloclawek/index.html"]), `href="/strategie/miasta/wloclawek/calendar.ics"`) {
		t.Error("the city page does not link its calendar")
	}
}

// Text with the characters RFC 5545 escapes, and long lines of Polish,
// come back from a parser as written.
func TestCalendarEscapesAndFolds(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "content", "cities"), 0o755)
	os.MkdirAll(filepath.Join(dir, "content", "meetings"), 0o755)
	os.WriteFile(filepath.Join(dir, "content", "cities", "a.md"), []byte("---\ntitle: Gmina Żółć\nregion: mazowieckie\n---\n"), 0o644)
	title := "Spotkanie; konsultacje, część \\ druga – źdźbło łąki żółtej gęśli jaźń zażółć gęślą jaźń ąęśćźżńół ąęśćźżńół"
	os.WriteFile(filepath.Join(dir, "content", "meetings", "m.md"), []byte(fmt.Sprintf("---\ntitle: %q\ndate: 2021-07-01T17:00:00+02:00\ncities: [a]\nplace:\n  name: Sala; duża, parter\n  address: ul. Łąkowa 1\n  city: a\n---\nPierwsza linia, z przecinkiem.\n", title)), 0o644)
	cfg := testConfig(dir)
	cfg.BaseURL = bip
	files, _ := buildMemory(t, cfg)
	data := files["spotkania/m/m.ics"]
	checkICSLines(t, "m.ics", data)
	if !bytes.Contains(data, []byte(`SUMMARY:Spotkanie\; konsultacje\, część \\ druga`)) {
		t.Errorf("SUMMARY not escaped:\n%s", data)
	}
	ev := parseICS(t, "m.ics", data).Events()[0]
	got, _ := ev.Props.Text(ical.PropSummary)
	loc, _ := ev.Props.Text(ical.PropLocation)
	desc, _ := ev.Props.Text(ical.PropDescription)
	if got != title || loc != "Sala; duża, parter, ul. Łąkowa 1, Gmina Żółć" || desc != "Pierwsza linia, z przecinkiem." {
		t.Errorf("parsed back:\nsummary %q\nlocation %q\ndescription %q", got, loc, desc)
	}
	if ev.Props.Get(ical.PropDateTimeEnd) != nil {
		t.Error("a meeting without an end has a DTEND")
	}
}
