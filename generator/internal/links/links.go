// Package links resolves the links between the pages of a site that
// editors write in Markdown bodies, and checks them once every page is
// rendered.
//
// A link inside the site is written in one of three ways:
//
//   - a reference, like the ones in front matter: ref:documents/lsr (a
//     kind's folder and a slug), or ref:lsr when only one entry has that
//     slug;
//   - the content file: ../documents/lsr.md, relative to the linking file,
//     or /documents/lsr.md from the content folder (an _index.md names its
//     folder's index page, or the home page);
//   - the page's address on the site: /dokumenty/lsr/.
//
// Each may end in #id, the id of a heading or another element on the
// target page; #id alone is an element of the same page. A [Table]
// resolves a link to the page's address while the body is rendered; an
// [Index] of every rendered page's ids then checks the anchors, so that
// every broken link of a build is reported at once, before anything is
// written. It reads the model and the rendered pages; it writes nothing
// and never goes to the network (package linkcheck does, for links to
// other sites).
package links

import (
	"fmt"
	"maps"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/ratusz/ratusz/generator/internal/site"
	"github.com/ratusz/ratusz/generator/internal/suggest"
)

// A Use is one link of a body to a page of the site.
type Use struct {
	Path   string // the linking file, relative to the content folder
	Line   int    // the line of the file the link starts on
	Dest   string // the destination as written
	Page   string // the target page's site-relative URL: "dokumenty/lsr/"
	Query  string // "?…" as written, or ""
	Anchor string // the id after #, or ""
	Name   string // the target, for messages: "documents/lsr.md", "/tematy/"
	Err    string // why the link cannot be followed; "" when it can
}

// Table knows every page a link can lead to.
type Table struct {
	folders map[string]site.Kind
	bySlug  map[site.Kind]map[string]target
	byPath  map[string]target
	pages   map[string]string // page URL → name for messages

	hiddenBySlug map[site.Kind]map[string]*site.Entry
	hiddenByPath map[string]*site.Entry
}

type target struct{ url, name string }

// New makes the table of a site whose pages have the given site-relative
// URLs.
func New(s *site.Site, pageURLs []string) *Table {
	t := &Table{
		folders:      map[string]site.Kind{},
		bySlug:       map[site.Kind]map[string]target{},
		byPath:       map[string]target{},
		pages:        map[string]string{},
		hiddenBySlug: map[site.Kind]map[string]*site.Entry{},
		hiddenByPath: map[string]*site.Entry{},
	}
	for _, k := range append(site.Kinds(), site.KindPage) {
		t.folders[k.Folder()] = k
		t.bySlug[k] = map[string]target{}
		t.hiddenBySlug[k] = map[string]*site.Entry{}
	}
	for _, u := range pageURLs {
		t.pages[u] = "/" + u
	}
	if s.IntroLine > 0 {
		t.byPath["_index.md"] = target{"", "_index.md"}
		t.pages[""] = "_index.md"
	}
	for _, sec := range s.Sections {
		if sec.Path != "" {
			t.byPath[sec.Path] = target{sec.URL, sec.Path}
			t.pages[sec.URL] = sec.Path
		}
	}
	for _, ent := range s.Entities() {
		e := ent.E()
		tg := target{e.URL, e.Path}
		t.bySlug[e.Kind][e.Slug] = tg
		t.byPath[e.Path] = tg
		t.pages[e.URL] = e.Path
	}
	for _, ent := range s.Hidden() {
		e := ent.E()
		t.hiddenBySlug[e.Kind][e.Slug] = e
		t.hiddenByPath[e.Path] = e
	}
	return t
}

// Same reports whether u resolves every link as t does: the same pages
// at the same addresses, and the same entries not published, for the
// same reasons.
func (t *Table) Same(u *Table) bool {
	if t == nil || u == nil {
		return false
	}
	if t == u {
		return true
	}
	return maps.Equal(t.folders, u.folders) && maps.Equal(t.byPath, u.byPath) && maps.Equal(t.pages, u.pages) &&
		maps.EqualFunc(t.bySlug, u.bySlug, maps.Equal) &&
		maps.EqualFunc(t.hiddenByPath, u.hiddenByPath, sameHidden) &&
		maps.EqualFunc(t.hiddenBySlug, u.hiddenBySlug, func(a, b map[string]*site.Entry) bool { return maps.EqualFunc(a, b, sameHidden) })
}

// sameHidden reports whether two entries that are not published are the
// same to a link: where they are and why they are hidden.
func sameHidden(a, b *site.Entry) bool {
	samePublish := (a.Publish == nil) == (b.Publish == nil) &&
		(a.Publish == nil || a.Publish.Time.Equal(b.Publish.Time) && a.Publish.Precision == b.Publish.Precision)
	return a.Kind == b.Kind && a.Slug == b.Slug && a.Path == b.Path && a.Draft == b.Draft && samePublish
}

// Resolve reads the destination dest of a link on line of the file from,
// whose page has the URL own. It returns false for a link that is not to a
// page of the site: to another site, to a file, relative to the page's
// address.
func (t *Table) Resolve(from, own string, line int, dest string) (Use, bool) {
	u := Use{Path: from, Line: line, Dest: dest}
	rest, anchor, hasAnchor := strings.Cut(dest, "#")
	u.Anchor = unescape(anchor)
	if i := strings.IndexByte(rest, '?'); i >= 0 {
		rest, u.Query = rest[:i], rest[i:]
	}
	switch {
	case hasPrefixFold(dest, "ref:"):
		t.ref(&u, rest[len("ref:"):])
	case rest == "" && u.Query == "":
		if u.Anchor == "" {
			return u, false // "#": the top of the page
		}
		u.Page, u.Name = own, "this page"
	case hasScheme(dest) || strings.HasPrefix(dest, "//"):
		return u, false
	case hasSuffixFold(rest, ".md"):
		t.file(&u, from, unescape(rest))
	case strings.HasPrefix(rest, "/"):
		return u, t.address(&u, unescape(rest))
	default:
		return u, false
	}
	if hasAnchor && u.Anchor == "" && u.Err == "" {
		u.Err = "# is not followed by an id; write the id of a heading on the page, or leave # out"
	}
	return u, true
}

