package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"net/url"
	"strings"
	"sync"

	"github.com/ratusz/ratusz/generator/internal/address"
	"github.com/ratusz/ratusz/generator/internal/feed"
	"github.com/ratusz/ratusz/generator/internal/ical"
	"github.com/ratusz/ratusz/generator/internal/lang"
	"github.com/ratusz/ratusz/generator/internal/links"
	"github.com/ratusz/ratusz/generator/internal/markdown"
	"github.com/ratusz/ratusz/generator/internal/problem"
	"github.com/ratusz/ratusz/generator/internal/site"
)

// Page is what a layout sees: one page of the site.
type Page struct {
	Site    *site.Site
	Lang    *lang.Lang
	Kind    PageKind // what the page is; its plan says the rest
	Layout  string   // the layout that renders it, from the plan
	URL     string   // site-relative: "", "miasta/", "miasta/wloclawek/"
	Title   string
	Summary string
	Body    template.HTML // the entry's body, or the index's intro

	Entry   site.Entity   // entry pages
	Section *site.Section // index pages
	Topic   *site.Topic   // topic pages
	Groups  []Group       // index and list pages: this page's part of the list
	Pager   *Pager        // long lists split into pages; nil when the list fits one
	Crumbs  []Crumb       // breadcrumbs, home first, this page excluded

	Statement *site.Accessibility // the accessibility statement page

	Feed     *Subscription // the Atom feed of what the page lists, or nil
	Calendar *Subscription // the iCalendar file of its meetings, or nil

	// Links are the links of the body to pages of the site, set when the
	// page is rendered, to be checked once every page is.
	Links []links.Use

	body     []byte // Markdown of Body, rendered when the page is
	source   string // the content file of body, for messages; "" for none
	bodyLine int    // the line of source on which body starts
}

// A Group is a headed part of a list page.
type Group struct {
	Heading string
	ID      string
	Entries []site.Entity // on this page
	Total   int           // in the whole group, over every page
	Topics  []*site.Topic
}

// A Pager links the pages of a long list: the first page has the list's
// own address, the others a numbered one ("dokumenty/strona/2/").
type Pager struct {
	Number int      // this page, from 1
	URLs   []string // every page's URL, first page first
}

// Count is the number of pages.
func (p *Pager) Count() int { return len(p.URLs) }

// Prev is the URL of the page before, or "" on the first.
func (p *Pager) Prev() string {
	if p.Number == 1 {
		return ""
	}
	return p.URLs[p.Number-2]
}

// Next is the URL of the page after, or "" on the last.
func (p *Pager) Next() string {
	if p.Number == len(p.URLs) {
		return ""
	}
	return p.URLs[p.Number]
}

// A PageLink is one numbered link of a pager; Gap stands for a run of
// pages left out.
type PageLink struct {
	Number  int
	URL     string
	Current bool
	Gap     bool
}

// Links are the pages the pager shows by number: the first, the last and
// those near this one, with a gap where a run of pages is left out.
func (p *Pager) Links() []PageLink {
	var out []PageLink
	for n := 1; n <= len(p.URLs); n++ {
		if n == 1 || n == len(p.URLs) || (n >= p.Number-2 && n <= p.Number+2) {
			out = append(out, PageLink{Number: n, URL: p.URLs[n-1], Current: n == p.Number})
		} else if !out[len(out)-1].Gap {
			out = append(out, PageLink{Gap: true})
		}
	}
	return out
}

// A Subscription is a file that calendar programs and feed readers follow
// for a page: its Atom feed or its calendar.
type Subscription struct {
	File  string // site-relative: "miasta/wloclawek/atom.xml"
	Title string // the feed's or calendar's own name
	Label string // the text of the link to it
}

// A Crumb is one step of the breadcrumb trail.
type Crumb struct {
	Title string
	URL   string
}

// Renderer renders the pages of one site.
type Renderer struct {
	site    *site.Site
	layouts *Layouts
	md      *markdown.Renderer
	links   *links.Table
	base    address.Base // -base-url
	perPage int
	assets  map[string]string // Options.Assets
	body    func(*site.Entry, *[]byte) ([]byte, error)
	options Options // what it was made with, for With

	mu       sync.Mutex
	kept     map[string]template.HTML // parts of pages made once (the once func)
	partsMu  sync.RWMutex
	parts    map[partKey]template.HTML // parts made by the part func
	partBufs sync.Pool                 // *bytes.Buffer, to make a part in
	bodyBufs sync.Pool                 // *[]byte, to read a body into (Options.Body)

	consultOnce sync.Once
	consult     *Consultations // the site's consultations, sorted once
}

