package feed

import (
	"bytes"
	"encoding/xml"
	"unicode/utf8"
)

// xmlWriter writes the feeds and the sitemap byte for byte as
// encoding/xml's Encoder, indented by two spaces, writes structs of
// them, without its reflection: a site has a feed for every city,
// programme and topic (a test holds the two to the same bytes).
type xmlWriter struct {
	buf   bytes.Buffer
	depth int  // elements open
	inner bool // the open element has elements in it
}

// start opens the element name with the attributes attrs, given as name
// and value after name and value.
func (w *xmlWriter) start(name string, attrs ...string) {
	if w.buf.Len() == 0 { // the first element: the document starts
		w.buf.WriteString(xml.Header)
	} else {
		w.newline(w.depth)
	}
	w.buf.WriteByte('<')
	w.buf.WriteString(name)
	for i := 0; i+1 < len(attrs); i += 2 {
		w.buf.WriteByte(' ')
		w.buf.WriteString(attrs[i])
		w.buf.WriteString(`="`)
		w.escape(attrs[i+1])
		w.buf.WriteByte('"')
	}
	w.buf.WriteByte('>')
	w.depth++
	w.inner = false
}

// end closes the element name: on a line of its own when it has
// elements in it.
func (w *xmlWriter) end(name string) {
	w.depth--
	if w.inner {
		w.newline(w.depth)
	}
	w.buf.WriteString("</")
	w.buf.WriteString(name)
	w.buf.WriteByte('>')
	w.inner = true // the element it is in has it
}

// element writes <name>text</name>.
func (w *xmlWriter) element(name, text string) {
	w.start(name)
	w.text(text)
	w.end(name)
}

// empty writes an element with attributes and nothing in it, as
// encoding/xml does: <name a="v"></name>.
func (w *xmlWriter) empty(name string, attrs ...string) {
	w.start(name, attrs...)
	w.end(name)
}

// text writes character data.
func (w *xmlWriter) text(s string) { w.escape(s) }

func (w *xmlWriter) newline(depth int) {
	w.buf.WriteByte('\n')
	for range depth {
		w.buf.WriteString("  ")
	}
}

// escape writes s escaped as xml.EscapeText escapes it: a text with
// nothing to escape, which most are, as it is.
func (w *xmlWriter) escape(s string) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == '"' || c == '&' || c == '\'' || c == '<' || c == '>' {
				xml.EscapeText(&w.buf, []byte(s))
				return
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || r == 0xfffe || r == 0xffff {
			xml.EscapeText(&w.buf, []byte(s)) // it replaces what XML has no place for
			return
		}
		i += n
	}
	w.buf.WriteString(s)
}

// bytes ends the document with a line end and returns it.
func (w *xmlWriter) bytes() []byte {
	w.buf.WriteByte('\n')
	return w.buf.Bytes()
}
