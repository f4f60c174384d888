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

	"github.com/ratusz/ratusz/generator/internal/output"
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
	fa, fb := readTree(t, a), readTree(t, b)
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

// readTree reads every file under root, by slash-separated relative path.
func readTree(t *testing.T, root string) map[string][]byte {
	t.Helper()
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

// A build written to disk holds the files a build kept in memory (the dev
// server's) holds, minified or not, though the disk is given the open
// data a piece at a time.
func TestDiskAndMemoryBuildsAgree(t *testing.T) {
	for _, minify := range []bool{false, true} {
		cfg := Config{
			Content: "testdata/site/content",
			Static:  "testdata/site/static",
			Out:     filepath.Join(t.TempDir(), "public"),
			Now:     time.Date(2021, 6, 1, 0, 0, 0, 0, time.UTC),
			Minify:  minify,
		}
		if _, err := Build(context.Background(), cfg); err != nil {
			t.Fatal(err)
		}
		var mem output.Memory
		if _, err := BuildTo(context.Background(), cfg, &mem); err != nil {
			t.Fatal(err)
		}
		disk := readTree(t, cfg.Out)
		delete(disk, output.Marker)
		json := 0
		for name, data := range mem.Files {
			if !bytes.Equal(disk[name], data) {
				t.Errorf("minify %v: %s: %d bytes on disk, %d in memory", minify, name, len(disk[name]), len(data))
			}
			if strings.HasSuffix(name, ".json") {
				json++
			}
			delete(disk, name)
		}
		for name := range disk {
			t.Errorf("minify %v: %s is on disk, not in memory", minify, name)
		}
		if json < 6 {
			t.Errorf("minify %v: %d JSON files, want the open data of every kind", minify, json)
		}
	}
}

// copySite copies the test site into a temporary folder.
func copySite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("testdata/site")); err != nil {
		t.Fatal(err)
	}
	return dir
}
