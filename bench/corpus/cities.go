package corpus

import (
	"math/rand/v2"
	"strconv"
	"strings"
)

// titleCase capitalises every hyphen- or space-separated word.
func titleCase(s string) string {
	b := []rune(s)
	for i := range b {
		if i == 0 || b[i-1] == ' ' || b[i-1] == '-' {
			b[i] = []rune(strings.ToUpper(string(b[i])))[0]
		}
	}
	return string(b)
}

// placeName makes a Polish place name from the word lists.
func placeName(r *rand.Rand) (string, gender) {
	var root string
	var g gender
	if r.IntN(3) == 0 {
		e := pick(r, placeEndings[:])
		root, g = pick(r, placeStems[:])+e.s, e.g
	} else {
		g = gender(r.IntN(len(placeRoots)))
		root = pick(r, placeRoots[g])
	}
	adj := func(list [][3]string) string {
		return pick(r, list)[min(int(g), 2)]
	}
	switch weighted(r, 45, 16, 8, 3, 10, 3) {
	case 1:
		return root + " " + adj(placeAdjectives[:]), g
	case 2:
		return adj(placeAdjectives[prefixFrom:prefixTo]) + " " + root, g
	case 3:
		return adj(placeAdjectives[newOld:prefixTo]) + " " + root + " " + adj(placeAdjectives[:upperLower]), g
	case 4:
		return root + " nad " + pick(r, riversInstr[:]), g
	case 5:
		if g == feminine || g == neuter {
			return root + "-Zdrój", g
		}
	}
	return root, g
}

// powiatAdjective derives the adjective of a powiat from its seat's name
// (Łęczyca → łęczycki), for the names where a simple rule works.
func powiatAdjective(name string) (string, bool) {
	if strings.ContainsAny(name, " -") {
		return "", false
	}
	s := strings.ToLower(name)
	switch {
	case strings.HasSuffix(s, "ka"), strings.HasSuffix(s, "ga"), strings.HasSuffix(s, "cha"):
		return "", false
	case strings.HasSuffix(s, "ca"):
		return strings.TrimSuffix(s, "a") + "ki", true
	case strings.HasSuffix(s, "na"), strings.HasSuffix(s, "in"):
		s = strings.TrimSuffix(s, "a")
		return strings.TrimSuffix(s, "n") + "ński", true
	case strings.HasSuffix(s, "a"), strings.HasSuffix(s, "wo"):
		return s[:len(s)-1] + "ski", true
	case strings.HasSuffix(s, "ów"):
		return strings.TrimSuffix(s, "ów") + "owski", true
	case strings.HasSuffix(s, "sk"):
		return s + "i", true
	case strings.HasSuffix(s, "ko"):
		return s[:len(s)-1] + "i", true
	case strings.HasSuffix(s, "ice"), strings.HasSuffix(s, "yce"):
		return s[:len(s)-1] + "ki", true
	}
	return "", false
}

func (p *plan) planCities(r *rand.Rand) {
	n := p.counts.Cities
	nv := min(len(regions), n/60)
	np := max(1, n*9/100)
	p.cities = make([]city, 0, n)
	for i := range p.voivodeships {
		p.voivodeships[i] = none
	}
	seen := newNames(n)
	add := func(c city) { // c.title is claimed already
		c.slug = slugify(c.title)
		i := len(p.cities)
		p.cities = append(p.cities, c)
		p.byRegion[c.region] = append(p.byRegion[c.region], i)
		switch c.typ {
		case powiat:
			p.powiats = append(p.powiats, i)
		case wojewodztwo:
			p.voivodeships[c.region] = i
		}
	}
	for _, reg := range r.Perm(len(regions))[:nv] {
		adj := regions[reg].name
		seen.claim("Województwo " + adj)
		gen := "województwa " + regions[reg].gen
		add(city{
			title: "Województwo " + adj, name: "Województwo " + adj,
			gen: gen, genTitle: titleCase(gen),
			council: "Sejmik " + titleCase(gen), councilGen: "Sejmiku " + titleCase(gen),
			office: "Urząd Marszałkowski " + titleCase(gen),
			typ:    wojewodztwo, region: reg, parent: none,
		})
	}
	for len(p.powiats) < np {
		name, _ := placeName(r)
		adj, ok := powiatAdjective(name)
		if !ok {
			continue
		}
		if _, ok := seen.claim("Powiat " + adj); !ok {
			continue
		}
		reg := r.IntN(len(regions))
		parent := none
		if v := p.voivodeships[reg]; v != none && r.IntN(2) == 0 {
			parent = v
		}
		gen := "powiatu " + adj + "ego"
		add(city{
			title: "Powiat " + adj, name: "Powiat " + adj,
			gen: gen, genTitle: titleCase(gen),
			council: "Rada " + titleCase(gen), councilGen: "Rady " + titleCase(gen),
			office: "Starostwo " + titleCase(gen),
			typ:    powiat, region: reg, parent: parent,
		})
	}
	for len(p.cities) < n {
		name, _ := placeName(r)
		for attempt := 1; ; attempt++ {
			if _, ok := seen.claim(name); ok {
				break
			}
			name, _ = placeName(r)
			switch {
			case attempt > 40:
				name += " " + strconv.Itoa(attempt-39)
			case attempt > 20:
				name = "Kolonia " + name
			}
		}
		c := city{name: name, title: name, parent: none}
		c.typ = [...]int{gminaWiejska, gminaMiejskoWiejska, gminaMiejska, miastoNaPrawachPowiatu}[weighted(r, 50, 27, 17, 6)]
		if c.typ == miastoNaPrawachPowiatu {
			c.region = r.IntN(len(regions))
			if v := p.voivodeships[c.region]; v != none && r.IntN(2) == 0 {
				c.parent = v
			}
		} else if r.IntN(10) < 6 {
			c.parent = pick(r, p.powiats)
			c.region = p.cities[c.parent].region
		} else {
			c.region = r.IntN(len(regions))
		}
		switch c.typ {
		case gminaWiejska:
			c.gen, c.genTitle = "gminy "+name, "Gminy "+name
			c.council, c.councilGen, c.office = "Rada Gminy "+name, "Rady Gminy "+name, "Urząd Gminy "+name
		case gminaMiejskoWiejska:
			c.gen, c.genTitle = "gminy "+name, "Miasta i Gminy "+name
			c.council, c.councilGen, c.office = "Rada Gminy i Miasta "+name, "Rady Gminy i Miasta "+name, "Urząd Miasta i Gminy "+name
		default:
			c.gen, c.genTitle = "miasta "+name, "Miasta "+name
			c.council, c.councilGen, c.office = "Rada Miejska "+name, "Rady Miejskiej "+name, "Urząd Miasta "+name
		}
		add(c)
	}
}
