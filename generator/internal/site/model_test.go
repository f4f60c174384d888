package site_test

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/ratusz/ratusz/generator/internal/content"
	"github.com/ratusz/ratusz/generator/internal/site"
)

func newSite(t *testing.T, files map[string]string, o site.Options) *site.Site {
	t.Helper()
	fsys := fstest.MapFS{}
	for p, s := range files {
		fsys[p] = &fstest.MapFile{Data: []byte(s)}
	}
	tree, errs := content.Load(context.Background(), fsys)
	if len(errs) > 0 {
		t.Fatalf("load: %v", errs.Err())
	}
	if o.Now.IsZero() {
		o.Now = time.Date(2021, 6, 1, 12, 0, 0, 0, time.UTC)
	}
	s, errs := site.New(tree, o)
	if len(errs) > 0 {
		t.Fatalf("site: %v", errs.Err())
	}
	return s
}

func titles[T site.Entity](list []T) string {
	var out []string
	for _, e := range list {
		out = append(out, e.E().Title)
	}
	return strings.Join(out, ", ")
}

func city(name, region string) string {
	return "---\ntitle: " + name + "\nregion: " + region + "\n---\n"
}

func TestCitiesInPolishOrderGroupedByRegion(t *testing.T) {
	s := newSite(t, map[string]string{
		"cities/zabrze.md":    city("Zabrze", "śląskie"),
		"cities/zary.md":      city("Żary", "lubuskie"),
		"cities/zabki.md":     city("Ząbki", "mazowieckie"),
		"cities/lodz.md":      city("Łódź", "łódzkie"),
		"cities/lublin.md":    city("Lublin", "lubelskie"),
		"cities/swidnica.md":  city("Świdnica", "dolnośląskie"),
		"cities/szczecin.md":  city("Szczecin", "zachodniopomorskie"),
		"cities/sopot.md":     city("Sopot", "pomorskie"),
		"cities/walbrzych.md": city("Wałbrzych", "dolnośląskie"),
		"cities/wroclaw.md":   city("Wrocław", "dolnośląskie"),
		"cities/wloclawek.md": city("Włocławek", "kujawsko-pomorskie"),
	}, site.Options{})
	if got, want := titles(s.Cities), "Lublin, Łódź, Sopot, Szczecin, Świdnica, Wałbrzych, Włocławek, Wrocław, Zabrze, Ząbki, Żary"; got != want {
		t.Errorf("cities:\n got %s\nwant %s", got, want)
	}
	var regions []string
	for _, r := range s.Regions {
		regions = append(regions, r.Name+": "+titles(r.Cities))
	}
	want := "dolnośląskie: Świdnica, Wałbrzych, Wrocław | kujawsko-pomorskie: Włocławek | lubelskie: Lublin | lubuskie: Żary | łódzkie: Łódź | mazowieckie: Ząbki | pomorskie: Sopot | śląskie: Zabrze | zachodniopomorskie: Szczecin"
	if got := strings.Join(regions, " | "); got != want {
		t.Errorf("regions:\n got %s\nwant %s", got, want)
	}
}

func doc(title, status, extra string) string {
	return "---\ntitle: " + title + "\ntype: strategia\ncities: [a]\nstatus: " + status + "\n" + extra + "---\n"
}

