package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/ratusz/ratusz/generator"
)

// now makes every build in these tests treat the same day as today.
var now = []string{"-now", "2021-06-01"}

// minimalSite is the smallest content a build accepts: a city and a
// document of that city.
var minimalSite = map[string]string{
	"content/cities/wloclawek.md": "---\ntitle: Włocławek\nregion: kujawsko-pomorskie\n---\n\nMiasto nad Wisłą.\n",
	"content/documents/lsr.md":    "---\ntitle: Lokalna Strategia Rozwoju\ntype: strategia\nstatus: draft\ncities: [wloclawek]\n---\n\nTreść strategii.\n",
}

// brokenFiles add one error each to minimalSite.
var brokenFiles = map[string]string{
	"content/documents/zla.md": "---\ntitle: Zła strategia\ntype: strategia\nstatus: bogus\ncities: [wloclawek]\n---\n",
	"content/cities/torun.md":  "---\ntitle: Toruń\n---\n",
}

// inSite makes a temporary site folder with files, moves into it and
// returns its path.
func inSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	t.Chdir(dir)
	writeFiles(t, files)
	return dir
}

func writeFiles(t *testing.T, files map[string]string) {
	t.Helper()
	for name, text := range files {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// ratusz runs the command line and returns its exit status and output.
func ratusz(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestVersion(t *testing.T) {
	code, stdout, stderr := ratusz(t, "version")
	if code != 0 {
		t.Errorf("ratusz version: exit %d, want 0", code)
	}
	if !regexp.MustCompile(`^ratusz \S+( \S+)?( \(\S+\))?\n$`).MatchString(stdout) {
		t.Errorf("ratusz version printed %q, want \"ratusz VERSION\"", stdout)
	}
	if stderr != "" {
		t.Errorf("ratusz version wrote to stderr: %q", stderr)
	}
}

// formatVersion says which source a binary was built from, whichever way
// it was built.
func TestFormatVersion(t *testing.T) {
	vcs := func(rev, time, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev}, {Key: "vcs.time", Value: time}, {Key: "vcs.modified", Value: modified}}
	}
	const rev = "de49674f4ea6075ab9791316bea2c2f2a25a90cc"
	tests := []struct {
		name string
		bi   *debug.BuildInfo
		want string
	}{
		{"go install ratusz@v1.2.0", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.0"}}, "v1.2.0"},
		{"go build at a commit, stamped with a pseudo-version",
			&debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261202180324-de49674f4ea6+dirty"}, Settings: vcs(rev, "2026-12-02T18:03:24Z", "true")},
			"v0.0.0-20261202180324-de49674f4ea6+dirty"},
		{"go build at a tag", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.0"}, Settings: vcs(rev, "2026-12-02T18:03:24Z", "false")},
			"v1.2.0 de49674f4ea6 (2026-12-02T18:03:24Z)"},
		{"a working tree with changes", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs(rev, "2026-12-02T18:03:24Z", "true")},
			"de49674f4ea6+dirty (2026-12-02T18:03:24Z)"},
		{"a clean working tree", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs(rev, "2026-12-02T18:03:24Z", "false")},
			"de49674f4ea6 (2026-12-02T18:03:24Z)"},
		{"-buildvcs=false", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "devel"},
		{"no build information", nil, "devel"},
	}
	for _, tt := range tests {
		if got := formatVersion(tt.bi); got != tt.want {
			t.Errorf("%s: formatVersion = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string // in stderr
	}{
		{nil, "Usage:"},
		{[]string{"bogus"}, `unknown command "bogus"; the commands are build, serve, check, new, version, help`},
		{[]string{"server"}, `unknown command "server"; did you mean "serve"?`},
		{[]string{"biuld", "-drafts"}, `unknown command "biuld"; did you mean "build"?`},
		{[]string{"help", "nosuch"}, `help: unknown command "nosuch"`},
		{[]string{"help", "chek"}, `help: unknown command "chek"; did you mean "check"?`},
		{[]string{"help", "build", "check"}, "help: give one command"},
		{[]string{"build", "-bogus"}, "build: unknown flag -bogus\nRun 'ratusz help build' for its flags."},
		{[]string{"build", "-drfats"}, `build: unknown flag -drfats; did you mean "-drafts"?`},
		{[]string{"check", "--extrenal"}, `check: unknown flag -extrenal; did you mean "-external"?`},
		{[]string{"serve", "-adr", "x"}, `serve: unknown flag -adr; did you mean "-addr"?`},
		{[]string{"new", "-titel", "x", "city", "x"}, `new: unknown flag -titel; did you mean "-title"?`},
		{[]string{"build", "-drafts=maybe"}, "build: invalid boolean value"},
		{[]string{"build", "extra-arg"}, `unexpected argument "extra-arg"`},
		{[]string{"version", "extra-arg"}, `unexpected argument "extra-arg"`},
		{[]string{"build", "-now", "2021-13-01"}, "-now"},
		{[]string{"build", "-now", "1.06.2021"}, "-now"},
		{[]string{"build", "-now", "2021-06-01", "-layouts", "missing-dir"}, "-layouts missing-dir"},
		{[]string{"build", "-now", "2021-06-01", "-static", "missing-dir"}, "-static missing-dir"},
		{[]string{"build", "-now", "2021-06-01", "-base-url", "ftp://x"}, "-base-url"},
		{[]string{"build", "-now", "2021-06-01", "-base-url", "bip.gmina.pl/strategie"}, `-base-url "bip.gmina.pl/strategie" is neither an absolute URL (with https://) nor a path (starting with /); did you mean "https://bip.gmina.pl/strategie/"?`},
		{[]string{"check", "-now", "2021-06-01", "-base-url", "strategie"}, `did you mean "/strategie/"?`},
		{[]string{"serve", "-now", "2021-06-01", "-base-url", "bip.gmina.pl"}, `did you mean "https://bip.gmina.pl/"?`},
		{[]string{"build", "-now", "2021-06-01", "-content", "nowhere"}, "nowhere"},
		{[]string{"check", "-now", "2021-06-01", "-out", "public"}, "check: unknown flag -out"},
		{[]string{"check", "-now", "2021-06-01", "-layouts", "missing-dir"}, "-layouts missing-dir"},
		{[]string{"serve", "-now", "2021-06-01", "-addr", "no-port"}, "-addr"},
		{[]string{"new"}, "KIND SLUG"},
		{[]string{"new", "document"}, "KIND SLUG"},
		{[]string{"new", "document", "a", "b"}, "KIND SLUG"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			inSite(t, minimalSite)
			code, stdout, stderr := ratusz(t, tt.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2; stderr:\n%s", code, stderr)
			}
			if !strings.Contains(stderr, tt.want) {
				t.Errorf("stderr = %q, want it to mention %q", stderr, tt.want)
			}
			if stdout != "" {
				t.Errorf("stdout = %q, want nothing", stdout)
			}
			if _, err := os.Stat("public"); err == nil {
				t.Errorf("public/ was written")
			}
			// A mistake gets a short message, not the whole usage text.
			if lines := strings.Count(stderr, "\n"); tt.args != nil && (lines > 2 || strings.Contains(stderr, "Usage:")) {
				t.Errorf("stderr has %d lines, want the message and at most a pointer to help:\n%s", lines, stderr)
			}
		})
	}
}

// help, -h and help COMMAND print to stdout and exit 0: the list of
// commands, or one command's usage line and flags.
func TestHelp(t *testing.T) {
	tests := []struct {
		args []string
		want []string // in stdout
	}{
		{[]string{"help"}, []string{"Usage:", "ratusz build", "ratusz serve", "ratusz check", "ratusz new", "ratusz version", "ratusz help COMMAND"}},
		{[]string{"-h"}, []string{"Usage:", "ratusz build"}},
		{[]string{"--help"}, []string{"Usage:", "ratusz build"}},
		{[]string{"help", "build"}, []string{"Usage: ratusz build [flags]", "-drafts", "-out folder", "-base-url URL"}},
		{[]string{"build", "-h"}, []string{"Usage: ratusz build [flags]", "-drafts"}},
		{[]string{"help", "check"}, []string{"Usage: ratusz check [flags]", "-external"}},
		{[]string{"help", "serve"}, []string{"Usage: ratusz serve [flags]", "-addr", "-open"}},
		{[]string{"help", "new"}, []string{"Usage: ratusz new KIND SLUG", "-title", "city, programme, organisation, partnership, document, meeting, page"}},
		{[]string{"help", "version"}, []string{"Usage: ratusz version"}},
		{[]string{"help", "help"}, []string{"Usage: ratusz help [COMMAND]"}},
	}
	for _, tt := range tests {
		code, stdout, stderr := ratusz(t, tt.args...)
		if code != 0 || stderr != "" {
			t.Errorf("ratusz %s: exit %d, stderr %q; want 0 and nothing", strings.Join(tt.args, " "), code, stderr)
		}
		for _, want := range tt.want {
			if !strings.Contains(stdout, want) {
				t.Errorf("ratusz %s: stdout lacks %q:\n%s", strings.Join(tt.args, " "), want, stdout)
			}
		}
	}
	if _, stdout, _ := ratusz(t, "help", "check"); strings.Contains(stdout, "-out") {
		t.Errorf("ratusz help check lists -out, which check does not have:\n%s", stdout)
	}
}

var summary = regexp.MustCompile(`(?m)^ratusz: built \d+ entr(y|ies), \d+ pages? in \S+, \d+ warnings?$`)

func TestBuild(t *testing.T) {
	inSite(t, minimalSite)
	code, stdout, stderr := ratusz(t, append([]string{"build"}, now...)...)
	if code != 0 {
		t.Fatalf("ratusz build: exit %d, want 0; stderr:\n%s", code, stderr)
	}
	for _, f := range []string{"public/index.html", "public/miasta/wloclawek/index.html", "public/.ratusz-output"} {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("%s not written: %v", f, err)
		}
	}
	if !summary.MatchString(stderr) {
		t.Errorf("stderr = %q, want a summary line like \"ratusz: built 2 entries, 10 pages in 12ms, 0 warnings\"", stderr)
	}
	if stdout != "" {
		t.Errorf("stdout = %q, want nothing", stdout)
	}

	// A second build replaces the first.
	if code, _, stderr := ratusz(t, append([]string{"build", "-quiet"}, now...)...); code != 0 {
		t.Fatalf("second ratusz build: exit %d; stderr:\n%s", code, stderr)
	}
	checkNoLeftovers(t, ".")
}

