package render

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ratusz/ratusz/generator/internal/address"
	"github.com/ratusz/ratusz/generator/internal/lang"
	"github.com/ratusz/ratusz/generator/internal/site"
)

func testRenderer(t *testing.T, tag, base string) *Renderer {
	t.Helper()
	l, err := lang.New(tag)
	if err != nil {
		t.Fatal(err)
	}
	zone, err := time.LoadLocation("Europe/Warsaw")
	if err != nil {
		t.Fatal(err)
	}
	b, err := address.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	return &Renderer{site: &site.Site{Lang: l, Zone: zone}, base: b}
}

func TestDatesAtTheirPrecision(t *testing.T) {
	r := testRenderer(t, "pl", "/")
	z := r.site.Zone
	tests := []struct {
		d    site.Date
		want string
	}{
		{site.Date{Time: time.Date(2015, 1, 1, 0, 0, 0, 0, z), Precision: site.Year}, "2015"},
		{site.Date{Time: time.Date(2015, 6, 1, 0, 0, 0, 0, z), Precision: site.Month}, "czerwiec 2015"},
		{site.Date{Time: time.Date(2021, 1, 17, 0, 0, 0, 0, z), Precision: site.Day}, "17 stycznia 2021"},
		{site.Date{Time: time.Date(2021, 1, 17, 10, 0, 0, 0, z), Precision: site.Clock}, "17 stycznia 2021, godz. 10:00"},
		// A time written in UTC is shown in the site's zone.
		{site.Date{Time: time.Date(2021, 1, 17, 9, 0, 0, 0, time.UTC), Precision: site.Clock}, "17 stycznia 2021, godz. 10:00"},
	}
	for _, tt := range tests {
		if got := r.date(tt.d); got != tt.want {
			t.Errorf("date(%s) = %q, want %q", tt.d.ISO(), got, tt.want)
		}
	}
}

func TestDateRanges(t *testing.T) {
	r := testRenderer(t, "pl", "/")
	z := r.site.Zone
	day := func(y int, m time.Month, d int) site.Date {
		return site.Date{Time: time.Date(y, m, d, 0, 0, 0, 0, z), Precision: site.Day}
	}
	at := func(h, m int) *site.Date {
		return &site.Date{Time: time.Date(2021, 6, 17, h, m, 0, 0, z), Precision: site.Clock}
	}
	end := day(2021, 6, 18)
	other := day(2021, 7, 2)
	tests := []struct {
		from site.Date
		to   *site.Date
		want string
	}{
		{day(2021, 6, 17), nil, "17 czerwca 2021"},
		{day(2021, 6, 17), &end, "17–18 czerwca 2021"},
		{day(2021, 6, 30), &other, "30 czerwca – 2 lipca 2021"},
		{*at(10, 0), at(14, 30), "17 czerwca 2021, godz. 10:00–14:30"},
	}
	for _, tt := range tests {
		if got := r.dateRange(tt.from, tt.to); got != tt.want {
			t.Errorf("dateRange = %q, want %q", got, tt.want)
		}
	}
}

func TestPeriods(t *testing.T) {
	r := testRenderer(t, "pl", "/")
	for _, tt := range []struct {
		p    *site.Period
		want string
	}{
		{&site.Period{From: 2016, To: 2020}, "2016–2020"},
		{&site.Period{From: 2021, To: 2021}, "2021"},
		{&site.Period{From: 2016}, "od 2016"},
		{nil, ""},
	} {
		if got := r.period(tt.p); got != tt.want {
			t.Errorf("period(%v) = %q, want %q", tt.p, got, tt.want)
		}
	}
}

func TestOneFunctionMakesEveryAddress(t *testing.T) {
	for _, tt := range []struct {
		base string
		x    any
		want string
	}{
		{"/", "", "/"},
		{"/", "miasta/", "/miasta/"},
		{"/", "/css/ratusz.css", "/css/ratusz.css"},
		{"https://bip.gmina.pl/strategie", "miasta/", "/strategie/miasta/"},
		{"/strategie/", &site.Topic{URL: "tematy/ngo/"}, "/strategie/tematy/ngo/"},
		{"/strategie/", &site.City{Entry: site.Entry{URL: "miasta/lodz/"}}, "/strategie/miasta/lodz/"},
	} {
		got, err := testRenderer(t, "pl", tt.base).url(tt.x)
		if err != nil || got != tt.want {
			t.Errorf("base %s: url(%v) = %q, %v; want %q", tt.base, tt.x, got, err, tt.want)
		}
	}
	if _, err := BasePath("ftp://x/"); err == nil {
		t.Error("ftp base URL accepted")
	}
}

