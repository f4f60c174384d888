package site

import (
	"path"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/ratusz/ratusz/generator/internal/content"
	"github.com/ratusz/ratusz/generator/internal/history"
	"github.com/ratusz/ratusz/generator/internal/lang"
)

// Kind is what an entry is; it comes from the entry's top-level folder.
type Kind string

const (
	KindCity         Kind = "city"
	KindProgramme    Kind = "programme"
	KindOrganisation Kind = "organisation"
	KindPartnership  Kind = "partnership"
	KindDocument     Kind = "document"
	KindMeeting      Kind = "meeting"
	KindPage         Kind = "page"
)

// Kinds lists the kinds that have a folder and an index page, in menu order.
var kinds = []Kind{KindDocument, KindMeeting, KindPartnership, KindCity, KindProgramme, KindOrganisation}

// Kinds returns the kinds that have a folder and an index page, in menu order.
func Kinds() []Kind { return append([]Kind(nil), kinds...) }

// Folder is the content folder of a kind ("cities").
func (k Kind) Folder() string {
	switch k {
	case KindCity:
		return "cities"
	case KindProgramme:
		return "programmes"
	case KindOrganisation:
		return "organisations"
	case KindPartnership:
		return "partnerships"
	case KindDocument:
		return "documents"
	case KindMeeting:
		return "meetings"
	}
	return "pages"
}

func kindOfFolder(folder string) Kind {
	for _, k := range kinds {
		if k.Folder() == folder {
			return k
		}
	}
	return KindPage
}

// Site is the whole validated, cross-referenced content of one site. It is
// not changed after New returns, so pages can be rendered from it in
// parallel.
type Site struct {
	Lang  *lang.Lang
	Now   time.Time // the day the build treats as today, at midnight in Zone
	Zone  *time.Location
	Title string
	Intro string // Markdown of the root _index.md body

	// Summary describes the site: the summary of the content's _index.md
	// or the first paragraph of its body; "" without one.
	Summary string

	IntroLine int // the line of _index.md on which Intro starts; 0 without one

	Home *Section // the root _index.md

	Cities        []*City // in title order
	Programmes    []*Programme
	Organisations []*Organisation
	Partnerships  []*Partnership
	Documents     []*Document // in force first, then newest first
	Meetings      []*Meeting  // upcoming soonest first, then past newest first
	Pages         []*Page
	Topics        []*Topic   // in title order
	Regions       []*Region  // the województwa in name order, then the countries abroad in name order
	Sections      []*Section // one per kind in Kinds order

	Assets []Asset // files to publish from the content tree and static/

	Accessibility *Accessibility // the accessibility statement, or nil

	// Settings are the site's ratusz.toml (Options.Settings).
	Settings Settings

	// HomeTitle is the home page's heading: the title of the content's
	// _index.md, or Title (the site's name) without one.
	HomeTitle string

	// Changed is the newest Changed of all entries, nil when none has
	// one: the date of a feed that lists nothing.
	Changed *Date

	Warnings []string

	dir     string   // the content folder's name in messages (content.Tree.Dir)
	kept    *builder // the entries by slug and the options, for Update
	settled bool     // built with Options.Consume: Update refuses every change
}

// A Section is a kind's folder: its index page title and intro.
type Section struct {
	Kind  Kind
	Title string
	Intro []byte // Markdown

	// Summary describes the index: the summary of the folder's
	// _index.md or the first paragraph of its body; "" without one.
	Summary string
	URL     string
	Path    string // _index.md, or "" when the folder has none

	IntroLine int // the line of Path on which Intro starts
}

// Entry is what every kind has.
type Entry struct {
	Kind     Kind
	Slug     string
	Path     string // source file, relative to the content root
	URL      string // site-relative URL path without a leading slash: "miasta/wloclawek/"
	Title    string
	Summary  string // front matter summary or the first paragraph of the body
	Body     []byte // Markdown
	BodyLine int
	Draft    bool
	Publish  *Date
	Updated  *Date
	Topics   []*Topic
	Aliases  []string
	Source   string
	Params   map[string]any
	Record   Record

	// Changed is the newest of the entry's own dates (OwnDates) that is
	// not after the build's day: its date in the feeds, the sitemap and
	// the calendars. Nil when it has none: such an entry is left out of
	// the feeds, as no date in the output comes from the clock.
	Changed *Date

	titleKey  []byte   // the title's collation key, for sorting
	spellings []string // the topics as written
	number    int      // 1 + its place among the model's entries when made (clone); 0 for a hidden one
}