func TestBuildQuiet(t *testing.T) {
	inSite(t, minimalSite)
	code, stdout, stderr := ratusz(t, append([]string{"build", "-quiet"}, now...)...)
	if code != 0 {
		t.Fatalf("exit %d, want 0", code)
	}
	if stderr != "" || stdout != "" {
		t.Errorf("ratusz build -quiet printed stdout %q, stderr %q; want nothing", stdout, stderr)
	}
	if _, err := os.Stat("public/index.html"); err != nil {
		t.Errorf("public/index.html not written: %v", err)
	}
}

// TestBuildErrors checks that every content error is printed, sorted, as
// path:line: message with the path as given by -content, and that the
// previous output survives.
func TestBuildErrors(t *testing.T) {
	for _, contentDir := range []string{"content", "src"} {
		t.Run(contentDir, func(t *testing.T) {
			inSite(t, minimalSite)
			if contentDir != "content" {
				if err := os.Rename("content", contentDir); err != nil {
					t.Fatal(err)
				}
			}
			args := append([]string{"build", "-content", contentDir}, now...)
			if code, _, stderr := ratusz(t, args...); code != 0 {
				t.Fatalf("good build: exit %d; stderr:\n%s", code, stderr)
			}
			before := treeHash(t, "public")

			for name, text := range brokenFiles {
				writeFiles(t, map[string]string{strings.Replace(name, "content", contentDir, 1): text})
			}
			code, stdout, stderr := ratusz(t, args...)
			if code != 1 {
				t.Errorf("exit %d, want 1; stderr:\n%s", code, stderr)
			}
			if stdout != "" {
				t.Errorf("stdout = %q, want nothing", stdout)
			}
			lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
			if len(lines) != 3 {
				t.Fatalf("stderr has %d lines, want 2 errors and a last line:\n%s", len(lines), stderr)
			}
			errLine := regexp.MustCompile(`^` + contentDir + `/(cities/torun|documents/zla)\.md:\d+: \S.*$`)
			for _, l := range lines[:2] {
				if !errLine.MatchString(l) {
					t.Errorf("error line %q, want %s/FILE.md:LINE: message", l, contentDir)
				}
			}
			if !slices.IsSorted(lines[:2]) || lines[0] == lines[1] {
				t.Errorf("error lines not sorted or repeated:\n%s", stderr)
			}
			if !strings.Contains(lines[0], "region") || !strings.Contains(lines[1], "bogus") {
				t.Errorf("errors do not name what is wrong:\n%s", stderr)
			}
			if want := "ratusz: 2 errors; nothing was written"; lines[2] != want {
				t.Errorf("last line = %q, want %q", lines[2], want)
			}
			if after := treeHash(t, "public"); after != before {
				t.Errorf("a failed build changed public/")
			}
			checkNoLeftovers(t, ".")
		})
	}
}

