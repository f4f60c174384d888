package generator

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// The same input built with the same -now gives byte-identical output
// folders, even when the site sits in another folder and the output goes
// to another: no map order, clock or absolute path reaches the output.
func TestBuildIsReproducible(t *testing.T) {
	now := time.Date(2021, 6, 1, 0, 0, 0, 0, time.UTC)
	build := func() (string, string) {
		dir := copySite(t)
		cfg := Config{
			Content: filepath.Join(dir, "content"),
			Static:  filepath.Join(dir, "static"),
			Out:     filepath.Join(t.TempDir(), "public"),
			BaseURL: "https://bip.gmina.pl/strategie/",
			Now:     now,
		}
		if _, err := Build(context.Background(), cfg); err != nil {
			t.Fatal(err)
		}
		return dir, cfg.Out
	}
	dirA, a := build()
	dirB, b := build()
	read := func(root string) map[string][]byte {
		files := map[string][]byte{}
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			files[filepath.ToSlash(rel)], err = os.ReadFile(p)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return files
	}
	fa, fb := read(a), read(b)
	names := func(m map[string][]byte) []string {
		var s []string
		for n := range m {
			s = append(s, n)
		}
		slices.Sort(s)
		return s
	}
	if na, nb := names(fa), names(fb); !slices.Equal(na, nb) {
		t.Fatalf("the two builds have different files:\n%s\n---\n%s", strings.Join(na, "\n"), strings.Join(nb, "\n"))
	}
	if len(fa) < 60 {
		t.Errorf("only %d files", len(fa))
	}
	for name, data := range fa {
		if !bytes.Equal(data, fb[name]) {
			t.Errorf("%s differs between two builds of the same input", name)
		}
		for _, leak := range []string{dirA, dirB, a, b, os.TempDir()} {
			if bytes.Contains(data, []byte(leak)) {
				t.Errorf("%s contains the path %s", name, leak)
			}
		}
		if today := time.Now().Format("20060102"); bytes.Contains(data, []byte(today)) || bytes.Contains(data, []byte(time.Now().Format(time.DateOnly))) {
			t.Errorf("%s contains today's date, not -now's", name)
		}
	}
}
