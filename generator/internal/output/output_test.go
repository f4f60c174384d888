package output

import (
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
)

// site makes a site folder with content/, layouts/ and static/ in a
// temporary directory, moves into it and returns its absolute path.
func site(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	for _, d := range []string{"content/documents", "layouts", "static/img"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(root)
	return root
}

var sources = []string{"content", "layouts", "static"}

func TestCheckRefuses(t *testing.T) {
	root := site(t)
	home := filepath.Join(root, "home")
	if err := os.Mkdir(home, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("HOME", home)
	mustWrite(t, "file.txt", "not a folder")
	mustWrite(t, "foreign/notes.txt", "someone's notes")
	if err := os.Mkdir("real", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real", "link"); err != nil {
		t.Fatal(err)
	}
	mustWrite(t, "marked/"+Marker, markerText)
	if err := os.Symlink("marked", "marked-link"); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("nowhere", "dangling"); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		out  string
		want []string // every one must appear in the message
	}{
		{"/", []string{"-out /", "root of the file system"}},
		{home, []string{"home folder"}},
		{"content", []string{"-out content", "same folder as content", "delete the site's sources"}},
		{"layouts", []string{"same folder as layouts"}},
		{"static", []string{"same folder as static"}},
		{"./content/", []string{"same folder as content"}},
		{filepath.Join(root, "content"), []string{"same folder as content"}},
		{".", []string{"-out . contains content", "delete the site's sources"}},
		{root, []string{"contains content"}},
		{"..", []string{"contains content"}},
		{"content/documents", []string{"-out content/documents is inside content", "outside the site's sources"}},
		{"content/public", []string{"is inside content"}},
		{"static/img/out", []string{"is inside static"}},
		{"link", []string{"-out link is a symbolic link"}},
		{"marked-link", []string{"is a symbolic link"}},
		{"dangling", []string{"is a symbolic link"}},
		{"file.txt", []string{"-out file.txt is a file, not a folder"}},
		{"foreign", []string{"-out foreign is not empty", Marker, "empty it or choose another"}},
	}
	for _, tt := range tests {
		err := Check(tt.out, sources...)
		if err == nil {
			t.Errorf("Check(%q) = nil, want an error", tt.out)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("Check(%q) = %q, want it to say %q", tt.out, err, w)
			}
		}
	}
	// Nothing was touched.
	if _, err := os.Stat("foreign/notes.txt"); err != nil {
		t.Errorf("Check changed a refused folder: %v", err)
	}
}

func TestCheckAccepts(t *testing.T) {
	site(t)
	t.Setenv("HOME", t.TempDir())
	if err := os.Mkdir("empty", 0o755); err != nil {
		t.Fatal(err)
	}
	mustWrite(t, "public/"+Marker, markerText)
	mustWrite(t, "public/index.html", "<p>old</p>")
	for _, out := range []string{"missing", "missing/deeper", "empty", "public", "./public/", "../elsewhere"} {
		if err := Check(out, sources...); err != nil {
			t.Errorf("Check(%q) = %v, want nil", out, err)
		}
	}
	// Unused sources ("" when a site has no layouts/ or static/) are skipped.
	if err := Check("public", "content", "", ""); err != nil {
		t.Errorf("Check with empty sources = %v, want nil", err)
	}
}

func TestBuildCommit(t *testing.T) {
	root := site(t)
	build(t, "public", map[string]string{
		"index.html":                  "<p>first</p>",
		"miasta/wloclawek/index.html": "<p>Włocławek</p>",
		"only-first/index.html":       "<p>gone next time</p>",
	})
	checkTree(t, "public", map[string]string{
		"index.html":                  "<p>first</p>",
		"miasta/wloclawek/index.html": "<p>Włocławek</p>",
		"only-first/index.html":       "<p>gone next time</p>",
		Marker:                        markerText,
	})
	checkNoLeftovers(t, root)

	// A second build replaces the first as a whole.
	build(t, "public", map[string]string{
		"index.html":     "<p>second</p>",
		"css/ratusz.css": "body{}",
	})
	checkTree(t, "public", map[string]string{
		"index.html":     "<p>second</p>",
		"css/ratusz.css": "body{}",
		Marker:           markerText,
	})
	checkNoLeftovers(t, root)
	if err := Check("public", sources...); err != nil {
		t.Errorf("Check of ratusz's own output = %v, want nil", err)
	}
}

