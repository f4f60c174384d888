package corpus

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// files is the number of files in the tree: the entries, and an _index.md
// at the root and in every kind's folder but pages/ (pages are plain pages,
// pages/ has no list page).
func (p *plan) files() int { return int(numKinds) + p.counts.Total() }

func (p *plan) count(k kind) int {
	switch k {
	case cities:
		return len(p.cities)
	case programmes:
		return len(p.programmes)
	case organisations:
		return len(p.organisations)
	case partnerships:
		return len(p.partnerships)
	case documents:
		return len(p.documents)
	case meetings:
		return len(p.meetings)
	}
	return len(p.pages)
}

// renderer turns planned entries into file bytes. Each file's wording and
// formatting come from a generator seeded with the tree's seed and the
// file's kind and number, so a file does not depend on the ones before it.
type renderer struct {
	p      *plan
	pcg    *rand.PCG
	r      *rand.Rand
	fm     frontMatter
	body   bodyWriter
	fields []field
	scrap  []byte
}

func newRenderer(p *plan) *renderer {
	w := &renderer{p: p, pcg: rand.NewPCG(0, 0)}
	w.r = rand.New(w.pcg)
	w.fm.r = w.r
	w.body.r = w.r
	return w
}

// file returns the i-th file of the tree.
func (w *renderer) file(i int) (string, []byte) {
	if i == 0 {
		return "_index.md", w.index(numKinds)
	}
	i--
	for k := range numKinds {
		if k != pages {
			if i == 0 {
				return k.String() + "/_index.md", w.index(k)
			}
			i--
		}
		if n := w.p.count(k); i < n {
			return w.entry(k, i)
		} else {
			i -= n
		}
	}
	panic("corpus: file index out of range")
}

// folderIntros title the list pages; numKinds stands for the home page.
var folderIntros = [numKinds + 1]struct{ title, intro string }{
	cities:        {"Miasta i gminy", "Gminy, miasta, powiaty i województwa, których dokumenty strategiczne, partnerstwa i spotkania publikujemy w serwisie. Lista jest uporządkowana według województw."},
	programmes:    {"Programy", "Programy i fundusze, z których finansowane są partnerstwa, dokumenty i spotkania: od RLKS i URBACT po programy rządowe."},
	organisations: {"Organizacje", "Organizacje pozarządowe, urzędy, instytucje i parafie, które współtworzą partnerstwa i organizują spotkania."},
	partnerships:  {"Partnerstwa", "Lokalne Grupy Działania, Lokalne Grupy Wsparcia, partnerstwa międzygminne, projekty i koalicje samorządów z organizacjami."},
	documents:     {"Dokumenty", "Strategie, programy, polityki, plany i raporty – przyjęte, w konsultacjach i archiwalne."},
	meetings:      {"Spotkania", "Warsztaty, konferencje, spotkania konsultacyjne i posiedzenia – nadchodzące i minione."},
	numKinds:      {"Strategie i partnerstwa samorządów", "Serwis zbiera w jednym miejscu dokumenty strategiczne samorządów, partnerstwa, w których współpracują z organizacjami pozarządowymi, oraz kalendarz spotkań i konsultacji społecznych."},
}

// index renders the _index.md of kind k's folder, or of the content root
// for numKinds.
func (w *renderer) index(k kind) []byte {
	w.seed(k, 1<<30)
	in := folderIntros[k]
	w.fields = append(w.fields[:0], field{key: "title", kind: text, s: in.title})
	fm := w.frontMatter(false)
	b := make([]byte, 0, len(fm)+len(in.intro)+2)
	b = append(b, fm...)
	b = append(b, '\n')
	b = append(b, in.intro...)
	return append(b, '\n')
}

// seed starts the generator for file i of kind k.
func (w *renderer) seed(k kind, i int) {
	w.pcg.Seed(w.p.seed, uint64(k+1)<<40|uint64(i))
}

