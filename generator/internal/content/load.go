// Package content reads a ratusz content tree.
//
// A content tree is a folder of UTF-8 Markdown files, each starting with a
// front-matter block: YAML between --- lines or TOML between +++ lines. Load
// walks the tree through io/fs, checks each file's encoding (UTF-8, with or
// without a byte-order mark; CRLF line ends are fine), splits the front
// matter from the body, and decodes the front matter into a tree of Values
// that remember their line, so that every later problem can be reported as
// path:line. Hidden files and folders (".git", ".DS_Store") and editors'
// backup and swap files ("x.md~", ".x.md.swp", "#x.md#") are not content.
// Every other file that is not Markdown is an asset (an attachment or image
// kept beside its entry).
//
// Load does not know what the keys mean; the site package does.
package content

import (
	"github.com/ratusz/ratusz/generator/internal/problem"

	"bufio"
	"bytes"
	"context"
	"io/fs"
	"path"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"
)

// A Tree is everything read from a content folder.
type Tree struct {
	Files  []*File          // Markdown files, by path
	Assets map[string]int64 // other files: path → size in bytes
	Dir    string           // the content folder's name in messages (LoadOptions.Dir)
}

// Origin is the path p of the tree as messages name it: under the content
// folder's name, "content/cities/wloclawek.md".
func (t *Tree) Origin(p string) string { return origin(t.Dir, p) }

func origin(dir, p string) string {
	if dir == "" {
		return p
	}
	return path.Join(dir, p)
}

// Load reads the content tree in fsys. It reports every file's problems,
// not just the first.
func Load(ctx context.Context, fsys fs.FS) (*Tree, problem.List) {
	return (*Cache)(nil).Load(ctx, fsys)
}

// A Cache keeps the files of one content tree between loads, so that a
// rebuild re-reads and re-parses only the files whose size or modification
// time changed. The zero Cache is ready; a nil *Cache keeps nothing. Files
// are never changed after Parse, so a cached File can be shared by builds.
type Cache struct {
	mu    sync.Mutex
	files map[string]cached
	dir   string // LoadOptions.Dir of the last load, for Reload
}

type cached struct {
	mod  time.Time
	size int64
	file *File
	err  error
}

// Load is the package's Load, reusing what c kept from the last load.
func (c *Cache) Load(ctx context.Context, fsys fs.FS) (*Tree, problem.List) {
	return c.LoadWith(ctx, fsys, LoadOptions{})
}

// LoadOptions change what a load keeps and tells.
type LoadOptions struct {
	// Dir is the content folder's name in messages ("content"): every
	// problem and every File's Origin is a path under it, as an editor
	// finds the file from the site's folder. "" names paths from the
	// content folder itself.
	Dir string

	// Loaded, if not nil, is called as files are read, from one goroutine
	// at a time: with how many Markdown files are read and parsed so far,
	// of total.
	Loaded func(done, total int)

	// Lead, if not nil, says how much of each file's body to keep in
	// memory: the File's Body is only the start Lead returns, and
	// ReadBody reads the whole body again when it is needed. A large site
	// need not hold all its bodies at once. Not with a Cache.
	Lead func(path string, body []byte) []byte
}