// A page's folder is written into again after it is made, and a folder is
// made inside it later: every file lands where it is named, in whatever
// order.
func TestWriteIntoFoldersAgain(t *testing.T) {
	site(t)
	d, err := Create("public")
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	write := func(name, text string) {
		t.Helper()
		if err := d.WriteFile(name, []byte(text)); err != nil {
			t.Fatalf("WriteFile(%q) = %v", name, err)
		}
	}
	write("spotkania/warsztaty/index.html", "<p>warsztaty</p>")
	write("spotkania/warsztaty/calendar.ics", "BEGIN:VCALENDAR")
	write("spotkania/warsztaty/zdjecia/index.html", "<p>zdjęcia</p>")
	write("spotkania/warsztaty/index.html", "<p>warsztaty, znowu</p>")
	w, err := d.Create("spotkania/warsztaty/dane.json")
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(w, "{}")
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	write("spotkania/index.html", "<p>spotkania</p>")
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	checkTree(t, "public", map[string]string{
		"spotkania/index.html":                   "<p>spotkania</p>",
		"spotkania/warsztaty/index.html":         "<p>warsztaty, znowu</p>",
		"spotkania/warsztaty/calendar.ics":       "BEGIN:VCALENDAR",
		"spotkania/warsztaty/zdjecia/index.html": "<p>zdjęcia</p>",
		"spotkania/warsztaty/dane.json":          "{}",
		Marker:                                   markerText,
	})
}

func TestBuildIntoEmptyFolder(t *testing.T) {
	root := site(t)
	if err := os.Mkdir("public", 0o755); err != nil {
		t.Fatal(err)
	}
	build(t, "public", map[string]string{"index.html": "x"})
	checkTree(t, "public", map[string]string{"index.html": "x", Marker: markerText})
	checkNoLeftovers(t, root)
}

func TestBuildIntoMissingParent(t *testing.T) {
	root := site(t)
	build(t, "out/site", map[string]string{"index.html": "x"})
	checkTree(t, "out/site", map[string]string{"index.html": "x", Marker: markerText})
	checkNoLeftovers(t, filepath.Join(root, "out"))
}

func TestAbortKeepsOldOutput(t *testing.T) {
	root := site(t)
	build(t, "public", map[string]string{
		"index.html":     "<p>published</p>",
		"css/ratusz.css": "body{}",
	})
	before := treeHash(t, "public")

	d, err := Create("public")
	if err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("index.html", []byte("<p>half-built</p>")); err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("new/index.html", []byte("<p>new</p>")); err != nil {
		t.Fatal(err)
	}
	d.Abort()
	d.Abort() // a second Abort (the deferred one after an error) is harmless

	if after := treeHash(t, "public"); after != before {
		t.Errorf("Abort changed the previous output:\nbefore %s\nafter  %s", before, after)
	}
	if _, err := os.Stat(d.tmp); !os.IsNotExist(err) {
		t.Errorf("temporary folder %s still there after Abort (Stat: %v)", d.tmp, err)
	}
	checkNoLeftovers(t, root)
	if err := d.Commit(); err == nil {
		t.Errorf("Commit after Abort = nil, want an error")
	}
	if after := treeHash(t, "public"); after != before {
		t.Errorf("Commit after Abort changed the previous output")
	}
}

