package corpus

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/adrg/frontmatter"
	"go.yaml.in/yaml/v3"
)

// entry is one parsed content file.
type entry struct {
	path string
	kind string // folder: cities, documents, …
	slug string
	meta map[string]any
	body []byte
}

// formats split front matter the way the test reads it: YAML with
// yaml.v3, TOML with BurntSushi/toml.
var formats = []*frontmatter.Format{
	frontmatter.NewFormat("---", "---", yaml.Unmarshal),
	frontmatter.NewFormat("+++", "+++", toml.Unmarshal),
}

func parse(t *testing.T, name string, data []byte) entry {
	t.Helper()
	e := entry{path: name, meta: map[string]any{}}
	body, err := frontmatter.MustParse(bytes.NewReader(data), &e.meta, formats...)
	if err != nil {
		t.Fatalf("%s: %v\n%s", name, err, data[:min(len(data), 600)])
	}
	// The default formats read YAML with yaml.v2 (YAML 1.1): the files
	// must mean the same there.
	var v2 map[string]any
	if _, err := frontmatter.MustParse(bytes.NewReader(data), &v2); err != nil {
		t.Errorf("%s: yaml.v2: %v", name, err)
	} else if v2["title"] != e.meta["title"] {
		t.Errorf("%s: yaml.v2 reads title %v, yaml.v3 %v", name, v2["title"], e.meta["title"])
	}
	e.body = body
	e.kind, e.slug, _ = strings.Cut(strings.TrimSuffix(name, ".md"), "/")
	return e
}

func generate(t *testing.T, o Options) []entry {
	t.Helper()
	var out []entry
	for name, data := range Files(o) {
		out = append(out, parse(t, name, data))
	}
	return out
}

func TestDeterminism(t *testing.T) {
	collect := func(o Options) map[string][]byte {
		m := map[string][]byte{}
		var order []string
		for name, data := range Files(o) {
			m[name] = data
			order = append(order, name)
		}
		m["\x00order"] = []byte(strings.Join(order, "\n"))
		return m
	}
	a := collect(Options{Entries: 500, Seed: 7})
	b := collect(Options{Entries: 500, Seed: 7})
	if len(a) != len(b) {
		t.Fatalf("got %d and %d files from the same options", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Fatalf("%s differs between two runs with the same options", name)
		}
	}
	c := collect(Options{Entries: 500, Seed: 8})
	same := 0
	for name, data := range a {
		if bytes.Equal(data, c[name]) {
			same++
		}
	}
	if same > 20 {
		t.Errorf("seeds 7 and 8 share %d identical files, want different trees", same)
	}
}

func TestCountsFor(t *testing.T) {
	tests := []struct {
		n    int
		want Counts
	}{
		{11, Counts{Cities: 3, Programmes: 3, Organisations: 1, Partnerships: 1, Documents: 1, Meetings: 1, Pages: 1}},
		{20, Counts{Cities: 3, Programmes: 3, Organisations: 2, Partnerships: 1, Documents: 5, Meetings: 5, Pages: 1}},
		{1000, Counts{Cities: 50, Programmes: 5, Organisations: 100, Partnerships: 50, Documents: 403, Meetings: 382, Pages: 10}},
		{100000, Counts{Cities: 2477, Programmes: 500, Organisations: 10000, Partnerships: 5000, Documents: 42037, Meetings: 39936, Pages: 50}},
	}
	for _, tt := range tests {
		got := CountsFor(tt.n)
		if got != tt.want {
			t.Errorf("CountsFor(%d) = %+v, want %+v", tt.n, got, tt.want)
		}
		if got.Total() != tt.n {
			t.Errorf("CountsFor(%d).Total() = %d, want %d", tt.n, got.Total(), tt.n)
		}
	}
}