// LoadWith is Load with options.
func (c *Cache) LoadWith(ctx context.Context, fsys fs.FS, o LoadOptions) (*Tree, problem.List) {
	loaded := o.Loaded
	if c != nil {
		o.Lead = nil
	}
	t := &Tree{Assets: map[string]int64{}, Dir: o.Dir}
	at := t.Origin
	var errs problem.List
	var paths []string
	var stamps []cached // each path's size and modification time
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			errs.Addf(at(p), 1, "cannot read: %v", err)
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p == "." {
			return nil
		}
		if Ignored(p, d.IsDir()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		switch {
		case d.IsDir():
		case d.Type()&fs.ModeSymlink != 0:
			errs.Addf(at(p), 1, "is a symbolic link; content must be real files inside the content folder")
		case !d.Type().IsRegular():
			errs.Addf(at(p), 1, "is not a regular file")
		case strings.EqualFold(path.Ext(p), ".md"):
			paths = append(paths, p)
			info, err := d.Info()
			if err != nil {
				stamps = append(stamps, cached{})
			} else {
				stamps = append(stamps, cached{mod: info.ModTime(), size: info.Size()})
			}
		default:
			info, err := d.Info()
			if err != nil {
				errs.Addf(at(p), 1, "cannot read: %v", err)
				return nil
			}
			t.Assets[p] = info.Size()
		}
		return nil
	})
	if err != nil {
		errs.Addf(at("."), 1, "cannot read the content folder: %v", err)
		return t, errs
	}

	files := make([]*File, len(paths))
	fileErrs := make([]error, len(paths))
	var old map[string]cached
	if c != nil {
		c.mu.Lock()
		defer c.mu.Unlock()
		if c.dir == o.Dir { // files kept under another name are read again
			old = c.files
		}
		c.dir = o.Dir
	}
	var mu sync.Mutex
	done := 0
	report := func() {
		if loaded != nil {
			mu.Lock()
			done++
			loaded(done, len(paths))
			mu.Unlock()
		}
	}
	var toRead []int // the indexes in paths of the files to read
	for i, p := range paths {
		if was, ok := old[p]; ok && !was.mod.IsZero() && was.mod.Equal(stamps[i].mod) && was.size == stamps[i].size {
			files[i], fileErrs[i] = was.file, was.err
			report()
			continue
		}
		toRead = append(toRead, i)
	}
	// A few workers that each read file after file, rather than a
	// goroutine a file: a worker's stack grows to what parsing needs
	// once, and its reader is used again.
	var next atomic.Int64
	g, ctx := errgroup.WithContext(ctx)
	for range min(runtime.GOMAXPROCS(0), len(toRead)) {
		g.Go(func() error {
			rd := &reader{br: bufio.NewReader(nil)}
			for {
				n := int(next.Add(1)) - 1
				if n >= len(toRead) {
					return nil
				}
				if err := ctx.Err(); err != nil {
					return err
				}
				i := toRead[n]
				files[i], fileErrs[i] = rd.load(fsys, paths[i], at(paths[i]), stamps[i].size, o.Lead)
				report()
			}
		})
	}
	if err := g.Wait(); err != nil {
		// The load was cancelled: no file is at fault, so no line.
		errs.Addf(at("."), 0, "%v", err)
		return t, errs
	}
	if c != nil {
		c.files = make(map[string]cached, len(paths))
		for i, p := range paths {
			st := stamps[i]
			st.file, st.err = files[i], fileErrs[i]
			c.files[p] = st
		}
	}
	for i := range paths {
		if fileErrs[i] != nil {
			errs.Add(fileErrs[i].(*problem.Problem))
			continue
		}
		t.Files = append(t.Files, files[i])
	}
	return t, errs
}

// A reader is what reading and parsing a file needs and the next file can
// have again.
type reader struct {
	buf []byte        // the file's bytes (LoadOptions.Lead)
	br  *bufio.Reader // for the front-matter parser
}

// load reads and parses the file p of the given size, which messages name
// origin.
func (rd *reader) load(fsys fs.FS, p, origin string, size int64, lead func(path string, body []byte) []byte) (*File, error) {
	if size > MaxFileSize {
		// Not read at all: a huge file is refused by its size.
		return nil, tooBig(origin, size)
	}
	// With Lead, a File keeps a copy of the start of its body and
	// nothing else of the file's bytes: the next file is read into the
	// same memory.
	var buf *[]byte
	if lead != nil {
		buf = &rd.buf
	}
	data, err := readFile(fsys, p, size, buf)
	if err != nil {
		return nil, problem.At(origin, 1, "cannot read: %v", err)
	}
	f, err := parse(p, origin, data, rd.br)
	if err == nil && lead != nil {
		l := lead(p, f.Body)
		f.Body, f.Lead = bytes.Clone(l), len(l) < len(f.Body)
	}
	return f, err
}

// Ignored reports whether a path in a content or static tree is not
// content: hidden files and folders, and editors' backup and swap files.
func Ignored(p string, dir bool) bool {
	name := path.Base(p)
	switch {
	case strings.HasPrefix(name, "."):
		return true
	case !dir && (strings.HasSuffix(name, "~") || strings.HasSuffix(name, ".swp") || strings.HasPrefix(name, "#")):
		return true
	}
	return false
}

// File returns the file c keeps for path, or nil.
func (c *Cache) File(path string) *File {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.files[path].file
}

// Reload reads and parses one Markdown file of fsys again and keeps it, as
// Load would after a change of that file alone. It returns the file's
// problem, if any, as Load reports it.
func (c *Cache) Reload(fsys fs.FS, p string) (*File, error) {
	at := p
	if c != nil {
		at = origin(c.dir, p)
	}
	info, err := fs.Stat(fsys, p)
	if err != nil {
		return nil, problem.At(at, 1, "cannot read: %v", err)
	}
	var f *File
	data, err := fs.ReadFile(fsys, p)
	if err != nil {
		err = problem.At(at, 1, "cannot read: %v", err)
	} else {
		f, err = parse(p, at, data, nil)
	}
	if c != nil {
		c.mu.Lock()
		defer c.mu.Unlock()
		if c.files == nil {
			c.files = map[string]cached{}
		}
		c.files[p] = cached{mod: info.ModTime(), size: info.Size(), file: f, err: err}
	}
	return f, err
}