func TestDocumentsInForceFirstThenNewest(t *testing.T) {
	s := newSite(t, map[string]string{
		"cities/a.md":     city("A", "mazowieckie"),
		"documents/d1.md": doc("Stara obowiązująca", "adopted", "adopted: {date: 2010-01-01}\nperiod: 2010-2030\n"),
		"documents/d2.md": doc("Nowa obowiązująca", "adopted", "adopted: {date: 2020-01-01}\n"),
		"documents/d3.md": doc("Zakończona", "adopted", "adopted: {date: 2019-01-01}\nperiod: 2016-2020\n"),
		"documents/d4.md": doc("Projekt", "draft", "updated: 2021-05-01\n"),
		"documents/d5.md": doc("Archiwalna", "expired", "period: 2000-2006\n"),
		"documents/d6.md": doc("Konsultowana", "consultation", "consultation: {from: 2021-05-20, to: 2021-06-10}\n"),
		"documents/d7.md": doc("Po konsultacjach", "consultation", "consultation: {from: 2021-03-01, to: 2021-03-31}\n"),
		"documents/d8.md": doc("Przed konsultacjami", "consultation", "consultation: {from: 2021-07-01, to: 2021-07-31}\n"),
		"documents/d9.md": doc("Konsultowana do dziś", "consultation", "consultation: {from: 2021-05-01, to: 2021-06-01}\n"),
		"documents/e1.md": doc("Obowiązująca od 2022", "adopted", "adopted: {date: 2021-05-01}\nperiod: 2022-2030\n"),
	}, site.Options{})
	want := "Obowiązująca od 2022, Nowa obowiązująca, Stara obowiązująca, Przed konsultacjami, Konsultowana, Konsultowana do dziś, Projekt, Po konsultacjach, Zakończona, Archiwalna" // same date: by title
	if got := titles(s.Documents); got != want {
		t.Errorf("documents:\n got %s\nwant %s", got, want)
	}
	states := map[string]string{}
	for _, d := range s.Documents {
		states[d.Title] = string(d.State)
		if d.ConsultationOpen() {
			states[d.Title] += " open"
		}
	}
	for title, want := range map[string]string{
		"Stara obowiązująca":   "adopted",
		"Zakończona":           "expired_period", // adopted, but its period ended in 2020: no longer in force
		"Archiwalna":           "expired",
		"Projekt":              "draft",
		"Konsultowana":         "consultation open",
		"Konsultowana do dziś": "consultation open", // the last day counts
		"Po konsultacjach":     "consultation_closed",
		"Przed konsultacjami":  "consultation_planned", // its window opens in July
		"Obowiązująca od 2022": "adopted_future",       // listed with those in force
	} {
		if states[title] != want {
			t.Errorf("%s: state %q, want %q", title, states[title], want)
		}
	}
}

func TestPeriodEndsWithTheYearNotTheDay(t *testing.T) {
	files := map[string]string{
		"cities/a.md":    city("A", "mazowieckie"),
		"documents/d.md": doc("D", "adopted", "adopted: {date: 2016-01-01}\nperiod: 2016-2020\n"),
	}
	for _, tt := range []struct {
		now     time.Time
		inForce bool
	}{
		{time.Date(2020, 12, 31, 12, 0, 0, 0, time.UTC), true},
		{time.Date(2021, 1, 1, 12, 0, 0, 0, time.UTC), false},
	} {
		s := newSite(t, files, site.Options{Now: tt.now})
		if got := s.Documents[0].InForce(); got != tt.inForce {
			t.Errorf("on %s: in force %v, want %v", tt.now.Format(time.DateOnly), got, tt.inForce)
		}
	}
}

func meeting(title, date, extra string) string {
	return "---\ntitle: " + title + "\ndate: " + date + "\ncities: [a]\n" + extra + "---\n"
}

func TestMeetingsUpcomingSoonestFirstThenPastNewestFirst(t *testing.T) {
	s := newSite(t, map[string]string{
		"cities/a.md":   city("A", "mazowieckie"),
		"meetings/1.md": meeting("Za rok", "2022-06-01", ""),
		"meetings/2.md": meeting("Jutro", "2021-06-02", ""),
		"meetings/3.md": meeting("Dziś", "2021-06-01", ""),
		"meetings/4.md": meeting("Wczoraj", "2021-05-31", ""),
		"meetings/5.md": meeting("Dawno", "2015-03-19", ""),
		"meetings/6.md": meeting("Trwa", "2021-05-30", "end: 2021-06-03\n"),
	}, site.Options{})
	if got, want := titles(s.Meetings), "Trwa, Dziś, Jutro, Za rok, Wczoraj, Dawno"; got != want {
		t.Errorf("meetings:\n got %s\nwant %s", got, want)
	}
}

