// Package rebuild is the dev server's way of building a site again after
// a change: it keeps the last build (build.Prepared) and its files, and
// from the paths that changed works out what must be read and rendered
// again, fastest first (Strategy), so that the result is always the one a
// full build would give. It reads the site's folders and writes nothing:
// the files it returns are served from memory (serve).
package rebuild

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"github.com/ratusz/ratusz/generator/internal/build"
	"github.com/ratusz/ratusz/generator/internal/content"
	"github.com/ratusz/ratusz/generator/internal/links"
	"github.com/ratusz/ratusz/generator/internal/output"
	"github.com/ratusz/ratusz/generator/internal/render"
	"github.com/ratusz/ratusz/generator/internal/site"
)

// A Rebuilder keeps the last build of a served site, so that an edit of a
// few entry files re-reads only those files and re-renders only the pages
// that show them: the entries' own pages, the pages of every entry they
// refer to or that refers to them (before and after the edit), the pages
// of the lists they are on (an index, a topic) whose part of the list
// changed, and the home page. Three ways, fastest first:
//
//   - ByBody: only bodies changed; a copy of the kept model takes the new
//     bodies (and summaries, when they come from the first paragraph);
//   - ByModel: front matter changed in a way a copy of the kept model can
//     take (site.Update says which);
//   - ByEntries: anything else about entry files (a new file, a title, a
//     topic): the model is built anew, and the pages compared.
//
// Anything else — a static file, an _index.md, a plain page (every footer
// lists them), an asset — rebuilds everything (Whole); a change of a page
// layout (document.html…) re-renders the pages that use it (ByLayout). The
// result is always the same as a full build; a test holds it to that.
//
// A kept build is never changed: a change makes a new model (the entries
// copied, their bodies and texts shared), a new renderer of it and a new
// build (build.Prepared.With), which replaces the kept one once its pages
// are rendered.
type Rebuilder struct {
	cfg    build.Config
	kept   build.Kept // the parsed content files and layouts, kept between builds
	last   *build.Prepared
	files  map[string][]byte
	shapes map[string]shape // the last build's pages by URL
	pages  int              // how many pages the last build rendered
	how    Strategy         // how it rebuilt last
	stale  bool             // whether the site files are of an earlier build (finish)

	log    io.Writer // where warnings are printed; nil for nowhere
	warned []string  // the warnings printed last, printed again only when they change
}

// A Strategy is how the dev server rebuilt the site after a change, from
// the least work to the most.
type Strategy string

const (
	ByBody    Strategy = "body"    // only bodies changed: a new model is made of the kept one with them (site.WithBodies), their pages are rendered again
	ByModel   Strategy = "model"   // a new model is made of the kept one with the change (site.Update), and the pages that show what changed rendered again
	ByEntries Strategy = "entries" // the site is read anew, and only the pages that show the changed entries are rendered
	ByLayout  Strategy = "layout"  // the layouts changed: the pages that use them are rendered again
	Whole     Strategy = "full"    // everything is built and rendered again
)

// shape is what a page shows of the site's lists: when it changes, the page
// must be rendered again.
type shape struct {
	file    string
	title   string
	entries []entryKey // the entries the page lists, in order
	groups  string     // its groups' headings and sizes, and its pager

	consultations bool // the list of consultations, which every page's menu links
}

// New returns a Rebuilder of the site cfg names, which prints the
// warnings of its builds to log (nil for nowhere).
func New(cfg build.Config, log io.Writer) *Rebuilder {
	return &Rebuilder{cfg: cfg, kept: build.Kept{Content: &content.Cache{}, Layouts: &render.ParsedTheme{}}, log: log}
}

// How says how the last build was made.
func (r *Rebuilder) How() Strategy { return r.how }

// Build builds the site after the files in changed (paths as the watcher
// saw them; nil when unknown) changed. It returns the site's files or the
// problems that stop the build.
func (r *Rebuilder) Build(ctx context.Context, changed []string) (map[string][]byte, []string) {
	files, probs := r.rebuild(ctx, changed)
	if probs != nil {
		r.last = nil // the model may be ahead of the pages: start again
	}
	return files, probs
}

