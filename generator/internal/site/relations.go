package site

import (
	"iter"
	"slices"
)

// A Relation is a reference field of the content model: a key in one
// kind's front matter whose value names entries of other kinds by slug,
// and the list on each entry it names that names the entry back.
//
// Relations lists every one of them, once. Decoding (which keys are
// references and of which kinds), the back-references, the dev server's
// changes of single entries and the neighbours of an entry all read the
// table, and so do the writers of what the site says of an entry to
// machines: its JSON-LD names the targets by their schema.org property,
// and the search index places an entry in the cities the table says it
// is in. A new reference field is one line here, its field on the model's
// types, and its label.
type Relation struct {
	From Kind   // the kind whose front matter has the key
	Key  string // as written: "organisers", "place.city"
	To   []Kind // the kinds it may name; a bare slug is looked up in each
	Many bool   // a list of slugs, or one
	Back string // the list on the target that names the entry back ("meetings"); "" when none

	// Schema is the schema.org property that names the targets in the
	// entry's JSON-LD ("organizer"): one object, or a list when Many; ""
	// when its JSON-LD does not name them so.
	Schema string
	// SchemaBack is the schema.org property that names the entries on the
	// list Back in the target's JSON-LD ("containsPlace"); "" when none.
	// A list that several relations share (an organisation's
	// partnerships) has it on the first of them in the table.
	SchemaBack string
	// Agents says the targets act (organise, lead) rather than being
	// places: a city among them is named as its local government, not as
	// its area.
	Agents bool
	// Locates says the targets are the cities where the entry is: the
	// places the search index files it under.
	Locates bool

	// InItems says the key is in the items of a list of maps
	// (consultation.respond[i].meeting), which the kind's own decoder
	// reads and its writers write with the items.
	InItems bool

	get  func(from Entity) []Entity     // the entries it names, once resolved
	add  func(from, to Entity)          // keeps a resolved target on from
	set  func(from Entity, to []Entity) // makes to, in a new list, the entries it names (a copy's)
	back func(to Entity) backrefs       // the target's list named Back; nil when it has none
}

// Relations returns every reference field of the content model, in the
// order of the kinds and of their keys.
func Relations() []Relation { return slices.Clone(relations) }

// RelationsOf yields the reference fields of kind k, in table order. It
// is for the writers that read them for every entry: it copies nothing.
func RelationsOf(k Kind) iter.Seq[Relation] { return slices.Values(byKind[k].from) }

// BackRelationsOf yields the relations that name entries of kind k back,
// one for each list on them (the first in the table of those that share
// it): Referrers of each gives the list.
func BackRelationsOf(k Kind) iter.Seq[Relation] { return slices.Values(byKind[k].back) }

var relations = []Relation{
	one(KindCity, "parent", []Kind{KindCity}, "children",
		func(c *City) **City { return &c.Parent },
		func(t *City) backrefs { return titled(&t.Children) }).
		schema("containedInPlace", "containsPlace").locates(),
	one(KindOrganisation, "city", []Kind{KindCity}, "organisations",
		func(o *Organisation) **City { return &o.City },
		func(t *City) backrefs { return titled(&t.Organisations) }).
		locates(), // its JSON-LD gives the city as its address
	many(KindPartnership, "cities", []Kind{KindCity}, "partnerships",
		func(p *Partnership) *[]*City { return &p.Cities },
		func(t *City) backrefs { return titled(&t.Partnerships) }).
		schema("areaServed", "").locates(),
	many(KindPartnership, "members", []Kind{KindOrganisation}, "partnerships",
		func(p *Partnership) *[]*Organisation { return &p.Members },
		func(t *Organisation) backrefs { return titled(&t.Partnerships) }).
		schema("member", "memberOf"),
	one(KindPartnership, "leader", []Kind{KindCity, KindOrganisation}, "partnerships",
		func(p *Partnership) *Entity { return &p.Leader },
		func(t Entity) backrefs {
			if o, ok := t.(*Organisation); ok {
				return titled(&o.Partnerships) // a leading city is among cities already
			}
			return nil
		}).
		agents(),
	many(KindPartnership, "programmes", []Kind{KindProgramme}, "partnerships",
		func(p *Partnership) *[]*Programme { return &p.Programmes },
		func(t *Programme) backrefs { return titled(&t.Partnerships) }),
	many(KindDocument, "cities", []Kind{KindCity}, "documents",
		func(d *Document) *[]*City { return &d.Cities },
		func(t *City) backrefs { return ordered(&t.Documents, documentOrder) }).
		schema("spatialCoverage", "").locates(),
	one(KindDocument, "partnership", []Kind{KindPartnership}, "documents",
		func(d *Document) **Partnership { return &d.Partnership },
		func(t *Partnership) backrefs { return ordered(&t.Documents, documentOrder) }).
		schema("creator", ""),
	many(KindDocument, "organisations", []Kind{KindOrganisation}, "documents",
		func(d *Document) *[]*Organisation { return &d.Organisations },
		func(t *Organisation) backrefs { return ordered(&t.Documents, documentOrder) }),
	many(KindDocument, "programmes", []Kind{KindProgramme}, "documents",
		func(d *Document) *[]*Programme { return &d.Programmes },
		func(t *Programme) backrefs { return ordered(&t.Documents, documentOrder) }),
	// A meeting's place.city and its partnership's cities join its
	// cities (Meeting.derive): the cities list it back through cities,
	// and the search index places it in them through cities. Its JSON-LD
	// makes its location of its place or first city, and names its
	// partnership organizer when it has no organisers.
	one(KindMeeting, "place.city", []Kind{KindCity}, "",
		func(m *Meeting) **City {
			if m.Place == nil {
				return nil
			}
			return &m.Place.City
		}, nil),
	one(KindMeeting, "partnership", []Kind{KindPartnership}, "meetings",
		func(m *Meeting) **Partnership { return &m.Partnership },
		func(t *Partnership) backrefs { return ordered(&t.Meetings, meetingOrder) }),
	many(KindMeeting, "cities", []Kind{KindCity}, "meetings",
		func(m *Meeting) *[]*City { return &m.Cities },
		func(t *City) backrefs { return ordered(&t.Meetings, meetingOrder) }).
		locates(),
	many(KindMeeting, "programmes", []Kind{KindProgramme}, "meetings",
		func(m *Meeting) *[]*Programme { return &m.Programmes },
		func(t *Programme) backrefs { return ordered(&t.Meetings, meetingOrder) }),
	many(KindMeeting, "organisers", []Kind{KindOrganisation, KindCity}, "meetings",
		func(m *Meeting) *[]Entity { return &m.Organisers },
		func(t Entity) backrefs {
			switch t := t.(type) {
			case *Organisation:
				return ordered(&t.Meetings, meetingOrder)
			case *City:
				return ordered(&t.Meetings, meetingOrder)
			}
			return nil
		}).
		schema("organizer", "").agents(),
	many(KindMeeting, "documents", []Kind{KindDocument}, "meetings",
		func(d *Meeting) *[]*Document { return &d.Documents },
		func(t *Document) backrefs { return ordered(&t.Meetings, meetingOrder) }).
		schema("about", ""),
	respondMeetings(),
}