func TestKindShares(t *testing.T) {
	// Shares of N=1000 entries, in per cent: the distribution the package
	// documents.
	ranges := map[string][2]int{
		"cities":        {4, 6},
		"programmes":    {0, 1},
		"organisations": {9, 11},
		"partnerships":  {4, 6},
		"documents":     {38, 42},
		"meetings":      {36, 40},
		"pages":         {1, 1},
	}
	got := map[string]int{}
	for name := range Files(Options{Entries: 1000, Seed: 1}) {
		kind, file, ok := strings.Cut(name, "/")
		if ok && file != "_index.md" {
			got[kind]++
		}
	}
	total := 0
	for kind, r := range ranges {
		n := got[kind]
		total += n
		if n*100 < r[0]*1000 || n*100 > (r[1]+1)*1000 || n == 0 {
			t.Errorf("%d %s in 1000 entries, want %d–%d%%", n, kind, r[0], r[1])
		}
	}
	if total != 1000 {
		t.Errorf("%d entries, want 1000", total)
	}
}

func TestFileNames(t *testing.T) {
	valid := regexp.MustCompile(`^(_index|([a-z]+/(_index|[a-z0-9]+(-[a-z0-9]+)*)))\.md$`)
	folders := map[string]bool{}
	for name := range Files(Options{Entries: 2000, Seed: 3}) {
		if !valid.MatchString(name) {
			t.Errorf("file name %q is not lowercase ASCII words joined by hyphens", name)
		}
		if dir, _, ok := strings.Cut(name, "/"); ok {
			folders[dir] = true
		}
	}
	for k := range numKinds {
		if !folders[k.String()] {
			t.Errorf("no %s/ folder", k)
		}
	}
}

func TestBodySizes(t *testing.T) {
	for _, e := range generate(t, Options{Entries: 1000, Seed: 2}) {
		if strings.HasSuffix(e.path, "_index.md") {
			continue
		}
		if n := len(e.body); n < 4096 || n > 8000 {
			t.Errorf("%s: body of %d bytes, want 4 to 8 KB", e.path, n)
		}
		for _, want := range []string{"\n## ", "ą", "ę"} {
			if !bytes.Contains(e.body, []byte(want)) {
				t.Errorf("%s: body has no %q", e.path, want)
			}
		}
	}
}

func TestMarkdownVariety(t *testing.T) {
	features := map[string]string{
		"table":         "| Cel | Wskaźnik | Wartość docelowa |\n| --- | --- | --- |\n",
		"bullet list":   "\n- ",
		"numbered list": "\n1. ",
		"subheading":    "\n### ",
	}
	found := map[string]int{}
	files := 0
	for name, data := range Files(Options{Entries: 300, Seed: 4}) {
		if strings.HasSuffix(name, "_index.md") {
			continue
		}
		files++
		for f, s := range features {
			if bytes.Contains(data, []byte(s)) {
				found[f]++
			}
		}
	}
	for f := range features {
		if found[f]*4 < files {
			t.Errorf("%s in %d of %d bodies, want at least a quarter", f, found[f], files)
		}
	}
}

func TestFrontMatterMix(t *testing.T) {
	var yamlFiles, tomlFiles, summaries, entries int
	for _, e := range generate(t, Options{Entries: 1000, Seed: 5}) {
		if strings.HasSuffix(e.path, "_index.md") {
			continue
		}
		entries++
		if _, ok := e.meta["summary"]; ok {
			summaries++
		}
	}
	for _, data := range Files(Options{Entries: 1000, Seed: 5}) {
		switch {
		case bytes.HasPrefix(data, []byte("---\n")):
			yamlFiles++
		case bytes.HasPrefix(data, []byte("+++\n")):
			tomlFiles++
		}
	}
	if share := tomlFiles * 100 / (yamlFiles + tomlFiles); share < 6 || share > 14 {
		t.Errorf("%d%% of files in TOML, want about 10%%", share)
	}
	if share := summaries * 100 / entries; share < 40 || share > 60 {
		t.Errorf("%d%% of entries with a summary, want about half", share)
	}
}

func TestTitlesUnique(t *testing.T) {
	seen := map[string]string{}
	for _, e := range generate(t, Options{Entries: 3000, Seed: 6}) {
		title, _ := e.meta["title"].(string)
		if title == "" {
			t.Errorf("%s: no title", e.path)
			continue
		}
		key := e.kind + "\x00" + title
		if prev, ok := seen[key]; ok && !strings.HasSuffix(e.path, "_index.md") {
			t.Errorf("%s and %s share the title %q", prev, e.path, title)
		}
		seen[key] = e.path
	}
}

