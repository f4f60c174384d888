package corpus

import (
	"math/rand/v2"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// valueKind says how a front-matter value is written.
type valueKind uint8

const (
	text        valueKind = iota // a string: plain or quoted as it needs
	url                          // a string that YAML may leave plain outside flow collections
	number                       // an integer
	date                         // a full date or RFC 3339 time: plain YAML, native TOML
	partialDate                  // YYYY-MM or YYYY: a string in TOML, quoted in YAML when it would read as a number
	list                         // a list of strings
	table                        // a map of further fields
)

// field is one key of a front-matter block.
type field struct {
	key   string
	kind  valueKind
	s     string
	n     int
	items []string
	sub   []field
}

// frontMatter writes front matter the way editors vary it: YAML or TOML,
// plain or quoted strings, block or flow collections. r decides the style.
type frontMatter struct {
	r *rand.Rand
	b []byte
}

// yamlReserved are plain scalars that YAML 1.1 (yaml.v2) reads as booleans
// or null.
func yamlReserved(s string) bool {
	switch s {
	case "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
		"true", "True", "TRUE", "false", "False", "FALSE",
		"on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL":
		return true
	}
	return false
}

// yamlPlainSafe reports whether s reads back as the same string when
// written as a plain YAML scalar, in block and in flow context.
func yamlPlainSafe(s string) bool {
	if s == "" || yamlReserved(s) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsLetter(first) || s[len(s)-1] == ' ' {
		return false
	}
	for _, c := range s {
		switch {
		case unicode.IsLetter(c), unicode.IsDigit(c):
		case c == ' ', c == '-', c == '.', c == '/', c == '(', c == ')', c == '+',
			c == '–', c == '„', c == '”':
		default:
			return false
		}
	}
	return true
}

// appendQuoted writes s as a double-quoted string, valid in YAML and as a
// TOML basic string.
func appendQuoted(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c < 0x20 || c == 0x7f:
			b = append(b, `\u00`...)
			b = append(b, "0123456789abcdef"[c>>4], "0123456789abcdef"[c&15])
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}

// appendSingleQuoted writes s as a YAML single-quoted string.
func appendSingleQuoted(b []byte, s string) []byte {
	b = append(b, '\'')
	for i := 0; i < len(s); i++ {
		if s[i] == '\'' {
			b = append(b, '\'')
		}
		b = append(b, s[i])
	}
	return append(b, '\'')
}

func hasControl(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] == 0x7f {
			return true
		}
	}
	return false
}

// yamlString writes s as a YAML scalar: plain when that is safe and the
// editor feels like it, otherwise single- or double-quoted.
func (f *frontMatter) yamlString(s string, plainOK bool) {
	switch {
	case plainOK && yamlPlainSafe(s) && f.r.IntN(5) > 0:
		f.b = append(f.b, s...)
	case !hasControl(s) && f.r.IntN(5) == 0:
		f.b = appendSingleQuoted(f.b, s)
	default:
		f.b = appendQuoted(f.b, s)
	}
}

// yamlScalar writes a non-collection value.
func (f *frontMatter) yamlScalar(v *field, flow bool) {
	switch v.kind {
	case text:
		f.yamlString(v.s, true)
	case url:
		if !flow && f.r.IntN(3) > 0 {
			f.b = append(f.b, v.s...)
		} else {
			f.b = appendQuoted(f.b, v.s)
		}
	case number:
		f.b = strconv.AppendInt(f.b, int64(v.n), 10)
	case date:
		f.b = append(f.b, v.s...)
	case partialDate:
		if len(v.s) == 4 || f.r.IntN(4) == 0 {
			f.b = appendQuoted(f.b, v.s)
		} else {
			f.b = append(f.b, v.s...)
		}
	}
}

// yaml writes fields as a YAML block, indented by indent spaces.
func (f *frontMatter) yaml(fields []field, indent int) {
	for i := range fields {
		v := &fields[i]
		for range indent {
			f.b = append(f.b, ' ')
		}
		f.b = append(f.b, v.key...)
		f.b = append(f.b, ':')
		switch v.kind {
		case list:
			if f.r.IntN(3) == 0 {
				f.b = append(f.b, " ["...)
				for j, item := range v.items {
					if j > 0 {
						f.b = append(f.b, ", "...)
					}
					f.yamlString(item, true)
				}
				f.b = append(f.b, "]\n"...)
				continue
			}
			f.b = append(f.b, '\n')
			for _, item := range v.items {
				for range indent + 2 {
					f.b = append(f.b, ' ')
				}
				f.b = append(f.b, "- "...)
				f.yamlString(item, true)
				f.b = append(f.b, '\n')
			}
		case table:
			if f.r.IntN(3) == 0 {
				f.b = append(f.b, " {"...)
				for j := range v.sub {
					if j > 0 {
						f.b = append(f.b, ", "...)
					}
					f.b = append(f.b, v.sub[j].key...)
					f.b = append(f.b, ": "...)
					f.yamlScalar(&v.sub[j], true)
				}
				f.b = append(f.b, "}\n"...)
				continue
			}
			f.b = append(f.b, '\n')
			f.yaml(v.sub, indent+2)
		default:
			f.b = append(f.b, ' ')
			f.yamlScalar(v, false)
			f.b = append(f.b, '\n')
		}
	}
}

// tomlString writes s as a TOML basic or literal string.
func (f *frontMatter) tomlString(s string) {
	if f.r.IntN(4) == 0 && !hasControl(s) && !containsByte(s, '\'') {
		f.b = append(f.b, '\'')
		f.b = append(f.b, s...)
		f.b = append(f.b, '\'')
		return
	}
	f.b = appendQuoted(f.b, s)
}

func containsByte(s string, c byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return true
		}
	}
	return false
}

// tomlValue writes any value; tables inline.
func (f *frontMatter) tomlValue(v *field) {
	switch v.kind {
	case text, url, partialDate:
		f.tomlString(v.s)
	case number:
		f.b = strconv.AppendInt(f.b, int64(v.n), 10)
	case date:
		f.b = append(f.b, v.s...)
	case list:
		f.b = append(f.b, '[')
		for j, item := range v.items {
			if j > 0 {
				f.b = append(f.b, ", "...)
			}
			f.tomlString(item)
		}
		f.b = append(f.b, ']')
	case table:
		f.b = append(f.b, "{ "...)
		for j := range v.sub {
			if j > 0 {
				f.b = append(f.b, ", "...)
			}
			f.b = append(f.b, v.sub[j].key...)
			f.b = append(f.b, " = "...)
			f.tomlValue(&v.sub[j])
		}
		f.b = append(f.b, " }"...)
	}
}

// toml writes fields as TOML: maps as inline tables, or (if the editor
// prefers) as [sections] after all other keys.
func (f *frontMatter) toml(fields []field) {
	sections := f.r.IntN(2) == 0
	for i := range fields {
		v := &fields[i]
		if sections && v.kind == table {
			continue
		}
		f.b = append(f.b, v.key...)
		f.b = append(f.b, " = "...)
		f.tomlValue(v)
		f.b = append(f.b, '\n')
	}
	if !sections {
		return
	}
	for i := range fields {
		v := &fields[i]
		if v.kind != table {
			continue
		}
		f.b = append(f.b, "\n["...)
		f.b = append(f.b, v.key...)
		f.b = append(f.b, "]\n"...)
		f.toml(v.sub)
	}
}