// Options configure a Renderer.
type Options struct {
	BaseURL string // "/" or "https://bip.gmina.pl/strategie/"
	Theme   fs.FS  // built-in layouts
	// Parsed, when not nil, keeps Theme's layouts parsed for the next
	// renderers given the same Parsed and ThemeID, the identity of a
	// theme that does not change (the embedded one): see ParsedTheme.
	Parsed  *ParsedTheme
	ThemeID any
	Own     fs.FS  // the site's own layouts, or nil
	OwnDir  string // the site's layouts folder, for messages

	// PageSize is how many entries a page of a long list shows; 0 means
	// DefaultPageSize.
	PageSize int

	// Assets are the published names of the stylesheets and scripts by
	// the names layouts give them: "css/ratusz.css" →
	// "css/ratusz.3f2a9c1e.css". url and absURL make the address of the
	// published name.
	Assets map[string]string

	// Body, if not nil, gives an entry's Markdown when its page is
	// rendered, for a site whose entries keep only the start of their
	// bodies in memory; nil means the entry's Body. It may read it into
	// *buf's memory (content.ReadBody), which the renderer gives again to
	// a later call once the page is rendered.
	Body func(e *site.Entry, buf *[]byte) ([]byte, error)

	// Compact, if not nil, minifies a layout's text once, when it is
	// read (output.Minifier.Layout), and pages are rendered from the
	// minified layouts; errors still name the lines of the files.
	Compact func(text string) (string, *problem.Problem)
}

// DefaultPageSize is how many entries a page of an index or topic list
// shows.
const DefaultPageSize = 50

// New parses the layouts for a site.
func New(s *site.Site, o Options) (*Renderer, problem.List) {
	base, err := address.Parse(o.BaseURL)
	if err != nil {
		return nil, problem.List{{Path: "-base-url", Msg: err.Error()}}
	}
	if o.PageSize <= 0 {
		o.PageSize = DefaultPageSize
	}
	r := &Renderer{site: s, base: base, perPage: o.PageSize, assets: o.Assets, body: o.Body, options: o, md: markdown.New(markdown.Options{Lang: s.Lang.Tag(), ExternalNote: s.Lang.T("external"), Address: base.URL})}
	if errs := r.loadLayouts(); len(errs) > 0 {
		return nil, errs
	}
	// Every page's address, as Pages would list them, without making
	// a Page for every entry.
	var urls []string
	for _, p := range r.ListPages() {
		urls = append(urls, p.URL)
	}
	for _, e := range s.Entities() {
		urls = append(urls, e.E().URL)
	}
	r.links = links.New(s, urls)
	return r, nil
}

// With returns a renderer of s made as r was, for a model made of r's by
// a change that keeps every page, address and title (site.Update,
// site.WithBodies): it resolves links with r's table rather than making
// it again. r is left as it was.
func (r *Renderer) With(s *site.Site) (*Renderer, problem.List) {
	n := &Renderer{site: s, base: r.base, perPage: r.perPage, assets: r.assets, body: r.body, md: r.md, links: r.links, options: r.options}
	if errs := n.loadLayouts(); len(errs) > 0 {
		return nil, errs
	}
	return n, nil
}

// loadLayouts reads and parses the layouts of r.options, with r's
// functions bound to them.
func (r *Renderer) loadLayouts() problem.List {
	o := r.options
	l, errs := LoadLayouts(o.Theme, LayoutOptions{Own: o.Own, OwnDir: o.OwnDir, Parsed: o.Parsed, ThemeID: o.ThemeID, Funcs: r.funcs(false), Compact: o.Compact, WrittenFuncs: r.funcs(true)})
	r.layouts = l
	return errs
}

// Links is the table the renderer resolves the links of bodies with.
func (r *Renderer) Links() *links.Table { return r.links }

// BasePath returns the path part of -base-url, starting and ending in "/".
func BasePath(raw string) (string, error) {
	b, err := address.Parse(raw)
	return b.Path(), err
}

// Base is the parsed -base-url the renderer makes addresses with.
func (r *Renderer) Base() address.Base { return r.base }

// Pages lists every page of the site, in a fixed order: ListPages, then
// every entry's page.
func (r *Renderer) Pages() []*Page {
	return append(r.ListPages(), r.EntryPages(r.site.Entities())...)
}