// ref resolves ref:FOLDER/SLUG or ref:SLUG.
func (t *Table) ref(u *Use, r string) {
	kinds := append(site.Kinds(), site.KindPage)
	slug := r
	if folder, s, ok := strings.Cut(r, "/"); ok {
		k, known := t.folders[folder]
		if !known {
			u.Err = fmt.Sprintf("%q is not a kind's folder; write ref:FOLDER/SLUG with one of %s", folder, t.folderList())
			return
		}
		kinds, slug = []site.Kind{k}, s
	}
	if slug == "" {
		u.Err = "names no entry; write ref:FOLDER/SLUG, like ref:documents/lsr"
		return
	}
	var found []site.Kind
	for _, k := range kinds {
		if tg, ok := t.bySlug[k][slug]; ok {
			u.Page, u.Name = tg.url, tg.name
			found = append(found, k)
		}
	}
	switch len(found) {
	case 1:
		return
	case 0:
	default:
		var names, refs []string
		for _, k := range found {
			names = append(names, string(k))
			refs = append(refs, "ref:"+k.Folder()+"/"+slug)
		}
		u.Page, u.Name = "", ""
		u.Err = fmt.Sprintf("%q is both a %s; write %s", slug, strings.Join(names, " and a "), strings.Join(refs, " or "))
		return
	}
	for _, k := range kinds {
		if h, ok := t.hiddenBySlug[k][slug]; ok {
			u.Err = fmt.Sprintf("%q (%s) %s", slug, h.Path, unpublished(h))
			return
		}
	}
	var all []string
	for _, k := range kinds {
		for s := range t.bySlug[k] {
			all = append(all, s)
		}
	}
	what := "entry"
	if len(kinds) == 1 {
		what = string(kinds[0])
	}
	u.Err = fmt.Sprintf("no %s has the slug %q", what, slug)
	if c := nearest(slug, all); c != "" {
		u.Err += fmt.Sprintf("; did you mean %q?", c)
	} else {
		u.Err += fmt.Sprintf("; add content/%s/%s.md or fix the slug", kinds[0].Folder(), slug)
	}
}

// file resolves a link to a content file: relative to the linking file's
// folder, or from the content folder when it starts with /.
func (t *Table) file(u *Use, from, p string) {
	var full string
	if strings.HasPrefix(p, "/") {
		full = path.Clean(p[1:])
	} else {
		full = path.Join(path.Dir(from), p)
	}
	if full == ".." || strings.HasPrefix(full, "../") {
		u.Err = "leads outside the content folder; link to a content file inside it, or write ref:FOLDER/SLUG"
		return
	}
	if tg, ok := t.byPath[full]; ok {
		u.Page, u.Name = tg.url, tg.name
		return
	}
	if h, ok := t.hiddenByPath[full]; ok {
		u.Err = fmt.Sprintf("%s %s", full, unpublished(h))
		return
	}
	u.Err = fmt.Sprintf("there is no content file %s", full)
	if c := nearest(full, slices.Collect(maps.Keys(t.byPath))); c != "" {
		u.Err += fmt.Sprintf("; did you mean /%s?", c)
	}
}

// address resolves a link to a page's address on the site. An address
// that names a file (/pliki/mapa.pdf) is not a page: it is not handled.
func (t *Table) address(u *Use, p string) bool {
	a := strings.TrimPrefix(p, "/")
	for _, try := range []string{a, a + "/"} {
		if name, ok := t.pages[try]; ok {
			u.Page, u.Name = try, name
			return true
		}
	}
	if path.Ext(a) != "" {
		return false
	}
	u.Err = fmt.Sprintf("no page has the address %s", p)
	var all []string
	for url := range t.pages {
		all = append(all, "/"+url)
	}
	if c := nearest(p, all); c != "" {
		u.Err += fmt.Sprintf("; did you mean %s?", c)
	}
	return true
}

func (t *Table) folderList() string {
	var fs []string
	for _, k := range append(site.Kinds(), site.KindPage) {
		fs = append(fs, k.Folder())
	}
	return strings.Join(fs, ", ")
}

// unpublished says why a hidden entry has no page, as front-matter
// references do.
func unpublished(h *site.Entry) string {
	if h.Draft {
		return "is a draft (draft: true); publish it, or build with -drafts"
	}
	return fmt.Sprintf("is not published until %s; wait, or build with -future", h.Publish.ISO())
}

func unescape(s string) string {
	if u, err := url.PathUnescape(s); err == nil {
		return u
	}
	return s
}

// hasScheme reports whether dest starts with a URL scheme (https:, mailto:).
func hasScheme(dest string) bool {
	for i, c := range dest {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return true
		default:
			return false
		}
	}
	return false
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}

// nearest returns the candidate closest to s, or "" when there is none:
// among those that begin with s (of three characters or more), if any,
// else among all; the one at the smallest edit distance, the first in sort
// order among equals.
func nearest(s string, candidates []string) string {
	slices.Sort(candidates)
	var prefixed []string
	for _, c := range candidates {
		if len(s) >= 3 && strings.HasPrefix(c, s) {
			prefixed = append(prefixed, c)
		}
	}
	if len(prefixed) > 0 {
		candidates = prefixed
	}
	return suggest.Nearest(s, candidates)
}
