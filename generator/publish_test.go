package generator_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var reJSONLD = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)

// jsonLD returns the decoded structured data of a page, which must have
// exactly one JSON-LD script.
func jsonLD(t *testing.T, files map[string][]byte, name string) map[string]any {
	t.Helper()
	m := reJSONLD.FindAllSubmatch(files[name], -1)
	if len(m) != 1 {
		t.Fatalf("%s: %d JSON-LD scripts, want 1", name, len(m))
	}
	var v map[string]any
	if err := json.Unmarshal(m[0][1], &v); err != nil {
		t.Fatalf("%s: JSON-LD does not parse: %v\n%s", name, err, m[0][1])
	}
	return v
}

// get follows a path of keys and indexes ("location.address.addressLocality",
// "member.0.name") into decoded JSON.
func get(v any, path string) any {
	for _, k := range strings.Split(path, ".") {
		switch x := v.(type) {
		case map[string]any:
			v = x[k]
		case []any:
			var i int
			for _, c := range k {
				i = i*10 + int(c-'0')
			}
			if i >= len(x) {
				return nil
			}
			v = x[i]
		default:
			return nil
		}
	}
	return v
}

// Every entry page describes its entry in schema.org terms, with absolute
// addresses when -base-url is absolute.
func TestStructuredData(t *testing.T) {
	cfg := testConfig("testdata/site")
	cfg.BaseURL = "https://strategie.example.pl/"
	files, _ := buildMemory(t, cfg)
	tests := []struct {
		page string
		want map[string]any
	}{
		{"spotkania/konferencja/index.html", map[string]any{
			"@context":                         "https://schema.org",
			"@type":                            "Event",
			"url":                              "https://strategie.example.pl/spotkania/konferencja/",
			"startDate":                        "2015-03-19",
			"endDate":                          "2015-03-19",
			"eventStatus":                      "https://schema.org/EventScheduled",
			"location.@type":                   "Place",
			"location.name":                    "Centrum Nauki i Sztuki „Stara Kopalnia”",
			"location.address.@type":           "PostalAddress",
			"location.address.addressLocality": "Wałbrzych",
			"organizer.0.name":                 "Parafia św. Stanisława",
			"organizer.1.@type":                "GovernmentOrganization",
			"organizer.1.url":                  "https://strategie.example.pl/miasta/walbrzych/",
			"location.address.addressCountry":  "PL",
			"about.0.url":                      "https://strategie.example.pl/dokumenty/polityka-senioralna/",
			"location.address.streetAddress":   nil,
			"organizer.0.@type":                "Organization",
			"location.address.addressRegion":   "dolnośląskie",
			"eventAttendanceMode":              "https://schema.org/OfflineEventAttendanceMode",
			"organizer.2":                      nil,
			"name":                             "Konferencja „Jak partycypacyjnie zarządzać zasobami miasta?”",
			"inLanguage":                       "pl",
		}},
		{"spotkania/posiedzenie/index.html", map[string]any{
			"organizer.0.@type": "Organization",
			"organizer.0.url":   "https://strategie.example.pl/partnerstwa/lgd/",
		}},
		{"dokumenty/lsr/index.html", map[string]any{
			"@type":                          "Legislation",
			"legislationIdentifier":          "Uchwała nr XXI/45/16",
			"legislationDate":                "2016-05-20",
			"legislationPassedBy.name":       "Rada Miasta Włocławek",
			"legislationLegalForce":          "https://schema.org/InForce",
			"legislationJurisdiction.0.name": "Włocławek",
			"associatedMedia.0.contentUrl":   "https://strategie.example.pl/dokumenty/lsr/pliki/lsr.pdf",
		}},
		{"dokumenty/polityka-senioralna/index.html", map[string]any{
			"@type":                 "Legislation",
			"legislationLegalForce": "https://schema.org/NotInForce",
		}},
		{"dokumenty/program-ngo/index.html", map[string]any{
			"@type":                  "DigitalDocument",
			"creativeWorkStatus":     "w konsultacjach – zostało 15 dni",
			"spatialCoverage.0.name": "Wałbrzych",
		}},
		{"miasta/walbrzych/index.html", map[string]any{
			"@type":                   "AdministrativeArea",
			"containedInPlace.name":   "dolnośląskie",
			"address.addressLocality": "Wałbrzych",
		}},
		{"partnerstwa/lgd/index.html", map[string]any{
			"@type":             "Organization",
			"member.0.@type":    "NGO",
			"member.0.name":     "PCK Oddział Rejonowy we Włocławku",
			"member.0.url":      "https://strategie.example.pl/organizacje/pck/",
			"areaServed.0.name": "Włocławek",
		}},
		{"organizacje/pck/index.html", map[string]any{
			"@type":          "NGO",
			"memberOf.0.url": "https://strategie.example.pl/partnerstwa/lgd/",
		}},
		{"programy/rlks/index.html", map[string]any{
			"@type": "FundingScheme",
		}},
		{"o-serwisie/index.html", map[string]any{
			"@type": "WebPage",
		}},
	}
	for _, tt := range tests {
		v := jsonLD(t, files, tt.page)
		for path, want := range tt.want {
			if got := get(v, path); got != want {
				t.Errorf("%s: %s = %#v, want %#v", tt.page, path, got, want)
			}
		}
	}
	for _, page := range []string{"index.html", "dokumenty/index.html", "404.html", "tematy/index.html"} {
		if strings.Contains(string(files[page]), "application/ld+json") {
			t.Errorf("%s has structured data; only entry pages describe an entry", page)
		}
	}
}

