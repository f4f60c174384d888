package site

import "slices"

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

// The vocabularies of the content model.
var (
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
			string(StateConsultationClosed), string(StateAdopted), string(StateAdoptedFuture), string(StateExpired), string(StatePeriodEnded)}}
)

// Vocabularies lists every vocabulary of the content model.
func Vocabularies() []Vocabulary {
	return []Vocabulary{CityTypes, OrganisationTypes, PartnershipTypes, DocumentTypes, Statuses, MeetingTypes, AccessibilityStatuses, States}
}
