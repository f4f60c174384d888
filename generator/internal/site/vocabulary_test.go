package site_test

import (
	"testing"

	"github.com/ratusz/ratusz/generator/internal/lang"
	"github.com/ratusz/ratusz/generator/internal/site"
)

// TestEveryValueHasItsName: every value of every vocabulary with labels
// has its name in every UI language, so that no page shows a bare key.
func TestEveryValueHasItsName(t *testing.T) {
	checked := 0
	for _, tag := range lang.Supported() {
		l, err := lang.New(tag)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range site.Vocabularies() {
			if len(v.Values) == 0 {
				t.Errorf("%s has no values", v.Name)
			}
			if v.Label == "" {
				continue
			}
			for _, value := range v.Values {
				checked++
				if !l.Has(v.Label + value) {
					t.Errorf("%s: %s %q has no name: add %q to %s.toml", tag, v.Name, value, v.Label+value, tag)
				}
			}
		}
	}
	if checked < 60 {
		t.Errorf("only %d names checked", checked)
	}
}
