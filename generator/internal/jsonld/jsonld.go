// Package jsonld describes an entry in schema.org terms, as the JSON-LD
// that an entry page carries in <script type="application/ld+json">, so
// that search engines and other machines read what people read:
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
// and "@type" come first.
type node map[string]any

// Entry returns the JSON-LD of an entry.
func Entry(e site.Entity, o Options) ([]byte, error) {
	n := describe(e, o)
	n["@context"] = "https://schema.org"
	// Room for the JSON-LD of most entries, which is 1–2 KB.
	b, err := n.appendJSON(make([]byte, 0, 2048))
	if err != nil {
		return nil, fmt.Errorf("%s: structured data: %w", e.E().Path, err)
	}
	return b, nil
}

// appendJSON appends n as json.Marshal writes it, without the reflection:
// every entry page has structured data, so it is written often.
func (n node) appendJSON(b []byte) ([]byte, error) {
	b = append(b, '{')
	var room [16]string // a node has fewer keys: sorted without allocating
	keys := room[:0]
	for k := range n {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, k)
		b = append(b, ':')
		var err error
		switch v := n[k].(type) {
		case string:
			b = appendString(b, v)
		case node:
			b, err = v.appendJSON(b)
		case []node:
			if v == nil {
				b = append(b, "null"...)
				break
			}
			b = append(b, '[')
			for j, x := range v {
				if j > 0 {
					b = append(b, ',')
				}
				if b, err = x.appendJSON(b); err != nil {
					break
				}
			}
			b = append(b, ']')
		default:
			var m []byte
			m, err = json.Marshal(v)
			b = append(b, m...)
		}
		if err != nil {
			return nil, err
		}
	}
	return append(b, '}'), nil
}

