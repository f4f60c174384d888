package content

import (
	"github.com/ratusz/ratusz/generator/internal/problem"

	"context"
	"testing"
	"testing/fstest"
	"time"
)

func TestCacheRereadsOnlyChangedFiles(t *testing.T) {
	t0 := time.Date(2021, 6, 1, 10, 0, 0, 0, time.UTC)
	fsys := fstest.MapFS{
		"pages/a.md": {Data: []byte("---\ntitle: A\n---\n"), ModTime: t0},
		"pages/b.md": {Data: []byte("---\ntitle: B\n---\n"), ModTime: t0},
	}
	var c Cache
	first, errs := c.Load(context.Background(), fsys)
	if len(errs) > 0 {
		t.Fatal(errs.Err())
	}
	fsys["pages/b.md"] = &fstest.MapFile{Data: []byte("---\ntitle: B2\n---\n"), ModTime: t0.Add(time.Second)}
	fsys["pages/c.md"] = &fstest.MapFile{Data: []byte("---\ntitle: C\n---\n"), ModTime: t0}
	second, errs := c.Load(context.Background(), fsys)
	if len(errs) > 0 {
		t.Fatal(errs.Err())
	}
	if len(second.Files) != 3 {
		t.Fatalf("%d files, want 3", len(second.Files))
	}
	if second.Files[0] != first.Files[0] {
		t.Error("unchanged a.md was parsed again")
	}
	if second.Files[1] == first.Files[1] || second.Files[1].Meta.Get("title").Text != "B2" {
		t.Error("changed b.md was not read again")
	}
	delete(fsys, "pages/a.md")
	third, _ := c.Load(context.Background(), fsys)
	if len(third.Files) != 2 || third.Files[0].Path != "pages/b.md" {
		t.Errorf("removed a.md still loaded: %v", third.Files[0].Path)
	}
	// A file whose error was cached still reports it.
	fsys["pages/zly.md"] = &fstest.MapFile{Data: []byte("bez front matter"), ModTime: t0}
	for range 2 {
		if _, errs := c.Load(context.Background(), fsys); len(errs) != 1 {
			t.Errorf("errors %v, want the one of zly.md", errs)
		}
	}
}

// A file kept from a load that named the content folder otherwise is read
// again, so that its origin and its problems name the folder as this load
// does; Reload names it as the last load did.
func TestCacheNamesFilesByTheLastLoadsFolder(t *testing.T) {
	t0 := time.Date(2021, 6, 1, 10, 0, 0, 0, time.UTC)
	fsys := fstest.MapFS{
		"pages/a.md":   {Data: []byte("---\ntitle: A\n---\n"), ModTime: t0},
		"pages/zly.md": {Data: []byte("bez front matter\n"), ModTime: t0},
	}
	var c Cache
	for _, dir := range []string{"content", "strona/tresc", ""} {
		tree, errs := c.LoadWith(context.Background(), fsys, LoadOptions{Dir: dir})
		want := "pages/zly.md"
		if dir != "" {
			want = dir + "/" + want
		}
		if len(errs) != 1 || errs[0].Path != want {
			t.Errorf("Dir %q: problems %v, want one at %s", dir, errs, want)
		}
		if got := tree.Files[0].Origin; got != tree.Origin("pages/a.md") {
			t.Errorf("Dir %q: the file's origin is %q, want %q", dir, got, tree.Origin("pages/a.md"))
		}
	}
	c.LoadWith(context.Background(), fsys, LoadOptions{Dir: "content"})
	if _, err := c.Reload(fsys, "pages/zly.md"); err == nil || err.(*problem.Problem).Path != "content/pages/zly.md" {
		t.Errorf("Reload: %v, want the problem at content/pages/zly.md", err)
	}
}
