package site

import (
	"fmt"
	"slices"
	"strings"

	"github.com/ratusz/ratusz/generator/internal/content"
	"github.com/ratusz/ratusz/generator/internal/suggest"
)

// A ref is a reference waiting to be resolved once every file is read.
type ref struct {
	r     *reader
	from  *Entry
	key   string
	line  int
	slug  string
	kinds []Kind
	set   func(Entity)
}

// refTo records a single reference.
func (b *builder) refTo(r *reader, from *Entry, key string, v *content.Value, kinds []Kind, set func(Entity)) {
	if !present(v) {
		return
	}
	s := r.str(key, v)
	if s == "" {
		if v.Kind == content.Scalar {
			r.fieldf(v.Line, key, slugHint(kinds), "%s is empty", key)
		}
		return
	}
	b.refs = append(b.refs, &ref{r: r, from: from, key: key, line: v.Line, slug: s, kinds: kinds, set: set})
}

// refList records a list of references; a single slug is a one-item list.
func (b *builder) refList(r *reader, from *Entry, key string, v *content.Value, kinds []Kind, set func(Entity)) {
	seen := map[string]int{}
	for i, it := range r.list(key, v, true) {
		k := fmt.Sprintf("%s[%d]", key, i+1)
		s := r.str(k, it)
		if s == "" {
			continue
		}
		if first, dup := seen[s]; dup {
			r.fieldf(it.Line, k, "remove the repeat", "%s: %q is already listed as item %d", k, s, first)
			continue
		}
		seen[s] = i + 1
		b.refTo(r, from, k, it, kinds, set)
	}
}

// slugHint says what a reference to one of kinds is written as.
func slugHint(kinds []Kind) string {
	return "write the slug (file name without .md) of the " + kindNames(kinds)
}

func kindNames(kinds []Kind) string {
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = string(k)
	}
	return strings.Join(names, " or ")
}

// resolve points every reference at its entry, or reports it with the
// closest existing slug.
func (b *builder) resolve() {
	for _, x := range b.refs {
		kinds := x.kinds
		s := x.slug
		// An explicit kind: "cities/walbrzych".
		if folder, rest, ok := strings.Cut(s, "/"); ok {
			k := kindOfFolder(folder)
			if k == KindPage || !slices.Contains(kinds, k) {
				x.r.fieldf(x.line, x.key, slugHint(kinds), "%s: %q names the folder %q, but this key refers to a %s", x.key, s, folder, kindNames(kinds))
				continue
			}
			kinds, s = []Kind{k}, rest
		}
		// A published entry may refer only to published ones; an entry
		// that is not built (a draft, a future one) is still checked, and
		// may refer to others that are not built either.
		fromHidden := !b.published(x.from)
		var found []Entity
		for _, k := range kinds {
			if e, ok := b.byKind[k][s]; ok {
				found = append(found, e)
			} else if e, ok := b.hidden[k][s]; ok && fromHidden {
				found = append(found, e)
			}
		}
		switch len(found) {
		case 1:
			if found[0].E().Path == x.from.Path {
				x.r.fieldf(x.line, x.key, "refer to another one", "%s: %q is this entry itself", x.key, s)
				continue
			}
			x.set(found[0])
			continue
		case 2:
			x.r.fieldf(x.line, x.key, fmt.Sprintf("write %s/%s or %s/%s", found[0].E().Kind.Folder(), s, found[1].E().Kind.Folder(), s),
				"%s: %q is both a %s and a %s", x.key, s, found[0].E().Kind, found[1].E().Kind)
			continue
		}
		if h := b.hiddenEntry(kinds, s); h != nil {
			h := h.E()
			why, hint := "is a draft (draft: true)", "publish it, or build with -drafts"
			if !h.Draft {
				why, hint = fmt.Sprintf("is not published until %s", h.Publish.ISO()), "wait, or build with -future"
			}
			x.r.fieldf(x.line, x.key, hint, "%s: %q (%s) %s", x.key, s, b.origin(h.Path), why)
			continue
		}
		var all []string
		for _, k := range kinds {
			for slug := range b.byKind[k] {
				all = append(all, slug)
			}
		}
		slices.Sort(all)
		hint := fmt.Sprintf("add content/%s/%s.md or fix the slug", kinds[0].Folder(), s)
		if c := suggest.Meant(s, all); c != "" {
			hint = fmt.Sprintf("did you mean %q?", c)
		} else if c := suggest.Nearest(s, all); c != "" {
			hint += fmt.Sprintf(" (did you mean %q?)", c)
		}
		x.r.fieldf(x.line, x.key, hint, "%s: no %s has the slug %q", x.key, kindNames(kinds), s)
	}
	for _, c := range b.checks {
		c()
	}
}

func (b *builder) hiddenEntry(kinds []Kind, s string) Entity {
	for _, k := range kinds {
		if e, ok := b.hidden[k][s]; ok {
			return e
		}
	}
	return nil
}
