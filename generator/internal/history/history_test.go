package history_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/ratusz/ratusz/generator/internal/history"
)

// repo is a git repository made for a test, with the dates and authors
// of its commits chosen by the test.
type repo struct {
	t   *testing.T
	dir string
}

func newRepo(t *testing.T) *repo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatal("git is not installed; the register of changes is read with it")
	}
	r := &repo{t: t, dir: t.TempDir()}
	r.git("", "init", "-q", "-b", "main")
	return r
}

// git runs git in the repository as author at date ("" for a fixed one).
func (r *repo) git(date string, args ...string) string {
	r.t.Helper()
	if date == "" {
		date = "2021-01-01T12:00:00+01:00"
	}
	cmd := exec.Command("git", append([]string{"-C", r.dir}, args...)...)
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=Anna Nowak", "GIT_AUTHOR_EMAIL=anna@example.org",
		"GIT_COMMITTER_NAME=Anna Nowak", "GIT_COMMITTER_EMAIL=anna@example.org",
		"GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date, "GIT_CONFIG_NOSYSTEM=1", "HOME="+r.dir)
	out, err := cmd.CombinedOutput()
	if err != nil {
		r.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// commit writes files (path → text, "" to delete) and commits them with
// subject by author at date.
func (r *repo) commit(date, author, subject string, files map[string]string) {
	r.t.Helper()
	for p, text := range files {
		full := filepath.Join(r.dir, filepath.FromSlash(p))
		if text == "" {
			r.git(date, "rm", "-q", p)
			continue
		}
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			r.t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
			r.t.Fatal(err)
		}
		r.git(date, "add", p)
	}
	r.git(date, "-c", "user.name="+author, "commit", "-q", "--author", author+" <x@example.org>", "-m", subject+"\n\nThe body is not shown.")
}

func changes(t *testing.T, l *history.Log, p string) []string {
	t.Helper()
	var out []string
	for _, c := range l.Files[p] {
		out = append(out, c.Time.Format(time.RFC3339)+" "+c.Author+": "+c.Subject)
	}
	return out
}

// The log lists, for each file of the content folder, the commits that
// changed it, newest first, with the author's date, name and subject;
// the file's path is relative to the content folder, and files outside it
// are left out. Added is the date of the commit that added the file.
func TestReadListsEachFilesCommitsNewestFirst(t *testing.T) {
	r := newRepo(t)
	r.commit("2021-03-01T09:00:00+01:00", "Anna Nowak", "Pierwsza wersja", map[string]string{
		"content/documents/lsr.md": "a", "content/cities/Łódź.md": "a", "README.md": "a",
	})
	r.commit("2021-04-15T14:30:00+02:00", "Jan Kowalski", "Poprawiono termin konsultacji", map[string]string{
		"content/documents/lsr.md": "b", "README.md": "b",
	})
	r.commit("2021-05-02T08:00:00+02:00", "Jan Kowalski", "Usunięto stary plan", map[string]string{
		"content/cities/Łódź.md": "",
	})
	l, err := history.Read(context.Background(), filepath.Join(r.dir, "content"), "")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"2021-04-15T14:30:00+02:00 Jan Kowalski: Poprawiono termin konsultacji",
		"2021-03-01T09:00:00+01:00 Anna Nowak: Pierwsza wersja",
	}
	if got := changes(t, l, "documents/lsr.md"); !reflect.DeepEqual(got, want) {
		t.Errorf("documents/lsr.md:\n got %q\nwant %q", got, want)
	}
	if got := changes(t, l, "cities/Łódź.md"); len(got) != 2 {
		t.Errorf("a file named in Polish has %q, want its two commits", got)
	}
	if _, ok := l.Files["README.md"]; ok {
		t.Errorf("a file outside the content folder is in the log")
	}
	if a := l.Added("documents/lsr.md"); a == nil || !a.Equal(time.Date(2021, 3, 1, 8, 0, 0, 0, time.UTC)) {
		t.Errorf("Added = %v, want the first commit's date", a)
	}
	if a := l.Added("documents/nowy.md"); a != nil {
		t.Errorf("a file with no commit was added at %v", a)
	}
}

// A folder outside any git repository is ErrNoRepository, so that the
// build can warn that there is no register to show; a repository with no
// commit yet has an empty history.
func TestReadOutsideARepository(t *testing.T) {
	_, err := history.Read(context.Background(), t.TempDir(), "")
	if !errors.Is(err, history.ErrNoRepository) {
		t.Errorf("outside a repository: err = %v, want ErrNoRepository", err)
	}
	r := newRepo(t)
	l, err := history.Read(context.Background(), r.dir, "")
	if err != nil || len(l.Files) != 0 {
		t.Errorf("a repository with no commit: %v, %v", l, err)
	}
}

// With a cache folder, the next read asks git only for the new commits,
// and gives what a read with no cache gives: after new commits, and after
// the history was rewritten (an amended commit), which the kept log must
// not outlive.
func TestCachedReadEqualsAFreshOne(t *testing.T) {
	r := newRepo(t)
	cache := filepath.Join(t.TempDir(), ".ratusz-cache")
	content := filepath.Join(r.dir, "content")
	r.commit("2021-03-01T09:00:00+01:00", "Anna Nowak", "Pierwsza wersja", map[string]string{"content/a.md": "1", "content/b.md": "1"})
	check := func(when string) {
		t.Helper()
		cached, err := history.Read(context.Background(), content, cache)
		if err != nil {
			t.Fatalf("%s: %v", when, err)
		}
		fresh, err := history.Read(context.Background(), content, "")
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(cached.Files, fresh.Files) || cached.Head != fresh.Head {
			t.Errorf("%s: the cached log differs from a fresh one:\n got %v\nwant %v", when, cached.Files, fresh.Files)
		}
	}
	check("first read")
	if _, err := os.Stat(filepath.Join(cache, "history.gob")); err != nil {
		t.Fatalf("no cache was written: %v", err)
	}
	check("nothing new")
	r.commit("2021-03-02T09:00:00+01:00", "Jan Kowalski", "Druga", map[string]string{"content/a.md": "2", "content/c.md": "1"})
	check("a new commit")
	r.git("2021-03-03T09:00:00+01:00", "commit", "-q", "--amend", "-m", "Druga, poprawiona")
	check("an amended commit")
	if err := os.WriteFile(filepath.Join(cache, "history.gob"), []byte("not a log"), 0o644); err != nil {
		t.Fatal(err)
	}
	check("a corrupt cache")
}