// appendString appends s quoted as json.Marshal quotes it: a string with
// nothing to escape as it is, any other through json.Marshal, which
// escapes <, > and & too, so that no text can end the script element.
func appendString(b []byte, s string) []byte {
	for _, r := range s {
		if r < 0x20 || r == '"' || r == '\\' || r == '<' || r == '>' || r == '&' || r == utf8.RuneError || r == '\u2028' || r == '\u2029' {
			q, _ := json.Marshal(s) // a string always encodes
			return append(b, q...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
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
	n["inLanguage"] = o.Lang.Tag()
	return n
}

// common is what every entry has: its type, name, address and summary.
func common(typ string, e *site.Entry, o Options) node {
	u := o.URL(e.URL)
	n := node{"@type": typ, "@id": u, "name": e.Title, "url": u}
	if e.Summary != "" {
		n["description"] = e.Summary
	}
	return n
}

// ref names another entry of the site by its name and address.
func ref(typ string, e site.Entity, o Options) node {
	u := o.URL(e.E().URL)
	return node{"@type": typ, "@id": u, "name": e.E().Title, "url": u}
}

func meeting(m *site.Meeting, o Options) node {
	n := common("Event", &m.Entry, o)
	n["startDate"] = m.Date.ISO()
	switch {
	case m.End != nil:
		n["endDate"] = m.End.ISO()
	case m.Date.Precision == site.Day:
		n["endDate"] = m.Date.ISO() // a one-day event
	}
	n["eventStatus"] = "https://schema.org/EventScheduled"
	n["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
	n["inLanguage"] = o.Lang.Tag()
	var place node
	var in *site.City
	switch {
	case m.Place != nil:
		place = node{"@type": "Place"}
		if m.Place.Name != "" {
			place["name"] = m.Place.Name
		}
		in = m.Place.City
		if in == nil && len(m.Cities) > 0 {
			in = m.Cities[0]
		}
		addr := address(in)
		if m.Place.Address != "" {
			addr["streetAddress"] = m.Place.Address
		}
		place["address"] = addr
	case len(m.Cities) > 0:
		place = node{"@type": "Place", "name": m.Cities[0].Title, "address": address(m.Cities[0])}
	}
	if place != nil {
		n["location"] = place
	}
	var orgs []node
	for _, x := range m.Organisers {
		orgs = append(orgs, agent(x, o))
	}
	if len(orgs) == 0 && m.Partnership != nil {
		orgs = append(orgs, ref("Organization", m.Partnership, o))
	}
	if len(orgs) > 0 {
		n["organizer"] = orgs
	}
	if len(m.Documents) > 0 {
		var about []node
		for _, d := range m.Documents {
			about = append(about, ref(documentType(d), d, o))
		}
		n["about"] = about
	}
	return n
}

// address is the postal address of a place in city, which may be nil.
func address(c *site.City) node {
	a := node{"@type": "PostalAddress", "addressCountry": "PL"}
	if c != nil {
		a["addressLocality"] = c.Title
		if c.Region != "" {
			a["addressRegion"] = c.Region
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
	n["inLanguage"] = o.Lang.Tag()
	n["genre"] = o.Lang.T("doctype." + d.Type)
	n["creativeWorkStatus"] = o.Lang.T("status." + string(d.State))
	if a := d.Adopted; a != nil {
		if a.Resolution != "" {
			n["legislationIdentifier"] = a.Resolution
		}
		n["legislationDate"] = a.Date.ISO()
		if a.By != "" {
			n["legislationPassedBy"] = node{"@type": "GovernmentOrganization", "name": a.By}
		}
		if d.InForce {
			n["legislationLegalForce"] = "https://schema.org/InForce"
		} else {
			n["legislationLegalForce"] = "https://schema.org/NotInForce"
		}
		n["legislationType"] = o.Lang.T("doctype." + d.Type)
		var areas []node
		for _, c := range d.Cities {
			areas = append(areas, ref("AdministrativeArea", c, o))
		}
		if len(areas) > 0 {
			n["legislationJurisdiction"] = areas
		}
	} else {
		var areas []node
		for _, c := range d.Cities {
			areas = append(areas, ref("AdministrativeArea", c, o))
		}
		if len(areas) > 0 {
			n["spatialCoverage"] = areas
		}
	}
	if p := d.Period; p != nil {
		if p.To == 0 {
			n["temporalCoverage"] = fmt.Sprintf("%d/..", p.From)
		} else {
			n["temporalCoverage"] = fmt.Sprintf("%d/%d", p.From, p.To)
		}
	}
	if d.Updated != nil {
		n["dateModified"] = d.Updated.ISO()
	}
	if d.Partnership != nil {
		n["creator"] = ref("Organization", d.Partnership, o)
	}
	if len(d.Attachments) > 0 {
		var media []node
		for _, a := range d.Attachments {
			m := node{"@type": "MediaObject", "name": a.Title, "contentUrl": o.URL(a.URL)}
			if a.Lang != "" {
				m["inLanguage"] = a.Lang
			}
			media = append(media, m)
		}
		n["associatedMedia"] = media
	}
	if kw := keywords(&d.Entry); kw != "" {
		n["keywords"] = kw
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
		n["containedInPlace"] = ref("AdministrativeArea", c.Parent, o)
	case c.Region != "":
		n["containedInPlace"] = node{"@type": "AdministrativeArea", "name": c.Region}
	}
	if len(c.Children) > 0 {
		var kids []node
		for _, k := range c.Children {
			kids = append(kids, ref("AdministrativeArea", k, o))
		}
		n["containsPlace"] = kids
	}
	if c.Website != "" {
		n["sameAs"] = c.Website
	}
	n["address"] = address(c)
	return n
}

func partnership(p *site.Partnership, o Options) node {
	n := common("Organization", &p.Entry, o)
	var members []node
	for _, m := range p.Members {
		members = append(members, ref(organisationType(m), m, o))
	}
	if len(members) > 0 {
		n["member"] = members
	}
	var areas []node
	for _, c := range p.Cities {
		areas = append(areas, ref("AdministrativeArea", c, o))
	}
	if len(areas) > 0 {
		n["areaServed"] = areas
	}
	if p.Founded != nil {
		n["foundingDate"] = p.Founded.ISO()
	}
	if p.Website != "" {
		n["sameAs"] = p.Website
	}
	if p.Type != "" {
		n["additionalType"] = o.Lang.T("ptype." + p.Type)
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
		n["address"] = address(org.City)
	}
	var parts []node
	for _, p := range org.Partnerships {
		parts = append(parts, ref("Organization", p, o))
	}
	if len(parts) > 0 {
		n["memberOf"] = parts
	}
	if org.Website != "" {
		n["sameAs"] = org.Website
	}
	return n
}

func programme(p *site.Programme, o Options) node {
	n := common("FundingScheme", &p.Entry, o)
	if p.Short != "" {
		n["alternateName"] = p.Short
	}
	if p.Funder != "" {
		n["funder"] = node{"@type": "Organization", "name": p.Funder}
	}
	if p.Website != "" {
		n["sameAs"] = p.Website
	}
	return n
}
