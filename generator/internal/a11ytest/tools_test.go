package a11ytest

import (
	"github.com/ratusz/ratusz/generator/internal/browser"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

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

// The browser plumbing both browser-test packages share.
var (
	repoRoot     = browser.RepoRoot
	missing      = browser.Missing
	chromiumPath = browser.Chromium
)
