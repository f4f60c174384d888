package lang

import (
	"slices"
	"strings"
	"testing"
)

func mustNew(t *testing.T, tag string) *Lang {
	t.Helper()
	l, err := New(tag)
	if err != nil {
		t.Fatalf("New(%q): %v", tag, err)
	}
	return l
}

func TestNew(t *testing.T) {
	tests := []struct {
		tag     string
		wantTag string
		wantErr string
	}{
		{"pl", "pl", ""},
		{"en", "en", ""},
		{"", "pl", ""},
		{"de", "", `unsupported language "de"; use "pl" or "en"`},
		{"PL", "", `unsupported language "PL"; use "pl" or "en"`},
		{"pl-PL", "", `unsupported language "pl-PL"; use "pl" or "en"`},
	}
	for _, tt := range tests {
		l, err := New(tt.tag)
		if tt.wantErr != "" {
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("New(%q) error = %v, want %q", tt.tag, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("New(%q): %v", tt.tag, err)
			continue
		}
		if got := l.Tag(); got != tt.wantTag {
			t.Errorf("New(%q).Tag() = %q, want %q", tt.tag, got, tt.wantTag)
		}
	}
	for _, tag := range Supported() {
		mustNew(t, tag)
	}
	if !slices.Contains(Supported(), Default) {
		t.Errorf("Supported() = %q, does not contain Default %q", Supported(), Default)
	}
}

func TestT(t *testing.T) {
	tests := []struct {
		tag, key, want string
		has            bool
	}{
		{"pl", "cities", "Samorządy", true},
		{"pl", "field.region", "województwo", true},
		{"pl", "status.adopted", "obowiązuje", true},
		{"pl", "doctype.uchwala", "uchwała", true},
		{"pl", "ptype.lgd", "Lokalna Grupa Działania", true},
		{"pl", "otype.kosciol", "kościół lub związek wyznaniowy", true},
		{"pl", "ctype.miasto-na-prawach-powiatu", "miasto na prawach powiatu", true},
		{"pl", "skip", "Przejdź do treści", true},
		{"pl", "lang.name", "polski", true},
		{"en", "status.adopted", "in force", true},
		{"en", "skip", "Skip to content", true},
		{"en", "lang.name", "English", true},
		{"pl", "no.such.key", "{{no.such.key}}", false},
		{"en", "", "{{}}", false},
	}
	for _, tt := range tests {
		l := mustNew(t, tt.tag)
		if got := l.T(tt.key); got != tt.want {
			t.Errorf("%s: T(%q) = %q, want %q", tt.tag, tt.key, got, tt.want)
		}
		if got := l.Has(tt.key); got != tt.has {
			t.Errorf("%s: Has(%q) = %v, want %v", tt.tag, tt.key, got, tt.has)
		}
	}
}

// TestCatalogsMatch checks that pl.toml and en.toml define the same UI
// string keys, nouns and sections.
func TestCatalogsMatch(t *testing.T) {
	pl, en := mustNew(t, "pl"), mustNew(t, "en")
	sets := []struct {
		what   string
		pl, en []string
	}{
		{"strings", pl.Keys(), en.Keys()},
		{"nouns", pl.Nouns(), en.Nouns()},
		{"segments", pl.Sections(), en.Sections()},
	}
	for _, s := range sets {
		if missing := difference(s.pl, s.en); len(missing) > 0 {
			t.Errorf("%s: en.toml lacks %q", s.what, missing)
		}
		if missing := difference(s.en, s.pl); len(missing) > 0 {
			t.Errorf("%s: pl.toml lacks %q", s.what, missing)
		}
		if !slices.IsSorted(s.pl) || !slices.IsSorted(s.en) {
			t.Errorf("%s: not sorted", s.what)
		}
	}
}

// difference returns the elements of a that are not in b.
func difference(a, b []string) []string {
	var d []string
	for _, s := range a {
		if !slices.Contains(b, s) {
			d = append(d, s)
		}
	}
	return d
}

// TestRequiredKeys lists the keys the built-in layouts rely on.
func TestRequiredKeys(t *testing.T) {
	keys := []string{
		"cities", "programmes", "organisations", "partnerships", "documents",
		"meetings", "topics", "pages", "home", "search",
		"kind.city", "kind.programme", "kind.organisation", "kind.partnership",
		"kind.document", "kind.meeting", "kind.page",
		"status.draft", "status.consultation", "status.consultation_closed",
		"status.adopted", "status.expired", "status.expired_period",
		"doctype.strategia", "doctype.program", "doctype.polityka", "doctype.plan",
		"doctype.raport", "doctype.uchwala", "doctype.inny",
		"ptype.lgd", "ptype.lgw", "ptype.partnerstwo", "ptype.projekt", "ptype.koalicja",
		"mtype.warsztaty", "mtype.konferencja", "mtype.spotkanie",
		"mtype.konsultacje", "mtype.posiedzenie", "mtype.seminarium",
		"otype.fundacja", "otype.stowarzyszenie", "otype.urzad",
		"otype.instytucja", "otype.kosciol", "otype.inna",
		"ctype.gmina-miejska", "ctype.gmina-wiejska", "ctype.gmina-miejsko-wiejska",
		"ctype.miasto-na-prawach-powiatu", "ctype.powiat", "ctype.wojewodztwo",
		"field.region", "field.type", "field.website", "field.parent",
		"field.funder", "field.period", "field.adopted", "field.adopted_by",
		"field.resolution", "field.adopted_date", "field.consultation",
		"field.consultation_respond", "field.attachments", "field.leader",
		"field.members", "field.founded", "field.date", "field.place",
		"field.organisers", "field.minutes", "field.source", "field.updated",
		"field.topics", "field.city", "field.status", "field.partnership",
		"field.cities", "field.programmes", "field.documents", "field.meetings",
		"field.photos", "field.photo_credit",
		"nav.main", "nav.breadcrumbs", "skip",
		"home.consultations", "home.upcoming", "home.newest",
		"meetings.upcoming", "meetings.past",
		"documents.in_force", "documents.other",
		"none", "external", "footer.generated", "lang.name", "region.none",
		"topic.entries", "all_topics",
	}
	for _, tag := range Supported() {
		l := mustNew(t, tag)
		for _, k := range keys {
			if !l.Has(k) {
				t.Errorf("%s.toml: no string %q", tag, k)
			}
		}
	}
}

func TestRequiredNouns(t *testing.T) {
	nouns := []string{
		"document", "meeting", "partnership", "city", "programme",
		"organisation", "entry", "page", "error", "warning", "attachment",
		"topic", "member",
	}
	for _, tag := range Supported() {
		l := mustNew(t, tag)
		for _, n := range nouns {
			if !l.HasNoun(n) {
				t.Errorf("%s.toml: no noun %q", tag, n)
			}
		}
	}
}

func TestSegment(t *testing.T) {
	tests := []struct {
		tag, section, want string
	}{
		{"pl", "cities", "miasta"},
		{"pl", "programmes", "programy"},
		{"pl", "organisations", "organizacje"},
		{"pl", "partnerships", "partnerstwa"},
		{"pl", "documents", "dokumenty"},
		{"pl", "meetings", "spotkania"},
		{"pl", "topics", "tematy"},
		{"pl", "search", "szukaj"},
		{"pl", "pages", "pages"},
		{"pl", "", ""},
		{"en", "cities", "cities"},
		{"en", "programmes", "programmes"},
		{"en", "organisations", "organisations"},
		{"en", "partnerships", "partnerships"},
		{"en", "documents", "documents"},
		{"en", "meetings", "meetings"},
		{"en", "topics", "topics"},
		{"en", "search", "search"},
		{"en", "unknown", "unknown"},
	}
	for _, tt := range tests {
		if got := mustNew(t, tt.tag).Segment(tt.section); got != tt.want {
			t.Errorf("%s: Segment(%q) = %q, want %q", tt.tag, tt.section, got, tt.want)
		}
	}
}

func TestParseCatalogErrors(t *testing.T) {
	tests := []struct {
		name string
		toml string
		want []string // substrings of the error
	}{
		{
			"syntax",
			`[strings]` + "\n" + `"a" = `,
			[]string{"syntax.toml:"},
		},
		{
			"nested",
			"[strings]\nkind.city = \"x\"\n",
			[]string{"nested.toml:"},
		},
		{
			"problems",
			`
[strings]
"empty" = ""
[nouns]
document = ["dokument", "dokumenty"]
[months]
nominative = ["styczeń"]
genitive = ["stycznia"]
[segments]
cities = "Miasta"
documents = "x"
meetings = "x"
[colours]
red = "czerwony"
`,
			[]string{
				`problems.toml: unknown key "colours"`,
				`problems.toml: strings: "empty" is empty`,
				`problems.toml: nouns: "document" has ["dokument" "dokumenty"], want 3 non-empty forms`,
				`problems.toml: months: 1 nominative names, want 12`,
				`problems.toml: months: 1 genitive names, want 12 or none`,
				`problems.toml: segments: "cities" is "Miasta", want a slug`,
				`problems.toml: segments: "documents" and "meetings" are both "x"`,
			},
		},
	}
	for _, tt := range tests {
		_, err := parseCatalog(tt.name+".toml", []byte(tt.toml), 3)
		if err == nil {
			t.Errorf("%s: parseCatalog succeeded, want an error", tt.name)
			continue
		}
		for _, want := range tt.want {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("%s: error %q\ndoes not contain %q", tt.name, err, want)
			}
		}
	}
}
