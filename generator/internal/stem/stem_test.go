package stem

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ratusz/ratusz/generator/internal/browser"
)

// vector is one word and the stem Snowball's Polish stemmer gives it.
type vector struct{ word, stem string }

// readVectors reads word<TAB>stem lines.
func readVectors(t testing.TB, path string) []vector {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var vs []vector
	for i, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		word, stem, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("%s:%d: no tab in %q", path, i+1, line)
		}
		vs = append(vs, vector{word, stem})
	}
	if len(vs) == 0 {
		t.Fatalf("%s: no vectors", path)
	}
	return vs
}

func TestVectors(t *testing.T) {
	vs := readVectors(t, filepath.Join("testdata", "polish.tsv"))
	failed := 0
	for _, v := range vs {
		if got := Polish(v.word); got != v.stem {
			failed++
			if failed <= 50 {
				t.Errorf("Polish(%q) = %q, want %q", v.word, got, v.stem)
			}
		}
	}
	t.Logf("%d of %d vectors pass", len(vs)-failed, len(vs))
}

// TestOfficialVocabulary checks the whole Polish vocabulary of Snowball's
// snowball-data repository, of which testdata/polish.tsv holds a sample,
// in Go and, when node is there, in JavaScript. It runs when
// $RATUSZ_SNOWBALL_DATA names a checkout of that repository.
func TestOfficialVocabulary(t *testing.T) {
	dir := os.Getenv("RATUSZ_SNOWBALL_DATA")
	if dir == "" {
		t.Skip("set RATUSZ_SNOWBALL_DATA to a checkout of github.com/snowballstem/snowball-data to check its whole Polish vocabulary")
	}
	words := readLines(t, filepath.Join(dir, "polish", "voc.txt"))
	stems := readLines(t, filepath.Join(dir, "polish", "output.txt"))
	if len(words) != len(stems) {
		t.Fatalf("%d words but %d stems", len(words), len(stems))
	}
	var tsv strings.Builder
	failed := 0
	for i, w := range words {
		if got := Polish(w); got != stems[i] {
			failed++
			if failed <= 50 {
				t.Errorf("Polish(%q) = %q, want %q", w, got, stems[i])
			}
		}
		tsv.WriteString(w + "\t" + stems[i] + "\n")
	}
	t.Logf("%d of %d words pass", len(words)-failed, len(words))
	if _, err := exec.LookPath("node"); err != nil {
		return
	}
	path := filepath.Join(t.TempDir(), "polish.tsv")
	if err := os.WriteFile(path, []byte(tsv.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	runCheck(t, path)
}

// readLines reads the lines of a text file.
func readLines(t testing.TB, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	s := bufio.NewScanner(f)
	for s.Scan() {
		lines = append(lines, s.Text())
	}
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
	return lines
}

// TestEmpty covers the one case the vectors cannot hold.
func TestEmpty(t *testing.T) {
	if got := Polish(""); got != "" {
		t.Errorf("Polish(\"\") = %q", got)
	}
}

// TestJavaScriptAgrees runs static/js/stem.js, the twin of this package,
// over the same vectors in node.
func TestJavaScriptAgrees(t *testing.T) {
	runCheck(t, filepath.Join("testdata", "polish.tsv"))
}

// runCheck runs testdata/check.js, which stems the words of a vector file
// with static/js/stem.js, and fails the test on any mismatch.
func runCheck(t *testing.T, vectors string) {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		browser.Missing(t, "no node on $PATH to check static/js/stem.js: install Node.js, as root: apt-get install nodejs")
	}
	script := filepath.Join("testdata", "check.js")
	js := filepath.Join("..", "..", "..", "static", "js", "stem.js")
	out, err := exec.Command(node, script, js, vectors).CombinedOutput()
	if err != nil {
		t.Fatalf("node %s %s %s: %v\n%s", script, js, vectors, err, out)
	}
	t.Log(strings.TrimSpace(string(out)))
}

// FuzzPolish checks that no input panics and that a stem of valid UTF-8 is
// valid UTF-8 and no longer than its word.
func FuzzPolish(f *testing.F) {
	for _, w := range []string{"czytających", "byłyście", "jake'owi", "ć", "𝔸ę", "\xc5", "ab\xc4\x85"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, word string) {
		stem := Polish(word)
		if len(stem) > len(word) {
			t.Errorf("Polish(%q) = %q, longer than the word", word, stem)
		}
		if utf8.ValidString(word) && !utf8.ValidString(stem) {
			t.Errorf("Polish(%q) = %q, not UTF-8", word, stem)
		}
	})
}

func BenchmarkPolish(b *testing.B) {
	vs := readVectors(b, filepath.Join("testdata", "polish.tsv"))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, v := range vs {
			Polish(v.word)
		}
	}
}
