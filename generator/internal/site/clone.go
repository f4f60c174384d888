package site

import (
	"maps"
	"slices"
)

// clone returns a copy of s to change, for Update and WithBodies: every
// entry, its place, every topic, region and list is new and points at the
// copies, so that nothing a change writes is shared with s, and pages
// being rendered from s never see it. What no change writes in place, the
// bodies, texts, dates, parameters and files, is shared. The relations
// table says which fields point at other entries.
func (s *Site) clone() *Site {
	c := *s
	olds := s.Entities()
	copies := make([]Entity, len(olds)+1) // by Entry.number
	for _, e := range olds {
		copies[e.E().number] = copyEntity(e)
	}
	to := func(e Entity) Entity {
		if n := e.E().number; n > 0 {
			return copies[n]
		}
		return e // a draft or future entry, which nothing changes
	}
	topics := make(map[*Topic]*Topic, len(s.Topics))
	c.Topics = make([]*Topic, len(s.Topics))
	for i, t := range s.Topics {
		n := *t
		n.Entries = remapped(t.Entries, to)
		topics[t], c.Topics[i] = &n, &n
	}
	for _, old := range olds {
		e := to(old)
		en := e.E()
		en.Topics = make([]*Topic, len(en.Topics))
		for i, t := range old.E().Topics {
			en.Topics[i] = topics[t]
		}
		for _, r := range relationsOf(en.Kind) {
			r.set(e, remapped(r.get(old), to))
		}
		for _, l := range backrefLists(e) {
			l.remap(to)
		}
	}
	c.Regions = make([]*Region, len(s.Regions))
	for i, r := range s.Regions {
		c.Regions[i] = &Region{Name: r.Name, Cities: remapped(r.Cities, to)}
	}
	c.Cities = remapped(s.Cities, to)
	c.Programmes = remapped(s.Programmes, to)
	c.Organisations = remapped(s.Organisations, to)
	c.Partnerships = remapped(s.Partnerships, to)
	c.Documents = remapped(s.Documents, to)
	c.Meetings = remapped(s.Meetings, to)
	c.Pages = remapped(s.Pages, to)
	if s.kept != nil {
		b := *s.kept
		b.site = &c
		b.byKind = make(map[Kind]map[string]Entity, len(s.kept.byKind))
		for k, bySlug := range s.kept.byKind {
			b.byKind[k] = maps.Clone(bySlug)
			for slug, e := range bySlug {
				b.byKind[k][slug] = to(e)
			}
		}
		c.kept = &b
	}
	return &c
}

// copyEntity returns a shallow copy of e, with a copy of what of it is
// kept by pointer and changed through it: a meeting's place.
func copyEntity(e Entity) Entity {
	switch x := e.(type) {
	case *City:
		n := *x
		return &n
	case *Programme:
		n := *x
		return &n
	case *Organisation:
		n := *x
		return &n
	case *Partnership:
		n := *x
		return &n
	case *Document:
		n := *x
		if x.Consultation != nil { // its respond items point at meetings
			c := *x.Consultation
			c.Respond = slices.Clone(c.Respond)
			n.Consultation = &c
		}
		return &n
	case *Meeting:
		n := *x
		if x.Place != nil {
			p := *x.Place
			n.Place = &p
		}
		return &n
	case *Page:
		n := *x
		return &n
	}
	panic("site: copyEntity of an unknown kind") // every kind is above
}

// remapped returns a new list of what to makes of each entry of list.
func remapped[T Entity](list []T, to func(Entity) Entity) []T {
	if list == nil {
		return nil
	}
	out := make([]T, len(list))
	for i, e := range list {
		out[i] = to(e).(T)
	}
	return out
}
