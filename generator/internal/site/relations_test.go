package site_test

import (
	"slices"
	"testing"

	"github.com/ratusz/ratusz/generator/internal/site"
	"github.com/ratusz/ratusz/generator/internal/site/sitetest"
)

// TestRelationsAreNamedBack: on a generated site, every entry an entry
// refers to through a relation with a back-reference lists it back, and
// every entry on a back-reference list refers to the entry it is listed
// on: the table, the decoding and the back-references agree.
func TestRelationsAreNamedBack(t *testing.T) {
	s := sitetest.Corpus(t, 600)
	refs := 0
	for _, e := range s.Entities() {
		for _, r := range site.Relations() {
			if r.From != e.E().Kind {
				continue
			}
			for _, target := range r.Targets(e) {
				refs++
				if !slices.Contains(r.To, target.E().Kind) {
					t.Errorf("%s: %s names %s, a %s; the relation names only %v", e.E().Path, r.Key, target.E().Path, target.E().Kind, r.To)
				}
				if r.Back == "" {
					continue
				}
				if !slices.Contains(site.Neighbours(target), e) {
					t.Errorf("%s: %s names %s, whose neighbours do not include it", e.E().Path, r.Key, target.E().Path)
				}
			}
		}
		// Whatever lists e among its neighbours is named by e or names it.
		for _, n := range site.Neighbours(e) {
			if !slices.Contains(site.Neighbours(n), e) {
				t.Errorf("%s lists %s as a neighbour, but not the other way round", e.E().Path, n.E().Path)
			}
		}
	}
	if refs < 600 {
		t.Errorf("only %d references in the corpus: the test checks little", refs)
	}
}

// TestEveryKindsReferencesAreInTheTable: each reference field the content
// model names is in the table once, with the kinds it may name.
func TestEveryKindsReferencesAreInTheTable(t *testing.T) {
	want := map[string][]site.Kind{
		"city.parent":                           {site.KindCity},
		"organisation.city":                     {site.KindCity},
		"partnership.cities":                    {site.KindCity},
		"partnership.members":                   {site.KindOrganisation},
		"partnership.leader":                    {site.KindCity, site.KindOrganisation},
		"partnership.programmes":                {site.KindProgramme},
		"document.cities":                       {site.KindCity},
		"document.partnership":                  {site.KindPartnership},
		"document.organisations":                {site.KindOrganisation},
		"document.programmes":                   {site.KindProgramme},
		"meeting.place.city":                    {site.KindCity},
		"meeting.partnership":                   {site.KindPartnership},
		"meeting.cities":                        {site.KindCity},
		"meeting.programmes":                    {site.KindProgramme},
		"meeting.organisers":                    {site.KindOrganisation, site.KindCity},
		"meeting.documents":                     {site.KindDocument},
		"document.consultation.respond.meeting": {site.KindMeeting},
	}
	got := map[string][]site.Kind{}
	for _, r := range site.Relations() {
		k := string(r.From) + "." + r.Key
		if _, dup := got[k]; dup {
			t.Errorf("%s is in the table twice", k)
		}
		got[k] = r.To
	}
	for k, to := range want {
		if !slices.Equal(got[k], to) {
			t.Errorf("%s names %v, want %v", k, got[k], to)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("%s is in the table but not in the content model", k)
		}
	}
}

// TestWhatRelationsSayToMachinesFits: the table's words for the JSON-LD
// and the search index can be written as they say. A relation that
// locates an entry names cities, whose names are the search index's
// places; no two relations of a kind name their targets by the same
// schema.org property, nor two back-reference lists on a kind theirs, as
// one would replace the other; and a back-reference list's property is
// on the relation that stands for the list, the first in the table of
// those that share it, where the JSON-LD reads it.
func TestWhatRelationsSayToMachinesFits(t *testing.T) {
	for _, r := range site.Relations() {
		if r.Locates && !slices.Equal(r.To, []site.Kind{site.KindCity}) {
			t.Errorf("%s.%s locates its entry but names %v, not cities", r.From, r.Key, r.To)
		}
		if r.SchemaBack != "" && r.Back == "" {
			t.Errorf("%s.%s has the schema.org property %s for a back-reference list it has not", r.From, r.Key, r.SchemaBack)
		}
		for _, k := range r.To {
			if r.SchemaBack == "" {
				continue
			}
			if !slices.ContainsFunc(slices.Collect(site.BackRelationsOf(k)), func(b site.Relation) bool {
				return b.Back == r.Back && b.SchemaBack == r.SchemaBack
			}) {
				t.Errorf("%s.%s: the list %s on entries of kind %s is named %s on a relation that does not stand for it", r.From, r.Key, r.Back, k, r.SchemaBack)
			}
		}
	}
	for _, k := range append(site.Kinds(), site.KindPage) {
		seen := map[string]string{}
		for r := range site.RelationsOf(k) {
			if r.Schema == "" {
				continue
			}
			if other, dup := seen[r.Schema]; dup {
				t.Errorf("%s.%s and %s.%s are both %s in the JSON-LD", k, other, k, r.Key, r.Schema)
			}
			seen[r.Schema] = r.Key
		}
		for r := range site.BackRelationsOf(k) {
			if r.SchemaBack == "" {
				continue
			}
			if other, dup := seen[r.SchemaBack]; dup {
				t.Errorf("the list %s of a %s and %s are both %s in the JSON-LD", r.Back, k, other, r.SchemaBack)
			}
			seen[r.SchemaBack] = r.Back
		}
	}
}
