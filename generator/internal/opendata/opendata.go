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
//
// The references come from the model's relations table (site.Relations),
// not from this package: each kind's reference fields are keys of its
// entries, in table order, where the kind's own fields leave room for
// them, and each list of the entries that refer to it (a city's
// documents) is a key after all its other fields. A reference field whose
// key is dotted is in the object of the entry the key names
// ("place.city" is the city key of a meeting's place). This package
// writes the fields that are not references, kind by kind.
package opendata

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/ratusz/ratusz/generator/internal/jsonstr"
	"github.com/ratusz/ratusz/generator/internal/lang"
	"github.com/ratusz/ratusz/generator/internal/site"
)

// File is the site-relative path of a kind's file: "dane/dokumenty.json".
func File(l *lang.Lang, k site.Kind) string {
	return l.Segment("data") + "/" + l.Segment(k.Folder()) + ".json"
}

// Each makes every kind's file and passes it to emit with its path, one
// at a time: write writes the file to w, a few entries at a time, so that
// a large site never holds a whole file (237 MB at 100,000 entries) in
// memory. The file is JSON as json.Marshal writes it, without a line end
// after it. url makes the address of a site-relative path. Each stops at
// emit's first error.
func Each(s *site.Site, url func(string) string, emit func(name string, write func(w io.Writer) error) error) error {
	return each(s, url, tableLayout, emit)
}

