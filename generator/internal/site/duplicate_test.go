package site_test

import (
	"slices"
	"strings"
	"testing"
)

// TestDuplicateSlugs checks that two files of one kind that make the same
// address are one error, at path:line like every other, naming both
// files; and that one slug in two kinds is no problem.
func TestDuplicateSlugs(t *testing.T) {
	const rename = "; rename one of the files (file names that differ only in case or Polish letters make the same address)"
	tests := []struct {
		name   string
		change map[string]string
		want   []string
	}{
		{"a capital and a Polish letter",
			map[string]string{"cities/Włocławek.md": "---\ntitle: Włocławek\nregion: kujawsko-pomorskie\n---\n"},
			[]string{`cities/wloclawek.md:1: has the same address "/miasta/wloclawek/" as cities/Włocławek.md` + rename}},
		{"a space for a hyphen, in TOML",
			map[string]string{"documents/Strategia Łódź.md": "+++\ntitle = \"Strategia\"\ntype = \"strategia\"\nstatus = \"draft\"\ncities = [\"wloclawek\"]\n+++\n",
				"documents/strategia-lodz.md": "---\ntitle: Strategia\ntype: strategia\nstatus: draft\ncities: [wloclawek]\n---\n"},
			[]string{`documents/strategia-lodz.md:1: has the same address "/dokumenty/strategia-lodz/" as documents/Strategia Łódź.md` + rename}},
		{"two plain pages",
			map[string]string{"pages/O serwisie.md": "---\ntitle: O serwisie\n---\n"},
			[]string{`pages/o-serwisie.md:1: has the same address "/o-serwisie/" as pages/O serwisie.md` + rename}},
		{"one slug in two kinds",
			map[string]string{"programmes/wloclawek.md": "---\ntitle: Program dla Włocławka\n---\n"},
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := build(t, tt.change, nil)
			if !slices.Equal(got, tt.want) {
				t.Errorf("got errors\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
		})
	}
}
