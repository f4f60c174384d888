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
//	              DigitalDocument with its creativeWorkStatus
//	city          AdministrativeArea, in its parent or region
//	partnership   Organization with its organisations as member and its
//	              cities as areaServed
//	organisation  NGO (fundacja, stowarzyszenie), GovernmentOrganization
//	              (urząd) or Organization, with its seat as address
//	programme     FundingScheme with its funder
//	page          WebPage
//
// Entry returns the JSON encoded by encoding/json, whose escaping of <, >
// and & keeps a title such as "</script>" from ending the script element.
// Keys are in a fixed order, so the same entry gives the same bytes.
package jsonld

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

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
		b = appendString(b, f.key)
		b = append(b, ':')
		switch f.kind {
		case textKind:
			b = appendString(b, f.text)
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

// appendString appends s quoted as json.Marshal quotes it: a string with
// nothing to escape as it is, any other through json.Marshal, which
// escapes <, > and & too, so that no text can end the script element.
// It looks at bytes, and at runes only past ASCII: every name and
// address of an entry passes through here.
func appendString(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if escaped[c] {
				return appendMarshalled(b, s)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || r == '\u2028' || r == '\u2029' {
			return appendMarshalled(b, s)
		}
		i += n
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// escaped tells the ASCII bytes json.Marshal escapes in a string.
var escaped = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&'
	}
	return t
}()

func appendMarshalled(b []byte, s string) []byte {
	q, _ := json.Marshal(s) // a string always encodes
	return append(b, q...)
}

func describe(e site.Entity, o Options) node {
	switch x := e.(type) {
	case *site.Meeting:
		return meeting(x, o)
	case *site.Document:
		return document(x, o)
	case *site.City:
		return city(x, o)
	case *site.Partnership:
		return partnership(x, o)
	case *site.Organisation:
		return organisation(x, o)
	case *site.Programme:
		return programme(x, o)
	}
	n := common("WebPage", e.E(), o)
	n.set(text("inLanguage", o.Lang.Tag()))
	return n
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

// ref names another entry of the site by its name and address.
func ref(typ string, e site.Entity, o Options) node {
	u := o.URL(e.E().URL)
	return node{text("@type", typ), text("@id", u), text("name", e.E().Title), text("url", u)}
}

func meeting(m *site.Meeting, o Options) node {
	n := common("Event", &m.Entry, o)
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
	var orgs []node
	for _, x := range m.Organisers {
		orgs = append(orgs, agent(x, o))
	}
	if len(orgs) == 0 && m.Partnership != nil {
		orgs = append(orgs, ref("Organization", m.Partnership, o))
	}
	if len(orgs) > 0 {
		n.set(list("organizer", orgs))
	}
	if len(m.Documents) > 0 {
		var about []node
		for _, d := range m.Documents {
			about = append(about, ref(documentType(d), d, o))
		}
		n.set(list("about", about))
	}
	return n
}

// address is the postal address of a place in city, which may be nil.
func address(c *site.City) node {
	a := node{text("@type", "PostalAddress"), text("addressCountry", "PL")}
	if c != nil {
		a.set(text("addressLocality", c.Title))
		if c.Region != "" {
			a.set(text("addressRegion", c.Region))
		}
	}
	return a
}

// agent is an organiser: an organisation or a city's local government.
func agent(e site.Entity, o Options) node {
	if org, ok := e.(*site.Organisation); ok {
		return ref(organisationType(org), org, o)
	}
	return ref("GovernmentOrganization", e, o)
}

func documentType(d *site.Document) string {
	if d.Adopted != nil {
		return "Legislation"
	}
	return "DigitalDocument"
}

func document(d *site.Document, o Options) node {
	n := common(documentType(d), &d.Entry, o)
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
		var areas []node
		for _, c := range d.Cities {
			areas = append(areas, ref("AdministrativeArea", c, o))
		}
		if len(areas) > 0 {
			n.set(list("legislationJurisdiction", areas))
		}
	} else {
		var areas []node
		for _, c := range d.Cities {
			areas = append(areas, ref("AdministrativeArea", c, o))
		}
		if len(areas) > 0 {
			n.set(list("spatialCoverage", areas))
		}
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
	if d.Partnership != nil {
		n.set(object("creator", ref("Organization", d.Partnership, o)))
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
	return n
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

func city(c *site.City, o Options) node {
	n := common("AdministrativeArea", &c.Entry, o)
	switch {
	case c.Parent != nil:
		n.set(object("containedInPlace", ref("AdministrativeArea", c.Parent, o)))
	case c.Region != "":
		n.set(object("containedInPlace", node{text("@type", "AdministrativeArea"), text("name", c.Region)}))
	}
	if len(c.Children) > 0 {
		var kids []node
		for _, k := range c.Children {
			kids = append(kids, ref("AdministrativeArea", k, o))
		}
		n.set(list("containsPlace", kids))
	}
	if c.Website != "" {
		n.set(text("sameAs", c.Website))
	}
	n.set(object("address", address(c)))
	return n
}

func partnership(p *site.Partnership, o Options) node {
	n := common("Organization", &p.Entry, o)
	var members []node
	for _, m := range p.Members {
		members = append(members, ref(organisationType(m), m, o))
	}
	if len(members) > 0 {
		n.set(list("member", members))
	}
	var areas []node
	for _, c := range p.Cities {
		areas = append(areas, ref("AdministrativeArea", c, o))
	}
	if len(areas) > 0 {
		n.set(list("areaServed", areas))
	}
	if p.Founded != nil {
		n.set(text("foundingDate", p.Founded.ISO()))
	}
	if p.Website != "" {
		n.set(text("sameAs", p.Website))
	}
	if p.Type != "" {
		n.set(text("additionalType", o.Lang.T("ptype."+p.Type)))
	}
	return n
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

func organisation(org *site.Organisation, o Options) node {
	n := common(organisationType(org), &org.Entry, o)
	if org.City != nil {
		n.set(object("address", address(org.City)))
	}
	var parts []node
	for _, p := range org.Partnerships {
		parts = append(parts, ref("Organization", p, o))
	}
	if len(parts) > 0 {
		n.set(list("memberOf", parts))
	}
	if org.Website != "" {
		n.set(text("sameAs", org.Website))
	}
	return n
}

func programme(p *site.Programme, o Options) node {
	n := common("FundingScheme", &p.Entry, o)
	if short := p.ShortName(); short != "" {
		n.set(text("alternateName", short))
	}
	if p.Funder != "" {
		n.set(object("funder", node{text("@type", "Organization"), text("name", p.Funder)}))
	}
	if p.Website != "" {
		n.set(text("sameAs", p.Website))
	}
	return n
}
