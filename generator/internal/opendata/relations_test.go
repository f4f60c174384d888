package opendata

import (
	"bytes"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"iter"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ratusz/ratusz/generator/internal/site"
	"github.com/ratusz/ratusz/generator/internal/site/sitetest"
)

// TestEveryRelationIsInTheOpenData holds the open data to the relations
// table: every reference field of a kind is a key of its entries, naming
// the slugs the model resolved, and every back-reference list is a key of
// the entries it is on, naming the entries that refer to them, in the
// order of the table, the lists last.
func TestEveryRelationIsInTheOpenData(t *testing.T) {
	s := sitetest.Corpus(t, 400)
	files := openData(t, s, tableLayout)
	from := func(k site.Kind) []site.Relation { return ownKeys(site.RelationsOf(k)) }
	back := func(k site.Kind) []site.Relation { return slices.Collect(site.BackRelationsOf(k)) }
	if checked := checkReferences(t, s, files, from, back); checked < 400 {
		t.Errorf("only %d references checked", checked)
	}
}

// ownKeys are the relations whose key the open data lays out as the
// table says: not those in the items of a list (a consultation's ways to
// respond), which the document's writer writes with each item.
func ownKeys(rels iter.Seq[site.Relation]) []site.Relation {
	var out []site.Relation
	for r := range rels {
		if !r.InItems {
			out = append(out, r)
		}
	}
	return out
}

// A reference field added to the relations table is in the open data
// with no word of this package: a copy of every row of the table, under
// keys of its own (cities_added, place.city_added, meetings_added), is in
// every entry as the row it copies is, in table order after it.
func TestARelationAddedToTheTableIsInTheOpenData(t *testing.T) {
	s := sitetest.Corpus(t, 400)
	from := func(k site.Kind) []site.Relation {
		rels := ownKeys(site.RelationsOf(k))
		for _, r := range ownKeys(site.RelationsOf(k)) {
			r.Key += "_added"
			if r.Back != "" {
				r.Back += "_added"
			}
			rels = append(rels, r)
		}
		return rels
	}
	back := func(k site.Kind) []site.Relation {
		rels := slices.Collect(site.BackRelationsOf(k))
		for _, r := range slices.Collect(site.BackRelationsOf(k)) {
			r.Back += "_added"
			rels = append(rels, r)
		}
		return rels
	}
	files := openData(t, s, func(k site.Kind) layout { return newLayout(from(k), back(k)) })
	if checked := checkReferences(t, s, files, from, back); checked < 800 {
		t.Errorf("only %d references checked", checked)
	}
	added, want := 0, 0
	for _, r := range site.Relations() {
		if r.InItems {
			continue
		}
		want++
		for _, e := range files[r.From] {
			if _, ok := slugsAt(e, r.Key+"_added"); ok {
				added++
				break
			}
		}
	}
	if added != want {
		t.Errorf("%d of the %d added relations are in the open data", added, want)
	}
}

// The open data names no reference field: every one comes from the
// relations table, so that a new one needs no change here.
func TestTheOpenDataNamesNoReferenceField(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "opendata.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, r := range site.Relations() {
		names[r.Key] = true
		_, key, _ := cutLast(r.Key)
		names[key] = true
		if r.Back != "" {
			names[r.Back] = true
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		lit, ok := n.(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return true
		}
		v, err := strconv.Unquote(lit.Value)
		if err != nil {
			t.Fatal(err)
		}
		for name := range names {
			if v == name || strings.Contains(v, `"`+name+`"`) {
				t.Errorf("opendata.go names the reference field %q (%s): it is the relations table's to name", name, lit.Value)
			}
		}
		return true
	})
}

// An entry the writer does not give every reference field of the table
// stops the open data with an error rather than leaving it out: a dotted
// key naming an object its kind does not have.
func TestAReferenceWithNoPlaceIsAnError(t *testing.T) {
	s := sitetest.Corpus(t, 100)
	layoutOf := func(k site.Kind) layout {
		rels := slices.Collect(site.RelationsOf(k))
		if k == site.KindDocument {
			r := rels[0]
			r.Key = "nowhere." + r.Key
			rels = append(rels, r)
		}
		return newLayout(rels, slices.Collect(site.BackRelationsOf(k)))
	}
	err := each(s, func(p string) string { return p }, layoutOf, func(_ string, write func(io.Writer) error) error {
		return write(io.Discard)
	})
	if err == nil || !strings.Contains(err.Error(), "open data of documents") || !strings.Contains(err.Error(), "nowhere.") {
		t.Errorf("each with a reference in no object: %v; want an error naming the kind and the key", err)
	}
}

