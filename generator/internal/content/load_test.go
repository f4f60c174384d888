package content

import (
	"github.com/ratusz/ratusz/generator/internal/problem"

	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func file(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s), Mode: 0o644} }

func paths(t *Tree) []string {
	var out []string
	for _, f := range t.Files {
		out = append(out, f.Path)
	}
	return out
}

func messages(es problem.List) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Error())
	}
	return out
}

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"_index.md":                           file("---\ntitle: Strona główna\n---\n"),
		"cities/wloclawek.md":                 file("---\ntitle: Włocławek\nregion: kujawsko-pomorskie\n---\n"),
		"cities/Zabrze.MD":                    file("+++\ntitle = \"Zabrze\"\n+++\n"),
		"cities/herb.svg":                     file("<svg/>"),
		"documents/lsr/index.Md":              file("---\ntitle: LSR\n---\n"),
		"documents/lsr/lsr-2016.pdf":          file("%PDF-1.4 lsr"),
		"documents/lsr/README":                file("notatki"),
		"documents/strategia.md~":             file("kopia zapasowa"),
		"documents/.strategia.md.swp":         file("\x00swap"),
		"documents/#strategia.md#":            file("autosave"),
		"documents/strategia.md.bak":          file("\x00not markdown, an asset"),
		".git/config":                         file("[core]"),
		".git/x.md":                           file("not content"),
		".DS_Store":                           file("\x00\x00"),
		"pages/.szkice/o-nas.md":              file("not content"),
		"pages/.htaccess":                     file("Deny"),
		"pages/o-nas.md":                      file("---\ntitle: O nas\n---\nKim jesteśmy.\n"),
		"meetings/warsztaty-2021-01-17.mdown": file("an asset: only .md is Markdown"),
	}
	tree, errs := Load(context.Background(), fsys)
	if len(errs) != 0 {
		t.Fatalf("got errors:\n%s", strings.Join(messages(errs), "\n"))
	}
	wantFiles := []string{"_index.md", "cities/Zabrze.MD", "cities/wloclawek.md", "documents/lsr/index.Md", "pages/o-nas.md"}
	if got := paths(tree); !slices.Equal(got, wantFiles) {
		t.Errorf("got files %q, want %q", got, wantFiles)
	}
	wantAssets := map[string]int64{
		"cities/herb.svg":                     6,
		"documents/lsr/lsr-2016.pdf":          12,
		"documents/lsr/README":                7,
		"documents/strategia.md.bak":          23,
		"meetings/warsztaty-2021-01-17.mdown": 30,
	}
	if !maps.Equal(tree.Assets, wantAssets) {
		t.Errorf("got assets %v, want %v", tree.Assets, wantAssets)
	}
	if f := tree.Files[4]; string(f.Body) != "Kim jesteśmy.\n" || f.BodyLine != 4 || f.Meta.Get("title").Text != "O nas" {
		t.Errorf("got pages/o-nas.md as title %q, body %q on line %d", f.Meta.Get("title").Text, f.Body, f.BodyLine)
	}
}

func TestLoadEmpty(t *testing.T) {
	tree, errs := Load(context.Background(), fstest.MapFS{})
	if len(errs) != 0 || len(tree.Files) != 0 || tree.Assets == nil || len(tree.Assets) != 0 {
		t.Errorf("got files %q, assets %v, errors %q; want none, an empty map, none", paths(tree), tree.Assets, messages(errs))
	}
}

