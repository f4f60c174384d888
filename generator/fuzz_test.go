package generator_test

import (
	"context"
	"errors"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/ratusz/ratusz/generator"
	"github.com/ratusz/ratusz/generator/internal/output"
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
	f.Fuzz(func(t *testing.T, data []byte, folder uint8) {
		dir := t.TempDir()
		content := filepath.Join(dir, "content")
		write := func(name string, b []byte) { writeFile(t, filepath.Join(content, name), b) }
		write("cities/wloclawek.md", []byte("---\ntitle: Włocławek\nregion: kujawsko-pomorskie\n---\n"))
		name := "x.md"
		if folder == uint8(len(fuzzFolders)-1) {
			name = "_index.md" // the site's settings
		}
		write(filepath.Join(fuzzFolders[int(folder)%len(fuzzFolders)], name), data)

		cfg := generator.Config{Content: content, Now: june2021}
		_, err := generator.BuildTo(context.Background(), cfg, &output.Memory{})
		if err == nil {
			return
		}
		var errs generator.Errors
		if !errors.As(err, &errs) {
			t.Fatalf("build failed without content errors: %v", err)
		}
		placed := regexp.MustCompile(`^` + regexp.QuoteMeta(filepath.ToSlash(content)) + `/[^:]+(:[1-9][0-9]*)?: .`)
		for _, e := range errs {
			if !placed.MatchString(e) {
				t.Errorf("error without its place in the content: %q", e)
			}
		}
	})
}
