package lang

import (
	"slices"

	"golang.org/x/text/collate"
)

// Compare orders a and b the way a dictionary of the language does and
// returns -1, 0 or +1. Polish: a < ą < b < c < ć … l < ł … s < ś … z < ź < ż;
// letters compare first, case only breaks ties ("ania" < "Anna", "anna" <
// "Anna"); runs of digits compare by value ("Program 2" < "Program 10").
// Compare is safe for concurrent use.
func (l *Lang) Compare(a, b string) int {
	c := l.collators.Get().(*collator)
	defer l.collators.Put(c)
	return c.CompareString(a, b)
}

// SortStrings sorts s in the order of Compare. Strings that compare equal
// keep their order.
func (l *Lang) SortStrings(s []string) {
	c := l.collators.Get().(*collator)
	defer l.collators.Put(c)
	slices.SortStableFunc(s, c.CompareString)
}

// Key returns a sort key for s: for any a and b, bytes.Compare(l.Key(a),
// l.Key(b)) orders them as Compare does. Sorting many strings by keys made
// once is much faster than comparing them again and again. Key is safe for
// concurrent use.
func (l *Lang) Key(s string) []byte {
	c := l.collators.Get().(*collator)
	defer l.collators.Put(c)
	c.buf.Reset()
	return slices.Clone(c.KeyFromString(&c.buf, s))
}

// collator is a Collator with the buffer Key makes keys in: 4 KB, made
// once rather than for every key.
type collator struct {
	*collate.Collator
	buf collate.Buffer
}
