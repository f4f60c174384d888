// Package jsonld describes an entry in schema.org terms, as the JSON-LD
// that an entry page carries in <script type="application/ld+json">, so
// that search engines and other machines read what people read. It reads
// the site model and returns bytes; it derives nothing the model does not
// say (a document's status is the model's):
//
//	meeting       Event: startDate, endDate (the same day when only a
//	              day is given), location (a Place with a PostalAddress),
//	              organizer (its organisers, or else its partnership),
//	              eventStatus EventScheduled
//	document      Legislation when adopted: legislationIdentifier (the
//	              resolution), legislationDate, legislationPassedBy,
//	              legislationLegalForce InForce or NotInForce; otherwise a
//	              DigitalDocument with its creativeWorkStatus (the status
//	              of its consultation: „w konsultacjach – zostało 5 dni”);
//	              a meeting where residents take part in its consultation
//	              is its subjectOf, an Event
//	city          AdministrativeArea, in its parent or region
//	partnership   Organization with its organisations as member and its
//	              cities as areaServed
//	organisation  NGO (fundacja, stowarzyszenie), GovernmentOrganization
//	              (urząd) or Organization, with its seat as address
//	programme     FundingScheme with its funder
//	page          WebPage
//
// The references between entries come from the model's relations table
// (site.Relations): each relation with a schema.org property names its
// targets by it, as one object or a list, and each back-reference list
// with one names the entries on it. A target is named by the type of its
// own JSON-LD, but a city that acts (an organiser: Relation.Agents) as
// its local government, a GovernmentOrganization. What is not a plain
// property is written here: a meeting's location, from its place or
// first city; its partnership as organizer when it has no organisers;
// the region of a city with no parent; an organisation's seat as its
// address; and a law's area, which is its legislationJurisdiction rather
// than spatialCoverage.
//
// Entry returns the JSON encoded by encoding/json, whose escaping of <, >
// and & keeps a title such as "</script>" from ending the script element.
// Keys are in a fixed order, so the same entry gives the same bytes.
package jsonld

import (
	"fmt"
	"slices"
	"strings"

	"github.com/ratusz/ratusz/generator/internal/jsonstr"
	"github.com/ratusz/ratusz/generator/internal/lang"
	"github.com/ratusz/ratusz/generator/internal/site"
)

// Options say how to write what is not in the entry.
type Options struct {
	Lang *lang.Lang
	// URL makes the address of a site-relative path ("miasta/wloclawek/"):
	// absolute when the site's -base-url is.
	URL func(path string) string
}

// node is one schema.org object: its values are strings, nodes and lists
// of nodes. It is written with its keys in sorted order, so "@context"
// and "@type" come first. It is a short list rather than a map: an entry
// page's structured data is made for every page, and a map costs more
// to make than the few keys in it are worth.
type node []field

// field is one key of a node and its value: a text, a node or a list of
// nodes (null when nil).
type field struct {
	key   string
	text  string
	nodes []node // an object's one node, or a list's
	kind  kind
}

type kind uint8

const (
	textKind kind = iota
	objectKind
	listKind
)

func text(key, v string) field        { return field{key: key, kind: textKind, text: v} }
func object(key string, v node) field { return field{key: key, kind: objectKind, nodes: []node{v}} }
func list(key string, v []node) field { return field{key: key, kind: listKind, nodes: v} }

// has tells whether n has a value for key.
func (n node) has(key string) bool {
	return slices.ContainsFunc(n, func(f field) bool { return f.key == key })
}

// set gives f's key f's value in n, in place of any it had.
func (n *node) set(f field) {
	for i := range *n {
		if (*n)[i].key == f.key {
			(*n)[i] = f
			return
		}
	}
	*n = append(*n, f)
}

// Entry returns the JSON-LD of an entry.
func Entry(e site.Entity, o Options) []byte {
	n := describe(e, o)
	n.set(text("@context", "https://schema.org"))
	// Room for the JSON-LD of most entries, which is 1–2 KB.
	return n.appendJSON(make([]byte, 0, 2048))
}

// appendJSON appends n as json.Marshal writes it, without the reflection:
// every entry page has structured data, so it is written often.
func (n node) appendJSON(b []byte) []byte {
	b = append(b, '{')
	slices.SortFunc(n, func(x, y field) int { return strings.Compare(x.key, y.key) })
	for i, f := range n {
		if i > 0 {
			b = append(b, ',')
		}
		b = jsonstr.Append(b, f.key)
		b = append(b, ':')
		switch f.kind {
		case textKind:
			b = jsonstr.Append(b, f.text)
		case objectKind:
			b = f.nodes[0].appendJSON(b)
		case listKind:
			if f.nodes == nil {
				b = append(b, "null"...)
				break
			}
			b = append(b, '[')
			for j, x := range f.nodes {
				if j > 0 {
					b = append(b, ',')
				}
				b = x.appendJSON(b)
			}
			b = append(b, ']')
		}
	}
	return append(b, '}')
}

