// Package build makes a site: it reads the content tree (io/fs) and splits
// it into front matter and body (content), types, checks and
// cross-references it into the site model (site), renders every page in
// parallel through the layouts (render, markdown) and hands the pages, the
// site files made from many entries (sitemap, feeds, calendars, open data,
// the search index) and the static files to a Writer.
//
// Prepare does everything up to the first page and reports every problem
// of the content, the static files and the layouts at once; Prepared.Write
// renders and writes. A Prepared is read only: the dev server (rebuild)
// renders some of its pages again, or prepares the site anew. The package
// writes no folder itself (output does, and generator chooses where),
// parses no flags and reads nothing but the file systems it is given.
package build

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	_ "time/tzdata" // Europe/Warsaw on machines without a zone database

	"github.com/ratusz/ratusz"
	"github.com/ratusz/ratusz/generator/internal/content"
	"github.com/ratusz/ratusz/generator/internal/history"
	"github.com/ratusz/ratusz/generator/internal/imagesize"
	"github.com/ratusz/ratusz/generator/internal/links"
	"github.com/ratusz/ratusz/generator/internal/output"
	"github.com/ratusz/ratusz/generator/internal/problem"
	"github.com/ratusz/ratusz/generator/internal/render"
	"github.com/ratusz/ratusz/generator/internal/site"
	"golang.org/x/sync/errgroup"
)

// Config is one build's input. Paths are as the user gave them; they are
// used as given in messages.
type Config struct {
	Content string // the content folder
	Layouts string // the site's own layouts folder, or "" for none
	Static  string // the site's static folder, or "" for none

	// ContentFS, LayoutsFS and StaticFS, when not nil, are the files read
	// instead of the folders above, whose names are then used only in
	// messages ("content", "layouts" and "static" when empty): a test, or
	// a program that keeps a site elsewhere, builds from any fs.FS, such
	// as a testing/fstest.MapFS. The dev server watches folders, so it
	// reads the folders.
	ContentFS fs.FS
	LayoutsFS fs.FS
	StaticFS  fs.FS

	// Settings is the site's ratusz.toml, or "" for none. SettingsText,
	// when not nil, is read instead of the file, which then only names it
	// in messages ("ratusz.toml" when empty).
	Settings     string
	SettingsText []byte

	// Cache is the build cache folder, or "" for none: it keeps the git
	// history read for the register of changes ([record] changes =
	// "git"), so that the next build asks git only for new commits.
	Cache string

	Out     string // the output folder
	BaseURL string // "/" or an absolute URL or path prefix; "" for ratusz.toml's base_url, else "/"
	Drafts  bool
	Future  bool
	Now     time.Time // the day the build treats as today
	Theme   fs.FS     // built-in layouts/ and static/; nil for ratusz.Theme()

	// PageSize is how many entries a page of an index or topic list
	// shows; 0 means 50.
	PageSize int

	// Minify makes pages, stylesheets, scripts, SVG images, the sitemap,
	// feeds, open data and search index smaller (output.Minifier).
	// Stylesheets and scripts are fingerprinted either way.
	Minify bool

	// Progress, if not nil, is told how far the build has come: as
	// content files are read, then as pages are written. It is called from
	// one goroutine at a time, often (once a file or page), so it must be
	// quick; a display throttles its own updates.
	Progress func(Progress)

	contentDir string // the content folder read, "" when ContentFS was given

	// Rendering, if not nil, is called once the site is read and checked,
	// before the first page is rendered: from then on a build holds little
	// more than the site model, and a program can fit its memory to that.
	Rendering func()
}

// Result says what a build did.
type Result struct {
	Entries  int
	Pages    int
	Files    int
	Warnings []string
	Duration time.Duration
}

// Progress is how far a build has come.
type Progress struct {
	Loaded, Files  int // content files read and parsed, of all
	Written, Pages int // pages written, of all; Pages is 0 until rendering starts
	Elapsed        time.Duration
}

// progress passes a build's progress to Config.Progress, one call at a
// time.
type progress struct {
	mu    sync.Mutex
	f     func(Progress)
	start time.Time
	p     Progress
}

func newProgress(f func(Progress)) *progress {
	return &progress{f: f, start: time.Now()}
}

// update changes the progress with change and reports it.
func (pr *progress) update(change func(*Progress)) {
	if pr == nil || pr.f == nil {
		return
	}
	pr.mu.Lock()
	defer pr.mu.Unlock()
	change(&pr.p)
	pr.p.Elapsed = time.Since(pr.start)
	pr.f(pr.p)
}

