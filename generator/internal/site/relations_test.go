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
		"city.parent":            {site.KindCity},
		"organisation.city":      {site.KindCity},
		"partnership.cities":     {site.KindCity},
		"partnership.members":    {site.KindOrganisation},
		"partnership.leader":     {site.KindCity, site.KindOrganisation},
		"partnership.programmes": {site.KindProgramme},
		"document.cities":        {site.KindCity},
		"document.partnership":   {site.KindPartnership},
		"document.organisations": {site.KindOrganisation},
		"document.programmes":    {site.KindProgramme},
		"meeting.place.city":     {site.KindCity},
		"meeting.partnership":    {site.KindPartnership},
		"meeting.cities":         {site.KindCity},
		"meeting.programmes":     {site.KindProgramme},
		"meeting.organisers":     {site.KindOrganisation, site.KindCity},
		"meeting.documents":      {site.KindDocument},
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