// frontMatter writes w.fields between delimiters into a fresh buffer.
func (w *renderer) frontMatter(tomlOK bool) []byte {
	w.fm.b = w.fm.b[:0]
	if tomlOK && w.r.IntN(10) == 0 {
		w.fm.b = append(w.fm.b, "+++\n"...)
		w.fm.toml(w.fields)
		w.fm.b = append(w.fm.b, "+++\n"...)
	} else {
		w.fm.b = append(w.fm.b, "---\n"...)
		w.fm.yaml(w.fields, 0)
		w.fm.b = append(w.fm.b, "---\n"...)
	}
	return w.fm.b
}

// entry renders entry i of kind k.
func (w *renderer) entry(k kind, i int) (string, []byte) {
	w.seed(k, i)
	w.fields = w.fields[:0]
	v := bodyVars{kind: k}
	var slug string
	switch k {
	case cities:
		slug = w.city(i, &v)
	case programmes:
		slug = w.programme(i, &v)
	case organisations:
		slug = w.organisation(i, &v)
	case partnerships:
		slug = w.partnership(i, &v)
	case documents:
		slug = w.document(i, &v)
	case meetings:
		slug = w.meeting(i, &v)
	default:
		slug = w.page(i, &v)
	}
	fm := w.frontMatter(true)
	body := w.body.write(&v)
	out := make([]byte, 0, len(fm)+1+len(body))
	out = append(out, fm...)
	out = append(out, '\n')
	out = append(out, body...)
	return k.String() + "/" + slug + ".md", out
}

func (w *renderer) add(f field) { w.fields = append(w.fields, f) }

func (w *renderer) text(key, s string) { w.add(field{key: key, kind: text, s: s}) }

func (w *renderer) list(key string, items []string) {
	if len(items) > 0 {
		w.add(field{key: key, kind: list, items: items})
	}
}

// chance is true with probability n/100.
func (w *renderer) chance(n int) bool { return w.r.IntN(100) < n }

// title adds the title and, for about half of the entries, a summary.
func (w *renderer) title(v *bodyVars) {
	w.text("title", v.title)
	if w.chance(50) {
		w.body.v = v
		w.scrap = w.body.expand(w.scrap[:0], pick(w.r, summaries[v.kind]))
		w.text("summary", string(w.scrap))
	}
}

// extras adds the optional keys every kind has.
func (w *renderer) extras(k kind, slug string, v *bodyVars, topicChance, sourceChance int) {
	if len(v.topics) == 0 && w.chance(topicChance) {
		v.topics = upTo(w.r, len(topics), 1, 2)
	}
	if len(v.topics) > 0 {
		items := make([]string, len(v.topics))
		for i, t := range v.topics {
			items[i] = topics[t]
		}
		w.list("topics", items)
	}
	if w.chance(20) {
		w.add(field{key: "updated", kind: date, s: isoDate(day(w.r, 2019+w.r.IntN(8)))})
	}
	if w.chance(3) {
		w.list("aliases", []string{"/archiwum/" + k.String() + "/" + slug + ".html"})
	}
	if w.chance(sourceChance) && v.place != nil {
		w.add(field{key: "source", kind: url, s: "https://bip." + host(v.place.slug) + ".pl/" + k.String() + "/" + slug})
	}
}

// host makes a plausible host name label of a slug: short slugs as they
// are, long ones as the initials of their words and the last two words
// (fundacja-rozwoju-gminy-nowa-wola → frg-nowa-wola).
func host(slug string) string {
	if len(slug) <= 30 {
		return slug
	}
	words := strings.Split(slug, "-")
	head, tail := words[:len(words)-2], words[len(words)-2:]
	initials := make([]byte, 0, len(head))
	for _, w := range head {
		initials = append(initials, w[0])
	}
	h := string(initials) + "-" + strings.Join(tail, "-")
	if len(h) > 40 {
		h = strings.TrimRight(h[:40], "-")
	}
	return h
}

func isoDate(t time.Time) string { return t.Format(time.DateOnly) }

func (m moment) String() string {
	if !m.clock {
		return isoDate(m.t)
	}
	return m.t.Format("2006-01-02T15:04:05") + warsawOffset(m.t)
}