func TestBackReferences(t *testing.T) {
	s := newSite(t, map[string]string{
		"cities/a.md":        city("A", "mazowieckie"),
		"cities/b.md":        city("B", "mazowieckie"),
		"cities/powiat.md":   "---\ntitle: Powiat\nregion: mazowieckie\n---\n",
		"cities/c.md":        "---\ntitle: C\nregion: mazowieckie\nparent: powiat\n---\n",
		"programmes/p.md":    "---\ntitle: P\n---\n",
		"organisations/o.md": "---\ntitle: O\ncity: a\n---\n",
		"organisations/q.md": "---\ntitle: Q\n---\n",
		"partnerships/x.md":  "---\ntitle: X\ncities: [a, b]\nmembers: [o]\nleader: o\nprogrammes: [p]\n---\n",
		"documents/d.md":     "---\ntitle: D\ntype: plan\nstatus: draft\ncities: [b]\npartnership: x\nprogrammes: [p]\n---\n",
		"meetings/m.md":      "---\ntitle: M\ndate: 2021-01-17\npartnership: x\nprogrammes: [p]\norganisers: [q, c]\ndocuments: [d]\n---\n",
		"meetings/n.md":      "---\ntitle: N\ndate: 2021-01-18\nplace: {name: Sala, city: c}\ncities: [a]\n---\n",
	}, site.Options{})
	get := func(list []*site.City, title string) *site.City {
		for _, c := range list {
			if c.Title == title {
				return c
			}
		}
		t.Fatalf("no city %s", title)
		return nil
	}
	a, b, c, pow := get(s.Cities, "A"), get(s.Cities, "B"), get(s.Cities, "C"), get(s.Cities, "Powiat")
	for _, tt := range []struct{ what, got, want string }{
		{"A partnerships", titles(a.Partnerships), "X"},
		{"A meetings (from the partnership, and written)", titles(a.Meetings), "N, M"},
		{"A organisations seated there", titles(a.Organisations), "O"},
		{"B documents", titles(b.Documents), "D"},
		{"B meetings (from the partnership)", titles(b.Meetings), "M"},
		{"C meetings (organiser and place)", titles(c.Meetings), "N, M"},
		{"Powiat children", titles(pow.Children), "C"},
		{"programme partnerships", titles(s.Programmes[0].Partnerships), "X"},
		{"programme documents", titles(s.Programmes[0].Documents), "D"},
		{"programme meetings", titles(s.Programmes[0].Meetings), "M"},
		{"partnership members", titles(s.Partnerships[0].Members), "O"},
		{"partnership documents", titles(s.Partnerships[0].Documents), "D"},
		{"partnership meetings", titles(s.Partnerships[0].Meetings), "M"},
		{"organisation O partnerships (member and leader)", titles(s.Organisations[0].Partnerships), "X"},
		{"organisation Q meetings (organiser)", titles(s.Organisations[1].Meetings), "M"},
		{"document meetings", titles(s.Documents[0].Meetings), "M"},
	} {
		if tt.got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.what, tt.got, tt.want)
		}
	}
}

func TestTopicsMergeSpellingsAndKeepTheCommonest(t *testing.T) {
	s := newSite(t, map[string]string{
		"pages/a.md": "---\ntitle: A\ntopics: [NGO, seniorzy]\n---\n",
		"pages/b.md": "---\ntitle: B\ntopics: [ngo]\n---\n",
		"pages/c.md": "---\ntitle: C\ntopics: NGO\n---\n",
	}, site.Options{})
	var got []string
	for _, tp := range s.Topics {
		got = append(got, tp.Name+" "+tp.URL+" ("+titles(tp.Entries)+")")
	}
	want := "NGO tematy/ngo/ (A, B, C) | seniorzy tematy/seniorzy/ (A)"
	if g := strings.Join(got, " | "); g != want {
		t.Errorf("topics:\n got %s\nwant %s", g, want)
	}
}

