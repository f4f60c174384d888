package site

import (
	"slices"
	"strings"

	"github.com/ratusz/ratusz/generator/internal/slug"
	"github.com/ratusz/ratusz/generator/internal/suggest"
)

// A Vocabulary is an enumeration of the content model: the values a key
// may take, as editors write them, and the UI strings that name them.
//
// The values are declared here, once; decoding checks them, the scaffolds
// of ratusz new offer them, and each value's name in every UI language is
// the catalog's string Label+value ("doctype.strategia" = "strategia",
// "ptype.lgd" = "Lokalna Grupa Działania"), which a test holds to the
// values. A new value is one word here and one string in each catalog.
type Vocabulary struct {
	Name   string   // what a message calls one value: "a document type"
	Label  string   // the prefix of a value's UI string, "" when it has none
	Values []string // in the order messages and scaffolds list them
}

// Has reports whether v is one of the vocabulary's values.
func (v Vocabulary) Has(value string) bool { return slices.Contains(v.Values, value) }

// Find returns the value that s is, written as in Values, in other
// capitals or without diacritics ("Slaskie", "SLASKIE" and "slaskie" are
// "śląskie"); ok is false when s is none of the values.
func (v Vocabulary) Find(s string) (value string, ok bool) {
	if v.Has(s) {
		return s, true
	}
	f := slug.Fold(s)
	for _, value := range v.Values {
		if slug.Fold(value) == f {
			return value, true
		}
	}
	return "", false
}

// Meant returns the value that s most likely means, written as in
// Values, or "" when none is near: the value s is a typo or a shortening
// of (suggest.Meant), else the one value that begins with the same four
// letters or more as s and with more of them than any other ("Mazowsze"
// → "mazowieckie"). Capitals and diacritics are not compared.
func (v Vocabulary) Meant(s string) string {
	folded := make([]string, len(v.Values))
	for i, value := range v.Values {
		folded[i] = slug.Fold(value)
	}
	f := slug.Fold(s)
	if c := suggest.Meant(f, folded); c != "" {
		return v.Values[slices.Index(folded, c)]
	}
	best, bestN, tie := "", 0, false
	for i, value := range folded {
		n := commonPrefix(f, value)
		switch {
		case n > bestN:
			best, bestN, tie = v.Values[i], n, false
		case n == bestN:
			tie = true
		}
	}
	if bestN < 4 || tie {
		return ""
	}
	return best
}

// commonPrefix is the number of runes a and b begin with alike.
func commonPrefix(a, b string) int {
	n := 0
	for _, r := range a {
		if !strings.HasPrefix(b, string(r)) {
			break
		}
		b = b[len(string(r)):]
		n++
	}
	return n
}

// The vocabularies of the content model.
var (
	// Voivodeships are the values of a city's region in Poland.
	Voivodeships = Vocabulary{"a województwo", "",
		[]string{"dolnośląskie", "kujawsko-pomorskie", "lubelskie", "lubuskie", "łódzkie", "małopolskie", "mazowieckie", "opolskie",
			"podkarpackie", "podlaskie", "pomorskie", "śląskie", "świętokrzyskie", "warmińsko-mazurskie", "wielkopolskie", "zachodniopomorskie"}}
	CityTypes = Vocabulary{"a city type", "ctype.",
		[]string{"gmina-miejska", "gmina-wiejska", "gmina-miejsko-wiejska", "miasto-na-prawach-powiatu", "powiat", "wojewodztwo"}}
	OrganisationTypes = Vocabulary{"an organisation type", "otype.",
		[]string{"fundacja", "stowarzyszenie", "urzad", "instytucja", "kosciol", "inna"}}
	PartnershipTypes = Vocabulary{"a partnership type", "ptype.",
		[]string{"lgd", "lgw", "partnerstwo", "projekt", "koalicja"}}
	DocumentTypes = Vocabulary{"a document type", "doctype.",
		[]string{"strategia", "program", "polityka", "plan", "raport", "uchwala", "inny"}}
	// Statuses are named as a resident sees them on the build's day, by
	// the State derived from them (status.go), not as written.
	Statuses = Vocabulary{"a document status", "",
		[]string{string(StatusDraft), string(StatusConsultation), string(StatusAdopted), string(StatusExpired)}}
	MeetingTypes = Vocabulary{"a meeting type", "mtype.",
		[]string{"warsztaty", "konferencja", "spotkanie", "konsultacje", "posiedzenie", "seminarium"}}
	AccessibilityStatuses = Vocabulary{"a compliance status", "a11y.status.",
		[]string{"zgodna", "czesciowo-zgodna", "niezgodna"}}
	// States are the statuses a resident reads (Document.State).
	States = Vocabulary{"a document state", "status.",
		[]string{string(StateDraft), string(StateDraftArchived), string(StateConsultationPlanned), string(StateConsultation),
			string(StateConsultationClosed), string(StateConsultationReported), string(StateAdopted), string(StateAdoptedFuture), string(StateExpired), string(StatePeriodEnded)}}
)

// Vocabularies lists every vocabulary of the content model.
func Vocabularies() []Vocabulary {
	return []Vocabulary{Voivodeships, CityTypes, OrganisationTypes, PartnershipTypes, DocumentTypes, Statuses, MeetingTypes, AccessibilityStatuses, States}
}
