package a11ytest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// repoRoot is the folder of the module's go.mod, where content/,
// node_modules/ and screenshots/ are.
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

// javaPath finds the java that runs the Nu HTML Checker.
func javaPath(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("java")
	if err != nil {
		missing(t, "no java on $PATH to run the Nu HTML Checker: install a Java runtime, as root: apt-get install default-jre-headless (.ci/run does)")
	}
	return p
}

// npmFile is a file of an npm package installed from the repository's
// package-lock.json.
func npmFile(t *testing.T, root, name string) string {
	t.Helper()
	p := filepath.Join(root, "node_modules", filepath.FromSlash(name))
	if _, err := os.Stat(p); err != nil {
		missing(t, "no %s: run `make node_modules` (npm ci --ignore-scripts, from package-lock.json; needs npm: apt-get install nodejs npm); .ci/run does", filepath.Join("node_modules", filepath.FromSlash(name)))
	}
	return p
}