func TestDraftsAndFutureEntries(t *testing.T) {
	files := map[string]string{
		"pages/gotowa.md":  "---\ntitle: Gotowa\n---\n",
		"pages/szkic.md":   "---\ntitle: Szkic\ndraft: true\n---\n",
		"pages/pozniej.md": "---\ntitle: Później\npublish: 2021-06-02\n---\n",
		"pages/dzisiaj.md": "---\ntitle: Dzisiaj\npublish: 2021-06-01\n---\n",
	}
	for _, tt := range []struct {
		o    site.Options
		want string
	}{
		{site.Options{}, "Dzisiaj, Gotowa"},
		{site.Options{Drafts: true}, "Dzisiaj, Gotowa, Szkic"},
		{site.Options{Future: true}, "Dzisiaj, Gotowa, Później"},
		{site.Options{Drafts: true, Future: true}, "Dzisiaj, Gotowa, Później, Szkic"},
	} {
		if got := titles(newSite(t, files, tt.o).Pages); got != tt.want {
			t.Errorf("drafts %v future %v: got %s, want %s", tt.o.Drafts, tt.o.Future, got, tt.want)
		}
	}
}

func TestEnglishSite(t *testing.T) {
	s := newSite(t, map[string]string{
		"_index.md":      "---\ntitle: Strategies\nlang: en\n---\n",
		"cities/a.md":    city("A", "mazowieckie"),
		"pages/about.md": "---\ntitle: About \"us\"\n---\n",
	}, site.Options{})
	if got, want := s.Cities[0].URL, "cities/a/"; got != want {
		t.Errorf("city URL %q, want %q", got, want)
	}
	if got, want := s.Pages[0].Title, "About “us”"; got != want {
		t.Errorf("English quotes: got %q, want %q", got, want)
	}
}

func TestTitlesGetPolishQuotes(t *testing.T) {
	s := newSite(t, map[string]string{
		"pages/a.md": "---\ntitle: Partnerstwo \"Wspieramy rozwój\"\n---\nPierwszy \"akapit\" tekstu.\n\nDrugi.\n",
	}, site.Options{})
	p := s.Pages[0]
	if got, want := p.Title, "Partnerstwo „Wspieramy rozwój”"; got != want {
		t.Errorf("title %q, want %q", got, want)
	}
	if got, want := p.Summary, "Pierwszy „akapit” tekstu."; got != want {
		t.Errorf("summary from the first paragraph %q, want %q", got, want)
	}
}

func TestTwoSpellingsInOneEntryAreOneTopic(t *testing.T) {
	s := newSite(t, map[string]string{
		"pages/a.md": "---\ntitle: A\ntopics: [NGO, ngo]\n---\n",
	}, site.Options{})
	if len(s.Topics) != 1 || len(s.Topics[0].Entries) != 1 || len(s.Pages[0].Topics) != 1 {
		t.Errorf("topics %d, entries of the topic %d, topics of the page %d; want 1, 1, 1", len(s.Topics), len(s.Topics[0].Entries), len(s.Pages[0].Topics))
	}
}

// TestProgrammeShortName: a programme's short name is shown beside its
// title only when it adds something: never „URBACT (URBACT)”.
func TestProgrammeShortName(t *testing.T) {
	for _, tt := range []struct{ title, short, want string }{
		{"URBACT", "URBACT", ""},
		{"Urbact", "URBACT", ""},
		{"Program URBACT IV", "URBACT", ""},
		{"Rozwój Lokalny Kierowany przez Społeczność (RLKS)", "RLKS", ""},
		{"Rozwój Lokalny Kierowany przez Społeczność", "RLKS", "RLKS"},
		{"Europejski Fundusz Społeczny Plus", "EFS+", "EFS+"},
		{"Fundusze Europejskie dla Pomorza", "FEP", "FEP"},
		{"Program bez skrótu", "", ""},
	} {
		p := &site.Programme{Entry: site.Entry{Title: tt.title}, Short: tt.short}
		if got := p.ShortName(); got != tt.want {
			t.Errorf("%q, short %q: ShortName %q, want %q", tt.title, tt.short, got, tt.want)
		}
	}
}