func TestLoadReportsEveryFile(t *testing.T) {
	fsys := fstest.MapFS{
		"cities/bobrowo.md":  file("---\ntitle: Bobrowo\n---\n"),
		"cities/brzozie.md":  file("---\ntitle: Brzozie\ntitle: Gmina Brzozie\n---\n"),
		"cities/wapielsk.md": file("Wąpielsk, bez front matter\n"),
		"cities/zabrze.md":   file("+++\ntitle = \"Zabrze\"\n+++\n"),
		"documents/plan.md":  file("\xff\xfe-\x00-\x00-\x00"),
		"documents/lsr.md":   file("\n---\ntitle: LSR\n"),
		"meetings/sesja.md":  file("+++\ntitle = Sesja\n+++\n"),
		"pages/kontakt.md":   file("---\ntitle: Kontakt\nsummary: Tel: 54 414 40 00\n---\n"),
		"pages/o-nas.md":     file("---\ntitle: O nas\n---\n"),
		"cities/zabrze/mapa": {Mode: fs.ModeNamedPipe},
	}
	tree, errs := Load(context.Background(), fsys)
	wantFiles := []string{"cities/bobrowo.md", "cities/zabrze.md", "pages/o-nas.md"}
	if got := paths(tree); !slices.Equal(got, wantFiles) {
		t.Errorf("got files %q, want %q", got, wantFiles)
	}
	want := []string{
		"cities/brzozie.md:3: key \"title\" appears twice (first on line 2); keep one",
		"cities/wapielsk.md:1: no front matter; a content file starts with a --- line (YAML) or a +++ line (TOML), then title: and the other keys, then the same line again",
		"cities/zabrze/mapa:1: is not a regular file",
		"documents/lsr.md:2: front matter opened with --- is never closed; add a line with --- after the last key",
		"documents/plan.md:1: file is UTF-16; save it as UTF-8 (in Notepad: Save as → Encoding: UTF-8)",
		"meetings/sesja.md:2: TOML front matter: expected value but found \"Sesja\" instead",
		"pages/kontakt.md:3: YAML front matter: mapping values are not allowed in this context; a value contains \": \" or a line is indented more than the key above it — put the value in quotes or fix the indentation",
	}
	if got := messages(errs.Sort()); !slices.Equal(got, want) {
		t.Errorf("got errors\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

func TestLoadTwoBrokenFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"cities/a.md": file("bez front matter"),
		"cities/b.md": file("---\ntitle: [\n---\n"),
	}
	_, errs := Load(context.Background(), fsys)
	if len(errs) != 2 || errs[0].Path != "cities/a.md" || errs[1].Path != "cities/b.md" {
		t.Errorf("got errors %q, want one for cities/a.md and one for cities/b.md", messages(errs))
	}
}

func TestLoadIsDeterministic(t *testing.T) {
	fsys := fstest.MapFS{}
	for _, p := range []string{"documents", "cities", "meetings", "pages", "programmes"} {
		for _, n := range []string{"a", "ą", "b", "z", "Ż", "ź", "01", "10", "2"} {
			fsys[p+"/"+n+".md"] = file("---\ntitle: " + n + "\n---\n")
			fsys[p+"/"+n+"-broken.md"] = file("---\ntitle: " + n + "\n")
			fsys[p+"/"+n+".pdf"] = file(n)
		}
	}
	first, firstErrs := Load(context.Background(), fsys)
	if got := paths(first); !slices.IsSorted(got) || len(got) != 45 {
		t.Errorf("got %d files, sorted: %v; want 45 in path order", len(got), slices.IsSorted(got))
	}
	if got := messages(firstErrs); len(got) != 45 || !slices.Equal(got, messages(firstErrs.Sort())) {
		t.Errorf("got %d errors, want 45 in path order", len(got))
	}
	for range 20 {
		tree, errs := Load(context.Background(), fsys)
		if !slices.Equal(paths(tree), paths(first)) || !slices.Equal(messages(errs), messages(firstErrs)) || !maps.Equal(tree.Assets, first.Assets) {
			t.Fatal("two loads of the same tree differ")
		}
	}
}

func TestLoadSymlink(t *testing.T) {
	dir := t.TempDir()
	for p, data := range map[string]string{
		"cities/wloclawek.md":     "---\ntitle: Włocławek\n---\n",
		"elsewhere/strategia.pdf": "%PDF",
	} {
		p = filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(dir, "cities", "wloclawek.md"), filepath.Join(dir, "cities", "wlocławek.md")); err != nil {
		t.Skipf("cannot make a symbolic link here: %v", err)
	}
	if err := os.Symlink(filepath.Join(dir, "elsewhere"), filepath.Join(dir, "cities", "zalaczniki")); err != nil {
		t.Fatal(err)
	}
	// Links that lead out of the site: to a file and to a folder.
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "hasla.txt"), []byte("tajne"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "hasla.txt"), filepath.Join(dir, "elsewhere", "hasla.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "poza")); err != nil {
		t.Fatal(err)
	}
	tree, errs := Load(context.Background(), os.DirFS(dir))
	want := []string{
		"cities/wlocławek.md:1: is a symbolic link; content must be real files inside the content folder",
		"cities/zalaczniki:1: is a symbolic link; content must be real files inside the content folder",
		"elsewhere/hasla.txt:1: is a symbolic link; content must be real files inside the content folder",
		"poza:1: is a symbolic link; content must be real files inside the content folder",
	}
	if got := messages(errs.Sort()); !slices.Equal(got, want) {
		t.Errorf("got errors\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
	if got, want := paths(tree), []string{"cities/wloclawek.md"}; !slices.Equal(got, want) {
		t.Errorf("got files %q, want %q", got, want)
	}
	if got, want := tree.Assets, map[string]int64{"elsewhere/strategia.pdf": 4}; !maps.Equal(got, want) {
		t.Errorf("got assets %v, want %v", got, want)
	}
}

// failingFS is a file system whose named files and folders cannot be
// opened, as when their permissions forbid it.
type failingFS struct {
	fsys fs.FS
	fail map[string]bool
}

func (f failingFS) Open(name string) (fs.File, error) {
	if f.fail[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return f.fsys.Open(name)
}

// TestLoadFileErrorsHaveALine checks that a problem with a file or folder
// as a whole is reported at its line 1, like every other content problem:
// path:line: message.
func TestLoadFileErrorsHaveALine(t *testing.T) {
	big := "---\ntitle: Duży\n---\n" + strings.Repeat("a", MaxFileSize)
	fsys := failingFS{
		fsys: fstest.MapFS{
			"cities/wloclawek.md":         file("---\ntitle: Włocławek\n---\n"),
			"cities/zabrze.md":            file("---\ntitle: Zabrze\n---\n"),
			"cities/herb.svg":             file("<svg/>"),
			"documents/lsr.md":            file(big),
			"documents/kolejka":           &fstest.MapFile{Mode: fs.ModeNamedPipe},
			"documents/skroty.md":         &fstest.MapFile{Data: []byte("cities/wloclawek.md"), Mode: fs.ModeSymlink},
			"meetings/tajne/warsztaty.md": file("---\ntitle: W\n---\n"),
		},
		fail: map[string]bool{"cities/zabrze.md": true, "meetings/tajne": true},
	}
	tree, errs := Load(context.Background(), fsys)
	want := []string{
		"cities/zabrze.md:1: cannot read: open cities/zabrze.md: permission denied",
		"documents/kolejka:1: is not a regular file",
		fmt.Sprintf("documents/lsr.md:1: file is 4.0 MiB (%d bytes); a content file may be at most 4 MiB (%d bytes) — move large text into an attachment", len(big), MaxFileSize),
		"documents/skroty.md:1: is a symbolic link; content must be real files inside the content folder",
		"meetings/tajne:1: cannot read: open meetings/tajne: permission denied",
	}
	if got := messages(errs.Sort()); !slices.Equal(got, want) {
		t.Errorf("got errors\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
	if got, want := paths(tree), []string{"cities/wloclawek.md"}; !slices.Equal(got, want) {
		t.Errorf("got files %q, want %q", got, want)
	}

	// Reading one file again after a change reports the same way.
	var c Cache
	if _, err := c.Reload(fsys, "cities/zabrze.md"); err == nil || err.Error() != want[0] {
		t.Errorf("Reload of an unreadable file: got %v, want %s", err, want[0])
	}
	if _, err := c.Reload(fsys, "cities/usuniety.md"); err == nil || !strings.HasPrefix(err.Error(), "cities/usuniety.md:1: cannot read: ") {
		t.Errorf("Reload of a missing file: got %v, want cities/usuniety.md:1: cannot read: …", err)
	}
}

func TestLoadCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, errs := Load(ctx, fstest.MapFS{"a.md": file("---\ntitle: a\n---\n")})
	if err := errs.Err(); !strings.Contains(fmt.Sprint(err), "context canceled") {
		t.Errorf("got %v, want an error saying the load was cancelled", err)
	}
}

func TestIgnored(t *testing.T) {
	tests := []struct {
		path string
		dir  bool
		want bool
	}{
		{"cities/wloclawek.md", false, false},
		{"cities", true, false},
		{"documents/lsr-2016.pdf", false, false},
		{"documents/strategia.md.bak", false, false},
		{"documents/#1 plan.md", false, true},
		{".git", true, true},
		{"pages/.szkice", true, true},
		{".DS_Store", false, true},
		{"cities/.wloclawek.md.swp", false, true},
		{"cities/wloclawek.md.swp", false, true},
		{"cities/wloclawek.md~", false, true},
		{"cities/#wloclawek.md#", false, true},
		{"cities/.#wloclawek.md", false, true},
		{"backup~", true, false},
		{"#szkice", true, false},
		{"cities/~wloclawek.md", false, false},
	}
	for _, tt := range tests {
		if got := Ignored(tt.path, tt.dir); got != tt.want {
			t.Errorf("Ignored(%q, %v) = %v, want %v", tt.path, tt.dir, got, tt.want)
		}
	}
}

func TestErrorString(t *testing.T) {
	tests := []struct {
		err  *problem.Problem
		want string
	}{
		{problem.At("cities/wloclawek.md", 3, "key %q appears twice", "title"), `cities/wloclawek.md:3: key "title" appears twice`},
		{problem.At("cities/wloclawek.md", 0, "is a symbolic link"), "cities/wloclawek.md: is a symbolic link"},
		{problem.At(".", 0, "%v", context.Canceled), ".: context canceled"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

func TestErrorsSort(t *testing.T) {
	var es problem.List
	es.Addf("documents/plan.md", 3, "b")
	es.Addf("cities/zabrze.md", 10, "a")
	es.Addf("cities/zabrze.md", 2, "z")
	es.Addf("cities/zabrze.md", 10, "a") // an exact repeat
	es.Addf("documents/plan.md", 3, "a")
	es.Add(&problem.Problem{Path: "cities/zabrze.md", Line: 0, Msg: "a"})
	es.Addf("cities/bobrowo.md", 1, "a")
	es.Addf("documents/plan.md", 3, "b") // another
	orig := messages(es)

	want := []string{
		"cities/bobrowo.md:1: a",
		"cities/zabrze.md: a",
		"cities/zabrze.md:2: z",
		"cities/zabrze.md:10: a",
		"documents/plan.md:3: a",
		"documents/plan.md:3: b",
	}
	if got := messages(es.Sort()); !slices.Equal(got, want) {
		t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
	if !slices.Equal(messages(es), orig) {
		t.Errorf("Sort changed its receiver")
	}

	err := es.Err()
	if got, want := err.Error(), strings.Join(want, "\n"); got != want {
		t.Errorf("Err() = %q, want %q", got, want)
	}
	var e *problem.Problem
	if !errors.As(err, &e) || e.Path != "cities/bobrowo.md" {
		t.Errorf("errors.As(Err(), *problem.Problem) gave %v, want the first sorted error", e)
	}
	if err := problem.List(nil).Err(); err != nil {
		t.Errorf("problem.List(nil).Err() = %v, want nil", err)
	}
}

// TestLoadLeadKeepsEachBody checks that with Lead every file keeps its own
// body, whole when Lead keeps all of it, though files are read into
// memory the next file is read into.
func TestLoadLeadKeepsEachBody(t *testing.T) {
	fsys := fstest.MapFS{}
	for i := range 40 {
		fsys[fmt.Sprintf("cities/c%02d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("---\ntitle: C%d\n---\nTreść %d.%s\n", i, i, strings.Repeat(" …", i*10)))}
	}
	tree, errs := (*Cache)(nil).LoadWith(context.Background(), fsys, LoadOptions{Lead: func(p string, b []byte) []byte { return b }})
	if len(errs) > 0 {
		t.Fatal(errs.Err())
	}
	if len(tree.Files) != 40 {
		t.Fatalf("%d files, want 40", len(tree.Files))
	}
	for _, f := range tree.Files {
		want := string(fsys[f.Path].Data)
		_, want, _ = strings.Cut(want[len("---\n"):], "---\n")
		if string(f.Body) != want || f.Lead {
			t.Errorf("%s: Body %q (Lead %v), want %q whole", f.Path, f.Body, f.Lead, want)
		}
	}
}

// TestLoadLead checks that a load with Lead keeps only the start of each
// body, and that ReadBody reads the whole body again, line ends
// normalised, and refuses a file changed since.
func TestLoadLead(t *testing.T) {
	body := "Pierwszy akapit.\r\n\r\nDrugi akapit.\r\n"
	fsys := fstest.MapFS{"cities/a.md": {Data: []byte("---\r\ntitle: A\r\n---\r\n" + body)}}
	tree, errs := (*Cache)(nil).LoadWith(context.Background(), fsys, LoadOptions{Lead: func(p string, b []byte) []byte {
		return b[:len("Pierwszy akapit.\n")]
	}})
	if len(errs) > 0 {
		t.Fatal(errs.Err())
	}
	f := tree.Files[0]
	if !f.Lead || string(f.Body) != "Pierwszy akapit.\n" {
		t.Fatalf("Lead %v, Body %q; want only the first line kept", f.Lead, f.Body)
	}
	got, err := ReadBody(fsys, f.BodyRef(), nil)
	if want := strings.ReplaceAll(body, "\r\n", "\n"); err != nil || string(got) != want {
		t.Errorf("ReadBody = %q, %v; want %q", got, err, want)
	}
	// Read into a buffer that held a longer body before, again and
	// again: the same body each time, in the buffer's memory.
	buf := []byte(strings.Repeat("x", 4096))
	for range 2 {
		got, err := ReadBody(fsys, f.BodyRef(), &buf)
		if want := strings.ReplaceAll(body, "\r\n", "\n"); err != nil || string(got) != want {
			t.Errorf("ReadBody into a buffer = %q, %v; want %q", got, err, want)
		}
		if cap(buf) < 4096 || len(buf) != 0 {
			t.Errorf("ReadBody left a buffer of length %d and capacity %d, want its memory (4096 bytes) back, empty", len(buf), cap(buf))
		}
	}
	for _, changed := range []string{
		"---\ntitle: A\n---\nInny.\n",
		// As long as before, in bytes and once line ends are normalised.
		"---\r\ntitle: A\r\n---\r\n" + strings.Replace(body, "Drugi", "Inny!", 1),
		"---\r\ntitle: A\r\n---\r\n" + strings.Replace(body, "Drugi", "Dr\xffgi", 1),
	} {
		fsys["cities/a.md"] = &fstest.MapFile{Data: []byte(changed)}
		if _, err := ReadBody(fsys, f.BodyRef(), nil); err == nil || !strings.Contains(err.Error(), "changed") {
			t.Errorf("ReadBody of the file changed to %q: %v, want an error saying it changed", changed, err)
		}
	}
}
