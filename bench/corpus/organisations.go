package corpus

import (
	"math/rand/v2"
	"strconv"
)

// organisationTitle names an organisation of type typ seated in c.
func organisationTitle(r *rand.Rand, typ int, c *city, attempt int) string {
	fancy := "„" + pick(r, fancyNames[:]) + "”"
	var t string
	switch organisationTypes[typ] {
	case "urzad":
		switch {
		case attempt == 0:
			t = c.office
		case c.typ == powiat && attempt == 1:
			t = "Powiatowy Urząd Pracy – " + c.name
		default:
			t = pick(r, []string{"Powiatowy Urząd Pracy", "Urząd Stanu Cywilnego", "Zarząd Dróg i Transportu", "Zakład Gospodarki Komunalnej"}) + " – " + c.name
		}
	case "instytucja":
		if r.IntN(3) == 0 {
			t = pick(r, []string{"Szkoła Podstawowa nr ", "Zespół Szkół nr ", "Przedszkole nr "}) + strconv.Itoa(1+r.IntN(9)) + " – " + c.name
		} else {
			t = pick(r, institutionKinds[:]) + " " + c.genTitle
		}
	case "fundacja":
		switch r.IntN(4) {
		case 0:
			t = "Fundacja " + pick(r, foundationFields[:]) + " " + fancy
		case 1:
			t = "Fundacja " + fancy
		case 2:
			t = "Fundacja Rozwoju " + c.genTitle
		default:
			t = "Fundacja " + pick(r, foundationFields[:]) + " – " + c.name
		}
	case "stowarzyszenie":
		switch r.IntN(7) {
		case 0:
			t = "Stowarzyszenie Przyjaciół " + c.genTitle
		case 1:
			t = "Stowarzyszenie na rzecz Rozwoju " + c.genTitle
		case 2:
			t = "Stowarzyszenie " + fancy + " – " + c.name
		case 3:
			t = "Uniwersytet Trzeciego Wieku – " + c.name
		case 4:
			t = "Koło Gospodyń Wiejskich " + fancy + " – " + c.name
		case 5:
			t = "Ochotnicza Straż Pożarna – " + c.name
		default:
			t = "Stowarzyszenie " + pick(r, foundationFields[:]) + " " + fancy
		}
	case "kosciol":
		saint := pick(r, saints[:])
		if saint != "Trójcy Świętej" {
			saint = "św. " + saint
		}
		switch r.IntN(4) {
		case 0:
			t = "Parafia Ewangelicko-Augsburska – " + c.name
		case 1:
			t = "Caritas Parafii pw. " + saint + " – " + c.name
		default:
			t = "Parafia Rzymskokatolicka pw. " + saint + " – " + c.name
		}
	default:
		switch r.IntN(4) {
		case 0, 1:
			t = pick(r, councilBodies[:]) + " " + c.genTitle
		case 2:
			t = "Spółdzielnia Socjalna " + fancy + " – " + c.name
		default:
			t = pick(r, []string{"Cech Rzemiosł Różnych", "Lokalna Organizacja Turystyczna", "Bank Żywności", "Klub Sportowy „Start”"}) + " – " + c.name
		}
	}
	if attempt >= 20 {
		t += " – koło nr " + strconv.Itoa(attempt-18)
	}
	return t
}

func (p *plan) planOrganisations(r *rand.Rand) {
	n := p.counts.Organisations
	p.organisations = make([]organisation, 0, n)
	p.cityOrgs = make([][]int, len(p.cities))
	seen := newNames(n)
	for _, c := range p.cities { // organisers and leaders may be either kind
		seen.slugs[c.slug] = true
	}
	for range n {
		typ := weighted(r, 22, 35, 8, 18, 8, 9)
		seat := r.IntN(len(p.cities))
		title, slug := seen.unique(func(attempt int) string {
			return organisationTitle(r, typ, &p.cities[seat], attempt)
		})
		p.cityOrgs[seat] = append(p.cityOrgs[seat], len(p.organisations))
		p.organisations = append(p.organisations, organisation{title: title, slug: slug, typ: typ, city: seat})
	}
}
