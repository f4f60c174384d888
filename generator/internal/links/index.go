package links

import (
	"bytes"
	"fmt"
	"html"
	"maps"
	"slices"
	"strings"

	"github.com/ratusz/ratusz/generator/internal/problem"
)

// Index holds, for each rendered page of a build, the ids on it and the
// links of its body, so that links can be checked once every page is
// rendered. The dev server keeps it between builds and replaces the pages
// it renders again.
type Index struct {
	pages map[string]*page
}

type page struct {
	ids  string // the ids on the page, sorted, each between NULs: kept for every page of a site, so kept small
	uses []Use
}

// has reports whether the page has an element with the id.
func (p *page) has(id string) bool {
	return strings.Contains(p.ids, "\x00"+id+"\x00")
}

// idList returns the ids on the page.
func (p *page) idList() []string {
	return strings.FieldsFunc(p.ids, func(r rune) bool { return r == 0 })
}

// NewIndex returns an empty index.
func NewIndex() *Index { return &Index{pages: map[string]*page{}} }

// Clone returns a copy that can be changed without changing x.
func (x *Index) Clone() *Index { return &Index{pages: maps.Clone(x.pages)} }

// Rebase returns the index of a new build of the site, resolved by t, that
// keeps the pages of x whose URLs are in urls, their links resolved again
// by t: a link may now lead to a page that is not there. It returns false
// when a kept page's link leads to another page than before, for then the
// page itself must be rendered again.
func (x *Index) Rebase(t *Table, urls []string) (*Index, bool) {
	n := NewIndex()
	for _, u := range urls {
		p, ok := x.pages[u]
		if !ok {
			continue
		}
		uses := make([]Use, len(p.uses))
		for i, old := range p.uses {
			uses[i], _ = t.Resolve(old.Path, u, old.Line, old.Dest)
			if uses[i].Err == "" && uses[i].Page != old.Page {
				return nil, false
			}
		}
		n.pages[u] = &page{ids: p.ids, uses: uses}
	}
	return n, true
}

// Set records the ids of the page at url ([IDs] of its HTML) and the
// links of its body.
func (x *Index) Set(url string, ids PageIDs, uses []Use) {
	x.pages[url] = &page{ids: string(ids), uses: uses}
}

// Check reports every link that cannot be followed: to no page, or to an
// id the page does not have, at the linking file as at names it (the
// site's Origin).
func (x *Index) Check(at func(path string) string) problem.List {
	var errs problem.List
	for _, p := range x.pages {
		for _, u := range p.uses {
			msg := u.Err
			if msg == "" && u.Anchor != "" {
				if t, ok := x.pages[u.Page]; ok && !t.has(u.Anchor) {
					msg = fmt.Sprintf("%s has no heading or other element with the id %q", u.Name, u.Anchor)
					if c := nearest(u.Anchor, t.idList()); c != "" {
						msg += fmt.Sprintf("; did you mean %q?", c)
					}
				}
			}
			if msg != "" {
				errs.Addf(at(u.Path), u.Line, "link %q: %s", u.Dest, msg)
			}
		}
	}
	return errs.Sort()
}

// PageIDs are the ids on one page, sorted, each between NULs: an index
// keeps them for every page of a site, so they are kept small.
type PageIDs string

// IDs returns the values of the id attributes of an HTML page: quoted,
// or not quoted, as a minified page writes most of them (<main id=tresc>).
func IDs(page []byte) PageIDs {
	var ids []string
	// Every = is looked at, not every i: an = is rare in text and in a
	// minified tag ends most attribute names, where "id=" is one of few.
	for at := 0; ; {
		eq := bytes.IndexByte(page[at:], '=')
		if eq < 0 {
			break
		}
		eq += at
		at = eq + 1
		i := eq - len("id")
		if i < 1 || page[i] != 'i' || page[i+1] != 'd' || !isSpace(page[i-1]) || at == len(page) || !inTag(page[:i]) {
			continue
		}
		var value []byte
		switch q := page[at]; q {
		case '"', '\'':
			end := bytes.IndexByte(page[at+1:], q)
			if end < 0 {
				at = len(page)
				continue
			}
			value = page[at+1 : at+1+end]
			at += 1 + end + 1
		default:
			end := at
			for end < len(page) && !isSpace(page[end]) && page[end] != '>' {
				end++
			}
			value = page[at:end]
			at = end
		}
		ids = append(ids, html.UnescapeString(string(value)))
	}
	if len(ids) == 0 {
		return "\x00"
	}
	slices.Sort(ids)
	return PageIDs("\x00" + strings.Join(slices.Compact(ids), "\x00") + "\x00")
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// inTag reports whether the end of before is inside a tag: after a < and
// no > since.
func inTag(before []byte) bool {
	i := bytes.LastIndexAny(before, "<>")
	return i >= 0 && before[i] == '<'
}
