package build

import (
	"errors"
	"io/fs"
	"maps"
	"path"
	"slices"

	"github.com/ratusz/ratusz/generator/internal/output"
	"github.com/ratusz/ratusz/generator/internal/problem"
)

// staticFile is a file of the built-in static/ folder or of the site's,
// which replaces the built-in one of the same name.
type staticFile struct {
	name string
	fsys fs.FS
	dir  string // its folder, for messages
	// data is what is published, for the files read ahead: stylesheets,
	// scripts (also under their fingerprinted name) and, when minifying,
	// SVG images. Other files are copied as they are when written.
	data        []byte
	fingerprint string // the fingerprinted name, or ""
}

// statics are the static files of a build, in name order, and the
// fingerprinted names of its stylesheets and scripts by their plain names.
type statics struct {
	files  []staticFile
	assets map[string]string
}

// readStatic lists the built-in static files and the site's (ownFiles,
// in own, as listStatic found them), reads and, with m, minifies the
// stylesheets, scripts and SVG images, and fingerprints the stylesheets and
// scripts. A file that cannot be minified is an error at ownDir/name (or
// "(built-in) static/name").
func readStatic(theme fs.FS, own fs.FS, ownFiles map[string]int64, ownDir string, m *output.Minifier) (statics, problem.List) {
	const themeDir = "(built-in) static"
	byName := map[string]staticFile{}
	var errs problem.List
	themeFiles, terrs := listStatic(theme, themeDir)
	errs = append(errs, terrs...)
	for name := range themeFiles {
		byName[name] = staticFile{name: name, fsys: theme, dir: themeDir}
	}
	for name := range ownFiles { // the site's replace the built-in ones
		byName[name] = staticFile{name: name, fsys: own, dir: ownDir}
	}
	st := statics{assets: map[string]string{}}
	for _, name := range slices.Sorted(maps.Keys(byName)) {
		f := byName[name]
		dir := f.dir
		fp := output.Fingerprints(name)
		if fp || m != nil && path.Ext(name) == ".svg" {
			b, err := fs.ReadFile(f.fsys, name)
			if err != nil {
				errs.Addf(path.Join(dir, name), 0, "cannot read: %v", err)
				continue
			}
			if m != nil {
				if b, err = m.Bytes(name, b); err != nil {
					var merr *output.MinifyError
					if errors.As(err, &merr) {
						errs.Addf(path.Join(dir, name), merr.Line, "cannot minify: %s; correct the file, or build with -minify=false to publish it as it is", merr.Msg)
					} else {
						errs.Addf(path.Join(dir, name), 0, "cannot minify: %v", err)
					}
					continue
				}
			}
			f.data = b
		}
		if fp {
			f.fingerprint = output.Fingerprint(name, f.data)
			st.assets[name] = f.fingerprint
		}
		st.files = append(st.files, f)
	}
	return st, errs
}

// write writes the static files: stylesheets and scripts under their
// fingerprinted name and their plain one.
func (st statics) write(w Writer) error {
	for _, f := range st.files {
		b := f.data
		if b == nil {
			var err error
			if b, err = fs.ReadFile(f.fsys, f.name); err != nil {
				return err
			}
		}
		if f.fingerprint != "" {
			if err := w.WriteFile(f.fingerprint, b); err != nil {
				return err
			}
		}
		if err := w.WriteFile(f.name, b); err != nil {
			return err
		}
	}
	return nil
}