func (w *renderer) refs(k kind, indexes []int) []string {
	out := make([]string, len(indexes))
	for i, x := range indexes {
		out[i] = w.slug(ref{k, x})
	}
	return out
}

func (w *renderer) slug(x ref) string {
	switch x.kind {
	case cities:
		return w.p.cities[x.index].slug
	case programmes:
		return w.p.programmes[x.index].slug
	case organisations:
		return w.p.organisations[x.index].slug
	case partnerships:
		return w.p.partnerships[x.index].slug
	case documents:
		return w.p.documents[x.index].slug
	}
	return w.p.meetings[x.index].slug
}

// periodField writes a period as "2016-2020" or as a from/to map.
func (w *renderer) periodField(p period) {
	if p.from != p.to && w.chance(50) {
		w.text("period", strconv.Itoa(p.from)+"-"+strconv.Itoa(p.to))
		return
	}
	w.add(field{key: "period", kind: table, sub: []field{
		{key: "from", kind: number, n: p.from},
		{key: "to", kind: number, n: p.to},
	}})
}

func (w *renderer) city(i int, v *bodyVars) string {
	c := &w.p.cities[i]
	v.title, v.place, v.year = c.title, c, 2016+w.r.IntN(10)
	w.title(v)
	w.text("region", regions[c.region].name)
	if w.chance(90) {
		w.text("type", cityTypes[c.typ])
	}
	if c.parent != none {
		w.text("parent", w.p.cities[c.parent].slug)
	}
	if w.chance(60) {
		site := "https://www." + host(c.slug) + ".pl/"
		if c.typ == gminaWiejska && w.chance(50) {
			site = "https://www.gmina-" + host(c.slug) + ".pl/"
		}
		w.add(field{key: "website", kind: url, s: site})
	}
	w.extras(cities, c.slug, v, 15, 0)
	return c.slug
}

func (w *renderer) programme(i int, v *bodyVars) string {
	p := &w.p.programmes[i]
	v.title, v.place, v.year = p.title, &w.p.cities[w.r.IntN(len(w.p.cities))], p.from+w.r.IntN(p.to-p.from+1)
	w.title(v)
	if w.chance(90) {
		w.text("short", p.short)
	}
	if w.chance(85) {
		w.text("funder", p.funder)
	}
	if w.chance(80) {
		w.periodField(period{p.from, p.to})
	}
	if w.chance(70) {
		w.add(field{key: "website", kind: url, s: p.website})
	}
	w.extras(programmes, p.slug, v, 30, 0)
	return p.slug
}

func (w *renderer) organisation(i int, v *bodyVars) string {
	o := &w.p.organisations[i]
	c := &w.p.cities[o.city]
	v.title, v.place, v.year = o.title, c, 1990+w.r.IntN(34)
	w.title(v)
	if w.chance(95) {
		w.text("type", organisationTypes[o.typ])
	}
	if w.chance(92) {
		w.text("city", c.slug)
	}
	if w.chance(40) {
		tld := ".org.pl/"
		if t := organisationTypes[o.typ]; t == "urzad" || t == "instytucja" {
			tld = ".pl/"
		}
		w.add(field{key: "website", kind: url, s: "https://www." + host(o.slug) + tld})
	}
	w.extras(organisations, o.slug, v, 30, 0)
	return o.slug
}

func (w *renderer) partnership(i int, v *bodyVars) string {
	ps := &w.p.partnerships[i]
	founded := 2008 + w.r.IntN(17)
	v.title, v.place, v.year = ps.title, &w.p.cities[ps.cities[0]], founded
	w.title(v)
	if w.chance(95) {
		w.text("type", partnershipTypes[ps.typ])
	}
	w.list("cities", w.refs(cities, ps.cities))
	if ps.leader.index != none {
		w.text("leader", w.slug(ps.leader))
	}
	w.list("members", w.refs(organisations, ps.members))
	w.list("programmes", w.refs(programmes, ps.programmes))
	if w.chance(60) {
		t := day(w.r, founded)
		switch weighted(w.r, 50, 30, 20) {
		case 0:
			w.add(field{key: "founded", kind: partialDate, s: t.Format("2006-01")})
		case 1:
			w.add(field{key: "founded", kind: date, s: isoDate(t)})
		default:
			w.add(field{key: "founded", kind: partialDate, s: strconv.Itoa(founded)})
		}
	}
	if w.chance(50) {
		w.add(field{key: "website", kind: url, s: "https://" + host(ps.slug) + ".org.pl/"})
	}
	w.extras(partnerships, ps.slug, v, 40, 0)
	return ps.slug
}