// A Problem is one mistake of a build: its place (the path relative to
// the site root, as the user finds the file, the line and the front
// matter field), what is wrong and how to put it right. It prints as
// path:line: message; hint.
type Problem = problem.Problem

// Errors are the problems of a build, sorted by place.
type Errors []*Problem

func (e Errors) Error() string {
	lines := make([]string, len(e))
	for i, p := range e {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// UsageError is a mistake in the build's settings rather than the content.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

// Writer receives a built site's files. Paths are slash-separated and
// relative to the site root. WriteFile may not keep data after it
// returns: the caller fills the same buffer with the next file.
type Writer interface {
	WriteFile(name string, data []byte) error
}

// Discard is a Writer that keeps nothing: a check renders every page and
// writes none.
type Discard struct{}

func (Discard) WriteFile(string, []byte) error { return nil }

// Kept is what a build keeps for the next builds of the same site in the
// same process (the dev server, a fuzzer): it is never written anywhere.
type Kept struct {
	// Content, when not nil, keeps the parsed content files between
	// builds, and a file is parsed again only when it changed; then
	// bodies are kept whole in memory.
	Content *content.Cache

	// Layouts, when not nil, keeps the theme's layouts parsed, and
	// minified when the build minifies, so that a build copies them
	// rather than parsing them again; the site's own layouts are read
	// every build. A theme (Config.Theme) must not change while kept.
	Layouts *render.ParsedTheme
}

// Prepared is a site read, validated and ready to render.
type Prepared struct {
	Config   Config           // with the file systems it read
	Site     *site.Site       // the site model
	Renderer *render.Renderer // its pages
	Content  fs.FS            // the content it was read from

	// SiteNames are the site files written (WriteSiteFiles), and Links
	// every page's ids and links, once the pages are written.
	SiteNames []string
	Links     *links.Index

	static   fs.FS
	theme    fs.FS
	statics  statics          // the static files, read ahead
	minifier *output.Minifier // nil when not minifying
	progress *progress

	// body reads an entry's body again when the tree keeps only its
	// start (bodies), or is nil when every entry keeps its whole body.
	body     func(e *site.Entry, buf *[]byte) ([]byte, error)
	bodyBufs *sync.Pool // *[]byte to read a body again into, for the search index
}

// folders returns cfg with ContentFS, LayoutsFS and StaticFS set: the ones
// given, or the folders named, which must exist; and a name for messages
// for each that is read.
func (cfg Config) folders() (Config, error) {
	if cfg.Content == "" {
		cfg.Content = "content"
	}
	if cfg.ContentFS == nil {
		if info, err := os.Stat(cfg.Content); err != nil || !info.IsDir() {
			return cfg, &UsageError{fmt.Errorf("content folder %s not found; run ratusz in a site folder that has content/, or give -content", cfg.Content)}
		}
		cfg.ContentFS = os.DirFS(cfg.Content)
		cfg.contentDir = cfg.Content
	}
	for _, d := range []struct {
		flag, name string
		dir        *string
		fsys       *fs.FS
	}{{"-layouts", "layouts", &cfg.Layouts, &cfg.LayoutsFS}, {"-static", "static", &cfg.Static, &cfg.StaticFS}} {
		switch {
		case *d.fsys != nil:
			if *d.dir == "" {
				*d.dir = d.name
			}
		case *d.dir != "":
			if info, err := os.Stat(*d.dir); err != nil || !info.IsDir() {
				return cfg, &UsageError{fmt.Errorf("%s folder %s not found", d.flag, *d.dir)}
			}
			*d.fsys = os.DirFS(*d.dir)
		}
	}
	return cfg, nil
}

// Prepare reads the site cfg names and checks it, and makes the renderer
// of its pages: all a build does before the first page. It returns every
// problem of the content, the static files and the layouts at once, as
// Errors, or a UsageError. kept is what earlier builds left for this one
// (Kept); the zero Kept is a build from nothing.
func Prepare(ctx context.Context, cfg Config, kept Kept) (*Prepared, Result, error) {
	cache := kept.Content
	var res Result
	cfg, err := cfg.folders()
	if err != nil {
		return nil, res, err
	}
	theme := cfg.Theme
	if theme == nil {
		theme = ratusz.Theme()
	}
	contentFS, staticFS := cfg.ContentFS, cfg.StaticFS
	staticFiles := map[string]int64{}
	var errs problem.List
	if staticFS != nil {
		var serrs problem.List
		staticFiles, serrs = listStatic(staticFS, filepath.ToSlash(cfg.Static))
		errs = append(errs, serrs...)
	}
	pr := newProgress(cfg.Progress)
	load := content.LoadOptions{Dir: filepath.ToSlash(cfg.Content), Loaded: func(done, total int) {
		pr.update(func(p *Progress) { p.Loaded, p.Files = done, total })
	}}
	if cache == nil {
		// A build keeps in memory only the start of each entry's body that
		// its summary needs, and reads the body again to render it: a
		// site of 100,000 entries has most of a gigabyte of Markdown.
		load.Lead = func(p string, body []byte) []byte {
			if path.Base(p) == "_index.md" {
				return body // the home page's or a list's intro
			}
			return site.SummarySource(body)
		}
	}
	settings, err := readSettings(cfg)
	var sp *problem.Problem
	if errors.As(err, &sp) {
		errs = append(errs, sp) // reported with the content's
	} else if err != nil {
		return nil, res, err
	}
	readHistory := startHistory(ctx, cfg, settings) // read while the files load
	tree, cerrs := cache.LoadWith(ctx, contentFS, load)
	errs = append(errs, cerrs...)
	var s *site.Site
	var body func(e *site.Entry, buf *[]byte) ([]byte, error)
	var historyWarning string
	if len(cerrs) == 0 { // files that cannot be read are reported without waiting for git
		var log *history.Log
		log, historyWarning = readHistory()
		var readAgain func(path string) bool
		body, readAgain = bodies(contentFS, tree)
		var serrs problem.List
		imageSize := func(from, p string) (int, int, error) {
			fsys := contentFS
			if from == "static" {
				fsys = staticFS
			}
			f, err := fsys.Open(p)
			if err != nil {
				return 0, 0, err
			}
			defer f.Close()
			return imagesize.Read(f, p)
		}
		s, serrs = site.New(tree, site.Options{Now: cfg.Now, Drafts: cfg.Drafts, Future: cfg.Future, Static: staticFiles, ImageSize: imageSize, Consume: cache == nil, ReadAgain: readAgain, Settings: settings, SettingsPath: cfg.settingsName(), History: log})
		errs = append(errs, serrs...)
	}
	var minifier *output.Minifier
	if cfg.Minify {
		minifier = output.NewMinifier()
	}
	themeStatic, err := fs.Sub(theme, "static")
	if err != nil {
		return nil, res, err
	}
	statics, serrs := readStatic(themeStatic, staticFS, staticFiles, filepath.ToSlash(cfg.Static), minifier)
	errs = append(errs, serrs...)
	var renderer *render.Renderer
	if s != nil {
		themeLayouts, _ := fs.Sub(theme, "layouts")
		own := cfg.LayoutsFS
		var rerrs problem.List
		if cfg.BaseURL == "" {
			cfg.BaseURL = s.Settings.BaseURL // the flag beats the file
		}
		renderer, rerrs = render.New(s, render.Options{BaseURL: cfg.BaseURL, Theme: themeLayouts, Parsed: kept.Layouts, ThemeID: theme, Own: own, OwnDir: filepath.ToSlash(cfg.Layouts), PageSize: cfg.PageSize, Assets: statics.assets, Body: body, Compact: compactLayout(minifier)})
		for _, e := range rerrs {
			if e.Path == "-base-url" {
				return nil, res, &UsageError{fmt.Errorf("-base-url %s", e.Msg)}
			}
		}
		errs = append(errs, rerrs...)
	}
	if len(errs) > 0 {
		return nil, res, toErrors(errs)
	}
	res.Entries = s.EntryCount()
	res.Warnings = s.Warnings
	if historyWarning != "" {
		res.Warnings = append(res.Warnings, historyWarning)
	}
	if !renderer.Base().Absolute() {
		res.Warnings = append(res.Warnings, fmt.Sprintf("-base-url %s: sitemap.xml, robots.txt, the Atom feeds and the calendars were written with addresses without a scheme and host (%s…), which search engines, feed readers and calendar programs cannot follow; give the site's full address, like -base-url https://bip.gmina.pl%s", cmp.Or(cfg.BaseURL, "/"), renderer.Base().Abs(""), renderer.Base().Path()))
	}
	return &Prepared{Config: cfg, Site: s, Renderer: renderer, Content: contentFS, static: staticFS, theme: theme, statics: statics, minifier: minifier, progress: pr, body: body, bodyBufs: new(sync.Pool)}, res, nil
}

// With returns the build p with the site model s in place of its own,
// and a renderer of s made as p's was (render.Renderer.With): s is a new
// model the dev server made of p's by a change that keeps every page,
// address and title (site.Update, site.WithBodies). p is left as
// it was. The pages and links written are p's until the new build writes
// its own.
func (p *Prepared) With(s *site.Site) (*Prepared, error) {
	r, errs := p.Renderer.With(s)
	if len(errs) > 0 {
		return nil, toErrors(errs)
	}
	n := *p
	n.Site, n.Renderer = s, r
	return &n, nil
}

// settingsName is how messages name the site's ratusz.toml.
func (cfg Config) settingsName() string {
	if cfg.Settings == "" {
		return "ratusz.toml"
	}
	return filepath.ToSlash(cfg.Settings)
}

// readSettings reads and parses the site's ratusz.toml, or is nil when
// the site has none. A file that cannot be read is a UsageError; one that
// is not TOML, a *problem.Problem.
func readSettings(cfg Config) (*content.Value, error) {
	data := cfg.SettingsText
	if data == nil {
		if cfg.Settings == "" {
			return nil, nil
		}
		var err error
		if data, err = os.ReadFile(cfg.Settings); err != nil {
			return nil, &UsageError{fmt.Errorf("-config %s: %v", cfg.Settings, err)}
		}
	}
	return content.ParseTOML(cfg.settingsName(), data)
}

// compactLayout minifies layouts with m, or is nil when m is: pages are
// minified by rendering them from minified layouts.
func compactLayout(m *output.Minifier) func(string) (string, *problem.Problem) {
	if m == nil {
		return nil
	}
	return func(text string) (string, *problem.Problem) {
		small, err := m.Layout(text)
		if err != nil {
			return "", &problem.Problem{Line: err.Line, Msg: "cannot minify: " + err.Msg}
		}
		return small, nil
	}
}

// bodies reads again the bodies of the entries of which tree keeps only
// the start (content.LoadOptions.Lead), or is nil when it keeps them all;
// readAgain says, by path, which bodies it reads again.
func bodies(fsys fs.FS, tree *content.Tree) (body func(e *site.Entry, buf *[]byte) ([]byte, error), readAgain func(path string) bool) {
	refs := map[string]content.BodyRef{}
	for _, f := range tree.Files {
		if f.Lead {
			refs[f.Path] = f.BodyRef()
		}
	}
	if len(refs) == 0 {
		return nil, nil
	}
	body = func(e *site.Entry, buf *[]byte) ([]byte, error) {
		if ref, ok := refs[e.Path]; ok {
			return content.ReadBody(fsys, ref, buf)
		}
		return e.Body, nil
	}
	readAgain = func(path string) bool {
		_, ok := refs[path]
		return ok
	}
	return body, readAgain
}

// listStatic lists the files of the static folder, which messages name
// dir, with their sizes.
func listStatic(fsys fs.FS, dir string) (map[string]int64, problem.List) {
	files := map[string]int64{}
	var errs problem.List
	at := func(p string) string { return path.Join(dir, p) }
	fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			errs.Addf(at(p), 1, "cannot read: %v", err)
			return nil
		}
		if p == "." {
			return nil
		}
		if content.Ignored(p, d.IsDir()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		switch {
		case d.IsDir():
		case d.Type()&fs.ModeSymlink != 0:
			errs.Addf(at(p), 1, "is a symbolic link; static/ must hold real files, so that the site cannot publish anything from outside it")
		case !d.Type().IsRegular():
			errs.Addf(at(p), 1, "is not a regular file")
		default:
			info, err := d.Info()
			if err != nil {
				errs.Addf(at(p), 1, "cannot read: %v", err)
				return nil
			}
			files[p] = info.Size()
		}
		return nil
	})
	return files, errs
}