// ListPages lists the pages that are not an entry's: the home page, the
// pages of kind indexes and topics, search, open data, 404 and the
// accessibility statement.
func (r *Renderer) ListPages() []*Page {
	s := r.site
	l := s.Lang
	trails := r.trails()
	var pages []*Page
	home := trails.page(PageHome, "", s.HomeTitle)
	home.body, home.source, home.bodyLine = []byte(s.Intro), homeSource(s), s.IntroLine
	home.Summary = s.Summary
	home.Feed, home.Calendar = r.feed("", s.Title), r.calendar("", s.Title)
	pages = append(pages, home)
	for _, sec := range s.Sections {
		p := trails.page(PageIndex, sec.URL, sec.Title)
		p.Section, p.body, p.source, p.bodyLine, p.Summary = sec, sec.Intro, sec.Path, sec.IntroLine, sec.Summary
		pages = append(pages, r.paginate(p, r.groups(sec.Kind))...)
	}
	topics := trails.page(PageTopics, trails.topics.URL, trails.topics.Title)
	topics.Groups = []Group{{Topics: s.Topics}}
	pages = append(pages, topics)
	for _, t := range s.Topics {
		p := trails.page(PageTopic, t.URL, t.Name)
		p.Topic, p.Feed = t, r.feed(t.URL, t.Name)
		pages = append(pages, r.paginate(p, []Group{{Entries: t.Entries}})...)
	}
	if c := r.consultations(); c.Any() {
		p := trails.page(PageConsultations, l.Segment("consultations")+"/", l.T("consultations"))
		var groups []Group
		meetings := make([]site.Entity, len(c.Meetings))
		for i, m := range c.Meetings {
			meetings[i] = m
		}
		for _, g := range []struct {
			id, heading string
			entries     []site.Entity
		}{
			{"otwarte", "consultations.open", entities(c.Open)},
			{"planowane", "consultations.planned", entities(c.Planned)},
			{"spotkania-konsultacyjne", "home.consultation_meetings", meetings},
			{"zakonczone", "consultations.closed", entities(c.Closed)},
			{"raporty", "consultations.reported", entities(c.Reported)},
		} {
			if len(g.entries) > 0 {
				groups = append(groups, Group{Heading: l.T(g.heading), ID: g.id, Entries: g.entries})
			}
		}
		pages = append(pages, r.paginate(p, groups)...) // an aggregator of many gminas has thousands
	}
	pages = append(pages,
		trails.page(PageSearch, l.Segment("search")+"/", l.T("search")),
		trails.page(PageOpenData, l.Segment("data")+"/", l.T("opendata.title")),
		trails.page(PageNotFound, "404.html", l.T("notfound.title")))
	if a := s.Accessibility; a != nil {
		p := trails.page(PageStatement, a.URLPath, l.T("a11y.title"))
		p.Statement = a
		pages = append(pages, p)
	}
	return pages
}

// entities is docs as a list of entries of any kind.
func entities(docs []*site.Document) []site.Entity {
	out := make([]site.Entity, len(docs))
	for i, d := range docs {
		out[i] = d
	}
	return out
}

// EntryPages returns the pages of entries.
func (r *Renderer) EntryPages(entries []site.Entity) []*Page {
	l := r.site.Lang
	trails := r.trails()
	pages := make([]*Page, 0, len(entries))
	for _, e := range entries {
		en := e.E()
		p := trails.page(EntryPage(en.Kind), en.URL, en.Title)
		p.Summary, p.Entry, p.body, p.source, p.bodyLine = en.Summary, e, en.Body, en.Path, en.BodyLine
		if c, ok := trails.sections[en.Kind]; ok {
			p.Crumbs = c
		}
		switch e := e.(type) {
		case *site.City, *site.Programme:
			p.Feed, p.Calendar = r.feed(en.URL, en.Title), r.calendar(en.URL, en.Title)
		case *site.Meeting:
			p.Calendar = &Subscription{File: ical.MeetingFile(e), Title: en.Title, Label: l.T("calendar.add")}
		}
		pages = append(pages, p)
	}
	return pages
}

// pageTrails are the breadcrumb trails of a site's pages, each made once
// and shared by the pages that show it, as layouts only read it.
type pageTrails struct {
	home     []Crumb
	topics   Crumb // the list of topics
	toTopics []Crumb
	sections map[site.Kind][]Crumb // home, then the kind's index
}

