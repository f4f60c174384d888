package corpus

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"
)

// documentTemplates are document titles by document type (indexes into
// documentTypes). {G} is the city's genitive for titles, {M} its name, {P}
// a partnership, {A} and {B} the period's years, {U} a resolution heading.
// years says what the title needs: 'L' a range, 'Y' a single year, 'B' the
// end year, 0 none.
var documentTemplates = [...][]struct {
	pattern string
	years   byte
}{
	{
		{"Strategia Rozwoju {G} na lata {A}–{B}", 'L'},
		{"Strategia Rozwiązywania Problemów Społecznych {G} na lata {A}–{B}", 'L'},
		{"Strategia Rozwoju Współpracy {G} z Organizacjami Pozarządowymi na lata {A}–{B}", 'L'},
		{"Strategia Rozwoju Turystyki {G} na lata {A}–{B}", 'L'},
		{"Strategia Rozwoju Kultury {G} na lata {A}–{B}", 'L'},
		{"Strategia Rozwoju {G} do roku {B}", 'B'},
	},
	{
		{"Program Rewitalizacji {G} na lata {A}–{B}", 'L'},
		{"Program Współpracy {G} z Organizacjami Pozarządowymi na rok {A}", 'Y'},
		{"Wieloletni Program Współpracy {G} z Organizacjami Pozarządowymi na lata {A}–{B}", 'L'},
		{"Program Ochrony Środowiska dla {G} na lata {A}–{B}", 'L'},
		{"Program Wspierania Rodziny {G} na lata {A}–{B}", 'L'},
		{"Program Profilaktyki i Rozwiązywania Problemów Alkoholowych {G} na rok {A}", 'Y'},
		{"Program Opieki nad Zabytkami {G} na lata {A}–{B}", 'L'},
	},
	{
		{"Polityka Senioralna {G} na lata {A}–{B}", 'L'},
		{"Polityka Młodzieżowa {G} na lata {A}–{B}", 'L'},
		{"Polityka Mieszkaniowa {G} na lata {A}–{B}", 'L'},
		{"Polityka Rowerowa {G}", 'L'},
	},
	{
		{"Plan Gospodarki Niskoemisyjnej dla {G} na lata {A}–{B}", 'L'},
		{"Plan Zrównoważonej Mobilności {G} na lata {A}–{B}", 'L'},
		{"Plan Adaptacji do Zmian Klimatu {G} do roku {B}", 'B'},
		{"Plan Odnowy Miejscowości {M} na lata {A}–{B}", 'L'},
	},
	{
		{"Raport o stanie {G} za rok {A}", 'Y'},
		{"Raport z realizacji Programu Współpracy {G} za rok {A}", 'Y'},
		{"Raport z konsultacji społecznych: Strategia Rozwoju {G} ({A})", 'Y'},
		{"Diagnoza sytuacji społecznej {G} – {A}", 'Y'},
	},
	{
		{"{U} w sprawie przyjęcia programu współpracy z organizacjami pozarządowymi", 0},
		{"{U} w sprawie wyznaczenia obszaru zdegradowanego i obszaru rewitalizacji", 0},
		{"{U} w sprawie zasad działania Komitetu Rewitalizacji", 0},
		{"{U} w sprawie przeprowadzenia konsultacji społecznych", 0},
		{"{U} w sprawie powołania Rady Seniorów", 0},
		{"{U} w sprawie budżetu obywatelskiego na rok {A}", 'Y'},
	},
	{
		{"Karta Praw Seniora {G}", 0},
		{"Standardy Konsultacji Społecznych {G}", 0},
		{"Regulamin Budżetu Obywatelskiego {G} na rok {A}", 'Y'},
		{"Mapa Potrzeb Społecznych {G}", 0},
		{"Kodeks Współpracy {G} z Organizacjami Pozarządowymi", 0},
	},
}

// partnershipDocumentTemplates are titles of documents a partnership made.
var partnershipDocumentTemplates = [...]struct {
	typ     int
	pattern string
	years   byte
}{
	{0, "Lokalna Strategia Rozwoju na lata {A}–{B} – {P}", 'L'},
	{0, "Strategia Terytorialna na lata {A}–{B} – {P}", 'L'},
	{3, "Lokalny Plan Działania na lata {A}–{B} – {P}", 'L'},
	{4, "Raport z ewaluacji Lokalnej Strategii Rozwoju – {P}, {A}", 'Y'},
	{4, "Diagnoza obszaru partnerstwa – {P}, {A}", 'Y'},
}

