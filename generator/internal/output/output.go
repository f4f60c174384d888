// Package output writes a built site.
//
// A build never writes into the output folder directly. It writes into a
// new temporary folder beside it (".public.tmp-…"), and only when every
// page is written does Commit swap the new folder in: the old folder is
// renamed aside, the new one renamed into place, the old one removed. A
// build that fails leaves the previous output exactly as it was.
//
// To keep a mistyped -out from destroying anything, ratusz replaces only a
// folder that is empty or that it wrote itself, which it knows by the
// marker file .ratusz-output, and never the filesystem root, the home
// folder, or the content, layouts or static folder, a folder inside one of
// them, or a parent of one of them.
package output

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// Marker is the file that marks a folder as ratusz output.
const Marker = ".ratusz-output"

const markerText = "This folder is written by ratusz. Every build replaces it as a whole;\ndo not keep anything else here.\n"

// Dir writes a site into a temporary folder and swaps it in on Commit.
type Dir struct {
	final string
	tmp   string
	done  bool
	dirs  sync.Map // folders inside tmp known to exist (mkdir)
}

// Check reports why out may not be used as the output folder, given the
// site's source folders. It does not change anything.
func Check(out string, sources ...string) error {
	abs, err := absolute(out)
	if err != nil {
		return err
	}
	if abs == filepath.Dir(abs) {
		return fmt.Errorf("-out %s is the root of the file system; choose a folder of its own, like public", out)
	}
	if home, err := os.UserHomeDir(); err == nil {
		if h, err := absolute(home); err == nil && h == abs {
			return fmt.Errorf("-out %s is your home folder; choose a folder of its own, like public", out)
		}
	}
	for _, s := range sources {
		if s == "" {
			continue
		}
		src, err := absolute(s)
		if err != nil {
			continue
		}
		switch {
		case src == abs:
			return fmt.Errorf("-out %s is the same folder as %s; the build would delete the site's sources — choose another folder, like public", out, s)
		case within(src, abs):
			return fmt.Errorf("-out %s contains %s; the build would delete the site's sources — choose another folder, like public", out, s)
		case within(abs, src):
			return fmt.Errorf("-out %s is inside %s; choose a folder outside the site's sources, like public", out, s)
		}
	}
	// Look at out itself, not at what absolute resolved it to: a link
	// named as -out would otherwise pass as the folder it points to.
	named, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	info, err := os.Lstat(named)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case info.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("-out %s is a symbolic link; give the real folder", out)
	case !info.IsDir():
		return fmt.Errorf("-out %s is a file, not a folder", out)
	}
	if _, err := os.Stat(filepath.Join(named, Marker)); err == nil {
		return nil
	}
	entries, err := os.ReadDir(named)
	if err != nil {
		return err
	}
	if len(entries) > 0 {
		return fmt.Errorf("-out %s is not empty and was not written by ratusz (it has no %s file); ratusz replaces the whole folder, so empty it or choose another", out, Marker)
	}
	return nil
}

// CheckCache reports why cache may not be the build cache folder of a
// build into out: a cache inside the output would be deleted by the
// build that keeps it.
func CheckCache(out, cache string) error {
	if cache == "" {
		return nil
	}
	o, err := absolute(out)
	if err != nil {
		return err
	}
	c, err := absolute(cache)
	if err != nil {
		return err
	}
	if c == o || within(c, o) {
		return fmt.Errorf("-cache %s is inside the output folder %s, which every build replaces; give a folder outside it, like .ratusz-cache", cache, out)
	}
	return nil
}

func absolute(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	// Resolve links in the part that exists, so that two names of one
	// folder compare equal.
	rest := ""
	for cur := abs; ; cur = filepath.Dir(cur) {
		if real, err := filepath.EvalSymlinks(cur); err == nil {
			return filepath.Join(real, rest), nil
		}
		if cur == filepath.Dir(cur) {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(cur), rest)
	}
}

