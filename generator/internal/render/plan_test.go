package render

import (
	"io/fs"
	"os"
	"slices"
	"testing"

	"github.com/ratusz/ratusz/generator/internal/site"
)

// TestEveryPageKindHasAPlan: every kind of page, an entry's of every kind
// included, has one plan, whose layout the built-in theme has.
func TestEveryPageKindHasAPlan(t *testing.T) {
	kinds := []PageKind{PageHome, PageIndex, PageTopics, PageTopic, PageSearch, PageOpenData, PageNotFound, PageStatement, PageConsultations}
	for _, k := range append(site.Kinds(), site.KindPage) {
		kinds = append(kinds, EntryPage(k))
	}
	theme := os.DirFS("../../../layouts")
	for _, k := range kinds {
		n := 0
		for _, p := range plans {
			if p.kind == k {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s has %d plans, want 1", k, n)
			continue
		}
		l := planOf(k).layout
		if _, err := fs.Stat(theme, l+".html"); err != nil {
			t.Errorf("%s is rendered by %s.html, which the built-in theme does not have", k, l)
		}
		if !slices.Contains(layoutNames, l) {
			t.Errorf("%s's layout %s is not among the layout names", k, l)
		}
	}
	if len(plans) != len(kinds) {
		t.Errorf("%d plans for %d kinds of page", len(plans), len(kinds))
	}
}