func (r *Rebuilder) rebuild(ctx context.Context, changed []string) (map[string][]byte, []string) {
	rels, entries := r.entryFiles(changed)
	if entries && r.last != nil {
		files, ok, err := r.patch(ctx, rels)
		if err != nil {
			return nil, problems(err)
		}
		if ok {
			return files, nil
		}
	}
	p, res, err := build.Prepare(ctx, r.cfg, r.kept)
	if err != nil {
		return nil, problems(err)
	}
	r.warn(res.Warnings)
	if layouts, ok := r.layoutFiles(changed); ok && r.last != nil {
		files, err := r.relayout(ctx, p, layouts)
		if err == nil {
			p.SiteNames = r.last.SiteNames // not written again: no entry changed
			r.last, r.how = p, ByLayout
			return files, nil
		}
		if !errors.Is(err, errWhole) {
			return nil, problems(err)
		}
	}
	if entries && r.last != nil {
		files, ok, err := r.incremental(ctx, p, rels)
		if err != nil {
			return nil, problems(err)
		}
		if ok {
			r.last, r.how = p, ByEntries
			return files, nil
		}
	}
	var mem output.Memory
	if err := p.Write(ctx, &mem, &res); err != nil {
		return nil, problems(err)
	}
	r.last, r.files, r.pages, r.how, r.stale = p, mem.Files, res.Pages, Whole, false
	r.shapes = shapesOf(p.Renderer.ListPages())
	return mem.Files, nil
}

// Finish makes the site files again when the last build left them stale:
// they show many entries, take long to make at thousands of entries, and
// no open page shows them, so the dev server serves the pages first and
// these a moment later. It returns the whole site.
func (r *Rebuilder) Finish(ctx context.Context) (map[string][]byte, []string, bool) {
	if !r.stale || r.last == nil {
		return nil, nil, false
	}
	old := r.last.SiteNames
	var mem output.Memory
	_, err := r.last.WriteSiteFiles(&mem, nil) // minified as a full build does
	if ctx.Err() != nil {
		r.last.SiteNames = old // still what r.files holds
		return nil, nil, false
	}
	if err != nil {
		r.last = nil // build anew next time
		return nil, problems(err), true
	}
	files := maps.Clone(r.files)
	for _, name := range old {
		delete(files, name)
	}
	maps.Copy(files, mem.Files)
	r.files, r.stale = files, false
	return files, nil, true
}

// warn prints the warnings of a build as ratusz build does, one a line,
// unless they are the ones it printed last: an editor sees each once, and
// again after it changed, not on every save. The warning about a
// -base-url without a host is left out: it is about the addresses of the
// published files, and the dev server serves on its own address.
func (r *Rebuilder) warn(warnings []string) {
	warnings = slices.DeleteFunc(slices.Clone(warnings), func(w string) bool { return strings.HasPrefix(w, "-base-url ") })
	if r.log == nil || slices.Equal(warnings, r.warned) {
		return
	}
	r.warned = slices.Clone(warnings)
	for _, w := range warnings {
		fmt.Fprintln(r.log, "warning:", w)
	}
}

// errWhole says that a change cannot be rendered in part.
var errWhole = errors.New("the whole site must be rendered")

// keptLinks returns the last build's index of every page's ids and body
// links, made to fit the build p whose pages are pages, so that only the
// pages rendered again need replacing in it; every link is checked
// against it. When a page came or went, the kept pages' links are
// resolved again: one may now lead nowhere, which is an error, or
// elsewhere, which needs its page rendered again: errWhole.
func (r *Rebuilder) keptLinks(p *build.Prepared) (*links.Index, error) {
	if r.last.Links == nil {
		return nil, errWhole
	}
	if p == r.last || p.Renderer.Links().Same(r.last.Renderer.Links()) {
		return r.last.Links, nil
	}
	pages := p.Renderer.Pages()
	urls := make([]string, len(pages))
	for i, pg := range pages {
		urls[i] = pg.URL
	}
	idx, ok := r.last.Links.Rebase(p.Renderer.Links(), urls)
	if !ok {
		return nil, errWhole
	}
	return idx, nil
}

