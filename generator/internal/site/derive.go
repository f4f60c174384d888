package site

import (
	"bytes"
	"cmp"
	"runtime"
	"slices"
	"time"

	"golang.org/x/sync/errgroup"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// derive computes what follows from the resolved entries: states, topics,
// back-references, regions and the order of every list.
func (b *builder) derive() {
	s := b.site
	now := s.Now
	for _, d := range s.Documents {
		d.derive(now, s.Lang)
	}
	for _, m := range s.Meetings {
		m.derive(now)
	}
	s.dateChanges()
	b.backrefs()
	b.topicIndex()
	b.regions()
	b.unusedAssets()
	b.sortAll()
	slices.Sort(s.Warnings)
}

// endOfDay is the last moment of a date given without a time.
func endOfDay(d Date) time.Time {
	if d.HasClock() {
		return d.Time
	}
	return d.Time.AddDate(0, 0, 1).Add(-time.Nanosecond)
}

func (m *Meeting) derive(now time.Time) {
	last := m.Date
	if m.End != nil {
		last = *m.End
	}
	m.Upcoming = !endOfDay(last).Before(now)
	// Where the meeting belongs: the cities written, the place's city and
	// every city of its partnership.
	if m.Place != nil && m.Place.City != nil && !slices.Contains(m.Cities, m.Place.City) {
		m.Cities = append(m.Cities, m.Place.City)
	}
	if m.Partnership != nil {
		for _, c := range m.Partnership.Cities {
			if !slices.Contains(m.Cities, c) {
				m.Cities = append(m.Cities, c)
			}
		}
	}
}

// backrefs fills every entry's lists of what refers to it, by the
// relations table. An entry can reach a list twice (a city that organises
// a meeting it also hosts); sortAll drops the repeats, which sorting puts
// side by side.
func (b *builder) backrefs() {
	for _, e := range b.site.Entities() {
		eachBackref(e, func(_ Entity, l backrefs) { l.add(e) })
	}
}

// topicIndex merges topics written differently ("NGO", "ngo") into one per
// slug, named by its most frequent spelling.
func (b *builder) topicIndex() {
	s := b.site
	spellings := map[string]map[string]int{}
	var all []Entity
	for _, e := range s.Entities() {
		all = append(all, e)
		for _, t := range e.E().Topics {
			if spellings[t.Slug] == nil {
				spellings[t.Slug] = map[string]int{}
			}
			spellings[t.Slug][t.Name]++
		}
	}
	for sl, names := range spellings {
		best := ""
		for n, c := range names {
			if best == "" || c > names[best] || (c == names[best] && s.Lang.Compare(n, best) < 0) {
				best = n
			}
		}
		t := &Topic{Name: best, Slug: sl, URL: s.Lang.Segment("topics") + "/" + sl + "/"}
		b.topics[sl] = t
		s.Topics = append(s.Topics, t)
	}
	for _, e := range all {
		en := e.E()
		var merged []*Topic
		for _, t := range en.Topics {
			if t := b.topics[t.Slug]; !slices.Contains(merged, t) {
				merged = append(merged, t) // "NGO" and "ngo" in one entry are one topic
			}
		}
		en.Topics = merged
		for _, t := range merged {
			t.Entries = append(t.Entries, e)
		}
	}
}

// regions groups the cities in Poland by województwo and the cities
// abroad by country, named in the site's language.
func (b *builder) regions() {
	s := b.site
	type place struct{ country, region string }
	byPlace := map[place]*Region{}
	countries := display.Regions(language.Make(s.Lang.Tag()))
	for _, c := range s.Cities {
		p := place{c.Country, c.Region}
		if c.Country != "PL" {
			p.region = "" // abroad, one group per country
		}
		r := byPlace[p]
		if r == nil {
			r = &Region{Name: c.Region}
			if p.country != "PL" {
				r.Name = countryName(countries, p.country)
			}
			byPlace[p] = r
			s.Regions = append(s.Regions, r)
		}
		r.Cities = append(r.Cities, c)
		if c.Country != "PL" {
			c.CountryName = r.Name
		}
	}
}

// countryName is the name names gives the country with the ISO 3166-1
// code; the English name when names has none, and the code when neither
// has one.
func countryName(names display.Namer, code string) string {
	reg, err := language.ParseRegion(code)
	if err != nil {
		return code
	}
	if names != nil {
		if n := names.Name(reg); n != "" {
			return n
		}
	}
	if n := display.English.Regions().Name(reg); n != "" {
		return n
	}
	return code
}

func (b *builder) sortAll() {
	s := b.site
	l := s.Lang
	// Collation keys made once, on every CPU: comparing them is much
	// cheaper than collating titles again for every comparison.
	ents := s.Entities()
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for part := range slices.Chunk(ents, 256) {
		g.Go(func() error {
			for _, e := range part {
				e.E().titleKey = l.Key(e.E().Title)
			}
			return nil
		})
	}
	g.Wait()
	sortKindLists(s, nil)
	topicKeys := make(map[*Topic][]byte, len(s.Topics))
	for _, t := range s.Topics {
		topicKeys[t] = l.Key(t.Name)
	}
	slices.SortFunc(s.Topics, func(a, b *Topic) int {
		return cmp.Or(bytes.Compare(topicKeys[a], topicKeys[b]), cmp.Compare(a.Slug, b.Slug))
	})
	for _, t := range s.Topics {
		slices.SortStableFunc(t.Entries, byTitle)
	}
	abroad := func(r *Region) int {
		if r.Country() == "PL" {
			return 0
		}
		return 1
	}
	slices.SortFunc(s.Regions, func(a, b *Region) int {
		return cmp.Or(cmp.Compare(abroad(a), abroad(b)), l.Compare(a.Name, b.Name))
	})
	for _, r := range s.Regions {
		sortEntities(&r.Cities)
	}
	for _, e := range s.Entities() {
		sortBackrefs(e)
	}
}

// sortKindLists puts the site's list of each kind in order; with kinds,
// only the lists of those kinds.
func sortKindLists(s *Site, kinds map[Kind]bool) {
	all := kinds == nil
	if all || kinds[KindCity] {
		sortEntities(&s.Cities)
	}
	if all || kinds[KindProgramme] {
		sortEntities(&s.Programmes)
	}
	if all || kinds[KindOrganisation] {
		sortEntities(&s.Organisations)
	}
	if all || kinds[KindPartnership] {
		sortEntities(&s.Partnerships)
	}
	if all || kinds[KindPage] {
		sortEntities(&s.Pages)
	}
	if all || kinds[KindDocument] {
		sortBy(&s.Documents, documentOrder)
	}
	if all || kinds[KindMeeting] {
		sortBy(&s.Meetings, meetingOrder)
	}
}

// sortBackrefs puts in order the lists of the entries that refer to e,
// dropping the repeats.
func sortBackrefs(e Entity) {
	for _, l := range backrefLists(e) {
		l.sort()
	}
}

// byTitle orders entries by title in the site's language, then by slug.
func byTitle(a, b Entity) int {
	return cmp.Or(bytes.Compare(a.E().titleKey, b.E().titleKey), cmp.Compare(a.E().Slug, b.E().Slug))
}

func documentOrder(a, b *Document) int { return compareDocuments(a, b, byTitle) }
func meetingOrder(a, b *Meeting) int   { return compareMeetings(a, b, byTitle) }

// sortEntities sorts a list by title into a new slice, so that a list
// handed out before is never changed, and drops the repeats.
func sortEntities[T interface {
	comparable
	Entity
}](s *[]T) {
	sortBy(s, func(a, b T) int { return byTitle(a, b) })
}

func sortBy[T comparable](s *[]T, f func(a, b T) int) {
	l := slices.Clone(*s)
	slices.SortStableFunc(l, f)
	*s = slices.Compact(l)
}

// compareDocuments puts documents in force (or adopted and in force from
// a later year) first, then those in the making, then the archive; each
// part newest first.
func compareDocuments(a, b *Document, byTitle func(a, b Entity) int) int {
	ta, tb := dateOf(a.Date), dateOf(b.Date)
	return cmp.Or(cmp.Compare(a.Part(), b.Part()), tb.Compare(ta), byTitle(a, b))
}

func dateOf(d *Date) time.Time {
	if d == nil {
		return time.Time{}
	}
	return d.Time
}

// compareMeetings puts upcoming meetings first, soonest first, then past
// ones, newest first.
func compareMeetings(a, b *Meeting, byTitle func(a, b Entity) int) int {
	if a.Upcoming != b.Upcoming {
		if a.Upcoming {
			return -1
		}
		return 1
	}
	c := a.Date.Time.Compare(b.Date.Time)
	if !a.Upcoming {
		c = -c
	}
	return cmp.Or(c, byTitle(a, b))
}