// Record is an entry's metryczka, the record a public body keeps of the
// information it publishes: who produced it and when, who is responsible
// for it, who published it and when, and the register of its changes.
type Record struct {
	ProducedBy  string
	Produced    *Date
	Responsible string
	PublishedBy string

	// Published is the date written, else, when the site reads git
	// (ratusz.toml's [record] changes = "git"), the date of the commit
	// that added the file, else the entry's publish date; nil without any.
	Published *Date

	// Changes are the commits that changed the entry's file, newest
	// first, when the site reads git.
	Changes []history.Change

	// Shown says the entry or ratusz.toml's [record] gives one of the
	// keys above, so that the page shows the record; a date from git or
	// publish alone does not make one.
	Shown bool
}

// E returns the common part of an entry, so that lists of mixed kinds can
// be handled alike.
func (e *Entry) E() *Entry { return e }

// Entity is any entry kind.
type Entity interface{ E() *Entry }

// City is a gmina, city, powiat or region.
type City struct {
	Entry
	Region  string // in Poland one of Voivodeships; abroad free text, maybe ""
	Country string // ISO 3166-1 alpha-2, in capitals: "PL" unless the file says otherwise

	// CountryName is the name of a city abroad's country in the site's
	// language ("Niemcy"); "" for a city in Poland. Derived once.
	CountryName string
	Type        string
	Website     string
	Parent      *City
	Children    []*City

	Partnerships  []*Partnership
	Documents     []*Document
	Meetings      []*Meeting
	Organisations []*Organisation // seated here
}

// Programme is a funding or policy programme.
type Programme struct {
	Entry
	Short   string
	Funder  string
	Period  *Period
	Website string

	Partnerships []*Partnership
	Documents    []*Document
	Meetings     []*Meeting
}

// ShortName is the programme's short name where it adds something to
// its title: "" when the title is the short name ("URBACT") or already
// holds it as a word ("Program URBACT", "… (RLKS)").
func (p *Programme) ShortName() string {
	short := strings.TrimSpace(p.Short)
	if short == "" || strings.EqualFold(short, strings.TrimSpace(p.Title)) {
		return ""
	}
	for _, w := range strings.FieldsFunc(p.Title, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '+' }) {
		if w == short {
			return ""
		}
	}
	return short
}

// Organisation is an NGO, office, institution or church body.
type Organisation struct {
	Entry
	Type    string
	City    *City
	Website string

	Partnerships []*Partnership // member or leader
	Documents    []*Document    // written with the city or consulted by it
	Meetings     []*Meeting     // organiser
}

// Partnership is an LGD, LGW, inter-municipal partnership or consortium.
type Partnership struct {
	Entry
	Type       string
	Cities     []*City
	Leader     Entity // *City or *Organisation
	Members    []*Organisation
	Programmes []*Programme
	Founded    *Date
	Website    string

	Documents []*Document
	Meetings  []*Meeting
}

// Status is a document's status as written.
type Status string

const (
	StatusDraft        Status = "draft"
	StatusConsultation Status = "consultation"
	StatusAdopted      Status = "adopted"
	StatusExpired      Status = "expired"
)

// Document is a strategy, programme, policy, plan or report.
type Document struct {
	Entry
	Type          string
	Cities        []*City
	Partnership   *Partnership
	Organisations []*Organisation // that wrote it with the city or ran its consultation
	Programmes    []*Programme
	Status        Status // as written
	Period        *Period
	Adopted       *Adoption
	Consultation  *Consultation
	Attachments   []*Attachment

	// Derived once, by derive, from Status, Adopted, Period, Consultation
	// and the build's day; every page, list, feed, calendar, JSON-LD
	// block, search entry and open-data record reads these and none
	// works them out again; InForce, Archived, ConsultationOpen and Part
	// are read off State.
	State      State
	StatusText string // what a resident reads: "w konsultacjach – zostało 25 dni"
	Phase      Phase  // of the consultation, whatever the status
	DaysLeft   int    // of an open consultation, today included; 0 without an end
	Left       string // of an open consultation, what is left of it: "zostało 5 dni", "ostatni dzień – do 15:30"
	Date       *Date  // the date it is sorted by: adoption, consultation start, update

	Meetings []*Meeting // that discussed or produced it
}

