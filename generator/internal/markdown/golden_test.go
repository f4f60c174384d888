package markdown

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden returns the realistic body used by the golden test.
func golden(t testing.TB) []byte {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", "strategia.md"))
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// TestGolden renders testdata/strategia.md and compares the HTML and
// everything else in the Result with testdata/strategia.golden. Run
// with -update after a deliberate change in output.
func TestGolden(t *testing.T) {
	res, err := New(Options{Lang: "pl"}).Render(golden(t))
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	got.Write(res.HTML)
	fmt.Fprintf(&got, "\n-- summary --\n%s\n-- headings --\n", res.Summary)
	for _, h := range res.Headings {
		fmt.Fprintf(&got, "h%d #%s %s\n", h.Level, h.ID, h.Text)
	}
	fmt.Fprintf(&got, "-- links --\n")
	for _, l := range res.Links {
		fmt.Fprintf(&got, "%d %s\n", l.Line, l.Dest)
	}

	path := filepath.Join("testdata", "strategia.golden")
	if *update {
		if err := os.WriteFile(path, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("%s differs (run go test -update to accept):\n%s", path, lineDiff(got.String(), string(want)))
	}
}

// lineDiff lists the lines that differ between got and want.
func lineDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	var b strings.Builder
	for i := range max(len(g), len(w)) {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			fmt.Fprintf(&b, "line %d:\n  got:  %s\n  want: %s\n", i+1, gl, wl)
		}
	}
	return b.String()
}