func describe(e site.Entity, o Options) node {
	n := common(typeOf(e, false), e.E(), o)
	linked(&n, e, o)
	switch x := e.(type) {
	case *site.Meeting:
		meeting(&n, x, o)
	case *site.Document:
		document(&n, x, o)
	case *site.City:
		city(&n, x, o)
	case *site.Partnership:
		partnership(&n, x, o)
	case *site.Organisation:
		organisation(&n, x, o)
	case *site.Programme:
		programme(&n, x, o)
	default:
		n.set(text("inLanguage", o.Lang.Tag()))
	}
	return n
}

// typeOf is the schema.org type an entry is named by: the type of its own
// JSON-LD, but a city that acts (agent) is its local government.
func typeOf(e site.Entity, agent bool) string {
	switch x := e.(type) {
	case *site.Meeting:
		return "Event"
	case *site.Document:
		return documentType(x)
	case *site.City:
		if agent {
			return "GovernmentOrganization"
		}
		return "AdministrativeArea"
	case *site.Partnership:
		return "Organization"
	case *site.Organisation:
		return organisationType(x)
	case *site.Programme:
		return "FundingScheme"
	}
	return "WebPage"
}

// linked names in n the entries e refers to through the relations of its
// kind that have a schema.org property, and the entries on each of its
// back-reference lists that has one.
func linked(n *node, e site.Entity, o Options) {
	k := e.E().Kind
	for r := range site.RelationsOf(k) {
		if r.Schema == "" {
			continue
		}
		refs := refs(r.Targets(e), r.Agents, o)
		switch {
		case refs == nil:
		case r.Many:
			n.set(list(property(e, r), refs))
		default:
			n.set(object(property(e, r), refs[0]))
		}
	}
	for r := range site.BackRelationsOf(k) {
		if r.SchemaBack == "" {
			continue
		}
		if refs := refs(r.Referrers(e), false, o); refs != nil {
			n.set(list(r.SchemaBack, refs))
		}
	}
}

// property is the schema.org property that names what e refers to through
// r: the table's, but the area a law covers is its jurisdiction.
func property(e site.Entity, r site.Relation) string {
	if d, ok := e.(*site.Document); ok && d.Adopted != nil && r.Schema == "spatialCoverage" {
		return "legislationJurisdiction"
	}
	return r.Schema
}

// refs names entries, as agents or not (typeOf); nil when there are none.
func refs(es []site.Entity, agents bool, o Options) []node {
	if len(es) == 0 {
		return nil
	}
	out := make([]node, len(es))
	for i, x := range es {
		out[i] = ref(typeOf(x, agents), x, o)
	}
	return out
}

// common is what every entry has: its type, name, address and summary.
func common(typ string, e *site.Entry, o Options) node {
	u := o.URL(e.URL)
	n := node{text("@type", typ), text("@id", u), text("name", e.Title), text("url", u)}
	if e.Summary != "" {
		n.set(text("description", e.Summary))
	}
	return n
}

// ref names another entry of the site by its name and address, and a
// meeting, an Event, by its start too.
func ref(typ string, e site.Entity, o Options) node {
	u := o.URL(e.E().URL)
	n := node{text("@type", typ), text("@id", u), text("name", e.E().Title), text("url", u)}
	if m, ok := e.(*site.Meeting); ok {
		n.set(text("startDate", m.Date.ISO()))
	}
	return n
}

func meeting(n *node, m *site.Meeting, o Options) {
	n.set(text("startDate", m.Date.ISO()))
	switch {
	case m.End != nil:
		n.set(text("endDate", m.End.ISO()))
	case m.Date.Precision == site.Day:
		n.set(text("endDate", m.Date.ISO())) // a one-day event
	}
	n.set(text("eventStatus", "https://schema.org/EventScheduled"))
	n.set(text("eventAttendanceMode", "https://schema.org/OfflineEventAttendanceMode"))
	n.set(text("inLanguage", o.Lang.Tag()))
	var place node
	var in *site.City
	switch {
	case m.Place != nil:
		place = node{text("@type", "Place")}
		if m.Place.Name != "" {
			place.set(text("name", m.Place.Name))
		}
		in = m.Place.City
		if in == nil && len(m.Cities) > 0 {
			in = m.Cities[0]
		}
		addr := address(in)
		if m.Place.Address != "" {
			addr.set(text("streetAddress", m.Place.Address))
		}
		place.set(object("address", addr))
	case len(m.Cities) > 0:
		place = node{text("@type", "Place"), text("name", m.Cities[0].Title), object("address", address(m.Cities[0]))}
	}
	if place != nil {
		n.set(object("location", place))
	}
	if !n.has("organizer") && m.Partnership != nil {
		n.set(list("organizer", []node{ref(typeOf(m.Partnership, true), m.Partnership, o)}))
	}
}