func TestEntriesValid(t *testing.T) {
	tests := []Options{
		{Entries: 11, Seed: 1},
		{Entries: 20, Seed: 1},
		{Entries: 20, Seed: 99},
		{Entries: 1000, Seed: 1},
		{Entries: 1000, Seed: -5},
	}
	if !testing.Short() {
		tests = append(tests, Options{Entries: 10000, Seed: 11})
	}
	for _, o := range tests {
		t.Run(fmt.Sprintf("n=%d,seed=%d", o.Entries, o.Seed), func(t *testing.T) {
			entries := generate(t, o)
			for _, err := range validate(entries) {
				t.Error(err)
			}
			kinds := map[string]bool{}
			for _, e := range entries {
				kinds[e.kind] = true
			}
			for k := range numKinds {
				if !kinds[k.String()] {
					t.Errorf("no %s", k)
				}
			}
		})
	}
}

func TestLargePlan(t *testing.T) {
	// At 100,000 entries the cities hit their cap and names clash often:
	// titles and slugs must still be unique per kind, and organisation
	// slugs must differ from city slugs (organisers may be either).
	p := newPlan(Options{Entries: 100000, Seed: 12})
	if got := len(p.cities); got != MaxCities {
		t.Errorf("%d cities, want %d", got, MaxCities)
	}
	titles := map[string]bool{}
	slugs := map[string]bool{}
	check := func(k kind, title, slug string) {
		if titles[k.String()+title] {
			t.Errorf("%s: title %q twice", k, title)
		}
		if slugs[k.String()+slug] || slug != slugify(title) {
			t.Errorf("%s: slug %q of %q taken twice or not the title's", k, slug, title)
		}
		titles[k.String()+title], slugs[k.String()+slug] = true, true
	}
	for _, c := range p.cities {
		check(cities, c.title, c.slug)
	}
	for _, x := range p.programmes {
		check(programmes, x.title, x.slug)
	}
	for _, x := range p.organisations {
		check(organisations, x.title, x.slug)
		if slugs[cities.String()+x.slug] {
			t.Errorf("organisation slug %q is also a city's", x.slug)
		}
	}
	for _, x := range p.partnerships {
		check(partnerships, x.title, x.slug)
	}
	for _, x := range p.documents {
		check(documents, x.title, x.slug)
	}
	for _, x := range p.meetings {
		check(meetings, x.title, x.slug)
	}
	for _, x := range p.pages {
		check(pages, x.title, x.slug)
	}
}

