// Package testsite makes a working copy of the test site
// (generator/testdata/site) as a site editors keep: a git repository with
// a history of its own, which its ratusz.toml reads for the register of
// changes. It is for tests only: nothing the ratusz command runs imports
// it.
package testsite

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The history Copy makes, oldest first: each commit's date, author,
// message and the files it commits. The first commits every file but the
// ones later commits add or that stay uncommitted, with a first version of
// documents/program-ngo.md; the second gives that file its text.
//
//	2021-03-01 09:00 Anna Nowak    Pierwsza wersja serwisu
//	2021-04-15 14:30 Jan Kowalski  Termin konsultacji programu współpracy   documents/program-ngo.md
//	2021-05-20 10:00 Anna Nowak    Strona w tekście łatwym do czytania      pages/tekst-latwy.md
//	(never committed)                                                       documents/stary-plan.md
const (
	ngo       = "content/documents/program-ngo.md"
	etr       = "content/pages/tekst-latwy.md"
	untracked = "content/documents/stary-plan.md"
)

// Copy copies the test site at src into a new folder, which it makes a
// git repository with the history above, and returns the folder. It
// stops tb when git is missing or fails.
func Copy(tb testing.TB, src string) string {
	tb.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		tb.Fatal("git is not installed; the test site's register of changes is read with it")
	}
	dir := tb.TempDir()
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		tb.Fatal(err)
	}
	final, err := os.ReadFile(filepath.Join(dir, ngo))
	if err != nil {
		tb.Fatal(err)
	}
	git(tb, dir, "Anna Nowak", "2021-03-01T09:00:00+01:00", "init", "-q", "-b", "main")
	write(tb, filepath.Join(dir, ngo), strings.Replace(string(final), "status: consultation", "status: draft", 1))
	git(tb, dir, "Anna Nowak", "2021-03-01T09:00:00+01:00", "add", "--", ".", ":!"+etr, ":!"+untracked)
	git(tb, dir, "Anna Nowak", "2021-03-01T09:00:00+01:00", "commit", "-q", "-m", "Pierwsza wersja serwisu")
	write(tb, filepath.Join(dir, ngo), string(final))
	git(tb, dir, "Jan Kowalski", "2021-04-15T14:30:00+02:00", "commit", "-q", "-a", "-m", "Termin konsultacji programu współpracy\n\nTreść commita nie trafia na stronę.")
	git(tb, dir, "Anna Nowak", "2021-05-20T10:00:00+02:00", "add", etr)
	git(tb, dir, "Anna Nowak", "2021-05-20T10:00:00+02:00", "commit", "-q", "-m", "Strona w tekście łatwym do czytania")
	return dir
}

// git runs git in dir as author at date, with no configuration of the
// machine's user.
func git(tb testing.TB, dir, author, date string, args ...string) {
	tb.Helper()
	cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=" + author, "-c", "user.email=redakcja@gmina-testowa.pl", "-c", "commit.gpgsign=false"}, args...)...)
	cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "HOME="+dir, "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date)
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

func write(tb testing.TB, p, text string) {
	tb.Helper()
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		tb.Fatal(err)
	}
}