// State is the status a resident sees: the written status, corrected by
// the build's day. Its value names the UI string "status.<state>", a
// short label for facets; Document.StatusText says it in full.
type State string

const (
	StateDraft                State = "draft"                 // projekt
	StateDraftArchived        State = "draft_archived"        // a draft whose years are over
	StateConsultationPlanned  State = "consultation_planned"  // its window is still to come
	StateConsultation         State = "consultation"          // its window is open today
	StateConsultationClosed   State = "consultation_closed"   // its window is over, its report awaited
	StateConsultationReported State = "consultation_reported" // its window is over and its outcome published
	StateAdopted              State = "adopted"               // in force
	StateAdoptedFuture        State = "adopted_future"        // adopted, in force from period.from
	StateExpired              State = "expired"               // archival as written
	StatePeriodEnded          State = "expired_period"        // adopted, its years over
)

// Part is the part of the lists of documents a document is in, in the
// order of the lists.
type Part int

const (
	PartInForce Part = iota // in force, or adopted and in force from a later year
	PartCurrent             // a draft or in consultation
	PartArchive             // archival
)

// Phase is where a consultation's window stands on the build's day.
type Phase string

const (
	PhaseNone     Phase = ""         // no consultation
	PhasePlanned  Phase = "planned"  // before from
	PhaseOpen     Phase = "open"     // from from to the last day of to, both included
	PhaseClosed   Phase = "closed"   // after the day of to
	PhaseReported Phase = "reported" // closed, and its outcome's date has come
)

// Adoption says who adopted a document, when and by which resolution.
type Adoption struct {
	Date       Date
	By         string
	Resolution string
}

// Consultation is a document's public consultation.
type Consultation struct {
	From, To *Date
	URL      string    // where to respond online, as before respond
	Respond  []Respond // the ways to take part, in the editor's order
	Outcome  *Outcome  // what came of it, or nil while it is awaited
}

// The ways to take part in a consultation: the key of a respond item.
const (
	RespondEmail   = "email"   // an address for a mailto link
	RespondPost    = "post"    // a postal address
	RespondEPUAP   = "epuap"   // an ePUAP inbox address
	RespondForm    = "form"    // a form to download, fill in and send
	RespondMeeting = "meeting" // a meeting to come to
	RespondURL     = "url"     // an online survey
)

// respondWays lists the keys of a respond item, in the spec's order.
var respondWays = []string{RespondEmail, RespondPost, RespondEPUAP, RespondForm, RespondMeeting, RespondURL}

// Respond is one way to take part in a consultation.
type Respond struct {
	Way     string      // one of the Respond… keys
	Text    string      // the address, inbox or URL as written
	Form    *Attachment // Way form: the file
	Meeting *Meeting    // Way meeting: the meeting, resolved
}

// Outcome is what came of a consultation: when it was reported, the
// report and a summary.
type Outcome struct {
	Date    Date
	Report  *Attachment // nil when the outcome has no file
	Summary string
}

// Meeting is a workshop, conference, consultation meeting or session.
type Meeting struct {
	Entry
	Date        Date
	End         *Date
	Type        string
	Place       *Place
	Partnership *Partnership
	Cities      []*City // as written, plus place.city, or else the partnership's
	Programmes  []*Programme
	Organisers  []Entity // *Organisation or *City
	Documents   []*Document
	Images      []*Image
	Minutes     *Attachment

	// Consultations are the documents whose consultation names the
	// meeting as a way to take part.
	Consultations []*Document

	Upcoming bool // starts today or later, or has not ended yet
}

// Place is where a meeting happens.
type Place struct {
	Name    string
	Address string
	City    *City
}

// Page is a plain page: about, contact, accessibility statement.
type Page struct {
	Entry
}

// Topic is a free topic; each gets an index page.
type Topic struct {
	Name    string
	Slug    string
	URL     string
	Entries []Entity // in title order
}