func TestAbortAfterCommitKeepsNewOutput(t *testing.T) {
	site(t)
	d, err := Create("public")
	if err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("index.html", []byte("new")); err != nil {
		t.Fatal(err)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	d.Abort() // as deferred in a build
	checkTree(t, "public", map[string]string{"index.html": "new", Marker: markerText})
	if err := d.Commit(); err == nil {
		t.Errorf("second Commit = nil, want an error")
	}
}

func TestWriteFileRefusesEscapes(t *testing.T) {
	root := site(t)
	d, err := Create("public")
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	for _, name := range badPaths {
		if err := d.WriteFile(name, []byte("x")); err == nil {
			t.Errorf("Dir.WriteFile(%q) = nil, want an error", name)
		} else if !strings.Contains(err.Error(), "not a clean path") {
			t.Errorf("Dir.WriteFile(%q) = %q, want it to say the path is not clean", name, err)
		}
		if err := d.CopyFile(name, os.DirFS("."), "content"); err == nil {
			t.Errorf("Dir.CopyFile(%q) = nil, want an error", name)
		}
		if f, err := d.Create(name); err == nil {
			f.Close()
			t.Errorf("Dir.Create(%q) = nil, want an error", name)
		}
	}
	// Nothing landed outside the temporary folder.
	for _, p := range []string{filepath.Join(root, "x"), filepath.Join(filepath.Dir(root), "x"), filepath.Join(root, `a\b`)} {
		if _, err := os.Lstat(p); err == nil {
			t.Errorf("%s was written outside the output", p)
		}
	}
	if err := d.WriteFile("a/b.html", []byte("ok")); err != nil {
		t.Errorf("Dir.WriteFile(a/b.html) = %v, want nil", err)
	}
}

var badPaths = []string{"../x", "/etc/x", "a/../../x", `a\b`, "", ".", "a/./b", "a//b", "a/", "./x"}

func TestCopyFile(t *testing.T) {
	site(t)
	mustWrite(t, "static/img/herb.svg", "<svg/>")
	d, err := Create("public")
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	if err := d.CopyFile("img/herb.svg", os.DirFS("static"), "img/herb.svg"); err != nil {
		t.Fatal(err)
	}
	if err := d.CopyFile("img/missing.svg", os.DirFS("static"), "img/missing.svg"); err == nil {
		t.Errorf("CopyFile of a missing file = nil, want an error")
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	checkTree(t, "public", map[string]string{"img/herb.svg": "<svg/>", Marker: markerText})
}

func TestMemoryConcurrent(t *testing.T) {
	var m Memory
	const writers, each = 32, 50
	var wg sync.WaitGroup
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				name := fmt.Sprintf("w%d/%d/index.html", w, i)
				if err := m.WriteFile(name, []byte(name)); err != nil {
					t.Errorf("WriteFile(%q) = %v", name, err)
				}
				// Everyone also writes the same file.
				if err := m.WriteFile("index.html", []byte("home")); err != nil {
					t.Errorf("WriteFile(index.html) = %v", err)
				}
			}
		}()
	}
	wg.Wait()
	if got, want := len(m.Files), writers*each+1; got != want {
		t.Errorf("Memory holds %d files, want %d", got, want)
	}
	for name, data := range m.Files {
		if name != "index.html" && string(data) != name {
			t.Errorf("Files[%q] = %q, want %q", name, data, name)
		}
	}
}

func TestMemoryRefusesEscapes(t *testing.T) {
	var m Memory
	for _, name := range badPaths {
		if err := m.WriteFile(name, []byte("x")); err == nil {
			t.Errorf("Memory.WriteFile(%q) = nil, want an error", name)
		}
	}
	if len(m.Files) != 0 {
		t.Errorf("Memory kept refused files: %v", keys(m.Files))
	}
}

// build writes files into out through Create, WriteFile and Commit.
func build(t *testing.T, out string, files map[string]string) {
	t.Helper()
	if err := Check(out, sources...); err != nil {
		t.Fatalf("Check(%q) = %v", out, err)
	}
	d, err := Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	for name, text := range files {
		if err := d.WriteFile(name, []byte(text)); err != nil {
			t.Fatalf("WriteFile(%q) = %v", name, err)
		}
	}
	if err := d.Commit(); err != nil {
		t.Fatalf("Commit = %v", err)
	}
	if _, err := os.Stat(d.tmp); !os.IsNotExist(err) {
		t.Errorf("temporary folder %s still there after Commit (Stat: %v)", d.tmp, err)
	}
}

// checkTree compares the regular files under dir with want.
func checkTree(t *testing.T, dir string, want map[string]string) {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		got[filepath.ToSlash(rel)] = string(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range want {
		if g, ok := got[name]; !ok {
			t.Errorf("%s/%s missing", dir, name)
		} else if g != text {
			t.Errorf("%s/%s = %q, want %q", dir, name, g, text)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s/%s should not be there", dir, name)
		}
	}
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

func mustWrite(t *testing.T, name, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
