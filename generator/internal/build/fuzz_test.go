package build

import (
	"context"
	"errors"
	"path"
	"regexp"
	"testing"
	"testing/fstest"
	"time"

	"github.com/ratusz/ratusz/generator/internal/output"
	"github.com/ratusz/ratusz/generator/internal/render"
)

// fuzzFolders are the folders a fuzzed file may land in, one per kind.
var fuzzFolders = []string{"cities", "programmes", "organisations", "partnerships", "documents", "meetings", "pages", "."}

// FuzzBuildOne builds a site of one city and one fuzzed file, through the
// whole of load → validate → render. The build must never panic: it
// either succeeds or reports errors, each naming a file of the site (with
// its line where there is one).
func FuzzBuildOne(f *testing.F) {
	for i, s := range []string{
		"---\ntitle: Toruń\nregion: kujawsko-pomorskie\n---\n\nMiasto.\n",
		"+++\ntitle = \"RLKS\"\nperiod = \"2014-2020\"\n+++\n",
		"---\ntitle: PCK\ntype: fundacja\ncity: wloclawek\n---\n",
		"---\ntitle: LGD\ncities: [wloclawek]\nleader: wloclawek\nfounded: 2015-06\n---\n",
		"---\ntitle: Plan\ntype: plan\nstatus: adopted\ncities: [wloclawek]\nadopted: {date: 2020-01-02}\nperiod: {from: 2020, to: 2030}\n---\n\n# Plan\n\n[link](javascript:x) <b>x</b>\n",
		"---\ntitle: Sesja\ndate: 2021-05-12T18:00:00+02:00\ncities: [wloclawek]\nimages: [{file: x.png, alt: x}]\n---\n",
		"---\ntitle: O nas\naliases: [/stara/]\ntopics: [a, b]\n---\n\n| a |\n|---|\n| b |\n",
		"---\ntitle: Strona\nlang: en\ntimezone: Europe/London\n---\n",
	} {
		f.Add([]byte(s), uint8(i))
	}
	city := []byte("---\ntitle: Włocławek\nregion: kujawsko-pomorskie\n---\n")
	// Every input's build keeps the theme's layouts parsed for the next:
	// what a build spends on a site this small is mostly parsing them.
	kept := Kept{Layouts: &render.ParsedTheme{}}
	placed := regexp.MustCompile(`^content/[^:]+(:[1-9][0-9]*)?: .`)
	now := time.Date(2021, 6, 1, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, data []byte, folder uint8) {
		name := "x.md"
		if folder == uint8(len(fuzzFolders)-1) {
			name = "_index.md" // the site's settings
		}
		content := fstest.MapFS{
			"cities/wloclawek.md": {Data: city},
			path.Join(fuzzFolders[int(folder)%len(fuzzFolders)], name): {Data: data},
		}
		ctx := context.Background()
		p, res, err := Prepare(ctx, Config{ContentFS: content, Now: now}, kept)
		if err == nil {
			err = p.Write(ctx, &output.Memory{}, &res)
		}
		if err == nil {
			return
		}
		var errs Errors
		if !errors.As(err, &errs) {
			t.Fatalf("build failed without content errors: %v", err)
		}
		for _, e := range errs {
			if !placed.MatchString(e.Error()) {
				t.Errorf("error without its place in the content: %q", e)
			}
		}
	})
}