func problems(err error) []string {
	var errs build.Errors
	if errors.As(err, &errs) {
		out := make([]string, len(errs))
		for i, e := range errs {
			out[i] = e.Error()
		}
		return out
	}
	return []string{err.Error()}
}

// entryFiles returns the changed paths relative to the content folder, if
// every one is an entry's Markdown file in a kind's folder.
func (r *Rebuilder) entryFiles(changed []string) ([]string, bool) {
	if len(changed) == 0 {
		return nil, false
	}
	root, err := filepath.Abs(r.cfg.Content)
	if err != nil {
		return nil, false
	}
	var rels []string
	for _, c := range changed {
		abs, err := filepath.Abs(c)
		if err != nil {
			return nil, false
		}
		rel, err := filepath.Rel(root, abs)
		if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
			return nil, false
		}
		rel = filepath.ToSlash(rel)
		top, _, nested := strings.Cut(rel, "/")
		if !nested || !isKindFolder(top) || path.Base(rel) == "_index.md" || !strings.EqualFold(path.Ext(rel), ".md") {
			return nil, false
		}
		rels = append(rels, rel)
	}
	return rels, true
}

// layoutFiles returns the layout names ("document") of the changed paths,
// if every one is a page layout in the site's layouts folder: base.html
// and the shared _*.html files are used by every page.
func (r *Rebuilder) layoutFiles(changed []string) (map[string]bool, bool) {
	if len(changed) == 0 || r.cfg.Layouts == "" {
		return nil, false
	}
	root, err := filepath.Abs(r.cfg.Layouts)
	if err != nil {
		return nil, false
	}
	names := map[string]bool{}
	for _, c := range changed {
		abs, err := filepath.Abs(c)
		if err != nil || filepath.Dir(abs) != root {
			return nil, false
		}
		base := filepath.Base(abs)
		name := strings.TrimSuffix(base, ".html")
		if base == name || base == "base.html" || strings.HasPrefix(base, "_") {
			return nil, false
		}
		names[name] = true
	}
	return names, true
}

// relayout re-renders the pages that use the given layouts.
func (r *Rebuilder) relayout(ctx context.Context, p *build.Prepared, layouts map[string]bool) (map[string][]byte, error) {
	var pages []*render.Page
	for _, pg := range p.Renderer.Pages() {
		if layouts[pg.Layout] {
			pages = append(pages, pg)
		}
	}
	files := maps.Clone(r.files)
	if err := r.renderInto(ctx, p, pages, files); err != nil {
		return nil, err
	}
	r.files, r.pages = files, len(pages)
	return files, nil
}

func isKindFolder(folder string) bool {
	for _, k := range site.Kinds() {
		if k.Folder() == folder {
			return true
		}
	}
	return false
}

// entryKey names an entry across builds: its file, relative to the content
// folder.
type entryKey = string

func keyOf(e site.Entity) entryKey { return e.E().Path }