// validate checks entries against the content model: known keys, required
// keys, enumerations, dates, periods, and references that resolve to an
// entry of the right kind.
func validate(entries []entry) []error {
	var errs []error
	fail := func(e entry, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s", e.path, fmt.Sprintf(format, args...)))
	}
	slugs := map[string]map[string]entry{}
	for _, e := range entries {
		if e.slug == "_index" || !strings.Contains(e.path, "/") {
			continue
		}
		if slugs[e.kind] == nil {
			slugs[e.kind] = map[string]entry{}
		}
		if _, dup := slugs[e.kind][e.slug]; dup {
			fail(e, "slug %s taken twice", e.slug)
		}
		slugs[e.kind][e.slug] = e
	}
	common := []string{"title", "summary", "draft", "publish", "updated", "topics", "aliases", "source", "params"}
	known := map[string][]string{
		"cities":        {"region", "type", "website", "parent"},
		"programmes":    {"short", "funder", "period", "website"},
		"organisations": {"type", "city", "website"},
		"partnerships":  {"type", "cities", "leader", "members", "programmes", "founded", "website"},
		"documents":     {"type", "cities", "partnership", "programmes", "status", "period", "adopted", "consultation", "attachments"},
		"meetings":      {"date", "end", "type", "place", "partnership", "cities", "programmes", "organisers", "documents", "images", "minutes"},
		"pages":         {},
	}
	enums := map[string]map[string][]string{
		"cities":        {"type": cityTypes[:]},
		"organisations": {"type": organisationTypes[:]},
		"partnerships":  {"type": partnershipTypes[:]},
		"documents":     {"type": documentTypes[:], "status": documentStatuses[:]},
		"meetings":      {"type": meetingTypes[:]},
	}
	resolves := func(e entry, field string, v any, kinds ...string) {
		s, ok := v.(string)
		if !ok || s == "" {
			fail(e, "%s: %v is not a slug", field, v)
			return
		}
		for _, k := range kinds {
			if _, ok := slugs[k][s]; ok {
				return
			}
		}
		fail(e, "%s: %q is no %s", field, s, strings.Join(kinds, " or "))
	}
	refs := func(e entry, field string, kinds ...string) []string {
		v, ok := e.meta[field]
		if !ok {
			return nil
		}
		items, ok := v.([]any)
		if !ok {
			fail(e, "%s is not a list: %#v", field, v)
			return nil
		}
		var out []string
		for _, item := range items {
			resolves(e, field, item, kinds...)
			s, _ := item.(string)
			out = append(out, s)
		}
		return out
	}
	for _, e := range entries {
		if _, ok := e.meta["title"].(string); !ok {
			fail(e, "title %#v is not a string", e.meta["title"])
		}
		if e.slug == "_index" || !strings.Contains(e.path, "/") {
			continue
		}
		for key := range e.meta {
			if !slices.Contains(common, key) && !slices.Contains(known[e.kind], key) {
				fail(e, "unknown key %q", key)
			}
		}
		for key, values := range enums[e.kind] {
			if v, ok := e.meta[key]; ok && !slices.Contains(values, fmt.Sprint(v)) {
				fail(e, "%s %v is not one of %v", key, v, values)
			}
		}
		if v, ok := e.meta["updated"]; ok {
			if _, err := parseDate(v); err != nil {
				fail(e, "updated: %v", err)
			}
		}
		if topics, ok := e.meta["topics"]; ok {
			if l, ok := topics.([]any); !ok || len(l) == 0 || len(l) > 3 {
				fail(e, "topics %#v: want 1–3 strings", topics)
			}
		}
		switch e.kind {
		case "cities":
			if r, _ := e.meta["region"].(string); !slices.ContainsFunc(regions[:], func(x region) bool { return x.name == r }) {
				fail(e, "region %q is no województwo", r)
			}
			if p, ok := e.meta["parent"]; ok {
				resolves(e, "parent", p, "cities")
			}
		case "organisations":
			if c, ok := e.meta["city"]; ok {
				resolves(e, "city", c, "cities")
			}
		case "programmes":
			if p, ok := e.meta["period"]; ok {
				if err := checkPeriod(p); err != nil {
					fail(e, "period: %v", err)
				}
			}
		case "partnerships":
			cs := refs(e, "cities", "cities")
			if n := len(cs); n < 1 || n > 6 {
				fail(e, "%d cities, want 1–6", n)
			}
			members := refs(e, "members", "organisations")
			if len(members) > 8 {
				fail(e, "%d members, want at most 8", len(members))
			}
			if n := len(refs(e, "programmes", "programmes")); n > 2 {
				fail(e, "%d programmes, want at most 2", n)
			}
			if l, ok := e.meta["leader"]; ok {
				resolves(e, "leader", l, "cities", "organisations")
				if s, _ := l.(string); !slices.Contains(cs, s) && !slices.Contains(members, s) {
					fail(e, "leader %q is neither one of the cities nor a member", s)
				}
			}
			if f, ok := e.meta["founded"]; ok {
				if err := checkPartialDate(f); err != nil {
					fail(e, "founded: %v", err)
				}
			}
		case "documents":
			if n := len(refs(e, "cities", "cities")); n < 1 || n > 3 {
				fail(e, "%d cities, want 1–3", n)
			}
			refs(e, "programmes", "programmes")
			if p, ok := e.meta["partnership"]; ok {
				resolves(e, "partnership", p, "partnerships")
			}
			if p, ok := e.meta["period"]; ok {
				if err := checkPeriod(p); err != nil {
					fail(e, "period: %v", err)
				}
			}
			adopted, hasAdopted := e.meta["adopted"].(map[string]any)
			consultation, hasConsultation := e.meta["consultation"].(map[string]any)
			switch e.meta["status"] {
			case "adopted":
				if !hasAdopted {
					fail(e, "adopted without an adopted map")
				} else if _, err := parseDate(adopted["date"]); err != nil {
					fail(e, "adopted.date: %v", err)
				}
			case "consultation":
				if !hasConsultation {
					fail(e, "in consultation without a consultation map")
					break
				}
				from, err1 := parseDate(consultation["from"])
				to, err2 := parseDate(consultation["to"])
				if err1 != nil || err2 != nil || to.Before(from) {
					fail(e, "consultation from %v to %v", consultation["from"], consultation["to"])
				}
				if u, _ := consultation["url"].(string); !strings.HasPrefix(u, "https://") {
					fail(e, "consultation.url %q", u)
				}
			default:
				if hasAdopted || hasConsultation {
					fail(e, "status %v with an adopted or consultation map", e.meta["status"])
				}
			}
		case "meetings":
			start, err := parseDate(e.meta["date"])
			if err != nil {
				fail(e, "date: %v", err)
			}
			if y := start.Year(); y < 2014 || y > 2027 {
				fail(e, "date in %d, want 2014–2027", y)
			}
			if v, ok := e.meta["end"]; ok {
				if end, err := parseDate(v); err != nil || end.Before(start) {
					fail(e, "end %v before date %v", v, e.meta["date"])
				}
			}
			placeCity := false
			if place, ok := e.meta["place"].(map[string]any); ok {
				if c, ok := place["city"]; ok {
					resolves(e, "place.city", c, "cities")
					placeCity = true
				}
			}
			p, hasPartnership := e.meta["partnership"]
			if hasPartnership {
				resolves(e, "partnership", p, "partnerships")
			}
			if len(refs(e, "cities", "cities")) == 0 && !placeCity && !hasPartnership {
				fail(e, "no cities, no place.city and no partnership")
			}
			refs(e, "programmes", "programmes")
			refs(e, "organisers", "organisations", "cities")
			refs(e, "documents", "documents")
		}
	}
	return errs
}

