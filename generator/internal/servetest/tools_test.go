package servetest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// repoRoot is the folder of the module's go.mod.
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if data, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil && strings.HasPrefix(string(data), "module github.com/ratusz/ratusz\n") {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod of github.com/ratusz/ratusz above the test's folder")
		}
		dir = parent
	}
}

// missing skips the test because a tool it needs is not installed, or
// fails it on CI, where every tool must be there.
func missing(t *testing.T, format string, args ...any) {
	t.Helper()
	if ci := os.Getenv("CI"); ci != "" && ci != "0" && ci != "false" {
		t.Fatalf(format, args...)
	}
	t.Skipf(format, args...)
}

// chromiumPath finds Debian's chromium: $RATUSZ_CHROMIUM, else
// /usr/bin/chromium, else chromium on $PATH.
func chromiumPath(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("RATUSZ_CHROMIUM"); p != "" {
		if _, err := os.Stat(p); err != nil {
			missing(t, "RATUSZ_CHROMIUM names no browser: %v", err)
		}
		return p
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	missing(t, "no chromium at /usr/bin/chromium or on $PATH, and no $RATUSZ_CHROMIUM: install Debian's, as root: apt-get install chromium fonts-dejavu-core (.ci/run does)")
	return ""
}