// each is Each with the references of each kind laid out by layoutOf.
func each(s *site.Site, url func(string) string, layoutOf func(site.Kind) layout, emit func(name string, write func(w io.Writer) error) error) error {
	n := len(s.Cities) + len(s.Programmes) + len(s.Organisations) + len(s.Partnerships) + len(s.Documents) + len(s.Meetings)
	w := &writer{url: url, refs: make(map[*site.Entry]span, n), made: make([]byte, 0, n*refSize)}
	for _, k := range site.Kinds() {
		var count int
		var entry func(i int)
		switch k {
		case site.KindCity:
			count, entry = len(s.Cities), func(i int) { w.city(s.Cities[i]) }
		case site.KindProgramme:
			count, entry = len(s.Programmes), func(i int) { w.programme(s.Programmes[i]) }
		case site.KindOrganisation:
			count, entry = len(s.Organisations), func(i int) { w.organisation(s.Organisations[i]) }
		case site.KindPartnership:
			count, entry = len(s.Partnerships), func(i int) { w.partnership(s.Partnerships[i]) }
		case site.KindDocument:
			count, entry = len(s.Documents), func(i int) { w.document(s.Documents[i]) }
		case site.KindMeeting:
			count, entry = len(s.Meetings), func(i int) { w.meeting(s.Meetings[i]) }
		}
		w.layout = layoutOf(k)
		head := header(string(k), url(s.Lang.Segment(k.Folder())+"/"), count)
		err := emit(File(s.Lang, k), func(out io.Writer) error {
			if err := w.file(out, head, count, entry); err != nil {
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

// header is the start of a kind's file, up to its first entry:
// {"kind":…,"url":…,"count":…,"entries":[
func header(kind, url string, count int) []byte {
	b := append([]byte(`{"kind":`), quote(kind)...)
	b = append(b, `,"url":`...)
	b = jsonstr.Append(b, url)
	b = append(b, `,"count":`...)
	b = strconv.AppendInt(b, int64(count), 10)
	return append(b, `,"entries":[`...)
}

// quote is s as a JSON string.
func quote(s string) []byte { return jsonstr.Append(nil, s) }

// flushAt is how much of a file the writer holds before writing it out.
const flushAt = 32 << 10

// file writes to out head and the count entries that entry appends to
// w.b, a few at a time, so that it never holds all of them.
func (w *writer) file(out io.Writer, head []byte, count int, entry func(i int)) error {
	w.b = append(w.b[:0], head...)
	for i := range count {
		if i > 0 {
			w.b = append(w.b, ',')
		}
		w.placed = 0
		entry(i)
		if w.placed != w.layout.placed {
			return fmt.Errorf("an entry has %d of the %d reference fields of the relations table: each dotted key (%s) must name an object the entry has", w.placed, w.layout.placed, strings.Join(w.layout.nested, ", "))
		}
		if len(w.b) >= flushAt {
			if _, err := out.Write(w.b); err != nil {
				return err
			}
			w.b = w.b[:0]
		}
	}
	w.b = append(w.b, "]}"...)
	_, err := out.Write(w.b)
	w.b = w.b[:0]
	return err
}

// A layout is where a kind's entries have the references of the
// relations table.
type layout struct {
	refs    []ref    // its reference fields with a key of their own ("cities"), in table order
	objects []object // those in one of its objects ("place.city")
	back    []ref    // the lists of the entries that refer to it
	items   []ref    // those in the items of a list (a consultation's ways to respond)
	placed  int      // how many reference fields an entry writes: refs and those of objects
	nested  []string // the keys of objects' reference fields, for an error
}

// ref is a relation and the JSON key it is written with: `,"cities":`.
type ref struct {
	key string
	rel site.Relation
}

// object is the reference fields kept in one object of an entry: the
// place of a meeting.
type object struct {
	name string // "place"
	refs []ref
}

// tableLayout lays out the references of k as the relations table says.
func tableLayout(k site.Kind) layout {
	return newLayout(slices.Collect(site.RelationsOf(k)), slices.Collect(site.BackRelationsOf(k)))
}

// newLayout lays out a kind's reference fields from and the relations
// that name its entries back, one for each list.
func newLayout(from, back []site.Relation) layout {
	var l layout
	for _, r := range from {
		if r.InItems { // written with its items (a consultation's respond)
			_, key, _ := cutLast(r.Key)
			l.items = append(l.items, ref{key: keyOf(key), rel: r})
			continue
		}
		l.placed++
		name, key, dotted := cutLast(r.Key)
		if !dotted {
			l.refs = append(l.refs, ref{key: keyOf(r.Key), rel: r})
			continue
		}
		l.nested = append(l.nested, r.Key)
		i := 0
		for i < len(l.objects) && l.objects[i].name != name {
			i++
		}
		if i == len(l.objects) {
			l.objects = append(l.objects, object{name: name})
		}
		l.objects[i].refs = append(l.objects[i].refs, ref{key: keyOf(key), rel: r})
	}
	for _, r := range back {
		l.back = append(l.back, ref{key: keyOf(r.Back), rel: r})
	}
	return l
}

// cutLast cuts a dotted key at its last dot: "place", "city".
func cutLast(key string) (before, after string, found bool) {
	if i := strings.LastIndexByte(key, '.'); i >= 0 {
		return key[:i], key[i+1:], true
	}
	return "", key, false
}

// keyOf is the JSON of a key after another: `,"cities":`.
func keyOf(k string) string { return "," + string(quote(k)) + ":" }

// writer appends entries as JSON to b.
type writer struct {
	b      []byte
	url    func(string) string
	layout layout // of the kind being written
	placed int    // the reference fields of the entry written so far

	// A site refers to an entry many times: the first reference to it
	// is appended to made, where refs finds it for the others.
	made []byte
	refs map[*site.Entry]span
}

// refSize is about the size of a reference: {slug, title, url}.
const refSize = 200

// span is where a reference is in writer.made.
type span struct{ from, to int }

// key appends k as the key of the next field of an object that has a
// field before it.
func (w *writer) key(k string) {
	w.b = append(w.b, ',', '"')
	w.b = append(w.b, k...)
	w.b = append(w.b, '"', ':')
}

func (w *writer) str(s string) { w.b = jsonstr.Append(w.b, s) }

// optStr appends s, or null when it is "".
func (w *writer) optStr(s string) {
	if s == "" {
		w.null()
		return
	}
	w.str(s)
}

func (w *writer) null() { w.b = append(w.b, "null"...) }

func (w *writer) number(n int64) { w.b = strconv.AppendInt(w.b, n, 10) }

func (w *writer) boolean(v bool) { w.b = strconv.AppendBool(w.b, v) }

func (w *writer) date(d *site.Date) {
	if d == nil {
		w.null()
		return
	}
	w.str(d.ISO())
}

func (w *writer) period(p *site.Period) {
	if p == nil {
		w.null()
		return
	}
	w.b = append(w.b, `{"from":`...)
	w.number(int64(p.From))
	w.key("to")
	if p.To == 0 {
		w.null()
	} else {
		w.number(int64(p.To))
	}
	w.b = append(w.b, '}')
}

// entry appends the reference to e: {slug, title, url}.
func (w *writer) entry(e site.Entity) {
	x := e.E()
	at, ok := w.refs[x]
	if !ok {
		at.from = len(w.made)
		w.made = w.reference(w.made, x.Slug, x.Title, x.URL)
		at.to = len(w.made)
		w.refs[x] = at
	}
	w.b = append(w.b, w.made[at.from:at.to]...)
}

// reference appends to b a reference: {slug, title, url}.
func (w *writer) reference(b []byte, slug, title, url string) []byte {
	b = append(b, `{"slug":`...)
	b = jsonstr.Append(b, slug)
	b = append(b, `,"title":`...)
	b = jsonstr.Append(b, title)
	b = append(b, `,"url":`...)
	b = jsonstr.Append(b, w.url(url))
	return append(b, '}')
}

// entries appends a list of references to es.
func (w *writer) entries(es []site.Entity) {
	w.b = append(w.b, '[')
	for i, e := range es {
		if i > 0 {
			w.b = append(w.b, ',')
		}
		w.entry(e)
	}
	w.b = append(w.b, ']')
}

// relations appends the fields refs of e: one reference or null, or a
// list.
func (w *writer) relations(e site.Entity, refs []ref) {
	for _, r := range refs {
		w.b = append(w.b, r.key...)
		ts := r.rel.Targets(e)
		switch {
		case r.rel.Many:
			w.entries(ts)
		case len(ts) == 0:
			w.null()
		default:
			w.entry(ts[0])
		}
	}
	w.placed += len(refs)
}

// references appends e's reference fields that have keys of their own,
// in table order.
func (w *writer) references(e site.Entity) { w.relations(e, w.layout.refs) }

// object appends the object name of e: null when it has none (ok false),
// else what fields appends (the object's opening brace and its own
// fields, one at least), then the reference fields the table keeps in it
// and the closing brace.
func (w *writer) object(e site.Entity, name string, ok bool, fields func()) {
	w.key(name)
	var refs []ref
	for _, o := range w.layout.objects {
		if o.name == name {
			refs = o.refs
		}
	}
	if !ok {
		w.null()
		w.placed += len(refs) // none: e has nowhere to keep them
		return
	}
	fields()
	w.relations(e, refs)
	w.b = append(w.b, '}')
}

// end appends the lists of the entries that refer to e, in table order,
// and ends e's object.
func (w *writer) end(e site.Entity) {
	for _, r := range w.layout.back {
		w.b = append(w.b, r.key...)
		w.entries(r.rel.Referrers(e))
	}
	w.b = append(w.b, '}')
}

// common appends the start of every entry: the fields every kind has.
func (w *writer) common(e *site.Entry) {
	w.b = append(w.b, `{"slug":`...)
	w.str(e.Slug)
	w.key("url")
	w.str(w.url(e.URL))
	w.key("title")
	w.str(e.Title)
	w.key("summary")
	w.optStr(e.Summary)
	w.key("updated")
	w.date(e.Updated)
	w.key("source")
	w.optStr(e.Source)
	w.key("topics")
	w.b = append(w.b, '[')
	for i, t := range e.Topics {
		if i > 0 {
			w.b = append(w.b, ',')
		}
		w.b = w.reference(w.b, t.Slug, t.Name, t.URL)
	}
	w.b = append(w.b, ']')
}

func (w *writer) city(c *site.City) {
	w.common(&c.Entry)
	w.key("region")
	w.optStr(c.Region)
	w.key("country")
	w.str(c.Country)
	w.key("type")
	w.optStr(c.Type)
	w.key("website")
	w.optStr(c.Website)
	w.references(c)
	w.end(c)
}

func (w *writer) programme(p *site.Programme) {
	w.common(&p.Entry)
	w.key("short")
	w.optStr(p.Short)
	w.key("funder")
	w.optStr(p.Funder)
	w.key("period")
	w.period(p.Period)
	w.key("website")
	w.optStr(p.Website)
	w.references(p)
	w.end(p)
}

func (w *writer) organisation(o *site.Organisation) {
	w.common(&o.Entry)
	w.key("type")
	w.optStr(o.Type)
	w.references(o)
	w.key("website")
	w.optStr(o.Website)
	w.end(o)
}

func (w *writer) partnership(p *site.Partnership) {
	w.common(&p.Entry)
	w.key("type")
	w.optStr(p.Type)
	w.references(p)
	w.key("founded")
	w.date(p.Founded)
	w.key("website")
	w.optStr(p.Website)
	w.end(p)
}

func (w *writer) attachment(a *site.Attachment) {
	w.b = append(w.b, `{"title":`...)
	w.str(a.Title)
	w.key("url")
	w.str(w.url(a.URL))
	w.key("format")
	w.str(a.Format)
	w.key("size")
	w.number(a.Size)
	w.key("lang")
	w.optStr(a.Lang)
	w.b = append(w.b, '}')
}

func (w *writer) document(d *site.Document) {
	w.common(&d.Entry)
	w.key("type")
	w.str(d.Type)
	w.key("status")
	w.str(string(d.Status))
	w.key("state")
	w.str(string(d.State))
	w.key("status_text")
	w.str(d.StatusText)
	w.key("in_force")
	w.boolean(d.InForce())
	w.key("archived")
	w.boolean(d.Archived())
	w.key("consultation_open")
	w.boolean(d.ConsultationOpen())
	w.key("days_left")
	if d.ConsultationOpen() && d.DaysLeft > 0 {
		w.number(int64(d.DaysLeft))
	} else {
		w.null()
	}
	w.references(d)
	w.key("period")
	w.period(d.Period)
	w.key("adopted")
	if a := d.Adopted; a != nil {
		w.b = append(w.b, `{"date":`...)
		w.str(a.Date.ISO())
		w.key("by")
		w.optStr(a.By)
		w.key("resolution")
		w.optStr(a.Resolution)
		w.b = append(w.b, '}')
	} else {
		w.null()
	}
	w.key("consultation")
	if c := d.Consultation; c != nil {
		w.b = append(w.b, `{"from":`...)
		w.date(c.From)
		w.key("to")
		w.date(c.To)
		w.key("url")
		w.optStr(c.URL)
		w.key("phase")
		w.str(string(d.Phase))
		w.key("respond")
		w.b = append(w.b, '[')
		for i, it := range c.Respond {
			if i > 0 {
				w.b = append(w.b, ',')
			}
			w.b = append(w.b, `{"way":`...)
			w.str(it.Way)
			switch {
			case it.Form != nil:
				w.key("form")
				w.attachment(it.Form)
			case it.Meeting != nil && len(w.layout.items) > 0:
				w.b = append(w.b, w.layout.items[0].key...)
				w.b = w.reference(w.b, it.Meeting.Slug, it.Meeting.Title, it.Meeting.URL)
			default:
				w.key("text")
				w.str(it.Text)
			}
			w.b = append(w.b, '}')
		}
		w.b = append(w.b, ']')
		w.key("outcome")
		if o := c.Outcome; o != nil {
			w.b = append(w.b, `{"date":`...)
			w.str(o.Date.ISO())
			w.key("summary")
			w.optStr(o.Summary)
			w.key("report")
			if o.Report != nil {
				w.attachment(o.Report)
			} else {
				w.null()
			}
			w.b = append(w.b, '}')
		} else {
			w.null()
		}
		w.b = append(w.b, '}')
	} else {
		w.null()
	}
	w.key("attachments")
	w.b = append(w.b, '[')
	for i, a := range d.Attachments {
		if i > 0 {
			w.b = append(w.b, ',')
		}
		w.attachment(a)
	}
	w.b = append(w.b, ']')
	w.end(d)
}

func (w *writer) meeting(m *site.Meeting) {
	w.common(&m.Entry)
	w.key("date")
	w.str(m.Date.ISO())
	w.key("end")
	w.date(m.End)
	w.key("type")
	w.optStr(m.Type)
	w.key("upcoming")
	w.boolean(m.Upcoming)
	p := m.Place
	w.object(m, "place", p != nil, func() {
		w.b = append(w.b, `{"name":`...)
		w.optStr(p.Name)
		w.key("address")
		w.optStr(p.Address)
	})
	w.references(m)
	w.key("images")
	w.b = append(w.b, '[')
	for i, im := range m.Images {
		if i > 0 {
			w.b = append(w.b, ',')
		}
		w.b = append(w.b, `{"url":`...)
		w.str(w.url(im.URL))
		w.key("alt")
		w.optStr(im.Alt)
		w.key("credit")
		w.optStr(im.Credit)
		w.key("decorative")
		w.boolean(im.Decorative)
		w.key("width")
		w.number(int64(im.Width))
		w.key("height")
		w.number(int64(im.Height))
		w.b = append(w.b, '}')
	}
	w.b = append(w.b, ']')
	w.key("minutes")
	if m.Minutes != nil {
		w.attachment(m.Minutes)
	} else {
		w.null()
	}
	w.end(m)
}
