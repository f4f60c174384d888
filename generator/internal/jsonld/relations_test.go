package jsonld

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/ratusz/ratusz/generator/internal/site"
	"github.com/ratusz/ratusz/generator/internal/site/sitetest"
)

// TestEveryRelationIsInTheJSONLD holds the JSON-LD to the relations
// table: an entry that refers to others through a relation with a
// schema.org property names them under it, by their addresses, in the
// model's order (one object for a single reference, a list for many), a
// city among them as its local government when the relation's targets
// act and as an area otherwise; and an entry on a back-reference list
// with a property is named under it on the entry it refers to. A
// relation given a property in the table fails here until the JSON-LD
// writes it.
func TestEveryRelationIsInTheJSONLD(t *testing.T) {
	s := sitetest.Corpus(t, 600)
	o := Options{Lang: s.Lang, URL: func(p string) string { return "https://example.org/" + p }}
	lds := map[site.Entity]map[string]any{}
	for _, e := range s.Entities() {
		var ld map[string]any
		if err := json.Unmarshal(Entry(e, o), &ld); err != nil {
			t.Fatalf("%s: %v", e.E().Path, err)
		}
		lds[e] = ld
	}
	checked := map[string]int{}
	for _, e := range s.Entities() {
		for _, r := range site.Relations() {
			if r.From != e.E().Kind || r.Schema == "" {
				continue
			}
			name := string(r.From) + "." + r.Key
			targets := r.Targets(e)
			if len(targets) == 0 {
				continue
			}
			prop := property(e, r)
			got := named(t, lds[e][prop], r.Many)
			if len(got) != len(targets) {
				t.Errorf("%s: %s names %d entries, its JSON-LD %d under %s: %v", e.E().Path, r.Key, len(targets), len(got), prop, lds[e][prop])
				continue
			}
			for i, x := range targets {
				if want := o.URL(x.E().URL); got[i]["@id"] != want {
					t.Errorf("%s: %s[%d] in its JSON-LD is %v, want %s (%s)", e.E().Path, prop, i, got[i]["@id"], want, name)
				}
				if _, ok := x.(*site.City); ok {
					want := "AdministrativeArea"
					if r.Agents {
						want = "GovernmentOrganization"
					}
					if got[i]["@type"] != want {
						t.Errorf("%s: the city %s is a %v under %s, want %s", e.E().Path, x.E().Slug, got[i]["@type"], prop, want)
					}
				}
			}
			checked[name]++
		}
		// e is on the back-reference list of each entry it refers to.
		for _, r := range site.Relations() {
			if r.From != e.E().Kind || r.SchemaBack == "" {
				continue
			}
			for _, x := range r.Targets(e) {
				if !slices.Contains(r.Referrers(x), e) {
					continue // x keeps no list of it (a city leading a partnership)
				}
				var ids []any
				for _, n := range named(t, lds[x][r.SchemaBack], true) {
					ids = append(ids, n["@id"])
				}
				if !slices.Contains(ids, any(o.URL(e.E().URL))) {
					t.Errorf("%s: %s in its JSON-LD does not name %s, which names it as %s", x.E().Path, r.SchemaBack, e.E().Path, r.Key)
				}
				checked[r.Back+" of "+string(r.From)+"."+r.Key]++
			}
		}
	}
	for _, r := range site.Relations() {
		// The corpus writes no ways to respond to a consultation; the
		// generator's TestConsultationJSONLD checks that relation.
		if r.Schema != "" && checked[string(r.From)+"."+r.Key] == 0 && !r.InItems {
			t.Errorf("no entry of the corpus refers through %s.%s: its JSON-LD is not checked", r.From, r.Key)
		}
		if r.SchemaBack != "" && checked[r.Back+" of "+string(r.From)+"."+r.Key] == 0 {
			t.Errorf("no entry of the corpus is on the list %s through %s.%s: its JSON-LD is not checked", r.Back, r.From, r.Key)
		}
	}
}

// named returns the objects of a JSON-LD value: the one object, or each
// of a list when many; none when v is absent.
func named(t *testing.T, v any, many bool) []map[string]any {
	t.Helper()
	if v == nil {
		return nil
	}
	if !many {
		n, ok := v.(map[string]any)
		if !ok {
			t.Fatalf("%v is not one object", v)
		}
		return []map[string]any{n}
	}
	l, ok := v.([]any)
	if !ok {
		t.Fatalf("%v is not a list", v)
	}
	out := make([]map[string]any, len(l))
	for i, x := range l {
		if out[i], ok = x.(map[string]any); !ok {
			t.Fatalf("%v is not an object", x)
		}
	}
	return out
}
