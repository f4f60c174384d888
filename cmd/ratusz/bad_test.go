package main

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestBadInput is the catalogue of ways editors break content, in
// testdata/bad: each folder is one case, its content/ and static/ files
// laid over the good site in testdata/good, and errors.txt is exactly what
// ratusz build must print (a line "..." stands for any number of lines).
// Every case must fail with exit status 1 and leave the output of the
// last good build exactly as it was.
//
// Some cases cannot be committed as files (a 50 MB file, ten thousand
// broken files, links that lead out of the site); generated makes them.
func TestBadInput(t *testing.T) {
	cases, err := os.ReadDir("testdata/bad")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range cases {
		if !c.IsDir() {
			continue
		}
		n++
		t.Run(c.Name(), func(t *testing.T) {
			caseDir, err := filepath.Abs(filepath.Join("testdata/bad", c.Name()))
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(filepath.Join(caseDir, "errors.txt"))
			if err != nil {
				t.Fatalf("every case needs errors.txt, the messages it must print: %v", err)
			}
			site := t.TempDir()
			copyDir(t, "testdata/good", site)
			t.Chdir(site)
			args := append([]string{"build", "-out", "public", "-quiet"}, now...)
			if code, _, stderr := ratusz(t, args...); code != 0 {
				t.Fatalf("the good site does not build: exit %d\n%s", code, stderr)
			}
			before := treeSums(t, "public")

			for _, dir := range []string{"content", "static"} {
				if _, err := os.Stat(filepath.Join(caseDir, dir)); err == nil {
					copyDir(t, filepath.Join(caseDir, dir), dir)
				}
			}
			if gen, ok := generated[c.Name()]; ok {
				gen(t)
			}

			code, stdout, stderr := ratusz(t, args...)
			if code != 1 {
				t.Errorf("exit status %d, want 1", code)
			}
			if stdout != "" {
				t.Errorf("wrote to stdout: %q", stdout)
			}
			got := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
			if !matchLines(got, strings.Split(strings.TrimSuffix(string(want), "\n"), "\n")) {
				t.Errorf("printed\n\t%s\nwant (testdata/bad/%s/errors.txt)\n\t%s", strings.Join(head(got, 40), "\n\t"), c.Name(), strings.ReplaceAll(strings.TrimSuffix(string(want), "\n"), "\n", "\n\t"))
			}
			if check, ok := checkOutput[c.Name()]; ok {
				check(t, got)
			}
			if after := treeSums(t, "public"); !maps2Equal(before, after) {
				t.Errorf("the failed build changed the output folder:\nbefore %v\nafter  %v", keys(before), keys(after))
			}
			if leftovers, _ := filepath.Glob(".public*"); len(leftovers) > 0 {
				t.Errorf("the failed build left %v beside the output folder", leftovers)
			}

			// check says the same, and writes nothing either.
			code, _, checkErr := ratusz(t, append([]string{"check", "-quiet"}, now...)...)
			if code != 1 || strings.Replace(checkErr, "; nothing was written", "", 1) != strings.Replace(stderr, "; nothing was written", "", 1) {
				t.Errorf("ratusz check: exit %d, printed %d bytes; want exit 1 and the messages of build", code, len(checkErr))
			}
		})
	}
	if n < 30 {
		t.Errorf("%d bad-input cases; the catalogue has lost some", n)
	}
}

// generated makes the cases that are not kept as files.
var generated = map[string]func(t *testing.T){
	"big-file": func(t *testing.T) {
		// 50 MB of one paragraph after a valid front matter.
		f, err := os.Create("content/documents/ogromny.md")
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprint(f, "---\ntitle: Ogromny\ntype: plan\nstatus: draft\ncities: [wloclawek]\n---\n\n")
		line := []byte(strings.Repeat("Bardzo długi akapit. ", 50) + "\n")
		for written := 0; written < 50<<20; written += len(line) {
			if _, err := f.Write(line); err != nil {
				t.Fatal(err)
			}
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	},
	"ten-thousand-errors": func(t *testing.T) {
		// 10,000 documents, each with one dangling city.
		for i := range 10000 {
			name := fmt.Sprintf("content/documents/plan-%05d.md", i)
			text := fmt.Sprintf("---\ntitle: Plan %d\ntype: plan\nstatus: draft\ncities: [miasto-%d]\n---\n", i, i)
			if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	},
	"symlinks-out": func(t *testing.T) {
		outside := filepath.Join(t.TempDir(), "tajne.pdf")
		if err := os.WriteFile(outside, []byte("%PDF-1.4 tajne"), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, link := range []string{"content/documents/pliki/tajne.pdf", "static/tajne.pdf"} {
			if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(outside, link); err != nil {
				t.Skipf("no symbolic links here: %v", err)
			}
		}
		if err := os.Symlink(filepath.Dir(outside), "content/documents/poza"); err != nil {
			t.Fatal(err)
		}
	},
}

// checkOutput checks more of what a generated case prints.
var checkOutput = map[string]func(t *testing.T, lines []string){
	"ten-thousand-errors": func(t *testing.T, lines []string) {
		if len(lines) != 10001 {
			t.Errorf("printed %d lines, want every one of the 10,000 errors and the summary", len(lines))
		}
		for i, l := range lines[:min(len(lines), 10000)] {
			want := fmt.Sprintf("content/documents/plan-%05d.md:5: cities[1]: no city has the slug \"miasto-%d\"", i, i)
			if !strings.HasPrefix(l, want) {
				t.Fatalf("line %d is %q, want it to start %q", i+1, l, want)
			}
		}
	},
}

// matchLines reports whether got matches want, where a want line "..."
// matches any number of lines.
func matchLines(got, want []string) bool {
	if len(want) == 0 {
		return len(got) == 0
	}
	if want[0] == "..." {
		for i := 0; i <= len(got); i++ {
			if matchLines(got[i:], want[1:]) {
				return true
			}
		}
		return false
	}
	return len(got) > 0 && got[0] == want[0] && matchLines(got[1:], want[1:])
}

func head(s []string, n int) []string { return s[:min(n, len(s))] }

// copyDir copies the files under from into to.
func copyDir(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		if rel == "errors.txt" || rel == ".gitattributes" {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// treeSums maps every file under dir to a hash of its bytes.
func treeSums(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	sums := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		sums[p] = sha256.Sum256(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return sums
}

func maps2Equal(a, b map[string][32]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func keys(m map[string][32]byte) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}