// TestBuildRefusesOut checks that a dangerous -out is refused with status
// 2 before anything is deleted.
func TestBuildRefusesOut(t *testing.T) {
	tests := []struct {
		out, want string
	}{
		{"content", "-out content is the same folder as content"},
		{"./content", "same folder as content"},
		{".", "-out . contains content"},
		{"content/documents", "is inside content"},
		{"foreign", "-out foreign is not empty and was not written by ratusz (it has no .ratusz-output file)"},
		{"notes.txt", "is a file"},
		{"layouts", "-out layouts is the same folder as layouts"},
		{"static", "-out static is the same folder as static"},
		{"static/img", "-out static/img is inside static"},
		{"..", "-out .. contains content"},
		{"/", "-out / is the root of the file system"},
		{"~", "is your home folder"},
		{"link-to-content", "-out link-to-content is the same folder as content"},
	}
	for _, tt := range tests {
		t.Run(tt.out, func(t *testing.T) {
			dir := inSite(t, minimalSite)
			writeFiles(t, map[string]string{"foreign/keep.txt": "someone's work", "notes.txt": "notes",
				"layouts/page.html": `{{define "main"}}{{end}}`, "static/img/herb.svg": "<svg/>"})
			if err := os.Symlink("content", "link-to-content"); err != nil {
				t.Skip(err)
			}
			out := tt.out
			if out == "~" {
				t.Setenv("HOME", dir)
				out = dir
			}
			before := treeHash(t, ".")
			code, _, stderr := ratusz(t, append([]string{"build", "-out", out}, now...)...)
			if code != 2 {
				t.Errorf("exit %d, want 2; stderr:\n%s", code, stderr)
			}
			if !strings.Contains(stderr, tt.want) {
				t.Errorf("stderr = %q, want it to say %q", stderr, tt.want)
			}
			if after := treeHash(t, "."); after != before {
				t.Errorf("a refused build changed the site folder")
			}
		})
	}
}