// parseDate reads a date as yaml.v3 (a string) or TOML (a time) gives it.
func parseDate(v any) (time.Time, error) {
	switch v := v.(type) {
	case time.Time:
		return v, nil
	case string:
		if t, err := time.Parse(time.DateOnly, v); err == nil {
			return t, nil
		}
		return time.Parse(time.RFC3339, v)
	}
	return time.Time{}, fmt.Errorf("%#v is not a date", v)
}

func checkPartialDate(v any) error {
	if _, err := parseDate(v); err == nil {
		return nil
	}
	s, _ := v.(string)
	if _, err := time.Parse("2006-01", s); err == nil {
		return nil
	}
	if _, err := time.Parse("2006", s); err == nil {
		return nil
	}
	return fmt.Errorf("%#v is not a (partial) date", v)
}

func checkPeriod(v any) error {
	var from, to int
	switch v := v.(type) {
	case string:
		a, b, ok := strings.Cut(v, "-")
		var err1, err2 error
		from, err1 = strconv.Atoi(a)
		to, err2 = strconv.Atoi(b)
		if !ok || err1 != nil || err2 != nil {
			return fmt.Errorf("%q is not YYYY-YYYY", v)
		}
	case map[string]any:
		number := func(x any) int {
			switch x := x.(type) {
			case int:
				return x
			case int64:
				return int(x)
			}
			return 0
		}
		from, to = number(v["from"]), number(v["to"])
	default:
		return fmt.Errorf("%#v is neither a string nor a map", v)
	}
	if from < 2000 || to < from {
		return fmt.Errorf("from %d to %d", from, to)
	}
	return nil
}

func TestWrite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	o := Options{Entries: 50, Seed: 3}
	n, err := Write(dir, o)
	if err != nil {
		t.Fatal(err)
	}
	if want := CountsFor(50).Total() + 7; n != want {
		t.Errorf("Write wrote %d files, want %d", n, want)
	}
	for name, data := range Files(o) {
		got, err := os.ReadFile(filepath.Join(dir, "content", filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, data) {
			t.Errorf("%s on disk differs from Files", name)
		}
	}
	tests := []struct {
		name string
		dir  string
		o    Options
	}{
		{"not empty", dir, o},
		{"too few entries", filepath.Join(t.TempDir(), "new"), Options{Entries: MinEntries - 1}},
	}
	for _, tt := range tests {
		if _, err := Write(tt.dir, tt.o); err == nil {
			t.Errorf("%s: Write succeeded, want an error", tt.name)
		}
	}
}

