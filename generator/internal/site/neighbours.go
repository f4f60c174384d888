package site

// Neighbours returns the entries e refers to and the entries that refer to
// it: exactly the entries whose pages can show something of e (its title,
// summary, date, status) in their lists and facts.
func Neighbours(e Entity) []Entity {
	var out []Entity
	add := func(x Entity) {
		if x != nil && x.E() != nil {
			out = append(out, x)
		}
	}
	switch x := e.(type) {
	case *City:
		if x.Parent != nil {
			add(x.Parent)
		}
		out = appendEntities(out, x.Children)
		out = appendEntities(out, x.Partnerships)
		out = appendEntities(out, x.Documents)
		out = appendEntities(out, x.Meetings)
		out = appendEntities(out, x.Organisations)
	case *Programme:
		out = appendEntities(out, x.Partnerships)
		out = appendEntities(out, x.Documents)
		out = appendEntities(out, x.Meetings)
	case *Organisation:
		if x.City != nil {
			add(x.City)
		}
		out = appendEntities(out, x.Partnerships)
		out = appendEntities(out, x.Meetings)
	case *Partnership:
		out = appendEntities(out, x.Cities)
		if x.Leader != nil {
			add(x.Leader)
		}
		out = appendEntities(out, x.Members)
		out = appendEntities(out, x.Programmes)
		out = appendEntities(out, x.Documents)
		out = appendEntities(out, x.Meetings)
	case *Document:
		out = appendEntities(out, x.Cities)
		if x.Partnership != nil {
			add(x.Partnership)
		}
		out = appendEntities(out, x.Programmes)
		out = appendEntities(out, x.Meetings)
	case *Meeting:
		if x.Place != nil && x.Place.City != nil {
			add(x.Place.City)
		}
		if x.Partnership != nil {
			add(x.Partnership)
		}
		out = appendEntities(out, x.Cities)
		out = appendEntities(out, x.Programmes)
		out = append(out, x.Organisers...)
		out = appendEntities(out, x.Documents)
	}
	return out
}
