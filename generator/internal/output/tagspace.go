package output

import "strings"

// tagSpace collapses the whitespace between the attributes of every tag
// of a minified layout to one space, and drops it before the tag's end.
// The HTML minifier keeps the line end and indentation before an
// attribute whose value holds a template action as written
// (<form class=search\n  data-index="{{url …}}">), so that a page kept
// whitespace inside its tags.
//
// It reads the layout as tags and text: quoted attribute values and
// template actions ({{…}}, whose strings may hold quotes) are copied as
// they are, and so are comments and the contents of <script>, <style>,
// <pre> and <textarea>; text between tags is the minifier's.
func tagSpace(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], "{{"):
			j := actionEnd(s, i)
			b.WriteString(s[i:j])
			i = j
		case strings.HasPrefix(s[i:], "<!--"):
			j := strings.Index(s[i:], "-->")
			if j < 0 {
				j = len(s) - i - len("-->")
			}
			b.WriteString(s[i : i+j+len("-->")])
			i += j + len("-->")
		case s[i] == '<' && i+1 < len(s) && isLetter(s[i+1]):
			j := tag(&b, s, i)
			name := tagName(s[i+1:])
			i = j
			if raw := rawText(name); raw != "" {
				end := indexFold(s[i:], "</"+raw)
				if end < 0 {
					end = len(s) - i
				}
				b.WriteString(s[i : i+end])
				i += end
			}
		default:
			b.WriteByte(s[i])
			i++
		}
	}
	return b.String()
}

// tag writes the tag that starts at s[i] ('<') to b with its whitespace
// collapsed, and returns where it ends.
func tag(b *strings.Builder, s string, i int) int {
	b.WriteByte('<')
	i++
	for i < len(s) {
		c := s[i]
		switch {
		case strings.HasPrefix(s[i:], "{{"):
			j := actionEnd(s, i)
			b.WriteString(s[i:j])
			i = j
		case c == '"' || c == '\'':
			j := i + 1
			for j < len(s) && s[j] != c {
				if strings.HasPrefix(s[j:], "{{") {
					j = actionEnd(s, j)
					continue
				}
				j++
			}
			j = min(j+1, len(s))
			b.WriteString(s[i:j])
			i = j
		case isSpace(c):
			j := i
			for j < len(s) && isSpace(s[j]) {
				j++
			}
			if j < len(s) && s[j] != '>' && !strings.HasPrefix(s[j:], "/>") {
				b.WriteByte(' ')
			}
			i = j
		case c == '>':
			b.WriteByte('>')
			return i + 1
		default:
			b.WriteByte(c)
			i++
		}
	}
	return i
}

// actionEnd returns the index just past the template action that starts
// at s[i], skipping the strings inside it, or len(s) if it is not closed.
func actionEnd(s string, i int) int {
	for j := i + len("{{"); j < len(s); j++ {
		switch s[j] {
		case '"', '`':
			q := s[j]
			for j++; j < len(s) && s[j] != q; j++ {
				if s[j] == '\\' && q == '"' {
					j++
				}
			}
		case '}':
			if strings.HasPrefix(s[j:], "}}") {
				return j + len("}}")
			}
		}
	}
	return len(s)
}

// rawText is the name of an element whose contents are kept as they are,
// or "".
func rawText(name string) string {
	switch strings.ToLower(name) {
	case "script", "style", "pre", "textarea":
		return strings.ToLower(name)
	}
	return ""
}

func tagName(s string) string {
	n := 0
	for n < len(s) && (isLetter(s[n]) || s[n] >= '0' && s[n] <= '9' || s[n] == '-') {
		n++
	}
	return s[:n]
}

// indexFold is strings.Index of an ASCII substr, ignoring case.
func indexFold(s, substr string) int {
	for i := 0; i+len(substr) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(substr)], substr) {
			return i
		}
	}
	return -1
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' }
