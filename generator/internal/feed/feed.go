// Package feed writes the files that let other programs follow a site:
// Atom feeds (RFC 4287) of new and updated documents and meetings, the
// sitemap (sitemaps.org protocol 0.9) and robots.txt. It reads the site
// model and returns bytes; it writes no file itself.
//
// Every address comes from address.Base.Abs: absolute when -base-url is,
// else a path (the build warns about that). An entry's date in a feed and
// in the sitemap is its site.Entry.Changed: the newest of its own dates
// (updated, publish, a document's adoption or consultation start, a
// meeting's date, a partnership's founding) that is not after the build's
// day. An entry with none is not in the feeds: no date comes from the
// clock, so that a build on a day when nothing happens changes no file. A
// feed lists at most MaxEntries entries, the most recently changed first,
// and never a draft.
package feed

import (
	"crypto/sha1"
	"fmt"
	"slices"
	"sort"
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

// Newest is the latest Changed date of entries, or nil.
func Newest(entries []site.Entity) *site.Date {
	var newest *site.Date
	for _, e := range entries {
		if d := e.E().Changed; d != nil && (newest == nil || d.Time.After(newest.Time)) {
			newest = d
		}
	}
	return newest
}

// dated is an entry of a feed and the time it is dated by.
type dated struct {
	e site.Entity
	t time.Time
}

// newest returns the entries a feed of entries lists, each with its date
// (Changed): the MaxEntries most recently changed, the newest first, those
// of the same time by address; drafts and entries with no date are left
// out. A list of every document of a large site is not sorted to keep
// fifty: each entry is compared with the last of those kept so far, which
// most entries are not newer than.
func newest(entries []site.Entity) []dated {
	list := make([]dated, 0, min(len(entries), MaxEntries)+1)
	for _, e := range entries {
		c := e.E().Changed
		if c == nil || e.E().Draft {
			continue
		}
		d := dated{e, c.Time}
		if len(list) == MaxEntries && !first(d, list[len(list)-1]) {
			continue
		}
		// After every entry kept that comes first or is a tie, as a
		// stable sort would put it.
		i := sort.Search(len(list), func(i int) bool { return first(d, list[i]) })
		list = slices.Insert(list, i, d)
		list = list[:min(len(list), MaxEntries)]
	}
	return list
}

// first reports whether a feed lists a before b: the newer first, then by
// address.
func first(a, b dated) bool {
	if c := b.t.Compare(a.t); c != 0 {
		return c < 0
	}
	return a.e.E().URL < b.e.E().URL
}

// Atom writes f as an Atom feed of s, under base. The feed is dated by
// its newest entry; one that lists nothing, by the newest date of the
// whole site (s.Changed), or else by the start of the Unix epoch: a date
// that never changes, where the build's day would change the feed daily.
func Atom(s *site.Site, base address.Base, f Feed) []byte {
	list := newest(f.Entries)
	var updated time.Time
	switch {
	case len(list) > 0:
		updated = list[0].t
	case s.Changed != nil:
		updated = s.Changed.Time
	default:
		updated = time.Unix(0, 0).UTC()
	}
	author := s.Title
	if s.Accessibility != nil && s.Accessibility.Publisher != "" {
		author = s.Accessibility.Publisher
	}
	var w xmlWriter
	w.buf.Grow(1024 + 768*len(list))
	w.start("feed", "xmlns", "http://www.w3.org/2005/Atom", "xml:lang", s.Lang.Tag())
	w.element("id", ID(base, f.File))
	w.element("title", f.Title)
	w.element("updated", stamp(updated))
	w.empty("link", "rel", "self", "type", "application/atom+xml", "href", base.Abs(f.File))
	w.empty("link", "rel", "alternate", "type", "text/html", "href", base.Abs(f.Page))
	w.start("author")
	w.element("name", author)
	w.end("author")
	w.element("generator", "ratusz")
	for _, d := range list {
		en := d.e.E()
		kind := string(en.Kind)
		w.start("entry")
		w.element("id", ID(base, en.URL))
		title := en.Title
		if doc, ok := d.e.(*site.Document); ok && doc.Announces() != "" {
			title = s.Lang.T("feed.consultation_"+doc.Announces()) + ": " + title
		}
		w.element("title", title)
		w.element("updated", stamp(d.t))
		if en.Publish != nil && !en.Publish.Time.After(d.t) {
			w.element("published", stamp(en.Publish.Time))
		}
		w.empty("link", "rel", "alternate", "type", "text/html", "href", base.Abs(en.URL))
		w.empty("category", "term", kind, "label", s.Lang.T("kind."+kind))
		if en.Summary != "" {
			w.start("summary", "type", "text")
			w.text(en.Summary)
			w.end("summary")
		}
		w.end("entry")
	}
	w.end("feed")
	return w.bytes()
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

// Sitemap lists the pages in locs, in their order. A lastmod after today
// (-now) is left out, as is an unknown one: a wrong date is worse than
// none.
func Sitemap(s *site.Site, base address.Base, locs []Loc) []byte {
	var w xmlWriter
	w.buf.Grow(256 + 128*len(locs))
	w.start("urlset", "xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9")
	for _, l := range locs {
		w.start("url")
		w.element("loc", base.Abs(l.Page))
		if l.Lastmod != nil && l.Lastmod.Time.Before(s.Now.AddDate(0, 0, 1)) {
			w.element("lastmod", l.Lastmod.ISO())
		}
		w.end("url")
	}
	w.end("urlset")
	return w.bytes()
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