// address is the postal address of a place in city, which may be nil.
func address(c *site.City) node {
	country := "PL"
	if c != nil && c.Country != "" {
		country = c.Country
	}
	a := node{text("@type", "PostalAddress"), text("addressCountry", country)}
	if c != nil {
		a.set(text("addressLocality", c.Title))
		if c.Region != "" {
			a.set(text("addressRegion", c.Region))
		}
	}
	return a
}

func documentType(d *site.Document) string {
	if d.Adopted != nil {
		return "Legislation"
	}
	return "DigitalDocument"
}

func document(n *node, d *site.Document, o Options) {
	n.set(text("inLanguage", o.Lang.Tag()))
	n.set(text("genre", o.Lang.T("doctype."+d.Type)))
	n.set(text("creativeWorkStatus", d.StatusText))
	if a := d.Adopted; a != nil {
		if a.Resolution != "" {
			n.set(text("legislationIdentifier", a.Resolution))
		}
		n.set(text("legislationDate", a.Date.ISO()))
		if a.By != "" {
			n.set(object("legislationPassedBy", node{text("@type", "GovernmentOrganization"), text("name", a.By)}))
		}
		if d.InForce() {
			n.set(text("legislationLegalForce", "https://schema.org/InForce"))
		} else {
			n.set(text("legislationLegalForce", "https://schema.org/NotInForce"))
		}
		n.set(text("legislationType", o.Lang.T("doctype."+d.Type)))
	}
	if p := d.Period; p != nil {
		if p.To == 0 {
			n.set(text("temporalCoverage", fmt.Sprintf("%d/..", p.From)))
		} else {
			n.set(text("temporalCoverage", fmt.Sprintf("%d/%d", p.From, p.To)))
		}
	}
	if d.Updated != nil {
		n.set(text("dateModified", d.Updated.ISO()))
	}
	if len(d.Attachments) > 0 {
		var media []node
		for _, a := range d.Attachments {
			m := node{text("@type", "MediaObject"), text("name", a.Title), text("contentUrl", o.URL(a.URL))}
			if a.Lang != "" {
				m.set(text("inLanguage", a.Lang))
			}
			media = append(media, m)
		}
		n.set(list("associatedMedia", media))
	}
	if kw := keywords(&d.Entry); kw != "" {
		n.set(text("keywords", kw))
	}
}

func keywords(e *site.Entry) string {
	s := ""
	for i, t := range e.Topics {
		if i > 0 {
			s += ", "
		}
		s += t.Name
	}
	return s
}

func city(n *node, c *site.City, o Options) {
	if !n.has("containedInPlace") && c.Region != "" {
		n.set(object("containedInPlace", node{text("@type", "AdministrativeArea"), text("name", c.Region)}))
	}
	if c.Website != "" {
		n.set(text("sameAs", c.Website))
	}
	n.set(object("address", address(c)))
}

func partnership(n *node, p *site.Partnership, o Options) {
	if p.Founded != nil {
		n.set(text("foundingDate", p.Founded.ISO()))
	}
	if p.Website != "" {
		n.set(text("sameAs", p.Website))
	}
	if p.Type != "" {
		n.set(text("additionalType", o.Lang.T("ptype."+p.Type)))
	}
}

// organisationType is the schema.org type of an organisation's type.
func organisationType(org *site.Organisation) string {
	switch org.Type {
	case "fundacja", "stowarzyszenie":
		return "NGO"
	case "urzad":
		return "GovernmentOrganization"
	}
	return "Organization"
}

func organisation(n *node, org *site.Organisation, o Options) {
	if org.City != nil {
		n.set(object("address", address(org.City)))
	}
	if org.Website != "" {
		n.set(text("sameAs", org.Website))
	}
}

func programme(n *node, p *site.Programme, o Options) {
	if short := p.ShortName(); short != "" {
		n.set(text("alternateName", short))
	}
	if p.Funder != "" {
		n.set(object("funder", node{text("@type", "Organization"), text("name", p.Funder)}))
	}
	if p.Website != "" {
		n.set(text("sameAs", p.Website))
	}
}
