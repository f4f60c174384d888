package site

// Neighbours returns the entries e refers to and the entries that refer to
// it: exactly the entries whose pages can show something of e (its title,
// summary, date, status) in their lists and facts. Both come from the
// relations table.
func Neighbours(e Entity) []Entity {
	var out []Entity
	for _, r := range relationsOf(e.E().Kind) {
		out = append(out, r.get(e)...)
	}
	for _, l := range backrefLists(e) {
		out = append(out, l.entities()...)
	}
	return out
}