func TestCapitalize(t *testing.T) {
	for in, want := range map[string]string{"łódź": "Łódź", "spotkania": "Spotkania", "": ""} {
		if got := capitalize(in); got != want {
			t.Errorf("capitalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPagerShowsPagesNearThisOne(t *testing.T) {
	urls := make([]string, 9)
	for i := range urls {
		urls[i] = fmt.Sprintf("p%d/", i+1)
	}
	tests := []struct {
		number int
		want   string
	}{
		{1, "[1] 2 3 … 9"},
		{5, "1 … 3 4 [5] 6 7 … 9"},
		{4, "1 2 3 [4] 5 6 … 9"},
		{9, "1 … 7 8 [9]"},
	}
	for _, tt := range tests {
		p := &Pager{Number: tt.number, URLs: urls}
		var got []string
		for _, l := range p.Links() {
			switch {
			case l.Gap:
				got = append(got, "…")
			case l.Current:
				got = append(got, fmt.Sprintf("[%d]", l.Number))
			default:
				got = append(got, strconv.Itoa(l.Number))
			}
			if !l.Gap && l.URL != urls[l.Number-1] {
				t.Errorf("page %d links to %q", l.Number, l.URL)
			}
		}
		if s := strings.Join(got, " "); s != tt.want {
			t.Errorf("on page %d the pager shows %s, want %s", tt.number, s, tt.want)
		}
		if prev, next := p.Prev(), p.Next(); (prev == "") != (tt.number == 1) || (next == "") != (tt.number == 9) {
			t.Errorf("on page %d prev = %q, next = %q", tt.number, prev, next)
		}
	}
}

// TestPartIsMadeOncePerRender checks the part function: an entry's item
// made for one list is the one every list shows, a render after Forget
// shows what changed, and a value part cannot tell apart is refused.
func TestPartIsMadeOncePerRender(t *testing.T) {
	r := testRenderer(t, "pl", "/")
	set := template.Must(template.New("base.html").Funcs(r.funcs(false)).Parse(
		`{{define "item"}}<li>{{.E.Title}}</li>{{end}}` +
			`{{define "list"}}<ul>{{range .}}{{part "item" .}}{{end}}</ul>{{end}}`))
	sets := map[string]*template.Template{"page": set}
	r.layouts = &Layouts{sets: sets, run: sets, order: []string{"page"}}
	lodz := &site.City{Entry: site.Entry{Title: "Łódź <stolica>"}}
	list := func() string {
		var b strings.Builder
		if err := set.ExecuteTemplate(&b, "list", []*site.City{lodz, lodz}); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	if got, want := list(), "<ul><li>Łódź &lt;stolica&gt;</li><li>Łódź &lt;stolica&gt;</li></ul>"; got != want {
		t.Errorf("list = %s, want %s", got, want)
	}
	lodz.Title = "Łódź"
	if got := list(); !strings.Contains(got, "stolica") {
		t.Errorf("an item was made twice in one render: %s", got)
	}
	r.Forget()
	if got, want := list(), "<ul><li>Łódź</li><li>Łódź</li></ul>"; got != want {
		t.Errorf("after Forget, list = %s, want %s", got, want)
	}
	if _, err := r.part("item", map[string]int{}); err == nil || !strings.Contains(err.Error(), "map[string]int") {
		t.Errorf("part of a map: err = %v, want one naming the type", err)
	}
	if _, err := r.part("missing", lodz); err == nil || !strings.Contains(err.Error(), `"missing"`) {
		t.Errorf("part of a missing template: err = %v, want one naming it", err)
	}
	if _, err := r.once("missing", nil); err == nil || !strings.Contains(err.Error(), `"missing"`) {
		t.Errorf("once of a missing template: err = %v, want one naming it", err)
	}
}

// TestHereSharesOneMenuAmongEntryPages checks what the menu is made for:
// every entry's page the same (no menu item is an entry), a list page its
// own, so that the section it shows is marked as the current one.
func TestHereSharesOneMenuAmongEntryPages(t *testing.T) {
	s := &site.Site{}
	doc := &Page{Site: s, URL: "dokumenty/lsr/", Entry: &site.Document{Entry: site.Entry{URL: "dokumenty/lsr/"}}}
	meeting := &Page{Site: s, URL: "spotkania/warsztaty/", Entry: &site.Meeting{Entry: site.Entry{URL: "spotkania/warsztaty/"}}}
	index := &Page{Site: s, URL: "dokumenty/"}
	if here(doc) != here(meeting) {
		t.Errorf("two entry pages get different menus: %+v and %+v", here(doc), here(meeting))
	}
	if got := here(index); got.URL != "dokumenty/" || got.Site != s {
		t.Errorf("here(the documents index) = %+v, want its URL and site", got)
	}
}
