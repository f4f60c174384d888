package site_test

import (
	"strings"
	"testing"

	"github.com/ratusz/ratusz/generator/internal/problem"
	"github.com/ratusz/ratusz/generator/internal/site"
)

// A województwo written in capitals or without diacritics is the same
// one, and the model holds it as the content model spells it.
func TestRegionSpellingsAreOneVoivodeship(t *testing.T) {
	for _, tt := range []struct{ written, want string }{
		{"śląskie", "śląskie"},
		{"slaskie", "śląskie"},
		{"Śląskie", "śląskie"},
		{"SLASKIE", "śląskie"},
		{"Slaskie", "śląskie"},
		{"ŁÓDZKIE", "łódzkie"},
		{"lodzkie", "łódzkie"},
		{"Warminsko-Mazurskie", "warmińsko-mazurskie"},
		{"kujawsko-pomorskie", "kujawsko-pomorskie"},
	} {
		s := newSite(t, map[string]string{"cities/a.md": city("A", tt.written)}, site.Options{})
		if got := s.Cities[0].Region; got != tt.want {
			t.Errorf("region: %s is read as %q, want %q", tt.written, got, tt.want)
		}
		if got := s.Cities[0].Country; got != "PL" {
			t.Errorf("region: %s: country %q, want PL when the file names none", tt.written, got)
		}
	}
}

// Anything else is an error about the field region that names the
// województwo the editor most likely meant.
func TestRegionThatIsNoVoivodeship(t *testing.T) {
	all := "use one of " + strings.Join(site.Voivodeships.Values, ", ") + "; a city outside Poland needs its country, like country: DE"
	for _, tt := range []struct{ written, hint string }{
		{"slask", `did you mean "śląskie"?`},
		{"Śląsk", `did you mean "śląskie"?`},
		{"mazowieckei", `did you mean "mazowieckie"?`},
		{"Mazowsze", `did you mean "mazowieckie"?`},
		{"Dolny Śląsk", `did you mean "dolnośląskie"?`},
		{"Małopolska", `did you mean "małopolskie"?`},
		{"kujawsko pomorskie", `did you mean "kujawsko-pomorskie"?`},
		{"województwo śląskie", `write only the name: "śląskie"`},
		{"Bayern", all},
	} {
		errs := problems(t, map[string]string{"cities/a.md": city("A", tt.written)})
		want := problem.Problem{Path: "cities/a.md", Line: 3, Field: "region",
			Msg: `region: "` + tt.written + `" is not a województwo`, Hint: tt.hint}
		if len(errs) != 1 || *errs[0] != want {
			t.Errorf("region: %s:\n got %v\nwant %v", tt.written, errs, want.Error())
		}
	}
}

