package feed

import (
	"bytes"
	"encoding/xml"
	"slices"
	"strings"
	"testing"

	"github.com/ratusz/ratusz/generator/internal/address"
	"github.com/ratusz/ratusz/generator/internal/site"
	"github.com/ratusz/ratusz/generator/internal/site/sitetest"
)

// The feed and sitemap as structs that encoding/xml writes: what Atom and
// Sitemap must write, byte for byte.
type atomFeed struct {
	XMLName   xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang      string      `xml:"xml:lang,attr"`
	ID        string      `xml:"id"`
	Title     string      `xml:"title"`
	Updated   string      `xml:"updated"`
	Links     []atomLink  `xml:"link"`
	Author    atomAuthor  `xml:"author"`
	Generator string      `xml:"generator"`
	Entries   []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
	Href string `xml:"href,attr"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	ID        string       `xml:"id"`
	Title     string       `xml:"title"`
	Updated   string       `xml:"updated"`
	Published string       `xml:"published,omitempty"`
	Link      atomLink     `xml:"link"`
	Category  atomCategory `xml:"category"`
	Summary   *atomText    `xml:"summary"`
}

type atomCategory struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

type urlset struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapURL
}

type sitemapURL struct {
	XMLName xml.Name `xml:"url"`
	Loc     string   `xml:"loc"`
	Lastmod string   `xml:"lastmod,omitempty"`
}

func encode(t *testing.T, v any) []byte {
	t.Helper()
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	buf.WriteByte('\n')
	return buf.Bytes()
}

// testSite is a generated site whose first entries have titles and
// summaries with everything XML escapes or has no place for.
func testSite(t *testing.T) *site.Site {
	t.Helper()
	s := sitetest.Corpus(t, 200)
	odd := []string{ // one thing to escape or replace in each
		"Łódź – „Cudzysłów”",
		`"prosty"`, "'pojedynczy'", "R&D", "<b>", "więcej > mniej",
		"wiersz\nnowy", "tab\tdalej", "powrót\r", "sterujący \x01",
		"zły bajt \xff", "znak \ufffe", "znak \uffff", "",
	}
	for i, e := range s.Entities()[:len(odd)*2] {
		if i%2 == 0 {
			e.E().Title = odd[i/2]
		} else {
			e.E().Summary = odd[i/2]
		}
	}
	return s
}

// TestAtomAsEncodingXML holds Atom to encoding/xml's encoding of the same
// feed, under an absolute and a relative -base-url.
func TestAtomAsEncodingXML(t *testing.T) {
	s := testSite(t)
	for _, b := range []string{"https://example.org/strategie/", "/"} {
		base, err := address.Parse(b)
		if err != nil {
			t.Fatal(err)
		}
		f := Feed{File: "miasta/atom.xml", Page: "miasta/", Title: "Miasta & gminy <nowe>", Entries: s.Entities()[:40]}
		got := Atom(s, base, f)
		want := encode(t, reference(s, base, f))
		if !bytes.Equal(got, want) {
			t.Errorf("base %s: Atom wrote\n%s\nencoding/xml writes\n%s", b, got, want)
		}
	}
}

// reference is the feed as the structs above, of the entries Atom lists.
func reference(s *site.Site, base address.Base, f Feed) atomFeed {
	list := newest(f.Entries)
	author := s.Title
	if s.Accessibility != nil && s.Accessibility.Publisher != "" {
		author = s.Accessibility.Publisher
	}
	feed := atomFeed{
		Lang:    s.Lang.Tag(),
		ID:      ID(base, f.File),
		Title:   f.Title,
		Updated: stamp(list[0].t),
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: base.Abs(f.File)},
			{Rel: "alternate", Type: "text/html", Href: base.Abs(f.Page)},
		},
		Author:    atomAuthor{Name: author},
		Generator: "ratusz",
	}
	for _, d := range list {
		en := d.e.E()
		kind := string(en.Kind)
		entry := atomEntry{
			ID:       ID(base, en.URL),
			Title:    en.Title,
			Updated:  stamp(d.t),
			Link:     atomLink{Rel: "alternate", Type: "text/html", Href: base.Abs(en.URL)},
			Category: atomCategory{Term: kind, Label: s.Lang.T("kind." + kind)},
		}
		if en.Publish != nil && !en.Publish.Time.After(d.t) {
			entry.Published = stamp(en.Publish.Time)
		}
		if en.Summary != "" {
			entry.Summary = &atomText{Type: "text", Text: en.Summary}
		}
		feed.Entries = append(feed.Entries, entry)
	}
	return feed
}

// TestNewestAsStableSort holds the entries a feed lists to the first
// MaxEntries of all its entries sorted, stably, newest first and then by
// address: in the site's order, reversed, and with entries twice (the same
// date and address, where only the order they came in decides), and with
// every date the same. Entries with no date and drafts are left out.
func TestNewestAsStableSort(t *testing.T) {
	s := sitetest.Corpus(t, 400)
	all := s.Entities()
	reversed := slices.Clone(all)
	slices.Reverse(reversed)
	twice := append(slices.Clone(all[:120]), all[60:180]...)
	undated := slices.Clone(all[:90])
	for _, e := range undated {
		e.E().Changed = &site.Date{Time: s.Now}
	}
	drafts := slices.Clone(all[:150])
	for i := 0; i < len(drafts); i += 3 {
		drafts[i].E().Draft = true
	}
	defer func() {
		for _, e := range drafts {
			e.E().Draft = false
		}
	}()
	for name, entries := range map[string][]site.Entity{"site order": all, "reversed": reversed, "twice": twice, "one date": undated, "few": all[:7], "drafts": drafts} {
		var want []dated
		for _, e := range entries {
			if d := e.E().Changed; d != nil && !e.E().Draft {
				want = append(want, dated{e, d.Time})
			}
		}
		if len(want) == len(entries) && name != "one date" && name != "few" {
			t.Fatalf("%s: every entry has a date and none is a draft: the test tests nothing", name)
		}
		slices.SortStableFunc(want, func(a, b dated) int {
			if c := b.t.Compare(a.t); c != 0 {
				return c
			}
			return strings.Compare(a.e.E().URL, b.e.E().URL)
		})
		want = want[:min(len(want), MaxEntries)]
		got := newest(entries)
		if len(got) != len(want) {
			t.Fatalf("%s: %d entries, want %d", name, len(got), len(want))
		}
		for i := range want {
			if got[i].e != want[i].e || !got[i].t.Equal(want[i].t) {
				t.Errorf("%s: entry %d is %s (%s), want %s (%s)", name, i, got[i].e.E().Path, got[i].t, want[i].e.E().Path, want[i].t)
			}
		}
	}
}

// TestSitemapAsEncodingXML holds Sitemap to encoding/xml's encoding of
// the same pages, with and without their dates; a date after today is
// left out.
func TestSitemapAsEncodingXML(t *testing.T) {
	s := testSite(t)
	base, err := address.Parse("https://example.org/")
	if err != nil {
		t.Fatal(err)
	}
	var locs []Loc
	want := urlset{}
	future := 0
	for i, e := range s.Entities() {
		l := Loc{Page: e.E().URL + "?a=1&b='2'"}
		u := sitemapURL{Loc: base.Abs(l.Page)}
		if i%3 > 0 {
			l.Lastmod = latest(site.OwnDates(e))
			switch {
			case l.Lastmod == nil:
			case l.Lastmod.Time.After(s.Now.AddDate(0, 0, 1)):
				future++
			default:
				u.Lastmod = l.Lastmod.ISO()
			}
		}
		locs = append(locs, l)
		want.URLs = append(want.URLs, u)
	}
	if future == 0 {
		t.Fatal("no page of the test site is dated after today")
	}
	if got, want := Sitemap(s, base, locs), encode(t, want); !bytes.Equal(got, want) {
		t.Errorf("Sitemap wrote\n%s\nencoding/xml writes\n%s", got, want)
	}
	if got, want := Sitemap(s, base, nil), encode(t, urlset{}); !bytes.Equal(got, want) {
		t.Errorf("Sitemap of no pages wrote\n%s\nencoding/xml writes\n%s", got, want)
	}
}

// latest is the latest of dates, after today or not, or nil.
func latest(dates []*site.Date) *site.Date {
	var out *site.Date
	for _, d := range dates {
		if d != nil && (out == nil || d.Time.After(out.Time)) {
			out = d
		}
	}
	return out
}
