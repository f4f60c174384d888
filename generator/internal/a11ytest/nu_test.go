package a11ytest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/url"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// nuReport is the Nu HTML Checker's --format json output.
type nuReport struct {
	Messages []nuMessage `json:"messages"`
}

type nuMessage struct {
	Type    string `json:"type"` // "error", "info" (a warning) or "non-document-error"
	URL     string `json:"url"`
	Line    int    `json:"lastLine"`
	Column  int    `json:"firstColumn"`
	Message string `json:"message"`
	Extract string `json:"extract"`
}

// TestNuHTMLChecker runs the W3C Nu HTML Checker over both whole output
// folders and fails on every error; warnings are not failures.
func TestNuHTMLChecker(t *testing.T) {
	root := repoRoot(t)
	java := javaPath(t)
	jar := npmFile(t, root, "vnu-jar/build/dist/vnu.jar")
	sites := buildSites(t)

	args := []string{"-jar", jar, "--errors-only", "--format", "json", "--skip-non-html"}
	for _, s := range sites {
		args = append(args, s.Out)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, java, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run() // exits 1 when it finds an error: the report says which

	var report nuReport
	out := stderr.Bytes() // where vnu writes its report
	if !bytes.Contains(out, []byte(`"messages"`)) {
		out = stdout.Bytes()
	}
	if err := json.Unmarshal(out, &report); err != nil {
		t.Fatalf("java %s: %v; no JSON report (%v):\n%s\n%s", strings.Join(args, " "), runErr, err, stdout.String(), stderr.String())
	}
	errs := 0
	for _, m := range report.Messages {
		if m.Type == "info" {
			continue
		}
		errs++
		t.Errorf("%s:%d:%d: %s: %s\n    %s", sitePath(sites, m.URL), m.Line, m.Column, m.Type, m.Message, strings.ReplaceAll(m.Extract, "\n", "↵"))
	}
	if errs == 0 && runErr != nil {
		t.Errorf("java %s: %v with no error in its report:\n%s", strings.Join(args, " "), runErr, stderr.String())
	}
	for _, s := range sites {
		n, err := countHTML(s.Out)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("Nu HTML Checker: %d HTML files of the %s checked", n, s.Name)
	}
}

// sitePath turns the checker's file: URL into "built-in /miasta/index.html".
func sitePath(sites []builtSite, fileURL string) string {
	u, err := url.Parse(fileURL)
	if err != nil || u.Scheme != "file" {
		return fileURL
	}
	p := filepath.FromSlash(u.Path)
	for _, s := range sites {
		if rel, err := filepath.Rel(s.Out, p); err == nil && !strings.HasPrefix(rel, "..") {
			return fmt.Sprintf("%s /%s", s.Name, filepath.ToSlash(rel))
		}
	}
	return p
}

// countHTML counts the .html files under dir, alias redirects too.
func countHTML(dir string) (int, error) {
	n := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			n++
		}
		return err
	})
	return n, err
}