func TestSlugify(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Włocławek", "wloclawek"},
		{"Nowa Wola Górna", "nowa-wola-gorna"},
		{"Łęczyca Mała", "leczyca-mala"},
		{"ĄĆĘŁŃÓŚŹŻ ąćęłńóśźż", "acelnoszz-acelnoszz"},
		{"Fundacja „Radość Życia” – Kłodzko", "fundacja-radosc-zycia-klodzko"},
		{"Uchwała nr XLI/954/18", "uchwala-nr-xli-954-18"},
		{"  Poradnik: NGO  ", "poradnik-ngo"},
	}
	for _, tt := range tests {
		if got := slugify(tt.in); got != tt.want {
			t.Errorf("slugify(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPowiatAdjective(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Łęczyca", "łęczycki"},
		{"Wola", "wolski"},
		{"Dąbrowa", "dąbrowski"},
		{"Olszyna", "olszyński"},
		{"Gostynin", "gostyniński"},
		{"Sokołów", "sokołowski"},
		{"Grodzisk", "grodziski"},
		{"Kłodzko", "kłodzki"},
		{"Gniewkowo", "gniewkowski"},
		{"Kobierzyce", "kobierzycki"},
		{"Kamionka", ""},
		{"Nowa Wola", ""},
	}
	for _, tt := range tests {
		if got, _ := powiatAdjective(tt.in); got != tt.want {
			t.Errorf("powiatAdjective(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWarsawOffset(t *testing.T) {
	tests := []struct {
		date, want string
	}{
		{"2021-01-17", "+01:00"},
		{"2021-03-27", "+01:00"},
		{"2021-03-28", "+02:00"}, // last Sunday of March
		{"2021-07-01", "+02:00"},
		{"2021-10-30", "+02:00"},
		{"2021-10-31", "+01:00"}, // last Sunday of October
		{"2024-03-31", "+02:00"},
	}
	for _, tt := range tests {
		d, _ := time.Parse(time.DateOnly, tt.date)
		if got := warsawOffset(d); got != tt.want {
			t.Errorf("warsawOffset(%s) = %s, want %s", tt.date, got, tt.want)
		}
	}
}

func TestYAMLStrings(t *testing.T) {
	// Every way a string may be written must read back as itself, in YAML
	// 1.2 (yaml.v3) and 1.1 (yaml.v2, via the default formats), and TOML.
	values := []string{
		"Nowa Wola Górna", "no", "Yes", "on", "2016-2020", "Uchwała nr XLI/954/18",
		`Konferencja "Razem dla seniorów"`, "Poradnik: NGO", "it's", `a\b`, "„Feniks” – Kłodzko",
		"https://www.gmina.pl/", "#hash", "- dash", "[x]", "a, b", "Rada Miejska: sesja",
	}
	fm := &frontMatter{r: newRenderer(newPlan(Options{Entries: MinEntries})).r}
	for _, s := range values {
		for range 20 {
			fields := []field{{key: "title", kind: text, s: s}, {key: "topics", kind: list, items: []string{s, s}}, {key: "place", kind: table, sub: []field{{key: "name", kind: text, s: s}}}}
			for _, toml := range []bool{false, true} {
				fm.b = fm.b[:0]
				if toml {
					fm.b = append(fm.b, "+++\n"...)
					fm.toml(fields)
					fm.b = append(fm.b, "+++\n\nbody\n"...)
				} else {
					fm.b = append(fm.b, "---\n"...)
					fm.yaml(fields, 0)
					fm.b = append(fm.b, "---\n\nbody\n"...)
				}
				e := parse(t, "pages/x.md", fm.b)
				topics, _ := e.meta["topics"].([]any)
				place, _ := e.meta["place"].(map[string]any)
				if e.meta["title"] != s || len(topics) != 2 || topics[0] != s || place["name"] != s {
					t.Errorf("%q written as\n%s\nreads back as %#v", s, fm.b, e.meta)
				}
			}
		}
	}
}

func BenchmarkFiles10k(b *testing.B) {
	b.ReportAllocs()
	var bytes int64
	for b.Loop() {
		bytes = 0
		for _, data := range Files(Options{Entries: 10000, Seed: 1}) {
			bytes += int64(len(data))
		}
	}
	b.SetBytes(bytes)
}
