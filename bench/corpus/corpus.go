package corpus

import (
	"errors"
	"fmt"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"testing/fstest"
)

// MinEntries is the smallest tree that has every kind: three cities, three
// programmes and one entry of each other kind.
const MinEntries = 11

// MaxCities caps the number of cities: Poland has 2,477 gminy.
const MaxCities = 2477

// MaxPages caps the number of plain pages. They are a site's fixed pages
// (about, contact, the accessibility statement, guides), which every page's
// footer links to: real sites have tens of them whatever their size, and a
// tree with thousands would measure a footer no site has.
const MaxPages = 50

// Options says how large a tree to make and which one.
type Options struct {
	Entries int   // content entries of all kinds together, at least MinEntries
	Seed    int64 // the same Options give byte-identical trees
}

// Counts is the number of entries of each kind in a tree.
type Counts struct {
	Cities, Programmes, Organisations, Partnerships, Documents, Meetings, Pages int
}

// Total is the number of entries, without the _index.md files.
func (c Counts) Total() int {
	return c.Cities + c.Programmes + c.Organisations + c.Partnerships + c.Documents + c.Meetings + c.Pages
}

// CountsFor says how many entries of each kind a tree of n entries has.
// n below MinEntries counts as MinEntries.
func CountsFor(n int) Counts {
	n = max(n, MinEntries)
	share := func(per10k, least int) int { return max(least, (n*per10k+5000)/10000) }
	c := Counts{
		Cities:        min(share(500, 3), MaxCities),
		Programmes:    share(50, 3),
		Organisations: share(1000, 1),
		Partnerships:  share(500, 1),
		Pages:         min(share(100, 1), MaxPages),
	}
	rest := n - c.Cities - c.Programmes - c.Organisations - c.Partnerships - c.Pages
	c.Meetings = max(1, (rest*38+39)/78)
	c.Documents = rest - c.Meetings
	return c
}

// Files yields every file of the tree that o describes: its path relative to
// the content root (slash-separated) and its bytes, which the caller may
// keep. The order is fixed: the root _index.md, then kind by kind the
// folder's _index.md (pages/ has none) and its entries. Entries below MinEntries are raised to
// MinEntries.
func Files(o Options) iter.Seq2[string, []byte] {
	return func(yield func(string, []byte) bool) {
		p := newPlan(o)
		r := newRenderer(p)
		for i := range p.files() {
			name, data := r.file(i)
			if !yield(name, data) {
				return
			}
		}
	}
}

// FS is the tree that o describes as an in-memory file system, rooted at
// the content folder, for tests and benchmarks that build it without a
// disk.
func FS(o Options) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range Files(o) {
		fsys[name] = &fstest.MapFile{Data: data}
	}
	return fsys
}

// Write writes the tree that o describes into dir/content and returns the
// number of files written. dir must be an empty directory or not exist yet;
// o.Entries must be at least MinEntries. Files are rendered in order and
// written by a few goroutines at once, since creating files is most of the
// work.
func Write(dir string, o Options) (int, error) {
	if o.Entries < MinEntries {
		return 0, fmt.Errorf("corpus: %d entries: need at least %d", o.Entries, MinEntries)
	}
	if err := prepare(dir); err != nil {
		return 0, err
	}
	root := filepath.Join(dir, "content")
	for k := range numKinds {
		if err := os.MkdirAll(filepath.Join(root, k.String()), 0o755); err != nil {
			return 0, err
		}
	}
	type file struct {
		name string
		data []byte
	}
	var (
		queue   = make(chan file, 64)
		wg      sync.WaitGroup
		mu      sync.Mutex
		written int
		errs    []error
		failed  atomic.Bool
	)
	for range max(2, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			n := 0
			for f := range queue {
				if failed.Load() {
					continue
				}
				if err := os.WriteFile(filepath.Join(root, filepath.FromSlash(f.name)), f.data, 0o644); err != nil {
					failed.Store(true)
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
					continue
				}
				n++
			}
			mu.Lock()
			written += n
			mu.Unlock()
		})
	}
	for name, data := range Files(o) {
		if failed.Load() {
			break
		}
		queue <- file{name, data}
	}
	close(queue)
	wg.Wait()
	return written, errors.Join(errs...)
}

// prepare makes sure dir exists and is empty.
func prepare(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return os.MkdirAll(dir, 0o755)
	case err != nil:
		return fmt.Errorf("corpus: %w", err)
	case len(entries) > 0:
		return fmt.Errorf("corpus: %s is not empty", dir)
	}
	return nil
}
