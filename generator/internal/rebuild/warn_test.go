package rebuild

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ratusz/ratusz/generator/internal/build"
)

// The dev server prints the warnings ratusz build prints, once, and again
// when they change: here a site with no accessibility statement, and then
// a file in the content tree that no entry uses.
func TestServePrintsWarnings(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{
		"content/_index.md":   "---\ntitle: Gmina\n---\n",
		"content/cities/a.md": "---\ntitle: A\nregion: mazowieckie\n---\n",
		"content/pages/b.md":  "---\ntitle: B\n---\n",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var log bytes.Buffer
	r := New(build.Config{Content: filepath.Join(dir, "content"), Now: time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)}, &log)
	if _, probs := r.Build(context.Background(), nil); probs != nil {
		t.Fatal(probs)
	}
	first := log.String()
	if !strings.Contains(first, "ratusz.toml: no [accessibility] table") || !strings.HasPrefix(first, "warning: ") {
		t.Errorf("the first build printed %q, want the warning about the accessibility statement", first)
	}
	if strings.Contains(first, "-base-url") {
		t.Errorf("the dev server warns about -base-url: %q", first)
	}
	if _, probs := r.Build(context.Background(), nil); probs != nil {
		t.Fatal(probs)
	}
	if log.String() != first {
		t.Errorf("the same warnings printed again: %q", strings.TrimPrefix(log.String(), first))
	}
	unused := filepath.Join(dir, "content", "pages", "plan.pdf")
	if err := os.WriteFile(unused, []byte("%PDF"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, probs := r.Build(context.Background(), []string{unused}); probs != nil {
		t.Fatal(probs)
	}
	if next := strings.TrimPrefix(log.String(), first); !strings.Contains(next, "plan.pdf: not used by any entry") {
		t.Errorf("after a file was added, the dev server printed %q, want the warning about it", next)
	}
}
