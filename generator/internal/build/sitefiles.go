package build

import (
	"bufio"
	"bytes"
	"io"
	"maps"
	"path"
	"runtime"
	"slices"

	"github.com/ratusz/ratusz/generator/internal/feed"
	"github.com/ratusz/ratusz/generator/internal/ical"
	"github.com/ratusz/ratusz/generator/internal/markdown"
	"github.com/ratusz/ratusz/generator/internal/opendata"
	"github.com/ratusz/ratusz/generator/internal/render"
	"github.com/ratusz/ratusz/generator/internal/search"
	"github.com/ratusz/ratusz/generator/internal/site"
	"golang.org/x/sync/errgroup"
)

// The site files besides pages that other programs read.
const (
	sitemapFile = "sitemap.xml"
	robotsFile  = "robots.txt"
)

// siteFiles makes the files made from many entries at once rather than
// page by page: sitemap.xml, robots.txt, the Atom feeds and calendars that
// pages link to (render.Page.Feed and .Calendar), the open data (one JSON
// file per kind) and the search index. Whatever changes entries must make
// them again. It passes each file to emit as soon as it is made, and the
// open data, hundreds of megabytes on a large site, to stream, which
// calls write to have it written a piece at a time. pages are the site's
// pages (renderer.Pages()).
func (p *Prepared) siteFiles(pages []*render.Page, emit func(name string, data []byte) error, stream func(name string, write func(io.Writer) error) error) error {
	s, base := p.Site, p.Renderer.Base()
	if err := opendata.Each(p.Site, p.Renderer.AbsURL, stream); err != nil {
		return err
	}
	if err := search.Write(p.Site, search.Options{Text: p.bodyText}, emit); err != nil {
		return err
	}
	var locs []feed.Loc
	newest := newestOf(s)
	for _, pg := range pages {
		// A draft built with -drafts is for its editors: no sitemap,
		// feed or calendar a search engine or a resident follows lists it.
		if pg.InSitemap() && !isDraft(pg.Entry) {
			locs = append(locs, feed.Loc{Page: pg.URL, Lastmod: newest.lastmod(pg)})
		}
		if pg.Pager != nil && pg.Pager.Number > 1 {
			continue // the feed and calendar of a list are its first page's
		}
		if f := pg.Feed; f != nil {
			b := feed.Atom(s, base, feed.Feed{File: f.File, Page: pg.URL, Title: f.Title, Entries: feedEntries(s, pg)})
			if err := emit(f.File, b); err != nil {
				return err
			}
		}
		if c := pg.Calendar; c != nil {
			cal := ical.Calendar{Name: c.Title, Meetings: calendarMeetings(s, pg), Consultations: calendarConsultations(s, pg)}
			if pg.Kind == render.PageMeeting {
				cal.Name = ""
			}
			if err := emit(c.File, ical.Encode(s, base, cal)); err != nil {
				return err
			}
		}
	}
	if err := emit(sitemapFile, feed.Sitemap(s, base, locs)); err != nil {
		return err
	}
	return emit(robotsFile, feed.Robots(base, sitemapFile))
}

// bodyText is the plain text of an entry's body, for the search index.
func (p *Prepared) bodyText(e *site.Entry) (string, error) {
	if p.body == nil {
		return markdown.PlainText(e.Body), nil
	}
	buf, _ := p.bodyBufs.Get().(*[]byte)
	if buf == nil {
		buf = new([]byte)
	}
	defer p.bodyBufs.Put(buf) // the text is a copy: nothing refers to the buffer
	body, err := p.body(e, buf)
	if err != nil {
		return "", err
	}
	return markdown.PlainText(body), nil
}

// A streamWriter is a Writer that also takes a file a piece at a time
// (output.Dir).
type streamWriter interface {
	Writer
	Create(name string) (io.WriteCloser, error)
}

