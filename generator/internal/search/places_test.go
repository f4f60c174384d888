package search_test

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/ratusz/ratusz/generator/internal/search"
	"github.com/ratusz/ratusz/generator/internal/site"
	"github.com/ratusz/ratusz/generator/internal/site/sitetest"
	"github.com/ratusz/ratusz/generator/internal/slug"
)

// TestPlacesAreTheCitiesRelationsLocateIn holds the search index's place
// facet to the relations table: an entry's places are the cities it
// refers to through the relations that locate it, in table order, then a
// city's region; nothing else. A relation marked as locating its entry
// fails here until the index reads it.
func TestPlacesAreTheCitiesRelationsLocateIn(t *testing.T) {
	s := sitetest.Corpus(t, 600)
	b, err := search.Index(s)
	if err != nil {
		t.Fatal(err)
	}
	var idx struct {
		Kinds  [][2]string
		Places []string
		T, S   []string
		K      string
		P      []any
	}
	if err := json.Unmarshal(b, &idx); err != nil {
		t.Fatal(err)
	}
	placesOf := map[string][]string{} // address → place names
	for i, title := range idx.T {
		rest := idx.S[i]
		if rest == "" {
			rest = slug.Make(title)
		}
		placesOf[idx.Kinds[idx.K[i]-'0'][1]+rest+"/"] = names(t, idx.P[i], idx.Places)
	}
	checked := map[string]int{}
	for _, e := range s.Entities() {
		got, ok := placesOf[e.E().URL]
		if !ok {
			t.Fatalf("%s (%s) is not in the index", e.E().Path, e.E().URL)
		}
		var want []string
		for _, r := range site.Relations() {
			if r.From != e.E().Kind || !r.Locates {
				continue
			}
			for _, c := range r.Targets(e) {
				want = append(want, c.E().Title)
				checked[string(r.From)+"."+r.Key]++
			}
		}
		if c, ok := e.(*site.City); ok && c.Region != "" {
			want = append(want, c.Region)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: places %q in the index, want %q", e.E().Path, got, want)
		}
	}
	for _, r := range site.Relations() {
		if r.Locates && checked[string(r.From)+"."+r.Key] == 0 {
			t.Errorf("no entry of the corpus refers through %s.%s: its places are not checked", r.From, r.Key)
		}
	}
}

// names returns the place names a row of p gives: none for 0, one for an
// index, each of a list.
func names(t *testing.T, p any, places []string) []string {
	t.Helper()
	var ids []any
	switch p := p.(type) {
	case float64:
		if p == 0 {
			return nil
		}
		ids = []any{p}
	case []any:
		ids = p
	default:
		t.Fatalf("place %v is neither an index nor a list", p)
	}
	var out []string
	for _, id := range ids {
		i, ok := id.(float64)
		if !ok || i < 1 || int(i) > len(places) {
			t.Fatalf("place %v is not an index into %d places", id, len(places))
		}
		out = append(out, places[int(i)-1])
	}
	return out
}