func toErrors(errs problem.List) Errors {
	return Errors(errs.Sort())
}

// write renders every page in parallel and writes the site.
func (p *Prepared) Write(ctx context.Context, w Writer, res *Result) error {
	if p.Config.Rendering != nil {
		p.Config.Rendering()
	}
	// The site files are made while the pages render: making them is
	// one goroutine's work, which would otherwise leave the other CPUs
	// idle at the end of the build.
	pages := p.Renderer.Pages()
	var n int
	siteDone := make(chan error, 1)
	go func() {
		var err error
		n, err = p.WriteSiteFiles(w, pages)
		siteDone <- err
	}()
	idx, err := p.RenderPages(ctx, w, pages, nil)
	if serr := <-siteDone; err == nil {
		err = serr
	}
	if err != nil {
		return err
	}
	p.Links = idx
	res.Pages = len(pages)
	for _, pg := range pages {
		if pg.Entry != nil {
			res.Files += len(pg.Entry.E().Aliases)
		}
	}
	if err := p.copyFiles(w); err != nil {
		return err
	}
	res.Files += res.Pages + len(p.Site.Assets) + n
	return nil
}

// RenderPages renders pages in parallel and writes them, minified when
// the build minifies, with the redirect pages of their aliases. It reports
// every layout error, then every link of a body that cannot be followed,
// checked against the pages rendered and those of known, the index of a
// build the pages replace pages of (nil when pages are the whole site). It
// returns the index of the site's pages.
func (p *Prepared) RenderPages(ctx context.Context, w Writer, pages []*render.Page, known *links.Index) (*links.Index, error) {
	p.Renderer.Forget() // the model may have changed since the last render
	perrs := make([]*problem.Problem, len(pages))
	ids := make([]links.PageIDs, len(pages))
	p.progress.update(func(pr *Progress) { pr.Pages = len(pages) })
	written := func(pr *Progress) { pr.Written++ }
	// A few workers that each render page after page into their own
	// buffer (a Writer keeps no file), rather than a goroutine a page: a
	// worker's stack grows to what the layouts need once.
	var next atomic.Int64
	g, ctx := errgroup.WithContext(ctx)
	for range min(runtime.GOMAXPROCS(0), len(pages)) {
		g.Go(func() error {
			var buf bytes.Buffer
			for {
				i := int(next.Add(1)) - 1
				if i >= len(pages) {
					return nil
				}
				if err := ctx.Err(); err != nil {
					return err
				}
				buf.Reset()
				pg := pages[i]
				if perr := p.Renderer.RenderTo(&buf, pg); perr != nil {
					perrs[i] = perr
					continue
				}
				ids[i] = links.IDs(buf.Bytes())
				if err := w.WriteFile(pg.File(), buf.Bytes()); err != nil {
					return err
				}
				p.progress.update(written)
			}
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	var errs problem.List
	// A problem of a layout is met on every page it renders: it is
	// reported once, at the first page in the site's order, with how
	// many others met it.
	first := map[problem.Problem]*problem.Problem{}
	for _, e := range perrs {
		if e == nil {
			continue
		}
		key := problem.Problem{Path: e.Path, Line: e.Line, Msg: e.Msg}
		if f, ok := first[key]; ok {
			f.Others++
			continue
		}
		first[key] = e
		errs = append(errs, e)
	}
	if len(errs) > 0 {
		return nil, toErrors(errs)
	}
	idx := links.NewIndex()
	if known != nil {
		idx = known.Clone()
	}
	for i, pg := range pages {
		idx.Set(pg.URL, ids[i], pg.Links)
	}
	if lerrs := idx.Check(p.Site.Origin); len(lerrs) > 0 {
		return nil, toErrors(lerrs)
	}
	for _, pg := range pages {
		if pg.Entry == nil {
			continue
		}
		for _, a := range pg.Entry.E().Aliases {
			if err := w.WriteFile(AliasFile(a), p.Renderer.Redirect(pg)); err != nil {
				return nil, err
			}
		}
	}
	return idx, nil
}

// copyFiles writes the static files, the site's replacing the built-in
// ones by name, then the content files entries refer to, as they are.
func (p *Prepared) copyFiles(w Writer) error {
	if err := p.statics.write(w); err != nil {
		return err
	}
	for _, a := range p.Site.Assets {
		b, err := fs.ReadFile(p.Content, a.Source)
		if err != nil {
			return err
		}
		if err := w.WriteFile(a.URL, b); err != nil {
			return err
		}
	}
	return nil
}

// AliasFile is the file that answers an old address: the address itself
// when it names an HTML file, else its folder's index.html.
func AliasFile(a string) string {
	switch strings.ToLower(path.Ext(a)) {
	case ".html", ".htm":
		return a
	}
	return strings.TrimSuffix(a, "/") + "/index.html"
}

// SiteBaseURL is the base URL the site is built for: BaseURL, else the
// base_url of ratusz.toml, else "/". A ratusz.toml that cannot be read
// gives "/" here; the build reports it.
func (c Config) SiteBaseURL() string {
	if c.BaseURL != "" {
		return c.BaseURL
	}
	if v, err := readSettings(c); err == nil && v != nil {
		if u := v.Get("base_url"); u != nil && u.Kind == content.Scalar && u.Text != "" {
			return u.Text
		}
	}
	return "/"
}

// BaseURLPath is the path part of the site's base URL (SiteBaseURL): "/"
// or "/strategie/".
func (c Config) BaseURLPath() string {
	p, err := render.BasePath(c.SiteBaseURL())
	if err != nil {
		return "/"
	}
	return p
}
