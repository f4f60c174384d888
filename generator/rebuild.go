package generator

import (
	"context"
	"errors"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"strings"

	"github.com/ratusz/ratusz/generator/internal/content"
	"github.com/ratusz/ratusz/generator/internal/output"
	"github.com/ratusz/ratusz/generator/internal/render"
	"github.com/ratusz/ratusz/generator/internal/site"
)

// rebuilder keeps the last build of a served site, so that an edit of a
// few entry files re-reads only those files and re-renders only the pages
// that show them: the entries' own pages, the pages of every entry they
// refer to or that refers to them (before and after the edit), their
// kinds' indexes, their topics' pages, the list of topics and the home
// page. Anything else — a layout, a static file, an _index.md, a plain
// page (every footer lists them), an asset, a changed title (shown on
// pages two references away) — rebuilds everything. The result is always
// the same as a full build; a test holds it to that. A change of a page
// layout (document.html…) re-renders the pages that use it.
type rebuilder struct {
	cfg   Config
	last  *prepared
	files map[string][]byte
	pages int    // how many pages the last build rendered
	how   string // how it rebuilt: "body", "entries", "layout" or "full"
}

func newRebuilder(cfg Config) *rebuilder {
	cfg.cache = &content.Cache{}
	return &rebuilder{cfg: cfg}
}

// build builds the site after the files in changed (paths as the watcher
// saw them; nil when unknown) changed. It returns the site's files or the
// problems that stop the build.
func (r *rebuilder) build(ctx context.Context, changed []string) (map[string][]byte, []string) {
	if rels, ok := r.entryFiles(changed); ok && r.last != nil {
		files, rendered, ok, err := r.bodyOnly(ctx, rels)
		if err != nil {
			return nil, problems(err)
		}
		if ok {
			r.files, r.pages, r.how = files, rendered, "body"
			return files, nil
		}
	}
	p, _, err := prepare(ctx, r.cfg)
	if err != nil {
		return nil, problems(err)
	}
	if layouts, ok := r.layoutFiles(changed); ok && r.last != nil {
		files, rendered, err := r.relayout(ctx, p, layouts)
		if err != nil {
			return nil, problems(err)
		}
		r.last, r.files, r.pages, r.how = p, files, rendered, "layout"
		return files, nil
	}
	if rels, ok := r.entryFiles(changed); ok && r.last != nil {
		files, rendered, ok, err := r.incremental(ctx, p, rels)
		if err != nil {
			return nil, problems(err)
		}
		if ok {
			r.last, r.files, r.pages, r.how = p, files, rendered, "entries"
			return files, nil
		}
	}
	var mem output.Memory
	var res Result
	if err := p.write(ctx, &mem, &res); err != nil {
		return nil, problems(err)
	}
	r.last, r.files, r.pages, r.how = p, mem.Files, res.Pages, "full"
	return mem.Files, nil
}

func problems(err error) []string {
	var errs Errors
	if errors.As(err, &errs) {
		return errs
	}
	return []string{err.Error()}
}