func TestCheck(t *testing.T) {
	inSite(t, minimalSite)
	code, _, stderr := ratusz(t, append([]string{"check"}, now...)...)
	if code != 0 {
		t.Errorf("check of good content: exit %d, want 0; stderr:\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "ratusz: checked") {
		t.Errorf("stderr = %q, want a summary", stderr)
	}
	before := treeHash(t, ".")

	writeFiles(t, brokenFiles)
	code, _, stderr = ratusz(t, append([]string{"check"}, now...)...)
	if code != 1 {
		t.Errorf("check of broken content: exit %d, want 1; stderr:\n%s", code, stderr)
	}
	for name := range brokenFiles {
		if !strings.Contains(stderr, name+":") {
			t.Errorf("stderr does not name %s:\n%s", name, stderr)
		}
	}
	// check writes nothing ever, so it does not say that it wrote nothing.
	if !strings.HasSuffix(stderr, "\nratusz: 2 errors\n") || strings.Contains(stderr, "written") {
		t.Errorf("check of broken content: stderr ends %q, want \"ratusz: 2 errors\" and no word of writing", stderr[max(0, strings.LastIndex(strings.TrimSuffix(stderr, "\n"), "\n")):])
	}
	for name := range brokenFiles {
		os.Remove(name)
	}
	if after := treeHash(t, "."); after != before {
		t.Errorf("check wrote into the site folder")
	}
	if _, err := os.Stat("public"); err == nil {
		t.Errorf("check created public/")
	}
}

func TestNew(t *testing.T) {
	inSite(t, map[string]string{"content/cities/wloclawek.md": minimalSite["content/cities/wloclawek.md"]})
	code, stdout, stderr := ratusz(t, "new", "document", "Strategia Rozwoju Włocławka 2030")
	if code != 0 {
		t.Fatalf("exit %d, want 0; stderr:\n%s", code, stderr)
	}
	path := filepath.Join("content", "documents", "strategia-rozwoju-wloclawka-2030.md")
	if strings.TrimSpace(stdout) != path {
		t.Errorf("stdout = %q, want the new file's path %q", stdout, path)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"---\n# yaml-language-server: $schema=../../schemas/document.schema.json\n", "\ntitle: \"Strategia Rozwoju Włocławka 2030\"\n", "\ncities: [wloclawek] ", "\ndraft: true "} {
		if !strings.Contains(string(b), want) {
			t.Errorf("%s lacks %q:\n%s", path, want, b)
		}
	}

	code, _, stderr = ratusz(t, "new", "document", "Strategia Rozwoju Włocławka 2030")
	if code != 1 {
		t.Errorf("second new: exit %d, want 1", code)
	}
	if !strings.Contains(stderr, path+" already exists; choose another slug") {
		t.Errorf("second new: stderr = %q, want \"already exists\"", stderr)
	}
	if b2, _ := os.ReadFile(path); !bytes.Equal(b, b2) {
		t.Errorf("second new changed %s", path)
	}

	code, _, stderr = ratusz(t, "new", "dokument", "x")
	if code != 2 {
		t.Errorf("new dokument: exit %d, want 2", code)
	}
	if !strings.Contains(stderr, `did you mean "document"?`) {
		t.Errorf("new dokument: stderr = %q, want it to suggest \"document\"", stderr)
	}
	for _, kind := range []string{"city", "programme", "organisation", "partnership", "document", "meeting", "page"} {
		if !strings.Contains(stderr, kind) {
			t.Errorf("new dokument: stderr = %q, want it to list %q", stderr, kind)
		}
	}

	code, _, stderr = ratusz(t, "new", "city", "x", "-title", "X")
	if code != 0 {
		t.Fatalf("new city x -title X: exit %d; stderr:\n%s", code, stderr)
	}
	b, err = os.ReadFile(filepath.Join("content", "cities", "x.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "\ntitle: \"X\"\n") {
		t.Errorf("content/cities/x.md lacks title: \"X\":\n%s", b)
	}
}

// Every kind's scaffold builds as it is: after each ratusz new, in an
// order in which what it must refer to exists, ratusz check passes, with
// and without -drafts. Before any city there is, a kind that must name a
// city is refused, with the entry to make first, and nothing is written.
func TestNewBuilds(t *testing.T) {
	inSite(t, nil)
	for _, kind := range []string{"document", "partnership", "meeting"} {
		before := treeHash(t, ".")
		code, stdout, stderr := ratusz(t, "new", kind, "Pierwszy wpis")
		if code != 1 {
			t.Errorf("new %s with no city: exit %d, want 1", kind, code)
		}
		if want := "create a city first: ratusz new city SLUG\n"; !strings.HasSuffix(stderr, want) || strings.Count(stderr, "\n") != 1 {
			t.Errorf("new %s with no city: stderr %q, want one line ending %q", kind, stderr, want)
		}
		if stdout != "" {
			t.Errorf("new %s with no city: stdout %q, want nothing", kind, stdout)
		}
		if after := treeHash(t, "."); after != before {
			t.Errorf("new %s with no city wrote into the site folder", kind)
		}
	}
	steps := [][]string{
		{"page", "O projekcie"},
		{"programme", "RLKS"},
		{"organisation", "Fundacja Wisła"},
		{"city", "wloclawek"},
		{"organisation", "Stowarzyszenie Razem"},
		{"partnership", "LGD Dolina Wisły"},
		{"document", "Strategia rozwoju 2030", "-title", "Strategia Rozwoju Włocławka 2030"},
		{"meeting", "Warsztaty strategiczne"},
		{"cities", "Toruń"},
	}
	for _, step := range steps {
		if code, _, stderr := ratusz(t, append([]string{"new"}, step...)...); code != 0 {
			t.Fatalf("new %s: exit %d; stderr:\n%s", strings.Join(step, " "), code, stderr)
		}
		for _, drafts := range []string{"-drafts=false", "-drafts"} {
			if code, _, stderr := ratusz(t, append([]string{"check", "-quiet", drafts}, now...)...); code != 0 {
				t.Fatalf("after new %s, check %s: exit %d; stderr:\n%s", strings.Join(step, " "), drafts, code, stderr)
			}
		}
	}
}

func TestNewContentFlag(t *testing.T) {
	inSite(t, nil)
	for _, args := range [][]string{{"-content", "src", "city", "Ciechocinek"}, {"-content", "src", "meeting", "Warsztaty w Ciechocinku"}} {
		if code, _, stderr := ratusz(t, append([]string{"new"}, args...)...); code != 0 {
			t.Fatalf("new %s: exit %d; stderr:\n%s", strings.Join(args, " "), code, stderr)
		}
	}
	b, err := os.ReadFile(filepath.Join("src", "meetings", "warsztaty-w-ciechocinku.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "\ncities: [ciechocinek] ") {
		t.Errorf("the meeting does not name the city of src/:\n%s", b)
	}
	if _, err := os.Stat("content"); err == nil {
		t.Errorf("new -content src created content/")
	}
	if code, _, stderr := ratusz(t, append([]string{"check", "-quiet", "-content", "src"}, now...)...); code != 0 {
		t.Errorf("check -content src: exit %d; stderr:\n%s", code, stderr)
	}
}

func TestServe(t *testing.T) {
	inSite(t, minimalSite)
	srv := startServe(t)
	base := "http://" + srv.addr

	tests := []struct {
		method, path string
		code         int
		location     string
	}{
		{"GET", "/", 200, ""},
		{"HEAD", "/", 200, ""},
		{"GET", "/miasta/wloclawek/", 200, ""},
		{"GET", "/css/ratusz.css", 200, ""},
		{"GET", "/nope/", 404, ""},
		{"GET", "/miasta/wloclawek", 301, "/miasta/wloclawek/"},
		{"POST", "/", 405, ""},
		{"GET", "/.ratusz-output", 404, ""},
	}
	for _, tt := range tests {
		resp, body := request(t, tt.method, base+tt.path)
		if resp == nil {
			continue
		}
		if resp.StatusCode != tt.code {
			t.Errorf("%s %s: status %d, want %d", tt.method, tt.path, resp.StatusCode, tt.code)
		}
		if tt.location != "" && resp.Header.Get("Location") != tt.location {
			t.Errorf("%s %s: Location %q, want %q", tt.method, tt.path, resp.Header.Get("Location"), tt.location)
		}
		if tt.method == "GET" && strings.HasSuffix(tt.path, "/") && tt.code == 200 {
			if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
				t.Errorf("GET %s: Content-Type %q, want text/html", tt.path, ct)
			}
			if !bytes.Contains(body, []byte("<html")) {
				t.Errorf("GET %s: body is not a page: %.200q", tt.path, body)
			}
		}
	}

	// Serving began after the address was printed.
	if want := "ratusz: serving " + base + "/"; !strings.Contains(srv.stderr.String(), want) {
		t.Errorf("stderr = %q, want it to say %q", srv.stderr.String(), want)
	}

	// Paths that climb out of the site are sent raw, as an attacker would,
	// not cleaned by the client first.
	for _, p := range []string{"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd", "/miasta/../../../etc/passwd", `/..\..\etc\passwd`} {
		resp, body := rawGet(t, srv.addr, p)
		switch {
		case resp.StatusCode == 404:
		case resp.StatusCode >= 300 && resp.StatusCode < 400:
			if loc := resp.Header.Get("Location"); !strings.HasPrefix(loc, "/") || strings.HasPrefix(loc, "//") {
				t.Errorf("GET %s: redirect to %q, want a path on this site", p, loc)
			}
		default:
			t.Errorf("GET %s: status %d, want 404 or a redirect", p, resp.StatusCode)
		}
		if bytes.Contains(body, []byte("root:")) {
			t.Errorf("GET %s: served a file from outside the site:\n%.200s", p, body)
		}
	}

	if code := srv.stop(t); code != 0 {
		t.Errorf("serve: exit %d after the context was cancelled, want 0; stderr:\n%s", code, srv.stderr.String())
	}
	if _, err := net.DialTimeout("tcp", srv.addr, time.Second); err == nil {
		t.Errorf("%s still accepts connections after serve returned", srv.addr)
	}
	if _, err := os.Stat("public"); err == nil {
		t.Errorf("serve wrote public/")
	}
}

// TestServeRedirectStaysOnSite checks that the slash redirect cannot be
// turned into a link to another host: a request for
// //evil.example/../miasta/wloclawek names the city folder once cleaned,
// and must be sent to /miasta/wloclawek/, not to //evil.example/….
func TestServeRedirectStaysOnSite(t *testing.T) {
	inSite(t, minimalSite)
	srv := startServe(t, "-quiet")
	for _, p := range []string{"//evil.example/../miasta/wloclawek", "/miasta//wloclawek", "/miasta/./wloclawek"} {
		resp, _ := rawGet(t, srv.addr, p)
		if resp.StatusCode < 300 || resp.StatusCode >= 400 {
			continue // a 404 keeps the visitor here too
		}
		if loc := resp.Header.Get("Location"); loc != "/miasta/wloclawek/" {
			t.Errorf("GET %s: redirect to %q, want /miasta/wloclawek/", p, loc)
		}
	}
}

// TestServeBaseURL checks that serve, given the -base-url a build would
// use, serves the pages where their own links point.
func TestServeBaseURL(t *testing.T) {
	inSite(t, minimalSite)
	srv := startServe(t, "-quiet", "-base-url", "/strategie/")
	base := "http://" + srv.addr
	resp, body := request(t, "GET", base+"/strategie/")
	if resp == nil {
		return
	}
	if resp.StatusCode != 200 {
		t.Fatalf("GET /strategie/ with -base-url /strategie/: status %d, want 200", resp.StatusCode)
	}
	css := regexp.MustCompile(`href="?(/strategie/[^"\s>]*\.css)`).FindSubmatch(body)
	if css == nil {
		t.Fatalf("GET /strategie/: no stylesheet under /strategie/ in %.300q", body)
	}
	for _, p := range []string{string(css[1]), "/strategie/miasta/wloclawek/"} {
		if resp, _ := request(t, "GET", base+p); resp != nil && resp.StatusCode != 200 {
			t.Errorf("GET %s: status %d, want 200", p, resp.StatusCode)
		}
	}
}

// serve never exits on bad content: it prints the errors and shows them on
// every page.
func TestServeBrokenContent(t *testing.T) {
	inSite(t, minimalSite)
	writeFiles(t, brokenFiles)
	s := startServe(t)
	resp, body := request(t, "GET", "http://"+s.addr+"/")
	if resp == nil {
		return
	}
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("GET / with no good build yet: status %d, want 404", resp.StatusCode)
	}
	if !strings.Contains(string(body), `id="ratusz-problems"`) || !strings.Contains(string(body), "content/cities/torun.md:") {
		t.Errorf("the page does not show the errors:\n%s", body)
	}
	if !strings.Contains(s.stderr.String(), "content/cities/torun.md:") {
		t.Errorf("stderr does not list the errors:\n%s", s.stderr.String())
	}
	if code := s.stop(t); code != 0 {
		t.Errorf("serve exit %d after Ctrl-C, want 0", code)
	}
}

// freeAddr returns a loopback address with a port nobody listens on.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// server is a running ratusz serve.
type server struct {
	addr   string
	stderr *syncBuffer
	cancel context.CancelFunc
	done   chan int
	code   int
	ended  bool
}

// startServe runs ratusz serve on a free loopback port with extra flags
// and waits until it answers. It is stopped when the test ends.
func startServe(t *testing.T, extra ...string) *server {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	s := &server{addr: freeAddr(t), stderr: &syncBuffer{}, cancel: cancel, done: make(chan int, 1)}
	args := append([]string{"serve", "-addr", s.addr}, now...)
	args = append(args, extra...)
	go func() { s.done <- run(ctx, args, io.Discard, s.stderr) }()
	t.Cleanup(func() { s.stop(t) })

	deadline := time.Now().Add(20 * time.Second)
	for {
		select {
		case code := <-s.done:
			s.ended = true
			t.Fatalf("serve returned %d before serving; stderr:\n%s", code, s.stderr.String())
		default:
		}
		conn, err := net.DialTimeout("tcp", s.addr, time.Second)
		if err == nil {
			conn.Close()
			return s
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve not listening on %s after 20s: %v; stderr:\n%s", s.addr, err, s.stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// stop cancels serve's context and returns its exit status, failing the
// test if it does not return within 5 seconds.
func (s *server) stop(t *testing.T) int {
	t.Helper()
	if s.ended {
		return s.code
	}
	s.cancel()
	select {
	case s.code = <-s.done:
		s.ended = true
	case <-time.After(5 * time.Second):
		t.Fatal("serve did not stop within 5s of the context being cancelled")
	}
	return s.code
}

// request sends one request without following redirects. It returns nil
// after reporting an error.
func request(t *testing.T, method, url string) (*http.Response, []byte) {
	t.Helper()
	client := &http.Client{
		Timeout:       5 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Errorf("%s %s: %v", method, url, err)
		return nil, nil
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, body
}

// rawGet sends a GET for target exactly as written.
func rawGet(t *testing.T, addr, target string) (*http.Response, []byte) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(5 * time.Second))
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, addr)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, body
}

// syncBuffer is a bytes.Buffer that serve's goroutine and the test may
// use at once.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// treeHash hashes every name, mode and content under dir.
func treeHash(t *testing.T, dir string) string {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		fmt.Fprintf(h, "%s %v %d\n", filepath.ToSlash(rel), info.Mode(), info.Size())
		if d.Type().IsRegular() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			h.Write(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// checkNoLeftovers fails if dir holds a temporary or set-aside output.
func checkNoLeftovers(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") || strings.HasSuffix(e.Name(), ".old") {
			t.Errorf("leftover %s in %s", e.Name(), dir)
		}
	}
}

// A link to a page that is not there stops the build, with the line of
// the link, and the site is not written.
func TestBrokenInternalLink(t *testing.T) {
	inSite(t, minimalSite)
	writeFiles(t, map[string]string{
		"content/cities/wloclawek.md": "---\ntitle: Włocławek\nregion: kujawsko-pomorskie\n---\n\nMiasto nad Wisłą, z [lokalną strategią](ref:documents/lsx).\n",
	})
	code, _, stderr := ratusz(t, append([]string{"build"}, now...)...)
	want := `content/cities/wloclawek.md:6: link "ref:documents/lsx": no document has the slug "lsx"; did you mean "lsr"?` + "\nratusz: 1 error; nothing was written\n"
	if code != 1 || stderr != want {
		t.Errorf("build: exit %d, stderr:\n%s\nwant exit 1 and:\n%s", code, stderr, want)
	}
	if _, err := os.Stat("public"); err == nil {
		t.Errorf("a build with a broken link created public/")
	}
	writeFiles(t, map[string]string{
		"content/cities/wloclawek.md": "---\ntitle: Włocławek\nregion: kujawsko-pomorskie\n---\n\nMiasto nad Wisłą, z [lokalną strategią](ref:documents/lsr).\n",
	})
	if code, _, stderr := ratusz(t, append([]string{"build", "-quiet", "-minify=false", "-base-url", "/strategie/"}, now...)...); code != 0 {
		t.Fatalf("build: exit %d, stderr:\n%s", code, stderr)
	}
	page, _ := os.ReadFile(filepath.Join("public", "miasta", "wloclawek", "index.html"))
	if want := `<a href="/strategie/dokumenty/lsr/">lokalną strategią</a>`; !strings.Contains(string(page), want) {
		t.Errorf("the city page has no %s", want)
	}
}

// check -external reports the broken links to other sites, at their
// lines, and exits 1; a build does not request them.
func TestCheckExternal(t *testing.T) {
	requests := 0
	var mu sync.Mutex
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		requests++
		mu.Unlock()
		if r.URL.Path != "/ok" {
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	inSite(t, minimalSite)
	writeFiles(t, map[string]string{
		"content/cities/wloclawek.md": "---\ntitle: Włocławek\nregion: kujawsko-pomorskie\nwebsite: " + srv.URL + "/ok\n---\n\nMiasto nad Wisłą ([urząd](" + srv.URL + "/ok), [BIP](" + srv.URL + "/bip)).\n",
		"content/documents/lsr.md":    "---\ntitle: Lokalna Strategia Rozwoju\ntype: strategia\nstatus: draft\ncities: [wloclawek]\nsource: " + srv.URL + "/lsr\n---\n\nTreść strategii.\n",
	})
	if code, _, stderr := ratusz(t, append([]string{"build", "-quiet"}, now...)...); code != 0 || requests != 0 {
		t.Fatalf("build: exit %d, %d requests to other sites, want 0 and none; stderr:\n%s", code, requests, stderr)
	}
	code, _, stderr := ratusz(t, append([]string{"check", "-external"}, now...)...)
	want := "content/cities/wloclawek.md:7: link " + srv.URL + "/bip: 404 Not Found\n" +
		"content/documents/lsr.md:6: link " + srv.URL + "/lsr: 404 Not Found\n" +
		"ratusz: 2 of 4 external links broken\n"
	if code != 1 || stderr != want {
		t.Errorf("check -external: exit %d, stderr:\n%s\nwant exit 1 and:\n%s", code, stderr, want)
	}
}

// offline is a client for a machine with no network: every connection
// but one to the loopback addresses in reachable fails with "network is
// unreachable". No request leaves this machine.
func offline(reachable ...string) *http.Client {
	return &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			if slices.Contains(reachable, addr) {
				var d net.Dialer
				return d.DialContext(ctx, network, addr)
			}
			return nil, &net.OpError{Op: "dial", Net: network, Err: os.NewSyscallError("connect", syscall.ENETUNREACH)}
		},
	}}
}

