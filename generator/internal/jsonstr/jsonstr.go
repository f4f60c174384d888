// Package jsonstr quotes strings as encoding/json does, without its
// reflection, for the writers of JSON that put every title and address of
// a site through it (jsonld, opendata). It holds no state and does no I/O.
package jsonstr

import (
	"encoding/json"
	"unicode/utf8"
)

// Append appends s quoted as json.Marshal quotes it: a string with nothing
// to escape as it is, any other through json.Marshal, which escapes <, >
// and & too, so that no text can end a script element. It looks at bytes,
// and at runes only past ASCII.
func Append(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if escaped(c) {
				return appendMarshalled(b, s)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || r == '\u2028' || r == '\u2029' {
			return appendMarshalled(b, s)
		}
		i += n
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// escaped tells whether json.Marshal escapes the ASCII byte c in a
// string: a control character, ", \, <, > or &. It reads c's bit in two
// masks, for bytes below 64 and from 64 on.
func escaped(c byte) bool {
	const (
		low  uint64 = 1<<0x20 - 1 | 1<<'"' | 1<<'&' | 1<<'<' | 1<<'>'
		high uint64 = 1 << ('\\' - 64)
	)
	if c < 64 {
		return low>>c&1 != 0
	}
	return high>>(c-64)&1 != 0
}

func appendMarshalled(b []byte, s string) []byte {
	q, _ := json.Marshal(s) // a string always encodes
	return append(b, q...)
}
