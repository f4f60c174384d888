// Package opendata writes a site's published entries as open data: one
// JSON file per kind, in a folder named by the site's language ("dane/" in
// Polish, "data/" in English) and named after the kind's index
// ("dane/dokumenty.json", "data/documents.json"). docs/open-data.md
// documents every field. It reads the site model and writes to the writer
// it is given; it opens no file and derives nothing the model does not say.
//
// A file is an object with the kind, its index page, the number of
// entries and the entries, in the order of the kind's index. Every entry
// has every field of its kind, null or [] when it has no value, with keys
// in a fixed order; a reference to another entry is {slug, title, url};
// dates are ISO 8601 at the precision they were written (2015, 2015-06,
// 2015-06-17 or 2021-06-17T10:00:00+02:00). Addresses are absolute when
// the site's -base-url is. The same site gives the same bytes.
package opendata

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/ratusz/ratusz/generator/internal/lang"
	"github.com/ratusz/ratusz/generator/internal/site"
)

// File is the site-relative path of a kind's file: "dane/dokumenty.json".
func File(l *lang.Lang, k site.Kind) string {
	return l.Segment("data") + "/" + l.Segment(k.Folder()) + ".json"
}

// Each makes every kind's file and passes it to emit with its path, one
// at a time: write writes the file to w, an entry at a time, so that a
// large site never holds a whole file (237 MB at 100,000 entries) in
// memory. The file is JSON as json.Marshal writes it, without a line end
// after it. url makes the address of a site-relative path. Each stops at
// emit's first error.
func Each(s *site.Site, url func(string) string, emit func(name string, write func(w io.Writer) error) error) error {
	w := writer{url: url, lang: s.Lang}
	for _, k := range site.Kinds() {
		var count int
		var entry func(i int) any
		switch k {
		case site.KindCity:
			count, entry = len(s.Cities), func(i int) any { return w.city(s.Cities[i]) }
		case site.KindProgramme:
			count, entry = len(s.Programmes), func(i int) any { return w.programme(s.Programmes[i]) }
		case site.KindOrganisation:
			count, entry = len(s.Organisations), func(i int) any { return w.organisation(s.Organisations[i]) }
		case site.KindPartnership:
			count, entry = len(s.Partnerships), func(i int) any { return w.partnership(s.Partnerships[i]) }
		case site.KindDocument:
			count, entry = len(s.Documents), func(i int) any { return w.document(s.Documents[i]) }
		case site.KindMeeting:
			count, entry = len(s.Meetings), func(i int) any { return w.meeting(s.Meetings[i]) }
		}
		head := kindFile{Kind: string(k), URL: url(s.Lang.Segment(k.Folder()) + "/"), Count: count}
		err := emit(File(s.Lang, k), func(out io.Writer) error {
			if err := encode(out, head, count, entry); err != nil {
				return fmt.Errorf("open data of %s: %w", k.Folder(), err)
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// encode writes to w json.Marshal of f with the count entries that entry
// makes, one entry at a time, so that it never holds all of them as well
// as their JSON.
func encode(w io.Writer, f kindFile, count int, entry func(i int) any) error {
	head, err := json.Marshal(f) // {"kind":…,"url":…,"count":…,"entries":null}
	if err != nil {
		return err
	}
	head, ok := bytes.CutSuffix(head, []byte("null}"))
	if !ok {
		return fmt.Errorf("unexpected JSON %.40s…", head)
	}
	// Each entry is encoded into b, which the next one reuses, and
	// written out from there.
	var b bytes.Buffer
	b.Write(head)
	b.WriteByte('[')
	enc := json.NewEncoder(&b)
	for i := range count {
		if i > 0 {
			b.WriteByte(',')
		}
		if err := enc.Encode(entry(i)); err != nil {
			return err
		}
		b.Truncate(b.Len() - 1) // Encode's line end
		if _, err := w.Write(b.Bytes()); err != nil {
			return err
		}
		b.Reset()
	}
	b.WriteString("]}")
	_, err = w.Write(b.Bytes())
	return err
}

type kindFile struct {
	Kind    string `json:"kind"`
	URL     string `json:"url"`
	Count   int    `json:"count"`
	Entries []any  `json:"entries"`
}

// Ref is a reference to another entry.
type Ref struct {
	Slug  string `json:"slug"`
	Title string `json:"title"`
	URL   string `json:"url"`
}

// entry holds the fields every kind has.
type entry struct {
	Slug    string  `json:"slug"`
	URL     string  `json:"url"`
	Title   string  `json:"title"`
	Summary *string `json:"summary"`
	Updated *string `json:"updated"`
	Source  *string `json:"source"`
	Topics  []Ref   `json:"topics"`
}

type city struct {
	entry
	Region        string  `json:"region"`
	Type          *string `json:"type"`
	Website       *string `json:"website"`
	Parent        *Ref    `json:"parent"`
	Children      []Ref   `json:"children"`
	Partnerships  []Ref   `json:"partnerships"`
	Documents     []Ref   `json:"documents"`
	Meetings      []Ref   `json:"meetings"`
	Organisations []Ref   `json:"organisations"`
}

type period struct {
	From int  `json:"from"`
	To   *int `json:"to"`
}

type programme struct {
	entry
	Short        *string `json:"short"`
	Funder       *string `json:"funder"`
	Period       *period `json:"period"`
	Website      *string `json:"website"`
	Partnerships []Ref   `json:"partnerships"`
	Documents    []Ref   `json:"documents"`
	Meetings     []Ref   `json:"meetings"`
}

type organisation struct {
	entry
	Type         *string `json:"type"`
	City         *Ref    `json:"city"`
	Website      *string `json:"website"`
	Partnerships []Ref   `json:"partnerships"`
	Documents    []Ref   `json:"documents"`
	Meetings     []Ref   `json:"meetings"`
}

type partnership struct {
	entry
	Type       *string `json:"type"`
	Cities     []Ref   `json:"cities"`
	Leader     *Ref    `json:"leader"`
	Members    []Ref   `json:"members"`
	Programmes []Ref   `json:"programmes"`
	Founded    *string `json:"founded"`
	Website    *string `json:"website"`
	Documents  []Ref   `json:"documents"`
	Meetings   []Ref   `json:"meetings"`
}

type adoption struct {
	Date       string  `json:"date"`
	By         *string `json:"by"`
	Resolution *string `json:"resolution"`
}

type consultation struct {
	From  *string `json:"from"`
	To    *string `json:"to"`
	URL   *string `json:"url"`
	Phase string  `json:"phase"`
}

type attachment struct {
	Title  string  `json:"title"`
	URL    string  `json:"url"`
	Format string  `json:"format"`
	Size   int64   `json:"size"`
	Lang   *string `json:"lang"`
}

type document struct {
	entry
	Type             string        `json:"type"`
	Status           string        `json:"status"`
	State            string        `json:"state"`
	StatusText       string        `json:"status_text"`
	InForce          bool          `json:"in_force"`
	Archived         bool          `json:"archived"`
	ConsultationOpen bool          `json:"consultation_open"`
	DaysLeft         *int          `json:"days_left"`
	Cities           []Ref         `json:"cities"`
	Partnership      *Ref          `json:"partnership"`
	Organisations    []Ref         `json:"organisations"`
	Programmes       []Ref         `json:"programmes"`
	Period           *period       `json:"period"`
	Adopted          *adoption     `json:"adopted"`
	Consultation     *consultation `json:"consultation"`
	Attachments      []attachment  `json:"attachments"`
	Meetings         []Ref         `json:"meetings"`
}

type place struct {
	Name    *string `json:"name"`
	Address *string `json:"address"`
	City    *Ref    `json:"city"`
}

type image struct {
	URL        string  `json:"url"`
	Alt        *string `json:"alt"`
	Credit     *string `json:"credit"`
	Decorative bool    `json:"decorative"`
	Width      int     `json:"width"`
	Height     int     `json:"height"`
}

type meeting struct {
	Date        string      `json:"date"`
	End         *string     `json:"end"`
	Type        *string     `json:"type"`
	Upcoming    bool        `json:"upcoming"`
	Place       *place      `json:"place"`
	Partnership *Ref        `json:"partnership"`
	Cities      []Ref       `json:"cities"`
	Programmes  []Ref       `json:"programmes"`
	Organisers  []Ref       `json:"organisers"`
	Documents   []Ref       `json:"documents"`
	Images      []image     `json:"images"`
	Minutes     *attachment `json:"minutes"`
}

// meetingEntry keeps the common fields first, as in every other kind.
type meetingEntry struct {
	entry
	meeting
}

type writer struct {
	url  func(string) string
	lang *lang.Lang
}

func (w writer) ref(e site.Entity) Ref {
	return Ref{Slug: e.E().Slug, Title: e.E().Title, URL: w.url(e.E().URL)}
}

// optRef is a reference or null. It takes the pointer's own type, so that
// a nil *City does not become a non-nil interface.
func optRef[T site.Entity](w writer, e T, ok bool) *Ref {
	if !ok {
		return nil
	}
	r := w.ref(e)
	return &r
}

func refs[T site.Entity](w writer, list []T) []Ref {
	out := make([]Ref, 0, len(list))
	for _, e := range list {
		out = append(out, w.ref(e))
	}
	return out
}

func str(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func date(d *site.Date) *string {
	if d == nil {
		return nil
	}
	s := d.ISO()
	return &s
}

func periodOf(p *site.Period) *period {
	if p == nil {
		return nil
	}
	out := &period{From: p.From}
	if p.To != 0 {
		to := p.To
		out.To = &to
	}
	return out
}

func (w writer) entry(e *site.Entry) entry {
	topics := make([]Ref, 0, len(e.Topics))
	for _, t := range e.Topics {
		topics = append(topics, Ref{Slug: t.Slug, Title: t.Name, URL: w.url(t.URL)})
	}
	return entry{Slug: e.Slug, URL: w.url(e.URL), Title: e.Title, Summary: str(e.Summary), Updated: date(e.Updated), Source: str(e.Source), Topics: topics}
}

func (w writer) city(c *site.City) city {
	return city{
		entry: w.entry(&c.Entry), Region: c.Region, Type: str(c.Type), Website: str(c.Website),
		Parent: optRef(w, c.Parent, c.Parent != nil), Children: refs(w, c.Children),
		Partnerships: refs(w, c.Partnerships), Documents: refs(w, c.Documents),
		Meetings: refs(w, c.Meetings), Organisations: refs(w, c.Organisations),
	}
}

func (w writer) programme(p *site.Programme) programme {
	return programme{
		entry: w.entry(&p.Entry), Short: str(p.Short), Funder: str(p.Funder), Period: periodOf(p.Period),
		Website: str(p.Website), Partnerships: refs(w, p.Partnerships), Documents: refs(w, p.Documents),
		Meetings: refs(w, p.Meetings),
	}
}

func (w writer) organisation(o *site.Organisation) organisation {
	return organisation{
		entry: w.entry(&o.Entry), Type: str(o.Type), City: optRef(w, o.City, o.City != nil),
		Website: str(o.Website), Partnerships: refs(w, o.Partnerships), Documents: refs(w, o.Documents),
		Meetings: refs(w, o.Meetings),
	}
}

func (w writer) partnership(p *site.Partnership) partnership {
	return partnership{
		entry: w.entry(&p.Entry), Type: str(p.Type), Cities: refs(w, p.Cities),
		Leader: optRef(w, p.Leader, p.Leader != nil), Members: refs(w, p.Members),
		Programmes: refs(w, p.Programmes), Founded: date(p.Founded), Website: str(p.Website),
		Documents: refs(w, p.Documents), Meetings: refs(w, p.Meetings),
	}
}

func (w writer) attachment(a *site.Attachment) attachment {
	return attachment{Title: a.Title, URL: w.url(a.URL), Format: a.Format, Size: a.Size, Lang: str(a.Lang)}
}

func (w writer) document(d *site.Document) document {
	out := document{
		entry: w.entry(&d.Entry), Type: d.Type, Status: string(d.Status), State: string(d.State),
		StatusText: d.StatusText, InForce: d.InForce(), Archived: d.Archived(), ConsultationOpen: d.ConsultationOpen(), Cities: refs(w, d.Cities),
		Partnership: optRef(w, d.Partnership, d.Partnership != nil), Organisations: refs(w, d.Organisations),
		Programmes: refs(w, d.Programmes), Period: periodOf(d.Period), Attachments: []attachment{}, Meetings: refs(w, d.Meetings),
	}
	if a := d.Adopted; a != nil {
		out.Adopted = &adoption{Date: a.Date.ISO(), By: str(a.By), Resolution: str(a.Resolution)}
	}
	if c := d.Consultation; c != nil {
		out.Consultation = &consultation{From: date(c.From), To: date(c.To), URL: str(c.URL), Phase: string(d.Phase)}
	}
	if d.ConsultationOpen() && d.DaysLeft > 0 {
		out.DaysLeft = &d.DaysLeft
	}
	for _, a := range d.Attachments {
		out.Attachments = append(out.Attachments, w.attachment(a))
	}
	return out
}

func (w writer) meeting(m *site.Meeting) meetingEntry {
	out := meeting{
		Date: m.Date.ISO(), End: date(m.End), Type: str(m.Type), Upcoming: m.Upcoming,
		Partnership: optRef(w, m.Partnership, m.Partnership != nil), Cities: refs(w, m.Cities),
		Programmes: refs(w, m.Programmes), Organisers: refs(w, m.Organisers),
		Documents: refs(w, m.Documents), Images: []image{},
	}
	if p := m.Place; p != nil {
		out.Place = &place{Name: str(p.Name), Address: str(p.Address), City: optRef(w, p.City, p.City != nil)}
	}
	for _, im := range m.Images {
		out.Images = append(out.Images, image{URL: w.url(im.URL), Alt: str(im.Alt), Credit: str(im.Credit), Decorative: im.Decorative, Width: im.Width, Height: im.Height})
	}
	if m.Minutes != nil {
		a := w.attachment(m.Minutes)
		out.Minutes = &a
	}
	return meetingEntry{entry: w.entry(&m.Entry), meeting: out}
}