func (r *Renderer) trails() pageTrails {
	l := r.site.Lang
	home := Crumb{Title: l.T("home"), URL: ""}
	t := pageTrails{home: []Crumb{home}, topics: Crumb{Title: l.T("topics"), URL: l.Segment("topics") + "/"}, sections: map[site.Kind][]Crumb{}}
	t.toTopics = []Crumb{home, t.topics}
	for _, sec := range r.site.Sections {
		t.sections[sec.Kind] = []Crumb{home, {Title: sec.Title, URL: sec.URL}}
	}
	return t
}

// page starts a page of kind k at url: its layout and its breadcrumbs
// come from k's plan (an entry's trail to its kind's index is set by
// EntryPages, which knows the kind).
func (t pageTrails) page(k PageKind, url, title string) *Page {
	pl := planOf(k)
	p := &Page{Kind: k, Layout: pl.layout, URL: url, Title: title}
	switch pl.crumbs {
	case trailHome, trailSection:
		p.Crumbs = t.home
	case trailTopics:
		p.Crumbs = t.toTopics
	}
	return p
}

// feed is the Atom feed of the documents and meetings of the page at url,
// which shows what.
func (r *Renderer) feed(url, what string) *Subscription {
	l := r.site.Lang
	return &Subscription{File: feed.File(url), Title: what + " – " + l.T("feed.title"), Label: l.T("feed.follow")}
}

// calendar is the calendar of the meetings of the page at url.
func (r *Renderer) calendar(url, what string) *Subscription {
	l := r.site.Lang
	return &Subscription{File: ical.CollectionFile(url), Title: what + " – " + l.T("calendar.title"), Label: l.T("calendar.add_all")}
}

// groups splits a kind's index into headed parts: cities by województwo,
// then cities abroad by country; documents in force and others; meetings
// upcoming and past.
func (r *Renderer) groups(k site.Kind) []Group {
	s := r.site
	l := s.Lang
	switch k {
	case site.KindCity:
		var gs []Group
		for _, reg := range s.Regions {
			g := Group{Heading: reg.Name, ID: "wojewodztwo-" + slugID(reg.Name)}
			if c := reg.Country(); c != "PL" {
				g.ID = "kraj-" + strings.ToLower(c)
			}
			for _, c := range reg.Cities {
				g.Entries = append(g.Entries, c)
			}
			gs = append(gs, g)
		}
		return gs
	case site.KindDocument:
		in := Group{Heading: l.T("documents.in_force"), ID: "obowiazujace"}
		other := Group{Heading: l.T("documents.other"), ID: "pozostale"}
		archive := Group{Heading: l.T("documents.archived"), ID: "archiwalne"}
		for _, d := range s.Documents {
			switch d.Part() {
			case site.PartInForce:
				in.Entries = append(in.Entries, d)
			case site.PartArchive:
				archive.Entries = append(archive.Entries, d)
			default:
				other.Entries = append(other.Entries, d)
			}
		}
		return nonEmpty(in, other, archive)
	case site.KindMeeting:
		up := Group{Heading: l.T("meetings.upcoming"), ID: "nadchodzace"}
		past := Group{Heading: l.T("meetings.past"), ID: "minione"}
		for _, m := range s.Meetings {
			if m.Upcoming {
				up.Entries = append(up.Entries, m)
			} else {
				past.Entries = append(past.Entries, m)
			}
		}
		return nonEmpty(up, past)
	}
	var g Group
	switch k {
	case site.KindProgramme:
		for _, x := range s.Programmes {
			g.Entries = append(g.Entries, x)
		}
	case site.KindOrganisation:
		for _, x := range s.Organisations {
			g.Entries = append(g.Entries, x)
		}
	case site.KindPartnership:
		for _, x := range s.Partnerships {
			g.Entries = append(g.Entries, x)
		}
	}
	return []Group{g}
}