func (w *renderer) document(i int, v *bodyVars) string {
	d := &w.p.documents[i]
	c := &w.p.cities[d.cities[0]]
	v.title, v.place, v.year, v.topics = d.title, c, d.period.from, d.topics
	w.title(v)
	w.text("type", documentTypes[d.typ])
	w.text("status", documentStatuses[d.status])
	w.list("cities", w.refs(cities, d.cities))
	if d.partnership != none {
		w.text("partnership", w.p.partnerships[d.partnership].slug)
	}
	w.list("programmes", w.refs(programmes, d.programmes))
	if d.periodShown {
		w.periodField(d.period)
	}
	switch documentStatuses[d.status] {
	case "adopted":
		sub := []field{{key: "date", kind: date, s: isoDate(d.adopted)}}
		if w.chance(90) {
			sub = append(sub, field{key: "by", kind: text, s: d.by})
		}
		if w.chance(85) {
			sub = append(sub, field{key: "resolution", kind: text, s: d.resolution})
		}
		w.add(field{key: "adopted", kind: table, sub: sub})
	case "consultation":
		w.add(field{key: "consultation", kind: table, sub: []field{
			{key: "from", kind: date, s: isoDate(d.consultation[0])},
			{key: "to", kind: date, s: isoDate(d.consultation[1])},
			{key: "url", kind: url, s: "https://konsultacje." + host(c.slug) + ".pl/" + d.slug},
		}})
	}
	w.extras(documents, d.slug, v, 0, 30)
	return d.slug
}

func (w *renderer) meeting(i int, v *bodyVars) string {
	m := &w.p.meetings[i]
	main := m.placeCity
	switch {
	case main != none:
	case len(m.cities) > 0:
		main = m.cities[0]
	default:
		main = w.p.partnerships[m.partnership].cities[0]
	}
	v.title, v.place, v.year, v.topics = m.title, &w.p.cities[main], m.start.t.Year(), m.topics
	v.when = polishDate(m.start.t)
	w.title(v)
	w.add(field{key: "date", kind: date, s: m.start.String()})
	if !m.end.t.IsZero() {
		w.add(field{key: "end", kind: date, s: m.end.String()})
	}
	if w.chance(95) {
		w.text("type", meetingTypes[m.typ])
	}
	if m.placeName != "" {
		sub := []field{{key: "name", kind: text, s: m.placeName}}
		if m.address != "" {
			sub = append(sub, field{key: "address", kind: text, s: m.address})
		}
		if m.placeCity != none {
			sub = append(sub, field{key: "city", kind: text, s: w.p.cities[m.placeCity].slug})
		}
		w.add(field{key: "place", kind: table, sub: sub})
	}
	if m.partnership != none {
		w.text("partnership", w.p.partnerships[m.partnership].slug)
	}
	w.list("cities", w.refs(cities, m.cities))
	w.list("programmes", w.refs(programmes, m.programmes))
	if len(m.organisers) > 0 {
		items := make([]string, len(m.organisers))
		for j, o := range m.organisers {
			items[j] = w.slug(o)
		}
		w.list("organisers", items)
	}
	w.list("documents", w.refs(documents, m.documents))
	w.extras(meetings, m.slug, v, 0, 15)
	return m.slug
}

func (w *renderer) page(i int, v *bodyVars) string {
	pg := &w.p.pages[i]
	v.title, v.place, v.year = pg.title, &w.p.cities[w.r.IntN(len(w.p.cities))], 2018+w.r.IntN(8)
	w.title(v)
	w.extras(pages, pg.slug, v, 0, 0)
	return pg.slug
}