// patch makes of the kept model a new one with the changed entry files
// in it, when it can: when only their bodies changed (ByBody,
// site.WithBodies), or when site.Update takes their front matter
// (ByModel). The kept build is not changed. It returns false when the
// site must be prepared anew.
func (r *Rebuilder) patch(ctx context.Context, rels []string) (map[string][]byte, bool, error) {
	last := r.last
	var ents []site.Entity
	var news []*content.File
	bodies := true // whether only bodies changed
	for _, rel := range rels {
		e := last.Site.EntityAt(rel)
		old := r.kept.Content.File(rel)
		if e == nil || old == nil {
			return nil, false, nil
		}
		f, err := r.kept.Content.Reload(last.Content, rel)
		if err != nil {
			return nil, false, nil
		}
		if !reflect.DeepEqual(f.Meta, old.Meta) {
			bodies = false
		}
		ents, news = append(ents, e), append(news, f)
	}
	affected := map[entryKey]bool{}
	var drop []string // the files of the old addresses the entries answered
	for _, e := range ents {
		affected[keyOf(e)] = true
		for _, a := range e.E().Aliases {
			drop = append(drop, build.AliasFile(a))
		}
	}
	var s *site.Site
	var ok, shown bool // shown: whether a summary, which other pages show, changed
	if bodies {
		s, shown, ok = last.Site.WithBodies(news)
	} else {
		s, ok = last.Site.Update(news)
		shown = true
	}
	if !ok {
		return nil, false, nil
	}
	p, err := last.With(s)
	if err != nil {
		return nil, false, nil // prepared anew, which reports it
	}
	how := ByModel
	if bodies {
		how = ByBody
	}
	if !shown {
		// A body shows only on its own page, and in the search index,
		// which finish makes again after the page is served.
		files, err := r.rerender(ctx, p, affected, nil, false)
		if err == nil {
			r.stale = true
		}
		return r.patched(p, how, files, err)
	}
	for _, e := range ents {
		for _, x := range site.Neighbours(e) { // before the change
			affected[keyOf(x)] = true
		}
		for _, x := range site.Neighbours(p.Site.EntityAt(keyOf(e))) { // after
			affected[keyOf(x)] = true
		}
	}
	files, err := r.rerender(ctx, p, affected, drop, true)
	return r.patched(p, how, files, err)
}

// patched is patch's answer after rendering the build p: errWhole asks
// for the site to be prepared anew; else p is the build kept.
func (r *Rebuilder) patched(p *build.Prepared, how Strategy, files map[string][]byte, err error) (map[string][]byte, bool, error) {
	if errors.Is(err, errWhole) {
		return nil, false, nil
	}
	if err == nil {
		r.last, r.how = p, how
	}
	return files, err == nil, err
}

// incremental re-renders, after a new build p of the site, the pages that
// can show the entries in rels. It returns false when the change needs a
// full build.
func (r *Rebuilder) incremental(ctx context.Context, p *build.Prepared, rels []string) (map[string][]byte, bool, error) {
	old := r.last.Site
	affected := map[entryKey]bool{}
	var drop []string // files of the pages and old addresses that may be gone
	for _, rel := range rels {
		o, n := old.EntityAt(rel), p.Site.EntityAt(rel)
		// A title shows on pages two references away: a city's in the
		// lists of organisations seated there, on the pages that list
		// them.
		retitled := o != nil && n != nil && o.E().Title != n.E().Title
		for _, e := range []site.Entity{o, n} {
			if e == nil {
				continue
			}
			affected[keyOf(e)] = true
			for _, x := range site.Neighbours(e) {
				affected[keyOf(x)] = true
				if retitled {
					for _, y := range site.Neighbours(x) {
						affected[keyOf(y)] = true
					}
				}
			}
		}
		if o != nil {
			drop = append(drop, o.E().URL+"index.html")
			for _, a := range o.E().Aliases {
				drop = append(drop, build.AliasFile(a))
			}
		}
	}
	files, err := r.rerender(ctx, p, affected, drop, true)
	if errors.Is(err, errWhole) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	// Content files published beside entries: drop the ones no longer
	// used, add the new ones.
	used := map[string]bool{}
	for _, a := range p.Site.Assets {
		used[a.URL] = true
	}
	for _, a := range old.Assets {
		if !used[a.URL] {
			delete(files, a.URL)
		}
	}
	for _, a := range p.Site.Assets {
		if _, ok := files[a.URL]; ok {
			continue
		}
		b, err := fs.ReadFile(p.Content, a.Source)
		if err != nil {
			return nil, false, err
		}
		files[a.URL] = b
	}
	return files, true, nil
}