// check -external on a machine with no network says so in one line,
// instead of calling every link broken; when some site answers, the
// links that fail are broken links as before.
func TestCheckExternalNetworkDown(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/ok" {
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	inSite(t, minimalSite)
	writeFiles(t, map[string]string{
		"content/cities/wloclawek.md": "---\ntitle: Włocławek\nregion: kujawsko-pomorskie\nwebsite: https://www.wloclawek.example.test/\n---\n\nMiasto nad Wisłą ([urząd](" + srv.URL + "/ok), [BIP](https://bip.wloclawek.example.test/)).\n",
		"content/documents/lsr.md":    "---\ntitle: Lokalna Strategia Rozwoju\ntype: strategia\nstatus: draft\ncities: [wloclawek]\nsource: https://lgd.example.test/lsr\n---\n\nTreść strategii.\n",
	})
	cfg, err := (&siteFlags{content: "content", baseURL: "/", now: "2021-06-01"}).config(nil)
	if err != nil {
		t.Fatal(err)
	}

	var stderr bytes.Buffer
	err = checkExternal(context.Background(), cfg, generator.ExternalOptions{Client: offline()}, false, &stderr)
	want := "the network is unreachable, so none of the 4 external links could be checked (dial tcp: connect: network is unreachable)"
	var ee *exitError
	if !errors.As(err, &ee) || ee.code != 1 || err.Error() != want {
		t.Errorf("offline: error %v, want exit 1 and %q", err, want)
	}
	if stderr.Len() > 0 {
		t.Errorf("offline: printed links besides the one line:\n%s", stderr.String())
	}

	stderr.Reset()
	err = checkExternal(context.Background(), cfg, generator.ExternalOptions{Client: offline(srv.Listener.Addr().String())}, false, &stderr)
	if !errors.As(err, &ee) || ee.code != 1 || err.Error() != "3 of 4 external links broken" {
		t.Errorf("one site reachable: error %v, want exit 1 and \"3 of 4 external links broken\"", err)
	}
	for _, want := range []string{
		"content/cities/wloclawek.md:4: link https://www.wloclawek.example.test/: dial tcp: connect: network is unreachable\n",
		"content/cities/wloclawek.md:7: link https://bip.wloclawek.example.test/: dial tcp: connect: network is unreachable\n",
		"content/documents/lsr.md:6: link https://lgd.example.test/lsr: dial tcp: connect: network is unreachable\n",
	} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("one site reachable: stderr lacks %q:\n%s", want, stderr.String())
		}
	}
}