// within reports whether p is inside dir.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// Create starts writing a site that will replace out. Call Check first.
func Create(out string) (*Dir, error) {
	abs, err := filepath.Abs(out)
	if err != nil {
		return nil, err
	}
	parent := filepath.Dir(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(abs)+".tmp-")
	if err != nil {
		return nil, fmt.Errorf("cannot create a folder beside -out: %w", err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	return &Dir{final: abs, tmp: tmp}, nil
}

// local turns a site path into a path inside the temporary folder,
// refusing any that would leave it.
func (d *Dir) local(name string) (string, error) {
	if err := checkPath(name); err != nil {
		return "", err
	}
	return filepath.Join(d.tmp, filepath.FromSlash(name)), nil
}

// checkPath refuses a site path that is not a clean, slash-separated path
// of a file inside the site. A backslash is refused too: on Windows it
// would separate folders, and on the web it names no file a link can reach.
func checkPath(name string) error {
	if !fs.ValidPath(name) || name == "." || strings.Contains(name, `\`) {
		return fmt.Errorf("output path %q is not a clean path inside the site", name)
	}
	return nil
}

// WriteFile writes one file of the site.
func (d *Dir) WriteFile(name string, data []byte) error {
	p, err := d.local(name)
	if err != nil {
		return err
	}
	if err := d.mkdir(filepath.Dir(p)); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}

// Create starts writing one file of the site, a piece at a time; closing
// it finishes it.
func (d *Dir) Create(name string) (io.WriteCloser, error) {
	p, err := d.local(name)
	if err != nil {
		return nil, err
	}
	if err := d.mkdir(filepath.Dir(p)); err != nil {
		return nil, err
	}
	return os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
}

// mkdir makes folder dir inside the temporary folder and the folders it is
// in. A site has a folder for almost every page, so it remembers which
// exist rather than asking the file system each time: the folders that
// hold other folders. A page's own folder, which holds its index.html and
// at most a file or two more, is made again (and found to exist) rather
// than remembered: a site of 100,000 entries would otherwise keep 100,000
// paths for the whole build.
func (d *Dir) mkdir(dir string) error { return d.mkdirAll(dir, false) }

// mkdirAll is mkdir, remembering dir if parent says it holds a folder.
func (d *Dir) mkdirAll(dir string, parent bool) error {
	if dir == d.tmp {
		return nil
	}
	if _, ok := d.dirs.Load(dir); ok {
		return nil
	}
	if err := d.mkdirAll(filepath.Dir(dir), true); err != nil {
		return err
	}
	if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	if parent {
		d.dirs.Store(dir, true)
	}
	return nil
}

// CopyFile copies a file from fsys into the site.
func (d *Dir) CopyFile(name string, fsys fs.FS, src string) error {
	p, err := d.local(name)
	if err != nil {
		return err
	}
	if err := d.mkdir(filepath.Dir(p)); err != nil {
		return err
	}
	in, err := fsys.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// Commit swaps the new site in place of the old one.
func (d *Dir) Commit() error {
	if d.done {
		return errors.New("output already committed or aborted")
	}
	d.done = true
	if err := os.WriteFile(filepath.Join(d.tmp, Marker), []byte(markerText), 0o644); err != nil {
		os.RemoveAll(d.tmp)
		return err
	}
	old := ""
	if _, err := os.Lstat(d.final); err == nil {
		old = d.tmp + ".old"
		if err := os.Rename(d.final, old); err != nil {
			os.RemoveAll(d.tmp)
			return fmt.Errorf("cannot move the old output aside: %w", err)
		}
	}
	if err := os.Rename(d.tmp, d.final); err != nil {
		if old != "" {
			os.Rename(old, d.final)
		}
		os.RemoveAll(d.tmp)
		return fmt.Errorf("cannot move the new output into place: %w", err)
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

// Abort removes the unfinished site; the old output stays as it was.
func (d *Dir) Abort() {
	if d.done {
		return
	}
	d.done = true
	os.RemoveAll(d.tmp)
}

// Memory keeps a built site in memory, for tests and the dev server. It is
// safe for concurrent use.
type Memory struct {
	mu    sync.Mutex
	Files map[string][]byte
}

// WriteFile stores a copy of one file.
func (m *Memory) WriteFile(name string, data []byte) error {
	if err := checkPath(name); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.Files == nil {
		m.Files = map[string][]byte{}
	}
	m.Files[name] = bytes.Clone(data)
	return nil
}