// Region is a województwo with its cities in it, or a country abroad
// with its cities there.
type Region struct {
	Name   string  // the województwo; abroad, the country's name in the site's language
	Cities []*City // at least one
}

// Country returns the ISO 3166-1 code of the region's country: "PL" for
// a województwo.
func (r *Region) Country() string { return r.Cities[0].Country }

// Attachment is a file published with an entry.
type Attachment struct {
	File   string // as written
	Title  string
	Lang   string
	URL    string // site-relative
	Format string // "PDF"
	Size   int64
}

// Image is a photo of a meeting.
type Image struct {
	File       string
	Alt        string
	Credit     string
	Decorative bool
	URL        string
	Size       int64
	Width      int // pixels, so that the page does not jump while it loads
	Height     int
}

// Asset is a file copied into the output: from static/ as is, or from the
// content tree beside the entry that refers to it.
type Asset struct {
	From   string // "static" or "content"
	Source string // path in that tree
	URL    string // site-relative output path
}

// Origin is the path p of the content tree (an entry's Path) as messages
// name it: under the content folder's name, "content/cities/wloclawek.md".
func (s *Site) Origin(p string) string {
	if s.dir == "" {
		return p
	}
	return path.Join(s.dir, p)
}

// EntryCount is the number of published entries of every kind.
func (s *Site) EntryCount() int {
	return len(s.Cities) + len(s.Programmes) + len(s.Organisations) + len(s.Partnerships) +
		len(s.Documents) + len(s.Meetings) + len(s.Pages)
}

// Entities lists every published entry: cities, programmes, organisations,
// partnerships, documents, meetings and pages, each kind in its list order.
func (s *Site) Entities() []Entity {
	all := make([]Entity, 0, s.EntryCount())
	all = appendEntities(all, s.Cities)
	all = appendEntities(all, s.Programmes)
	all = appendEntities(all, s.Organisations)
	all = appendEntities(all, s.Partnerships)
	all = appendEntities(all, s.Documents)
	all = appendEntities(all, s.Meetings)
	return appendEntities(all, s.Pages)
}

func appendEntities[T Entity](all []Entity, list []T) []Entity {
	for _, e := range list {
		all = append(all, e)
	}
	return all
}

// Hidden lists the entries that are read and checked but not built: the
// drafts without -drafts and the entries whose publish date is still to
// come without -future, in path order. Links to them say why they cannot
// be followed.
func (s *Site) Hidden() []Entity {
	if s.kept == nil {
		return nil
	}
	var out []Entity
	for _, m := range s.kept.hidden {
		for _, e := range m {
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(a, b Entity) int { return strings.Compare(a.E().Path, b.E().Path) })
	return out
}

// settle drops what only the dev server's changes need, for a build that
// renders the site once (Options.Consume): the entries' sort keys, which
// Update re-sorts lists by, and the bodies that readAgain, when not nil,
// says are read again to render (by path; the model keeps only their
// start, which the summary was made from). Update refuses every change
// after it.
func (s *Site) settle(readAgain func(path string) bool) {
	s.settled = true
	for _, e := range s.Entities() {
		en := e.E()
		en.titleKey = nil
		if readAgain != nil && readAgain(en.Path) {
			en.Body = nil
		}
	}
}

// WithBodies returns a new model in which the entries read from files,
// new versions of their files whose front matter is the same, have the
// new bodies, and the summaries derived again where the front matter has
// none; s is left as it was. It reports whether a summary changed, since
// other pages show it, and is false when a file is not a published
// entry's. For the dev server.
func (s *Site) WithBodies(files []*content.File) (n *Site, summaryChanged, ok bool) {
	if s.kept == nil || s.settled {
		return nil, false, false
	}
	n = s.clone()
	for _, f := range files {
		e := n.EntityAt(f.Path)
		if e == nil {
			return nil, false, false
		}
		en := e.E()
		en.Body, en.BodyLine = f.Body, f.BodyLine
		if v := f.Meta.Get("summary"); v == nil || v.Kind == content.Null || strings.TrimSpace(v.Text) == "" {
			old := en.Summary
			en.Summary = quotes(s.Lang.Tag(), firstParagraph(f.Body))
			summaryChanged = summaryChanged || en.Summary != old
		}
	}
	return n, summaryChanged, true
}