// paginate splits a list page into pages of at most perPage entries. A
// group that goes on over a page break starts the next page again with its
// heading. Only the first page has the intro text.
func (r *Renderer) paginate(first *Page, groups []Group) []*Page {
	n := 0
	for i := range groups {
		groups[i].Total = len(groups[i].Entries)
		n += len(groups[i].Entries)
	}
	if n <= r.perPage {
		first.Groups = groups
		return []*Page{first}
	}
	count := (n + r.perPage - 1) / r.perPage
	pager := &Pager{URLs: make([]string, count)}
	pager.URLs[0] = first.URL
	for i := 1; i < count; i++ {
		pager.URLs[i] = fmt.Sprintf("%s%s/%d/", first.URL, r.site.Lang.Segment("page"), i+1)
	}
	pages := make([]*Page, count)
	for i := range pages {
		p := *first
		p.URL = pager.URLs[i]
		p.Pager = &Pager{Number: i + 1, URLs: pager.URLs}
		p.Groups = nil
		if i > 0 {
			p.body = nil
		}
		pages[i] = &p
	}
	i, room := 0, r.perPage
	for _, g := range groups {
		for len(g.Entries) > 0 {
			if room == 0 {
				i, room = i+1, r.perPage
			}
			part := g
			k := min(room, len(g.Entries))
			part.Entries = g.Entries[:k:k]
			pages[i].Groups = append(pages[i].Groups, part)
			g.Entries = g.Entries[k:]
			room -= k
		}
	}
	return pages
}

func nonEmpty(gs ...Group) []Group {
	var out []Group
	for _, g := range gs {
		if len(g.Entries) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// File is the output file of a page: its URL's index.html.
func (p *Page) File() string {
	if p.Kind == PageNotFound {
		return "404.html"
	}
	return p.URL + "index.html"
}

// RenderTo executes the page's layout into buf, after what buf holds: a
// build renders thousands of pages into a few buffers.
func (r *Renderer) RenderTo(buf *bytes.Buffer, p *Page) *problem.Problem {
	start := buf.Len()
	path := ""
	if p.Entry != nil {
		path = p.Entry.E().Path
	}
	body := p.body
	if p.Entry != nil && r.body != nil {
		read, _ := r.bodyBufs.Get().(*[]byte)
		if read == nil {
			read = new([]byte)
		}
		var err error
		if body, err = r.body(p.Entry.E(), read); err != nil {
			return &problem.Problem{Path: r.site.Origin(path), Line: 1, Msg: fmt.Sprintf("cannot read the body again: %v", err)}
		}
		// Nothing made from the body refers to its bytes: the HTML and
		// the links are copies.
		defer r.bodyBufs.Put(read)
	}
	if len(body) > 0 {
		html, err := r.md.HTML(body, r.linker(p))
		if err != nil {
			return &problem.Problem{Path: r.site.Origin(path), Msg: fmt.Sprintf("body: %v", err)}
		}
		p.Body = template.HTML(html)
		// The rendered body is needed only while the layout runs: a
		// build keeps every page, and must not keep every body.
		defer func() { p.Body = "" }()
	}
	p.Site, p.Lang = r.site, r.site.Lang
	if err := r.layouts.execute(buf, p.Layout, p); err != nil {
		if p.source != "" { // a page of no content file names none
			err.Page = r.site.Origin(p.source)
		}
		return err
	}
	bindShortWords(buf, start, r.site.Lang.Tag())
	return nil
}

func homeSource(s *site.Site) string {
	if s.IntroLine > 0 {
		return "_index.md"
	}
	return ""
}

// linker resolves the links of p's body to pages of the site, records
// them in p.Links and writes them with the page's address under
// -base-url.
func (r *Renderer) linker(p *Page) markdown.LinkFunc {
	p.Links = nil
	if p.source == "" || r.links == nil {
		return nil
	}
	return func(dest string, line int) (string, bool) {
		u, ok := r.links.Resolve(p.source, p.URL, p.bodyLine+max(line, 1)-1, dest)
		if !ok {
			return "", false
		}
		p.Links = append(p.Links, u)
		if u.Err != "" || strings.HasPrefix(dest, "#") {
			return "", false
		}
		href := r.base.URL(u.Page) + u.Query
		if u.Anchor != "" {
			href += (&url.URL{Fragment: u.Anchor}).String()
		}
		return href, true
	}
}

// Redirect is the page left at an old address (an alias) that sends the
// reader to p.
func (r *Renderer) Redirect(p *Page) []byte {
	to := template.HTMLEscapeString(r.base.URL(p.URL))
	canonical := template.HTMLEscapeString(r.base.Abs(p.URL)) // absolute with an absolute base, as search engines want
	title := template.HTMLEscapeString(p.Title)
	return []byte(`<!doctype html><html lang="` + r.site.Lang.Tag() + `"><head><meta charset="utf-8"><title>` + title +
		`</title><link rel="canonical" href="` + canonical + `"><meta name="robots" content="noindex"><meta http-equiv="refresh" content="0; url=` + to +
		`"></head><body><p><a href="` + to + `">` + title + `</a></p></body></html>` + "\n")
}