// entryFiles returns the changed paths relative to the content folder, if
// every one is an entry's Markdown file in a kind's folder.
func (r *rebuilder) entryFiles(changed []string) ([]string, bool) {
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
func (r *rebuilder) layoutFiles(changed []string) (map[string]bool, bool) {
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
func (r *rebuilder) relayout(ctx context.Context, p *prepared, layouts map[string]bool) (map[string][]byte, int, error) {
	var pages []*render.Page
	for _, pg := range p.renderer.Pages() {
		if layouts[pg.Layout] {
			pages = append(pages, pg)
		}
	}
	var mem output.Memory
	if err := p.renderPages(ctx, &mem, pages); err != nil {
		return nil, 0, err
	}
	files := maps.Clone(r.files)
	maps.Copy(files, mem.Files)
	return files, len(pages), nil
}

func isKindFolder(folder string) bool {
	for _, k := range site.Kinds() {
		if k.Folder() == folder {
			return true
		}
	}
	return false
}

type entryKey struct {
	kind site.Kind
	slug string
}

func keyOf(e site.Entity) entryKey { return entryKey{e.E().Kind, e.E().Slug} }

// incremental re-renders the pages that can show the entries in rels and
// says how many it rendered. It returns false when the change needs a full
// build.
func (r *rebuilder) incremental(ctx context.Context, p *prepared, rels []string) (map[string][]byte, int, bool, error) {
	byPath := func(s *site.Site) map[string]site.Entity {
		m := map[string]site.Entity{}
		for _, e := range s.Entities() {
			m[e.E().Path] = e
		}
		return m
	}
	oldBy, newBy := byPath(r.last.site), byPath(p.site)
	var pairs [][2]site.Entity
	for _, rel := range rels {
		pairs = append(pairs, [2]site.Entity{oldBy[rel], newBy[rel]})
	}
	return r.rerender(ctx, r.last.site, p, pairs)
}

// bodyOnly handles the commonest edit while previewing: the bodies of
// entries changed and nothing else. It re-reads just those files, patches
// the kept model and re-renders the pages that show them. It returns false
// when any front matter changed, or a file is new, hidden or broken.
func (r *rebuilder) bodyOnly(ctx context.Context, rels []string) (map[string][]byte, int, bool, error) {
	last := r.last
	byPath := map[string]site.Entity{}
	for _, e := range last.site.Entities() {
		byPath[e.E().Path] = e
	}
	type patch struct {
		e site.Entity
		f *content.File
	}
	var patches []patch
	for _, rel := range rels {
		e, ok := byPath[rel]
		old := r.cfg.cache.File(rel)
		if !ok || old == nil {
			return nil, 0, false, nil
		}
		data, err := os.ReadFile(filepath.Join(r.cfg.Content, filepath.FromSlash(rel)))
		if err != nil {
			return nil, 0, false, nil
		}
		f, err := content.Parse(rel, data)
		if err != nil || !reflect.DeepEqual(f.Meta, old.Meta) {
			return nil, 0, false, nil
		}
		patches = append(patches, patch{e, f})
	}
	var pairs [][2]site.Entity
	shown := false // whether a summary, which other pages show, changed
	for _, pt := range patches {
		if last.site.PatchBody(pt.e, pt.f) {
			shown = true
		}
		pairs = append(pairs, [2]site.Entity{pt.e, pt.e})
	}
	if shown {
		return r.rerender(ctx, last.site, last, pairs)
	}
	// A body shows only on its own page.
	own := map[string]bool{}
	for _, pt := range patches {
		own[pt.e.E().URL] = true
	}
	var pages []*render.Page
	for _, pg := range last.renderer.Pages() {
		if pg.Entry != nil && own[pg.URL] {
			pages = append(pages, pg)
		}
	}
	var mem output.Memory
	if err := last.renderPages(ctx, &mem, pages); err != nil {
		return nil, 0, false, err
	}
	files := maps.Clone(r.files)
	maps.Copy(files, mem.Files)
	return files, len(pages), true, nil
}

// rerender re-renders, in the build p, the pages that can show the
// entries of pairs (each as it was in old and as it is in p; either may be
// nil).
func (r *rebuilder) rerender(ctx context.Context, old *site.Site, p *prepared, pairs [][2]site.Entity) (map[string][]byte, int, bool, error) {
	affected := map[entryKey]bool{}
	kinds := map[site.Kind]bool{}
	topics := map[string]bool{}
	for _, pair := range pairs {
		o, n := pair[0], pair[1]
		if o != nil && n != nil && (o.E().Title != n.E().Title || o.E().Slug != n.E().Slug) {
			return nil, 0, false, nil
		}
		for _, e := range pair {
			if e == nil {
				continue
			}
			affected[keyOf(e)] = true
			kinds[e.E().Kind] = true
			for _, t := range e.E().Topics {
				topics[t.Slug] = true
			}
			for _, x := range site.Neighbours(e) {
				affected[keyOf(x)] = true
				kinds[x.E().Kind] = true
			}
		}
	}
	files := maps.Clone(r.files)
	for _, e := range old.Entities() {
		if affected[keyOf(e)] {
			delete(files, e.E().URL+"index.html")
			for _, a := range e.E().Aliases {
				delete(files, aliasFile(a))
			}
		}
	}
	for _, t := range old.Topics {
		if topics[t.Slug] {
			delete(files, t.URL+"index.html")
		}
	}
	var pages []*render.Page
	for _, pg := range p.renderer.Pages() {
		switch {
		case pg.Entry != nil && affected[keyOf(pg.Entry)],
			pg.Layout == "home",
			pg.Section != nil && kinds[pg.Section.Kind],
			pg.Topic != nil && topics[pg.Topic.Slug],
			pg.Layout == "list" && pg.Topic == nil:
			pages = append(pages, pg)
		}
	}
	var mem output.Memory
	if err := p.renderPages(ctx, &mem, pages); err != nil {
		return nil, 0, false, err
	}
	maps.Copy(files, mem.Files)
	if err := swapSiteFiles(files, r.last, p); err != nil {
		return nil, 0, false, err
	}
	// Content files published beside entries: drop the ones no longer
	// used, add the new ones.
	used := map[string]bool{}
	for _, a := range p.site.Assets {
		used[a.URL] = true
	}
	for _, a := range old.Assets {
		if !used[a.URL] {
			delete(files, a.URL)
		}
	}
	for _, a := range p.site.Assets {
		if _, ok := files[a.URL]; ok {
			continue
		}
		b, err := fs.ReadFile(p.content, a.Source)
		if err != nil {
			return nil, 0, false, err
		}
		files[a.URL] = b
	}
	return files, len(pages), true, nil
}
