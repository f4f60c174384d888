package render

import "github.com/ratusz/ratusz/generator/internal/site"

// A PageKind is what a page of the site is: the home page, a kind's
// index, the topics, a topic, search, open data, the 404 page, the
// accessibility statement, or an entry of a kind. Every stage that treats
// pages differently asks the page's Kind, and plans says, for each, the
// layout that renders it, its breadcrumbs and whether the sitemap lists
// it.
type PageKind string

const (
	PageHome      PageKind = "home"
	PageIndex     PageKind = "index"  // a kind's index: /dokumenty/
	PageTopics    PageKind = "topics" // the list of topics: /tematy/
	PageTopic     PageKind = "topic"  // one topic's entries: /tematy/ngo/
	PageSearch    PageKind = "search"
	PageOpenData  PageKind = "opendata"
	PageNotFound  PageKind = "notfound" // 404.html, sent by the server from any address
	PageStatement PageKind = "statement"

	// PageConsultations lists the consultations: open, planned, closed
	// and reported (/konsultacje/), when the site has any.
	PageConsultations PageKind = "consultations"

	PageCity         = PageKind(site.KindCity)
	PageProgramme    = PageKind(site.KindProgramme)
	PageOrganisation = PageKind(site.KindOrganisation)
	PagePartnership  = PageKind(site.KindPartnership)
	PageDocument     = PageKind(site.KindDocument)
	PageMeeting      = PageKind(site.KindMeeting)
	PagePage         = PageKind(site.KindPage)
)

// EntryPage is the kind of the page of an entry of kind k.
func EntryPage(k site.Kind) PageKind { return PageKind(k) }

// A trail is the breadcrumbs before a page's own title.
type trail int

const (
	trailNone    trail = iota // the home page
	trailHome                 // home
	trailTopics               // home, topics
	trailSection              // home, the entry's kind's index
)

// A plan is what is done with the pages of one kind.
type plan struct {
	kind    PageKind
	layout  string // the layout file that renders it, without .html
	crumbs  trail
	sitemap bool // whether sitemap.xml lists it
}

// plans holds every page kind, in the order of the layouts' names in
// messages.
var plans = []plan{
	{PageHome, "home", trailNone, true},
	{PageIndex, "index", trailHome, true},
	{PageTopics, "list", trailHome, true},
	{PageTopic, "list", trailTopics, true},
	{PageCity, "city", trailSection, true},
	{PageProgramme, "programme", trailSection, true},
	{PageOrganisation, "organisation", trailSection, true},
	{PagePartnership, "partnership", trailSection, true},
	{PageDocument, "document", trailSection, true},
	{PageMeeting, "meeting", trailSection, true},
	{PagePage, "page", trailHome, true},
	{PageStatement, "statement", trailHome, true},
	{PageNotFound, "notfound", trailHome, false},
	{PageSearch, "search", trailHome, true},
	{PageOpenData, "opendata", trailHome, true},
	{PageConsultations, "consultations", trailHome, true},
}

// planOf returns the plan of the pages of kind k; TestEveryPageKindHasAPlan
// holds plans to the kinds.
func planOf(k PageKind) plan {
	for _, p := range plans {
		if p.kind == k {
			return p
		}
	}
	return plan{kind: k, layout: string(k), crumbs: trailHome}
}

// layoutNames are the layouts every theme has, one for each kind of page
// but the two lists, which share one.
var layoutNames = func() []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range plans {
		if !seen[p.layout] {
			seen[p.layout] = true
			out = append(out, p.layout)
		}
	}
	return out
}()

// InSitemap reports whether sitemap.xml lists the page.
func (p *Page) InSitemap() bool { return planOf(p.Kind).sitemap }
