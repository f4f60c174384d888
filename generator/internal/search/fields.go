package search

import (
	"strconv"
	"strings"
	"time"

	"github.com/ratusz/ratusz/generator/internal/site"
)

// A doc is what the index keeps of an entry: the words of its three
// fields, weighted title over facts over body, and what a result shows.
type doc struct {
	entity site.Entity
	names  []string // other names of the entry, which count as its title: a programme's short name
	facts  []string // every fact a resident reads on its page, as text
	meta   string   // the result's line under the title: "strategia, 2016–2020 · obowiązuje"
}

// label is the catalog's label of a value (prefix + v), or v itself.
func (b *builder) label(prefix, v string) string {
	if v == "" || !b.lang.Has(prefix+v) {
		return v
	}
	return b.lang.T(prefix + v)
}

func (b *builder) date(d site.Date) string { return d.Text(b.lang, b.site.Zone) }

func year(t time.Time) string { return strconv.Itoa(t.Year()) }

// docOf gathers the facts of an entry: its summary, topics, type and
// status in words, the names of what it refers to (with a programme's
// short name), and what each kind says of itself: the adoption of a
// document, the place and day of a meeting, the region of a city. Only
// what does not change from day to day goes in: a consultation's "5
// days left" would make the index differ every day.
func (b *builder) docOf(e site.Entity) doc {
	en := e.E()
	d := doc{entity: e}
	add := func(s ...string) {
		for _, v := range s {
			if v = strings.TrimSpace(v); v != "" {
				d.facts = append(d.facts, v)
			}
		}
	}
	add(en.Summary, b.lang.T("kind."+string(en.Kind)))
	for _, t := range en.Topics {
		add(t.Name)
	}
	for r := range site.RelationsOf(en.Kind) {
		for _, t := range r.Targets(e) {
			add(t.E().Title)
			if p, ok := t.(*site.Programme); ok {
				add(p.Short)
			}
		}
	}
	var meta []string
	switch e := e.(type) {
	case *site.Document:
		typ, state := b.label("doctype.", e.Type), b.lang.T("status."+string(e.State))
		add(e.Type, typ, state, e.Period.Text(b.lang))
		if a := e.Adopted; a != nil {
			add(a.Resolution, a.By, b.date(a.Date))
		}
		for _, at := range e.Attachments {
			add(at.Title)
		}
		meta = append(meta, join(", ", typ, e.Period.Text(b.lang)), state)
	case *site.Meeting:
		typ := b.label("mtype.", e.Type)
		add(e.Type, typ, b.lang.Date(e.Date.Time.In(b.site.Zone))) // the day, not the hours
		when := site.RangeText(e.Date, e.End, b.lang, b.site.Zone) // as its page says it
		place := ""
		if p := e.Place; p != nil {
			add(p.Name, p.Address)
			place = p.Name
		}
		meta = append(meta, typ, when, place)
	case *site.Partnership:
		typ := b.label("ptype.", e.Type)
		add(e.Type, typ)
		if e.Founded != nil {
			add(year(e.Founded.Time))
		}
		meta = append(meta, typ)
	case *site.City:
		typ := b.label("ctype.", e.Type)
		region := e.Region
		if e.CountryName != "" {
			region = join(", ", e.CountryName, e.Region)
		}
		add(typ, region)
		if e.Parent != nil {
			add(e.Parent.Title)
		}
		meta = append(meta, join(", ", typ, region))
	case *site.Programme:
		d.names = append(d.names, e.Short)
		add(e.Funder, e.Period.Text(b.lang))
		meta = append(meta, e.ShortName())
	case *site.Organisation:
		typ := b.label("otype.", e.Type)
		add(e.Type, typ)
		city := ""
		if e.City != nil {
			city = e.City.Title
		}
		meta = append(meta, join(", ", typ, city))
	}
	d.meta = join(" · ", append([]string{b.lang.T("kind." + string(en.Kind))}, meta...)...)
	return d
}

// join joins the non-empty strings of s with sep.
func join(sep string, s ...string) string {
	var out []string
	for _, v := range s {
		if v != "" {
			out = append(out, v)
		}
	}
	return strings.Join(out, sep)
}