// roman writes n (1–89) in Roman numerals, as session numbers are.
func roman(n int) string {
	tens := [...]string{"", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX"}
	ones := [...]string{"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"}
	return tens[n/10] + ones[n%10]
}

func (p *plan) planDocuments(r *rand.Rand) {
	n := p.counts.Documents
	p.documents = make([]document, 0, n)
	p.cityDocs = make([][]int, len(p.cities))
	seen := newNames(n)
	for range n {
		d := document{partnership: none, status: weighted(r, 15, 13, 50, 22)}
		if len(p.partnerships) > 0 && r.IntN(5) == 0 {
			d.partnership = r.IntN(len(p.partnerships))
			ps := &p.partnerships[d.partnership]
			d.cities = some(r, ps.cities, 1, 3)
			if r.IntN(2) == 0 {
				d.programmes = ps.programmes
			}
		} else {
			first := r.IntN(len(p.cities))
			d.cities = []int{first}
			if r.IntN(4) > 0 {
				for _, c := range some(r, p.byRegion[p.cities[first].region], 0, 2) {
					if !slices.Contains(d.cities, c) {
						d.cities = append(d.cities, c)
					}
				}
			}
		}
		if d.programmes == nil {
			d.programmes = upTo(r, len(p.programmes), 0, 2)
		}
		d.topics = upTo(r, len(topics), 1, 3)
		c := &p.cities[d.cities[0]]

		var adoptedYear int
		d.title, d.slug = seen.unique(func(attempt int) string {
			var pattern string
			var years byte
			if d.partnership != none {
				t := pick(r, partnershipDocumentTemplates[:])
				d.typ, pattern, years = t.typ, t.pattern, t.years
			} else {
				d.typ = weighted(r, 30, 25, 10, 10, 10, 8, 7)
				t := pick(r, documentTemplates[d.typ])
				pattern, years = t.pattern, t.years
			}
			d.period = p.documentPeriod(r, d.status, years)
			d.periodShown = years != 0
			adoptedYear = d.period.from - r.IntN(2)
			d.resolution = "Uchwała nr " + roman(1+r.IntN(89)) + "/" + strconv.Itoa(1+r.IntN(1200)) + "/" + strconv.Itoa(100 + adoptedYear%100)[1:]
			title := p.expandTitle(pattern, c, d)
			if attempt >= 10 {
				title += " (aktualizacja " + strconv.Itoa(attempt-9) + ")"
			}
			return title
		})
		switch documentStatuses[d.status] {
		case "adopted":
			d.adopted = day(r, adoptedYear)
			if d.partnership != none {
				d.by = "Walne Zebranie Członków – " + p.partnerships[d.partnership].title
			} else {
				d.by = c.council
			}
		case "consultation":
			from := day(r, d.period.from-1+r.IntN(2))
			d.consultation = [2]time.Time{from, from.AddDate(0, 0, 14+r.IntN(29))}
		}
		for _, ci := range d.cities {
			p.cityDocs[ci] = append(p.cityDocs[ci], len(p.documents))
		}
		p.documents = append(p.documents, d)
	}
}

// documentPeriod chooses the years a document covers, consistent with its
// status: expired documents ended before 2025, drafts and consultations
// look ahead.
func (p *plan) documentPeriod(r *rand.Rand, status int, years byte) period {
	length := 3 + r.IntN(8)
	if years == 'Y' {
		length = 0
	}
	var from int
	switch documentStatuses[status] {
	case "expired":
		from = 2008 + r.IntN(2024-2008-length+1)
	case "adopted":
		from = 2012 + r.IntN(15)
	case "consultation":
		from = 2025 + r.IntN(3)
	default:
		from = 2025 + r.IntN(4)
	}
	return period{from, from + length}
}

// expandTitle fills a document title pattern.
func (p *plan) expandTitle(pattern string, c *city, d document) string {
	var b strings.Builder
	for i := 0; i < len(pattern); i++ {
		if pattern[i] != '{' || i+2 >= len(pattern) {
			b.WriteByte(pattern[i])
			continue
		}
		switch pattern[i+1] {
		case 'G':
			b.WriteString(c.genTitle)
		case 'M':
			b.WriteString(c.name)
		case 'P':
			b.WriteString(p.partnerships[d.partnership].title)
		case 'A':
			b.WriteString(strconv.Itoa(d.period.from))
		case 'B':
			b.WriteString(strconv.Itoa(d.period.to))
		case 'U':
			if documentStatuses[d.status] == "adopted" || documentStatuses[d.status] == "expired" {
				b.WriteString(d.resolution + " " + c.councilGen)
			} else {
				b.WriteString("Projekt uchwały " + c.councilGen)
			}
		}
		i += 2
	}
	return b.String()
}
