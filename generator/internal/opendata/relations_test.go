package opendata

import (
	"bytes"
	"encoding/json"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/ratusz/ratusz/generator/internal/site"
	"github.com/ratusz/ratusz/generator/internal/site/sitetest"
)

// TestEveryRelationIsInTheOpenData holds the open data to the relations
// table: every reference field of a kind is a key of its entries, naming
// the slugs the model resolved, and every back-reference list is a key of
// the entries it is on, naming the entries that refer to them. A
// reference field added to the table fails here until the open data
// writes it.
func TestEveryRelationIsInTheOpenData(t *testing.T) {
	s := sitetest.Corpus(t, 400)
	files := map[site.Kind]map[string]map[string]any{} // kind → slug → entry
	err := Each(s, func(p string) string { return "/" + p }, func(name string, write func(io.Writer) error) error {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			return err
		}
		var f struct {
			Kind    site.Kind        `json:"kind"`
			Entries []map[string]any `json:"entries"`
		}
		if err := json.Unmarshal(b.Bytes(), &f); err != nil {
			return err
		}
		files[f.Kind] = map[string]map[string]any{}
		for _, e := range f.Entries {
			files[f.Kind][e["slug"].(string)] = e
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, e := range s.Entities() {
		data := files[e.E().Kind][e.E().Slug]
		if data == nil {
			continue // plain pages have no open data
		}
		for _, r := range site.Relations() {
			if r.From != e.E().Kind {
				continue
			}
			var want []string
			for _, x := range r.Targets(e) {
				want = append(want, x.E().Slug)
			}
			if got, ok := slugsAt(data, r.Key); !ok {
				t.Fatalf("%s: the open data of a %s has no key %s", e.E().Path, r.From, r.Key)
			} else if !slices.Equal(got, want) {
				t.Errorf("%s: %s is %v in the open data, %v in the model", e.E().Path, r.Key, got, want)
			}
			checked++
			if r.Back == "" {
				continue
			}
			for _, x := range r.Targets(e) {
				back, ok := slugsAt(files[x.E().Kind][x.E().Slug], r.Back)
				if !ok {
					t.Fatalf("the open data of a %s has no key %s, the back-reference of %s.%s", x.E().Kind, r.Back, r.From, r.Key)
				}
				if !slices.Contains(back, e.E().Slug) {
					t.Errorf("%s: %s of %s does not list %s", x.E().Path, r.Back, x.E().Slug, e.E().Slug)
				}
			}
		}
	}
	if checked < 400 {
		t.Errorf("only %d references checked", checked)
	}
}

// slugsAt returns the slugs of the references at key (a dotted path) of
// an open-data entry: none for null, one for a reference, each of a list.
func slugsAt(entry map[string]any, key string) ([]string, bool) {
	var v any = entry
	for _, k := range strings.Split(key, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return nil, v == nil // under a null map (a meeting with no place)
		}
		if v, ok = m[k]; !ok {
			return nil, false
		}
	}
	switch v := v.(type) {
	case nil:
		return nil, true
	case map[string]any:
		return []string{v["slug"].(string)}, true
	case []any:
		out := []string{}
		for _, x := range v {
			out = append(out, x.(map[string]any)["slug"].(string))
		}
		if len(out) == 0 {
			return nil, true
		}
		return out, true
	}
	return nil, false
}