// A title cannot end the script element that holds the structured data.
func TestStructuredDataCannotBreakOut(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "content", "pages"), 0o755)
	title := `</script><script>alert(1)</script> & <!--`
	os.WriteFile(filepath.Join(dir, "content", "pages", "a.md"), []byte("---\ntitle: '"+title+"'\n---\n"), 0o644)
	files, _ := buildMemory(t, testConfig(dir))
	page := string(files["a/index.html"])
	if strings.Count(page, "</script>") != 1 || strings.Contains(page, "<script>alert") {
		t.Fatalf("the title breaks out of the JSON-LD script:\n%s", page)
	}
	if got := jsonLD(t, files, "a/index.html")["name"]; got != title {
		t.Errorf("name = %q, want %q", got, title)
	}
}

// The open data holds every published entry of a kind with its fields,
// references as {slug, title, url} and dates in ISO 8601, and the site
// links to it from every page.
func TestOpenData(t *testing.T) {
	cfg := testConfig("testdata/site")
	cfg.BaseURL = "https://strategie.example.pl/"
	files, _ := buildMemory(t, cfg)
	var docs struct {
		Kind    string
		URL     string
		Count   int
		Entries []map[string]any
	}
	if err := json.Unmarshal(files["dane/dokumenty.json"], &docs); err != nil {
		t.Fatalf("dane/dokumenty.json: %v", err)
	}
	if docs.Kind != "document" || docs.URL != "https://strategie.example.pl/dokumenty/" || docs.Count != len(docs.Entries) || docs.Count != 4 {
		t.Errorf("dane/dokumenty.json: kind %q, url %q, count %d of %d entries; want document, the index's address, 4", docs.Kind, docs.URL, docs.Count, len(docs.Entries))
	}
	var lsr map[string]any
	for _, e := range docs.Entries {
		if e["slug"] == "projekt" || e["slug"] == "przyszly" {
			t.Errorf("an unpublished document is in the open data: %s", e["slug"])
		}
		if e["slug"] == "lsr" {
			lsr = e
		}
	}
	for path, want := range map[string]any{
		"url":                "https://strategie.example.pl/dokumenty/lsr/",
		"title":              "Lokalna Strategia Rozwoju",
		"status":             "adopted",
		"state":              "adopted",
		"in_force":           true,
		"adopted.date":       "2016-05-20",
		"adopted.resolution": "Uchwała nr XXI/45/16",
		"cities.0.slug":      "wloclawek",
		"cities.0.title":     "Włocławek",
		"cities.0.url":       "https://strategie.example.pl/miasta/wloclawek/",
		"partnership.slug":   "lgd",
		"period.from":        2016.0,
		"period.to":          2030.0,
		"attachments.0.url":  "https://strategie.example.pl/dokumenty/lsr/pliki/lsr.pdf",
		"topics.0.slug":      "rewitalizacja",
		"consultation":       nil,
		"meetings.0.slug":    "warsztaty",
	} {
		if got := get(lsr, path); got != want {
			t.Errorf("lsr: %s = %#v, want %#v", path, got, want)
		}
	}
	for _, name := range []string{"dane/miasta.json", "dane/programy.json", "dane/organizacje.json", "dane/partnerstwa.json", "dane/spotkania.json"} {
		if !json.Valid(files[name]) {
			t.Errorf("%s: missing or not JSON", name)
		}
	}
	page := string(files["dane/index.html"])
	if !strings.Contains(page, `<a href="/dane/dokumenty.json" type="application/json">Dokumenty</a>`) {
		t.Errorf("the open-data page does not link dane/dokumenty.json")
	}
	if !strings.Contains(string(files["index.html"]), `<a href="/dane/">Otwarte dane</a>`) {
		t.Errorf("the home page does not link the open data")
	}
}
