package generator_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ratusz/ratusz/generator"
	"github.com/ratusz/ratusz/generator/internal/output"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

var june2021 = time.Date(2021, 6, 1, 12, 0, 0, 0, time.UTC)

func testConfig(dir string) generator.Config {
	cfg := generator.Config{Content: filepath.Join(dir, "content"), Now: june2021}
	if _, err := os.Stat(filepath.Join(dir, "static")); err == nil {
		cfg.Static = filepath.Join(dir, "static")
	}
	if _, err := os.Stat(filepath.Join(dir, "layouts")); err == nil {
		cfg.Layouts = filepath.Join(dir, "layouts")
	}
	return cfg
}

func buildMemory(t *testing.T, cfg generator.Config) (map[string][]byte, generator.Result) {
	t.Helper()
	var mem output.Memory
	res, err := generator.BuildTo(context.Background(), cfg, &mem)
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return mem.Files, res
}

// TestGolden builds the test site, which uses every kind and field, and
// compares every page with the reviewed copy in testdata/golden. Run
// `go test ./generator -run Golden -update` after a deliberate change and
// read the diff before committing it.
func TestGolden(t *testing.T) {
	files, _ := buildMemory(t, testConfig("testdata/site"))
	var listing []string
	for name, data := range files {
		listing = append(listing, fmt.Sprintf("%s %d", name, len(data)))
	}
	slices.Sort(listing)
	golden := "testdata/golden"
	if *update {
		os.RemoveAll(golden)
	}
	check := func(name string, got []byte) {
		p := filepath.Join(golden, filepath.FromSlash(name))
		if *update {
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := os.WriteFile(p, got, 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		want, err := os.ReadFile(p)
		if err != nil {
			t.Errorf("%s: not in the golden files (run with -update and review): %v", name, err)
			return
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s:\n%s", name, p, firstDiff(string(got), string(want)))
		}
	}
	check("files.txt", []byte(strings.Join(listing, "\n")+"\n"))
	for name, data := range files {
		if strings.HasSuffix(name, ".html") {
			check(name, data)
		}
	}
}

// firstDiff shows the first line where got and want differ.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < max(len(g), len(w)); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d:\n got: %s\nwant: %s", i+1, gl, wl)
		}
	}
	return "(same lines, different bytes)"
}