// rerender renders, in the build p, the pages of the affected entries and,
// when lists may have changed, the pages whose lists show an affected
// entry or changed, the home page and the list of topics. Pages that are
// gone are dropped, with the old addresses (aliases) of the changed
// entries.
func (r *Rebuilder) rerender(ctx context.Context, p *build.Prepared, affected map[entryKey]bool, drop []string, lists bool) (map[string][]byte, error) {
	files := maps.Clone(r.files)
	for _, name := range drop {
		delete(files, name)
	}
	var todo []*render.Page
	shapes := r.shapes
	if lists {
		listed := p.Renderer.ListPages()
		shapes = shapesOf(listed)
		if menuChanged(listed, shapes, r.shapes) {
			return nil, errWhole // every page's menu links it, or no longer
		}
		for url, sh := range r.shapes {
			if _, ok := shapes[url]; !ok {
				delete(files, sh.file)
			}
		}
		for _, pg := range listed {
			switch {
			case pg.Kind == render.PageHome, pg.Kind == render.PageTopics:
			case !shapes[pg.URL].same(r.shapes[pg.URL]):
			case slices.ContainsFunc(shapes[pg.URL].entries, func(k entryKey) bool { return affected[k] }):
			default:
				continue
			}
			todo = append(todo, pg)
		}
	}
	var entries []site.Entity
	for _, k := range slices.Sorted(maps.Keys(affected)) {
		if e := p.Site.EntityAt(k); e != nil {
			entries = append(entries, e)
		}
	}
	todo = append(todo, p.Renderer.EntryPages(entries)...)
	if err := r.renderInto(ctx, p, todo, files); err != nil {
		return nil, err
	}
	if lists {
		// Feeds, calendars, the sitemap, open data and the search index
		// show many entries: finish makes them again, after the pages are
		// served.
		p.SiteNames, r.stale = r.last.SiteNames, true
	}
	r.files, r.pages, r.shapes = files, len(todo), shapes
	return files, nil
}

// menuChanged reports whether a page every page's menu links only while
// it exists (the list of consultations) came or went between the shapes
// old and now.
func menuChanged(listed []*render.Page, now, old map[string]shape) bool {
	for _, pg := range listed {
		if pg.Kind == render.PageConsultations {
			_, had := old[pg.URL]
			return !had
		}
	}
	for url, sh := range old {
		if _, ok := now[url]; !ok && sh.consultations {
			return true
		}
	}
	return false
}

// renderInto renders pages of the build p into files, checking their links
// against those of the pages kept from the last build.
func (r *Rebuilder) renderInto(ctx context.Context, p *build.Prepared, pages []*render.Page, files map[string][]byte) error {
	known, err := r.keptLinks(p)
	if err != nil {
		return err
	}
	var mem output.Memory
	idx, err := p.RenderPages(ctx, &mem, pages, known)
	if err != nil {
		return err
	}
	p.Links = idx
	maps.Copy(files, mem.Files)
	return nil
}

// shapesOf gives the shape of every page by URL: of every list page, as
// an entry's page shows no list of the site's.
func shapesOf(pages []*render.Page) map[string]shape {
	out := make(map[string]shape, len(pages))
	for _, pg := range pages {
		sh := shape{file: pg.File(), title: pg.Title, consultations: pg.Kind == render.PageConsultations}
		if len(pg.Groups) > 0 || pg.Pager != nil {
			var groups strings.Builder
			for _, g := range pg.Groups {
				fmt.Fprintf(&groups, "%s|%s|%d|%d\n", g.Heading, g.ID, g.Total, len(g.Topics))
				for _, e := range g.Entries {
					sh.entries = append(sh.entries, keyOf(e))
				}
				for _, t := range g.Topics {
					fmt.Fprintf(&groups, "%s|%s|%d\n", t.Slug, t.Name, len(t.Entries))
				}
			}
			if pg.Pager != nil {
				fmt.Fprintf(&groups, "page %d of %d", pg.Pager.Number, pg.Pager.Count())
			}
			sh.groups = groups.String()
		}
		out[pg.URL] = sh
	}
	return out
}

func (s shape) same(t shape) bool {
	return s.file == t.file && s.title == t.title && s.groups == t.groups && slices.Equal(s.entries, t.entries)
}
