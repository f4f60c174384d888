package site

import (
	"path"
	"slices"
	"strings"

	"github.com/ratusz/ratusz/generator/internal/content"
	"github.com/ratusz/ratusz/generator/internal/slug"
)

// Update returns a new model with new versions of published entries'
// files read into it, for the dev server; s is left as it was, so pages
// may go on being rendered from it. The new model is a copy of s (clone)
// in which each changed entry takes its new fields in place: the entries
// that refer to it need no other change, its back-reference lists stay,
// the lists it is on are put in order again.
//
// Update handles the edits a preview session is made of: a status, a date,
// a period, a summary, references to other entries. It changes nothing and
// returns false when a file is new or not published, has problems, or
// changes what Update does not patch: its title (shown two references
// away), its topics (topic names are chosen over the whole site), its
// aliases (which must not take another page's address), a city's
// region or parent, a partnership's cities (meetings take theirs from
// them), the files it publishes, or a plain page (every footer lists
// them). The caller then builds the site anew, which reports any problems.
func (s *Site) Update(files []*content.File) (*Site, bool) {
	if s.kept == nil || s.settled || len(files) == 0 {
		return nil, false
	}
	c := s.clone()
	if !c.update(files) {
		return nil, false
	}
	return c, true
}

// update is Update on a copy of the model no one else holds.
func (s *Site) update(files []*content.File) bool {
	b := s.kept
	nb := newBuilder(b.o, s, b.assets)
	nb.byKind, nb.hidden = b.byKind, b.hidden
	var olds, news []Entity
	for _, f := range files {
		ent := nb.decode(f)
		if ent == nil || len(nb.errs) > 0 {
			return false
		}
		e := ent.E()
		old, ok := b.byKind[e.Kind][e.Slug]
		if !ok || old.E().Path != f.Path || e.Kind == KindPage || !b.published(e) || slices.Contains(olds, old) {
			return false
		}
		olds, news = append(olds, old), append(news, ent)
	}
	nb.resolve()
	if len(nb.errs) > 0 {
		return false
	}
	for i, n := range news {
		if !patchable(olds[i], n) {
			return false
		}
	}

	// Nothing can fail from here on.
	kinds := map[Kind]bool{}
	var touched []Entity // entries whose lists of back-references changed
	for i, old := range olds {
		touched = append(touched, backrefTargets(old)...)
		editBackrefs(old, false)
		adopt(old, news[i], s)
		editBackrefs(old, true)
		touched = append(touched, backrefTargets(old)...)
		kinds[old.E().Kind] = true
	}
	for _, e := range touched {
		sortBackrefs(e)
	}
	sortKindLists(s, kinds)
	s.dateChanges()
	return true
}

// patchable reports whether Update can turn old into n in place.
func patchable(old, n Entity) bool {
	o, e := old.E(), n.E()
	if o.Title != e.Title || !slices.Equal(o.spellings, e.spellings) || !slices.Equal(o.Aliases, e.Aliases) || !slices.Equal(assetsOf(old), assetsOf(n)) {
		return false
	}
	switch o := old.(type) {
	case *City:
		n := n.(*City)
		return o.Region == n.Region && o.Country == n.Country && o.Parent == n.Parent
	case *Partnership:
		return slices.Equal(o.Cities, n.(*Partnership).Cities)
	}
	return true
}

// assetsOf lists the files an entry publishes.
func assetsOf(e Entity) []string {
	var out []string
	switch x := e.(type) {
	case *Document:
		for _, a := range x.Attachments {
			out = append(out, a.URL)
		}
	case *Meeting:
		for _, img := range x.Images {
			out = append(out, img.URL)
		}
		if x.Minutes != nil {
			out = append(out, x.Minutes.URL)
		}
	}
	return out
}

// adopt gives old everything of n but the lists of the entries that refer
// to old, and derives what follows from it again.
func adopt(old, n Entity, s *Site) {
	ne := n.E()
	ne.titleKey, ne.number = old.E().titleKey, old.E().number
	ne.Topics = old.E().Topics // the same spellings: the same merged topics
	keep := backrefLists(old)
	for i, l := range backrefLists(n) {
		l.take(keep[i])
	}
	switch o := old.(type) {
	case *City:
		name := o.CountryName // derived of Country, which is the same
		*o = *n.(*City)
		o.CountryName = name
	case *Programme:
		*o = *n.(*Programme)
	case *Organisation:
		*o = *n.(*Organisation)
	case *Partnership:
		*o = *n.(*Partnership)
	case *Document:
		*o = *n.(*Document)
		o.derive(s.Now, s.Lang)
	case *Meeting:
		*o = *n.(*Meeting)
		o.derive(s.Now)
	}
}

// backrefTargets lists the entries e refers to, whose back-reference lists
// list e.
func backrefTargets(e Entity) []Entity {
	var out []Entity
	eachBackref(e, func(t Entity, _ backrefs) { out = append(out, t) })
	return out
}

// editBackrefs adds e to, or removes it from, the back-reference lists of
// the entries it refers to: what backrefs does for the whole site.
func editBackrefs(e Entity, add bool) {
	eachBackref(e, func(_ Entity, l backrefs) { l.edit(e, add) })
}

// editList adds x to a list or removes every copy of it, into a new slice,
// so that a list handed out before is never changed. sortBackrefs puts the
// list in order and drops repeats afterwards.
func editList[T comparable](list *[]T, x T, add bool) {
	if add {
		*list = append(slices.Clone(*list), x)
		return
	}
	*list = slices.DeleteFunc(slices.Clone(*list), func(y T) bool { return y == x })
}

// EntityAt returns the published entry read from the file at path
// (relative to the content folder), or nil.
func (s *Site) EntityAt(p string) Entity {
	b := s.kept
	if b == nil {
		return nil
	}
	top, _, nested := strings.Cut(p, "/")
	k := KindPage
	if nested {
		k = kindOfFolder(top)
	}
	if k == KindPage {
		for _, pg := range s.Pages {
			if pg.Path == p {
				return pg
			}
		}
		return nil
	}
	e, ok := b.byKind[k][slug.Make(strings.TrimSuffix(path.Base(p), path.Ext(p)))]
	if !ok || e.E().Path != p {
		return nil
	}
	return e
}