// WriteSiteFiles writes the site files as they are made, minified when
// the build minifies (in parallel with making the next ones), and keeps
// their names, in order, in p.SiteNames. A streamWriter is given the open
// data a piece at a time; any other Writer, whole. pages are the site's
// pages, or nil to list them again.
func (p *Prepared) WriteSiteFiles(w Writer, pages []*render.Page) (int, error) {
	if pages == nil {
		pages = p.Renderer.Pages()
	}
	names := map[string]bool{}
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	// The streamed files are JSON, with the line end that encoding/json
	// writes after a value when the build does not minify.
	end := "\n"
	if p.minifier != nil {
		end = ""
	}
	stream := func(name string, write func(io.Writer) error) error {
		names[name] = true
		sw, ok := w.(streamWriter)
		if !ok {
			var b bytes.Buffer
			if err := write(&b); err != nil {
				return err
			}
			b.WriteString(end)
			return w.WriteFile(name, b.Bytes())
		}
		f, err := sw.Create(name)
		if err != nil {
			return err
		}
		bw := bufio.NewWriterSize(f, 64<<10)
		err = write(bw)
		if err == nil {
			_, err = bw.WriteString(end)
		}
		if err == nil {
			err = bw.Flush()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		return err
	}
	err := p.siteFiles(pages, func(name string, data []byte) error {
		names[name] = true
		g.Go(func() error {
			// encoding/json writes the open data and the search index
			// with no space to take out but the last line end: minifying
			// them would copy tens of megabytes to give the same bytes
			// (a test holds that).
			if p.minifier != nil && path.Ext(name) == ".json" {
				data = bytes.TrimSuffix(data, []byte("\n"))
			} else if p.minifier != nil {
				small, err := p.minifier.Bytes(name, data)
				if err != nil {
					return err
				}
				data = small
			}
			return w.WriteFile(name, data)
		})
		return nil
	}, stream)
	if err != nil {
		g.Wait()
		return 0, err
	}
	if err := g.Wait(); err != nil {
		return 0, err
	}
	p.SiteNames = slices.Sorted(maps.Keys(names))
	return len(names), nil
}

// feedEntries are the documents and meetings a page's feed follows.
func feedEntries(s *site.Site, pg *render.Page) []site.Entity {
	var es []site.Entity
	add := func(docs []*site.Document, meetings []*site.Meeting) {
		for _, d := range docs {
			es = append(es, d)
		}
		for _, m := range meetings {
			es = append(es, m)
		}
	}
	switch e := pg.Entry.(type) {
	case *site.City:
		add(e.Documents, e.Meetings)
	case *site.Programme:
		add(e.Documents, e.Meetings)
	case nil:
		switch {
		case pg.Topic != nil:
			for _, x := range pg.Topic.Entries {
				switch x.(type) {
				case *site.Document, *site.Meeting:
					es = append(es, x)
				}
			}
		case pg.Kind == render.PageHome:
			add(s.Documents, s.Meetings)
		}
	}
	return es
}

// calendarMeetings are the meetings in a page's calendar: a meeting's
// own, or those a city, a programme or the home page lists but the
// drafts.
func calendarMeetings(s *site.Site, pg *render.Page) []*site.Meeting {
	switch e := pg.Entry.(type) {
	case *site.City:
		return published(e.Meetings)
	case *site.Programme:
		return published(e.Meetings)
	case *site.Meeting:
		return []*site.Meeting{e}
	}
	if pg.Kind == render.PageHome {
		return published(s.Meetings)
	}
	return nil
}

// calendarConsultations are the documents whose consultation window the
// calendar of the page pg holds: a city's, or, on the home page, the
// site's.
func calendarConsultations(s *site.Site, pg *render.Page) []*site.Document {
	var docs []*site.Document
	switch e := pg.Entry.(type) {
	case *site.City:
		docs = e.Documents
	case nil:
		if pg.Kind == render.PageHome {
			docs = s.Documents
		}
	}
	var out []*site.Document
	for _, d := range docs {
		if d.Consultation != nil && !d.Draft {
			out = append(out, d)
		}
	}
	return out
}

// published leaves out the drafts of a list, which only -drafts builds.
func published(ms []*site.Meeting) []*site.Meeting {
	draft := func(m *site.Meeting) bool { return m.Draft }
	if !slices.ContainsFunc(ms, draft) {
		return ms
	}
	return slices.DeleteFunc(slices.Clone(ms), draft)
}

// isDraft reports whether the page is a draft's, which only -drafts
// builds.
func isDraft(e site.Entity) bool { return e != nil && e.E().Draft }

// newest holds the newest change of each kind's entries and of all of
// them, worked out once for the sitemap's many list pages, and of each
// topic's entries, worked out once for all the pages of its list.
type newest struct {
	s       *site.Site
	byKind  map[site.Kind]*site.Date
	byTopic map[*site.Topic]*site.Date
	all     *site.Date
}

func newestOf(s *site.Site) newest {
	byKind := map[site.Kind][]site.Entity{}
	for _, e := range s.Entities() {
		byKind[e.E().Kind] = append(byKind[e.E().Kind], e)
	}
	n := newest{s: s, byKind: map[site.Kind]*site.Date{}, byTopic: map[*site.Topic]*site.Date{}, all: s.Changed}
	for k, es := range byKind {
		n.byKind[k] = feed.Newest(es)
	}
	return n
}

// lastmod is when what a page shows last changed, for the sitemap: an
// entry's own date (site.Entry.Changed), else the newest of the entries
// the page lists, else the accessibility statement's update.
func (n newest) lastmod(pg *render.Page) *site.Date {
	switch {
	case pg.Entry != nil:
		return pg.Entry.E().Changed
	case pg.Topic != nil:
		d, ok := n.byTopic[pg.Topic]
		if !ok {
			d = feed.Newest(pg.Topic.Entries)
			n.byTopic[pg.Topic] = d
		}
		return d
	case pg.Statement != nil:
		return &pg.Statement.Updated
	case pg.Section != nil:
		return n.byKind[pg.Section.Kind]
	}
	return n.all
}
