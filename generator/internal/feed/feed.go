// Package feed writes the files that let other programs follow a site:
// Atom feeds (RFC 4287) of new and updated documents and meetings, the
// sitemap (sitemaps.org protocol 0.9) and robots.txt. It reads the site
// model and returns bytes; it writes no file itself.
//
// Every address comes from address.Base.Abs: absolute when -base-url is,
// else a path (the build warns about that). An entry's date in a feed and
// in the sitemap is Changed: its updated date, else its publish date, else
// the date of what it is (a document's adoption or consultation date, a
// meeting's date, a partnership's founding). A feed lists at most
// MaxEntries entries, the most recently changed first.
package feed

import (
	"bytes"
	"cmp"
	"crypto/sha1"
	"encoding/xml"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/ratusz/ratusz/generator/internal/address"
	"github.com/ratusz/ratusz/generator/internal/site"
)

// MaxEntries is the most entries a feed lists: readers fetch a feed often,
// and what it leaves out is on the site.
const MaxEntries = 50

// Feed is one Atom feed: the file, the page it belongs to, its title and
// the entries it may list.
type Feed struct {
	File    string // site-relative: "atom.xml", "miasta/wloclawek/atom.xml"
	Page    string // site-relative address of its page: "", "miasta/wloclawek/"
	Title   string
	Entries []site.Entity
}

// Changed is the date an entry last changed, as far as the site knows:
// updated, else publish, else the date of what it is; nil when none.
func Changed(e site.Entity) *site.Date {
	en := e.E()
	if en.Updated != nil {
		return en.Updated
	}
	if en.Publish != nil {
		return en.Publish
	}
	switch x := e.(type) {
	case *site.Document:
		return x.Date
	case *site.Meeting:
		return &x.Date
	case *site.Partnership:
		return x.Founded
	}
	return nil
}

// Newest is the latest Changed date of entries before the moment before,
// or nil.
func Newest(entries []site.Entity, before time.Time) *site.Date {
	var newest *site.Date
	for _, e := range entries {
		if d := Changed(e); d != nil && d.Time.Before(before) && (newest == nil || d.Time.After(newest.Time)) {
			newest = d
		}
	}
	return newest
}

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

// Atom writes f as an Atom feed of s, under base. Entries with no date
// at all are dated by the site's today (-now).
func Atom(s *site.Site, base address.Base, f Feed) ([]byte, error) {
	type dated struct {
		e site.Entity
		t time.Time
	}
	list := make([]dated, 0, len(f.Entries))
	for _, e := range f.Entries {
		t := s.Now
		if d := Changed(e); d != nil {
			t = d.Time
		}
		list = append(list, dated{e, t})
	}
	slices.SortStableFunc(list, func(a, b dated) int {
		if c := b.t.Compare(a.t); c != 0 {
			return c
		}
		return cmp.Compare(a.e.E().URL, b.e.E().URL)
	})
	list = list[:min(len(list), MaxEntries)]
	updated := s.Now
	if len(list) > 0 {
		updated = list[0].t
	}
	author := s.Title
	if s.Accessibility != nil && s.Accessibility.Publisher != "" {
		author = s.Accessibility.Publisher
	}
	feed := atomFeed{
		Lang:    s.Lang.Tag(),
		ID:      ID(base, f.File),
		Title:   f.Title,
		Updated: stamp(updated),
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
		if en.Publish != nil {
			entry.Published = stamp(en.Publish.Time)
		}
		if en.Summary != "" {
			entry.Summary = &atomText{Type: "text", Text: en.Summary}
		}
		feed.Entries = append(feed.Entries, entry)
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(feed); err != nil {
		return nil, fmt.Errorf("%s: %w", f.File, err)
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

func stamp(t time.Time) string { return t.Format(time.RFC3339) }

// ID is the atom:id of the site path p: its absolute address when
// -base-url is absolute, else a name-based UUID (RFC 9562, version 5) of
// its path, since an atom:id must be an absolute IRI.
func ID(base address.Base, p string) string {
	if base.Absolute() {
		return base.Abs(p)
	}
	// The URL namespace of RFC 9562, appendix C.
	ns := []byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}
	h := sha1.Sum(append(ns, base.URL(p)...))
	u := h[:16]
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

// A Loc is one page in the sitemap.
type Loc struct {
	Page    string     // site-relative address
	Lastmod *site.Date // nil when unknown
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

// Sitemap lists the pages in locs, in their order. A lastmod after today
// (-now) is left out, as is an unknown one: a wrong date is worse than
// none.
func Sitemap(s *site.Site, base address.Base, locs []Loc) ([]byte, error) {
	set := urlset{URLs: make([]sitemapURL, 0, len(locs))}
	for _, l := range locs {
		u := sitemapURL{Loc: base.Abs(l.Page)}
		if l.Lastmod != nil && l.Lastmod.Time.Before(s.Now.AddDate(0, 0, 1)) {
			u.Lastmod = l.Lastmod.ISO()
		}
		set.URLs = append(set.URLs, u)
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(set); err != nil {
		return nil, fmt.Errorf("sitemap.xml: %w", err)
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

// Robots is robots.txt: every page may be crawled, and the sitemap is at
// sitemap.
func Robots(base address.Base, sitemap string) []byte {
	var b strings.Builder
	b.WriteString("User-agent: *\nDisallow:\n\nSitemap: ")
	b.WriteString(base.Abs(sitemap))
	b.WriteString("\n")
	return []byte(b.String())
}

// File is the site-relative path of the Atom feed of a page:
// "atom.xml", "miasta/wloclawek/atom.xml".
func File(page string) string { return page + "atom.xml" }