// respondMeetings is the relation of a document's consultation to the
// meetings where residents can take part (consultation.respond[i].meeting):
// each such meeting's page lists the consultations back.
func respondMeetings() Relation {
	items := func(e Entity) []*Respond {
		c := e.(*Document).Consultation
		if c == nil {
			return nil
		}
		var out []*Respond
		for i := range c.Respond {
			if c.Respond[i].Way == RespondMeeting {
				out = append(out, &c.Respond[i])
			}
		}
		return out
	}
	return Relation{
		From: KindDocument, Key: "consultation.respond.meeting", To: []Kind{KindMeeting}, Many: true, Back: "consultations",
		Schema:  "subjectOf", // the consultation meeting, an Event about the document
		InItems: true,
		get: func(e Entity) []Entity {
			var out []Entity
			for _, it := range items(e) {
				if it.Meeting != nil {
					out = append(out, it.Meeting)
				}
			}
			return out
		},
		// No add: the document's decoder keeps each resolved meeting on
		// its own item (InItems).
		set: func(e Entity, to []Entity) {
			for i, it := range items(e) {
				if i < len(to) {
					it.Meeting = to[i].(*Meeting)
				}
			}
		},
		back: func(t Entity) backrefs { return ordered(&t.(*Meeting).Consultations, documentOrder) },
	}
}

// schema gives r the schema.org properties of its targets and of the
// entries on its back-reference list: Schema and SchemaBack.
func (r Relation) schema(property, back string) Relation {
	r.Schema, r.SchemaBack = property, back
	return r
}

// agents marks r's targets as acting for the entry: Agents.
func (r Relation) agents() Relation { r.Agents = true; return r }

// locates marks r's targets as the cities where the entry is: Locates.
func (r Relation) locates() Relation { r.Locates = true; return r }

// one declares a reference to a single entry, kept in the field of F that
// field points at (nil when the entry has no place for it: a meeting
// without a place); back, when not nil, is the list on a target T that
// names F back.
func one[F, T Entity](from Kind, key string, to []Kind, backName string, field func(F) *T, back func(T) backrefs) Relation {
	return Relation{
		From: from, Key: key, To: to, Back: backName,
		get: func(e Entity) []Entity {
			var none T
			if p := field(e.(F)); p != nil && any(*p) != any(none) {
				return []Entity{*p}
			}
			return nil
		},
		add: func(e, t Entity) {
			if p := field(e.(F)); p != nil {
				*p = t.(T)
			}
		},
		set: func(e Entity, to []Entity) {
			if p := field(e.(F)); p != nil {
				var t T
				if len(to) > 0 {
					t = to[0].(T)
				}
				*p = t
			}
		},
		back: backOf(back),
	}
}