// openData writes the open data of s with the references laid out by
// layoutOf, and reads it back: kind → slug → entry, each entry with its
// keys in order under "".
func openData(t *testing.T, s *site.Site, layoutOf func(site.Kind) layout) map[site.Kind]map[string]map[string]any {
	t.Helper()
	files := map[site.Kind]map[string]map[string]any{}
	err := each(s, func(p string) string { return "/" + p }, layoutOf, func(name string, write func(io.Writer) error) error {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			return err
		}
		var f struct {
			Kind    site.Kind         `json:"kind"`
			Entries []json.RawMessage `json:"entries"`
		}
		if err := json.Unmarshal(b.Bytes(), &f); err != nil {
			return err
		}
		files[f.Kind] = map[string]map[string]any{}
		for _, raw := range f.Entries {
			var e map[string]any
			if err := json.Unmarshal(raw, &e); err != nil {
				return err
			}
			e[""] = keysOf(t, raw)
			files[f.Kind][e["slug"].(string)] = e
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// keysOf returns the keys of a JSON object, in order.
func keysOf(t *testing.T, object []byte) []string {
	d := json.NewDecoder(bytes.NewReader(object))
	var keys []string
	if _, err := d.Token(); err != nil { // {
		t.Fatal(err)
	}
	for d.More() {
		k, err := d.Token()
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, k.(string))
		var v json.RawMessage
		if err := d.Decode(&v); err != nil {
			t.Fatal(err)
		}
	}
	return keys
}

// checkReferences checks the open data files of s against the relations
// from(kind) (a kind's reference fields) and back(kind) (the relations
// naming its entries back, one for each list): each is a key of every
// entry of the kind, naming the entries the model does, the reference
// fields with a key of their own in the order of from, and the lists in
// the order of back, after every other key. It returns how many
// references it checked.
func checkReferences(t *testing.T, s *site.Site, files map[site.Kind]map[string]map[string]any, from, back func(site.Kind) []site.Relation) int {
	t.Helper()
	checked := 0
	for _, e := range s.Entities() {
		k := e.E().Kind
		data := files[k][e.E().Slug]
		if data == nil {
			continue // plain pages have no open data
		}
		var refKeys []string
		for _, r := range from(k) {
			var want []string
			for _, x := range r.Targets(e) {
				want = append(want, x.E().Slug)
			}
			if got, ok := slugsAt(data, r.Key); !ok {
				t.Fatalf("%s: the open data of a %s has no key %s", e.E().Path, k, r.Key)
			} else if !slices.Equal(got, want) {
				t.Errorf("%s: %s is %v in the open data, %v in the model", e.E().Path, r.Key, got, want)
			}
			checked++
			if !strings.Contains(r.Key, ".") {
				refKeys = append(refKeys, r.Key)
			}
		}
		var backKeys []string
		for _, r := range back(k) {
			var want []string
			for _, x := range r.Referrers(e) {
				want = append(want, x.E().Slug)
			}
			if got, ok := slugsAt(data, r.Back); !ok {
				t.Fatalf("%s: the open data of a %s has no key %s, the back-reference of %s.%s", e.E().Path, k, r.Back, r.From, r.Key)
			} else if !slices.Equal(got, want) {
				t.Errorf("%s: %s is %v in the open data, %v in the model", e.E().Path, r.Back, got, want)
			}
			backKeys = append(backKeys, r.Back)
		}
		keys := data[""].([]string)
		inOrder := slices.DeleteFunc(slices.Clone(keys), func(key string) bool { return !slices.Contains(refKeys, key) })
		if !slices.Equal(inOrder, refKeys) {
			t.Errorf("%s: the reference fields of its open data are %v; want %v", e.E().Path, inOrder, refKeys)
		}
		if last := keys[len(keys)-len(backKeys):]; !slices.Equal(last, backKeys) {
			t.Errorf("%s: its open data ends with %v; want the lists of the entries that refer to it, %v", e.E().Path, last, backKeys)
		}
	}
	return checked
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