// country is an ISO 3166-1 alpha-2 code, PL when left out; outside Poland
// region is free text and may be left out.
func TestCountry(t *testing.T) {
	for _, tt := range []struct {
		name, front             string
		wantCountry, wantRegion string
	}{
		{"left out", "region: mazowieckie\n", "PL", "mazowieckie"},
		{"PL", "country: PL\nregion: Mazowieckie\n", "PL", "mazowieckie"},
		{"in small letters", "country: de\nregion: Saksonia\n", "DE", "Saksonia"},
		{"abroad, region free text", "country: IT\nregion: Toskania\n", "IT", "Toskania"},
		{"abroad, no region", "country: DE\n", "DE", ""},
		{"Norway, not no", "country: NO\n", "NO", ""},
	} {
		s := newSite(t, map[string]string{"cities/a.md": "---\ntitle: A\n" + tt.front + "---\n"}, site.Options{})
		if c := s.Cities[0]; c.Country != tt.wantCountry || c.Region != tt.wantRegion {
			t.Errorf("%s: country %q, region %q; want %q, %q", tt.name, c.Country, c.Region, tt.wantCountry, tt.wantRegion)
		}
	}

	const how = "write the country's two-letter ISO 3166-1 code, like DE for Germany or IT for Italy"
	for _, tt := range []struct{ written, msg, hint string }{
		{"XX", `country: "XX" is not a country code`, how},
		{"ZZ", `country: "ZZ" is not a country code`, how},
		{"EU", `country: "EU" is not a country code`, how},
		{"UN", `country: "UN" is not a country code`, how},
		{"Niemcy", `country: "Niemcy" is not a country code`, how},
		{"D", `country: "D" is not a country code`, how},
		{"DEU", `country: "DEU" is not a country code`, "did you mean DE? (" + how + ")"},
		{"UK", `country: "UK" is not a country code`, "did you mean GB? (" + how + ")"},
		{`""`, "country is empty", "give the country's two-letter code, like DE, or leave the key out for Poland"},
	} {
		errs := problems(t, map[string]string{"cities/a.md": "---\ntitle: A\ncountry: " + tt.written + "\nregion: Saksonia\n---\n"})
		want := problem.Problem{Path: "cities/a.md", Line: 3, Field: "country", Msg: tt.msg, Hint: tt.hint}
		if len(errs) != 1 || *errs[0] != want {
			t.Errorf("country: %s:\n got %v\nwant %v", tt.written, errs, want.Error())
		}
	}

	// In Poland, region is still required.
	errs := problems(t, map[string]string{"cities/a.md": "---\ntitle: A\ncountry: pl\n---\n"})
	want := problem.Problem{Path: "cities/a.md", Line: 1, Field: "region",
		Msg: "region is required", Hint: "add region: the województwo, e.g. kujawsko-pomorskie"}
	if len(errs) != 1 || *errs[0] != want {
		t.Errorf("country: pl without region:\n got %v\nwant %v", errs, want.Error())
	}
}

// regions lists a site's groups of cities as "name: titles | …".
func regions(s *site.Site) string {
	var out []string
	for _, r := range s.Regions {
		out = append(out, r.Name+" ("+r.Country()+"): "+titles(r.Cities))
	}
	return strings.Join(out, " | ")
}

// Spellings of one województwo make one group of the cities index; the
// cities abroad come after the województwa, grouped by country, named in
// the site's language, in its alphabetical order.
func TestCitiesGroupedByVoivodeshipThenCountry(t *testing.T) {
	files := map[string]string{
		"cities/zabrze.md":   city("Zabrze", "Śląskie"),
		"cities/gliwice.md":  city("Gliwice", "slaskie"),
		"cities/bytom.md":    city("Bytom", "śląskie"),
		"cities/opole.md":    city("Opole", "OPOLSKIE"),
		"cities/chemnitz.md": "---\ntitle: Chemnitz\ncountry: DE\nregion: Saksonia\n---\n",
		"cities/lipsk.md":    "---\ntitle: Lipsk\ncountry: DE\n---\n",
		"cities/prato.md":    "---\ntitle: Prato\ncountry: IT\nregion: Toskania\n---\n",
		"cities/ostrawa.md":  "---\ntitle: Ostrawa\ncountry: CZ\n---\n",
		"cities/ateny.md":    "---\ntitle: Ateny\ncountry: GR\n---\n",
	}
	s := newSite(t, files, site.Options{})
	want := "opolskie (PL): Opole | śląskie (PL): Bytom, Gliwice, Zabrze | " +
		"Czechy (CZ): Ostrawa | Grecja (GR): Ateny | Niemcy (DE): Chemnitz, Lipsk | Włochy (IT): Prato"
	if got := regions(s); got != want {
		t.Errorf("groups:\n got %s\nwant %s", got, want)
	}

	files["_index.md"] = "---\ntitle: Strategies\nlang: en\n---\n"
	s = newSite(t, files, site.Options{})
	want = "opolskie (PL): Opole | śląskie (PL): Bytom, Gliwice, Zabrze | " +
		"Czechia (CZ): Ostrawa | Germany (DE): Chemnitz, Lipsk | Greece (GR): Ateny | Italy (IT): Prato"
	if got := regions(s); got != want {
		t.Errorf("groups on an English site:\n got %s\nwant %s", got, want)
	}
}