// many declares a list of references, kept in the list of F that field
// points at.
func many[F, T Entity](from Kind, key string, to []Kind, backName string, field func(F) *[]T, back func(T) backrefs) Relation {
	return Relation{
		From: from, Key: key, To: to, Many: true, Back: backName,
		get: func(e Entity) []Entity {
			list := *field(e.(F))
			out := make([]Entity, len(list))
			for i, t := range list {
				out[i] = t
			}
			return out
		},
		add: func(e, t Entity) { l := field(e.(F)); *l = append(*l, t.(T)) },
		set: func(e Entity, to []Entity) {
			l := field(e.(F))
			if len(*l) == 0 {
				return // nothing to share
			}
			*l = make([]T, len(to))
			for i, t := range to {
				(*l)[i] = t.(T)
			}
		},
		back: backOf(back),
	}
}

func backOf[T Entity](back func(T) backrefs) func(Entity) backrefs {
	if back == nil {
		return nil
	}
	return func(t Entity) backrefs { return back(t.(T)) }
}

// Targets returns the entries e refers to through r, once resolved.
func (r Relation) Targets(e Entity) []Entity { return r.get(e) }

// Referrers returns the list named Back on t: the entries that refer to t
// through r, and through the relations that share the list (a city's
// meetings name it as a city or as an organiser). It is nil when t has
// no such list: r has no Back, or t is of a kind r names without one (a
// city leading a partnership).
func (r Relation) Referrers(t Entity) []Entity {
	if r.back == nil {
		return nil
	}
	if l := r.back(t); l != nil {
		return l.entities()
	}
	return nil
}

// relationsOf returns the reference fields of kind k, in table order.
func relationsOf(k Kind) []Relation { return byKind[k].from }

// kindRelations are the rows of the table that concern one kind: those
// of its own keys, and those that name it back, one for each list on it
// (a city's meetings are named back by a meeting's cities and by its
// organisers: one list).
type kindRelations struct {
	from []Relation
	back []Relation
}

// byKind indexes the table by kind once, as decoding, back-references
// and neighbours ask it for every entry.
var byKind = func() map[Kind]kindRelations {
	m := map[Kind]kindRelations{}
	for _, r := range relations {
		kr := m[r.From]
		kr.from = append(kr.from, r)
		m[r.From] = kr
		if r.back == nil {
			continue
		}
		for _, k := range r.To {
			kr := m[k]
			if !slices.ContainsFunc(kr.back, func(x Relation) bool { return x.Back == r.Back }) {
				kr.back = append(kr.back, r)
			}
			m[k] = kr
		}
	}
	return m
}()

// backrefs is a list of the entries that refer to one entry, of one type.
type backrefs interface {
	add(e Entity)                 // appends e
	edit(e Entity, a bool)        // appends e, or removes every copy of it, into a new slice
	sort()                        // puts the list in its order and drops repeats, into a new slice
	take(from backrefs)           // makes the list the list from is, of the same type
	remap(to func(Entity) Entity) // makes the list a new one of what to makes of each entry
	entities() []Entity
}

// typedBackrefs is a back-reference list of T in the order order.
type typedBackrefs[T interface {
	comparable
	Entity
}] struct {
	list  *[]T
	order func(a, b T) int
}

func titled[T interface {
	comparable
	Entity
}](list *[]T) backrefs {
	return typedBackrefs[T]{list, func(a, b T) int { return byTitle(a, b) }}
}

func ordered[T interface {
	comparable
	Entity
}](list *[]T, order func(a, b T) int) backrefs {
	return typedBackrefs[T]{list, order}
}

func (l typedBackrefs[T]) add(e Entity)                 { *l.list = append(*l.list, e.(T)) }
func (l typedBackrefs[T]) edit(e Entity, a bool)        { editList(l.list, e.(T), a) }
func (l typedBackrefs[T]) sort()                        { sortBy(l.list, l.order) }
func (l typedBackrefs[T]) take(from backrefs)           { *l.list = *from.(typedBackrefs[T]).list }
func (l typedBackrefs[T]) remap(to func(Entity) Entity) { *l.list = remapped(*l.list, to) }
func (l typedBackrefs[T]) entities() []Entity {
	out := make([]Entity, len(*l.list))
	for i, x := range *l.list {
		out[i] = x
	}
	return out
}

// eachBackref calls f for every entry e refers to that names it back, with
// the list on that entry that names e.
func eachBackref(e Entity, f func(target Entity, list backrefs)) {
	for _, r := range relationsOf(e.E().Kind) {
		if r.back == nil {
			continue
		}
		for _, t := range r.get(e) {
			if l := r.back(t); l != nil {
				f(t, l)
			}
		}
	}
}

// backrefLists returns the lists on e of the entries that refer to it, one
// for each list name, without repeats.
func backrefLists(e Entity) []backrefs {
	rels := byKind[e.E().Kind].back
	out := make([]backrefs, 0, len(rels))
	for _, r := range rels {
		if l := r.back(e); l != nil {
			out = append(out, l)
		}
	}
	return out
}
