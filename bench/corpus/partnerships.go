package corpus

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
)

// partnershipTitle names a partnership of type typ around the cities cs.
func (p *plan) partnershipTitle(r *rand.Rand, typ int, cs []int, attempt int) string {
	c := &p.cities[cs[0]]
	var t string
	switch partnershipTypes[typ] {
	case "lgd":
		var area string
		if r.IntN(3) == 0 {
			a, b := pick(r, riversInstr[:]), pick(r, riversInstr[:])
			if a == b {
				b = riversInstr[0]
			}
			area = "Między " + a + " a " + b
		} else {
			area = pick(r, landscapeWords[:]) + " " + pick(r, riversGen[:])
		}
		switch r.IntN(4) {
		case 0:
			t = "Lokalna Grupa Działania " + c.genTitle
		case 1:
			t = "Stowarzyszenie Lokalna Grupa Działania „" + area + "”"
		default:
			t = "Lokalna Grupa Działania „" + area + "”"
		}
	case "lgw":
		switch r.IntN(3) {
		case 0:
			t = "Lokalna Grupa Wsparcia URBACT – " + c.name
		case 1:
			t = "Lokalna Grupa Wsparcia projektu „" + pick(r, projectNames[:]) + "” – " + c.name
		default:
			t = "Lokalna Grupa Wsparcia " + c.genTitle
		}
	case "partnerstwo":
		switch {
		case len(cs) > 1 && r.IntN(3) == 0:
			t = "Partnerstwo " + c.name + " – " + p.cities[cs[1]].name
		case r.IntN(2) == 0:
			t = "Partnerstwo „" + pick(r, partnershipMottos[:]) + "”"
		case r.IntN(2) == 0:
			t = "Miejski Obszar Funkcjonalny – " + c.name
		default:
			t = "Związek Międzygminny „" + pick(r, partnershipMottos[:]) + "”"
		}
	case "projekt":
		t = "Projekt „" + pick(r, projectNames[:]) + "”"
	default:
		t = "Koalicja na rzecz " + pick(r, coalitionCauses[:])
		if r.IntN(2) == 0 {
			t += " " + c.genTitle
		}
	}
	if attempt >= 3 && !strings.Contains(t, c.name) {
		t += " – " + c.name
	}
	if attempt >= 20 {
		t += " (" + strconv.Itoa(attempt-18) + ")"
	}
	return t
}

func (p *plan) planPartnerships(r *rand.Rand) {
	n := p.counts.Partnerships
	p.partnerships = make([]partnership, 0, n)
	seen := newNames(n)
	allCities := make([]int, len(p.cities))
	for i := range allCities {
		allCities[i] = i
	}
	var orgPool []int
	for range n {
		typ := weighted(r, 30, 15, 30, 15, 10)
		first := r.IntN(len(p.cities))
		cs := []int{first}
		near := p.byRegion[p.cities[first].region]
		for _, c := range some(r, near, 0, 5) {
			if !slices.Contains(cs, c) {
				cs = append(cs, c)
			}
		}
		if len(cs) < 2 && r.IntN(2) == 0 {
			for _, c := range some(r, allCities, 1, 2) {
				if !slices.Contains(cs, c) {
					cs = append(cs, c)
				}
			}
		}
		orgPool = orgPool[:0]
		for _, c := range cs {
			orgPool = append(orgPool, p.cityOrgs[c]...)
		}
		var members []int
		if r.IntN(4) > 0 {
			if len(orgPool) == 0 || r.IntN(5) == 0 {
				members = upTo(r, len(p.organisations), 1, 3)
			} else {
				members = some(r, orgPool, 1, 8)
			}
		}
		var progs []int
		switch partnershipTypes[typ] {
		case "lgd":
			progs = []int{0}
		case "lgw":
			progs = []int{1}
		default:
			progs = upTo(r, len(p.programmes), 0, 2)
		}
		leader := ref{cities, none}
		switch {
		case len(members) > 0 && r.IntN(3) == 0:
			leader = ref{organisations, pick(r, members)}
		case r.IntN(8) > 0:
			leader = ref{cities, first}
		}
		title, slug := seen.unique(func(attempt int) string { return p.partnershipTitle(r, typ, cs, attempt) })
		p.partnerships = append(p.partnerships, partnership{
			title: title, slug: slug, typ: typ, cities: cs, members: members, programmes: progs, leader: leader,
		})
	}
}
