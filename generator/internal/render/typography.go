package render

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// bindShortWords binds every one-letter word of the Polish page in
// buf[start:] to the word after it, so that no line ends with one: the
// white space after a, i, o, u, w or z (or A, I, O, U, W, Z) becomes one
// no-break space, U+00A0 written as the character (as the Markdown
// renderer writes &nbsp;), when another word follows in the same run of
// text. A run of text goes on across the inline elements of text (a, em,
// strong, span, time…), so "w <a>Łodzi</a>" is bound too, and ends at any
// other tag (p, li, td, br, img…): a letter at the end of a paragraph, a
// list item or a table cell is left as it is. A letter is a word when no
// letter, digit or joining character (- _ . ' ’ / @ \) comes right before
// it and white space comes right after: "z-ta", "a/b" and "ul. Długa 5a"
// have none. What a reader does not see as a line of text is left alone:
// tags and their attributes, comments, <title>, <script> (JSON-LD
// included), <style> and <textarea>, and everything inside <code>, <pre>,
// <kbd>, <samp>, <svg> and <math>.
//
// Pages of a site in another language come out as they went in. The page
// is read once, the words of its text eight bytes at a time; one with
// nothing to bind is not copied, and one with something is rewritten in
// the room of buf after it, then moved back, so that a buffer used for
// page after page stops growing and nothing is allocated.
func bindShortWords(buf *bytes.Buffer, start int, lang string) {
	if lang != "pl" && !(len(lang) > 3 && lang[:3] == "pl-") {
		return
	}
	end := buf.Len()
	w := shortWords{src: buf.Bytes(), out: buf, copied: start}
	w.page(start)
	if w.copied == start {
		return // nothing bound
	}
	buf.Write(w.src[w.copied:end])
	b := buf.Bytes()
	n := copy(b[start:], b[end:])
	buf.Truncate(start + n)
}

// shortWords is one pass of bindShortWords over a page.
type shortWords struct {
	src []byte        // the page as rendered, after what the buffer held
	out *bytes.Buffer // the page rewritten, after src, up to copied
	// copied is where the part of src not yet written to out starts;
	// it stays at the page's start until a word is bound.
	copied int

	after      textState // what the text read last leaves open
	wordBefore bool      // the character before is part of a word
	space, end int       // the white space after a one-letter word: src[space:end]
	hidden     int       // how deep inside <code>, <pre>… the scan is
}

// textState is what the text read last leaves open.
type textState int

const (
	afterText       textState = iota // nothing to bind
	afterShortWord                   // a one-letter word, just read
	afterShortSpace                  // a one-letter word and white space: bound if a word follows
)

// page reads the page from i on: text up to the next '<', then markup.
func (w *shortWords) page(i int) {
	src := w.src
	for i < len(src) {
		k := bytes.IndexByte(src[i:], '<')
		if k < 0 {
			k = len(src) - i
		}
		if k > 0 && w.hidden == 0 {
			w.text(i, i+k)
		}
		if i += k; i < len(src) {
			i = w.tag(i)
		}
	}
}

// text reads src[i:e], text with no markup in it. It looks only at white
// space and the two characters before it, as most of the text is words.
func (w *shortWords) text(i, e int) {
	src := w.src
	// What the text before (the other side of a tag) left open.
	joins := w.wordBefore // whether the character before src[i] joins a word
	switch w.after {
	case afterShortSpace:
		if !isSpace(src[i]) && !startsNBSP(src[i:e]) {
			w.bind(w.space, w.end)
		}
		joins = false // the white space
	case afterShortWord:
		if !isSpace(src[i]) {
			joins = true // the letter is the start of a longer word
			break
		}
		t := spaceEnd(src, i, e)
		if t == e {
			w.after, w.space, w.end, w.wordBefore = afterShortSpace, i, t, false
			return
		}
		if !startsNBSP(src[t:e]) {
			w.bind(i, t)
		}
		i, joins = t, false
	}
	w.after = afterText
	from := i // where the text whose characters can be looked at starts
	// Each run of white space, and the one-letter word before it.
	for {
		i = spaceAfter(src, i, e)
		if i == e {
			break
		}
		if !isSpace(src[i]) {
			i++ // a control character
			continue
		}
		t := i + 1
		if t < e && src[t] <= ' ' {
			t = spaceEnd(src, t, e)
		}
		// Most words end in a letter after a letter: not one-letter words.
		if i > from && isShortWord(src[i-1]) && !(i-2 >= from && isASCIILetter(src[i-2])) && w.shortWordAt(from, i-1, joins) {
			if t == e {
				w.after, w.space, w.end, w.wordBefore = afterShortSpace, i, t, false
				return
			}
			if !startsNBSP(src[t:e]) {
				w.bind(i, t)
			}
		}
		i = t
	}
	// What this text leaves open for the text after the next tag.
	last, size := utf8.DecodeLastRune(src[from:e])
	switch {
	case size == 0:
		// Nothing after the white space read before: as it left it.
	case last < utf8.RuneSelf && isSpace(byte(last)):
		w.wordBefore = false
	default:
		w.wordBefore = joinsWord(last)
		if w.shortWordAt(from, e-1, joins) {
			w.after = afterShortWord
		}
	}
}

// shortWordAt reports whether src[at], at or after from, is a one-letter
// word: a, i, o, u, w or z after a character that does not join a word;
// joins says whether the one before from does.
func (w *shortWords) shortWordAt(from, at int, joins bool) bool {
	if at < from || !isShortWord(w.src[at]) {
		return false
	}
	if at == from {
		return !joins
	}
	if c := w.src[at-1]; c < utf8.RuneSelf {
		return !joinsWord(rune(c))
	}
	r, _ := utf8.DecodeLastRune(w.src[from:at])
	return !joinsWord(r)
}

// bind writes the page up to the white space src[space:end], and a
// no-break space for it.
func (w *shortWords) bind(space, end int) {
	w.out.Write(w.src[w.copied:space])
	w.out.WriteString("\u00a0")
	w.copied = end
}

// mark reads what text reads as one character that is not white space:
// a '<' that starts no tag, or a <code>, <kbd> or <samp> element; joins
// says whether a letter right after it would be part of its word.
func (w *shortWords) mark(joins bool) {
	if w.after == afterShortSpace {
		w.bind(w.space, w.end)
	}
	w.after, w.wordBefore = afterText, joins
}

// breakRun ends the run of text: nothing before is bound to what comes
// after.
func (w *shortWords) breakRun() { w.after, w.wordBefore = afterText, false }

// spaceAfter returns where the first byte from i on that is white space
// or a control character is, or e if there is none. It reads eight bytes
// at a time, as most bytes of text are in words.
func spaceAfter(src []byte, i, e int) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for ; i+8 <= e; i += 8 {
		// The high bit of each byte of x less than 0x21, and maybe of
		// bytes after the first such (Hacker's Delight 6-1); not of
		// bytes of 0x80 or more.
		x := binary.LittleEndian.Uint64(src[i:])
		if m := (x - ones*0x21) &^ x & highs; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for i < e && src[i] > ' ' {
		i++
	}
	return i
}

// spaceEnd returns where the white space that starts at i ends, at e at
// the latest.
func spaceEnd(src []byte, i, e int) int {
	for i < e && isSpace(src[i]) {
		i++
	}
	return i
}

// startsNBSP reports whether text starts with a no-break space, as the
// character or a character reference.
func startsNBSP(text []byte) bool {
	if len(text) >= 2 && text[0] == 0xc2 && text[1] == 0xa0 {
		return true
	}
	if len(text) < 6 || text[0] != '&' {
		return false
	}
	switch string(text[1:6]) {
	case "nbsp;", "#160;", "#xa0;", "#xA0;", "#XA0;", "#Xa0;":
		return true
	}
	return false
}

// tag reads the markup that starts with the '<' at i and returns where
// it ends.
func (w *shortWords) tag(i int) int {
	src := w.src
	j := i + 1
	if j < len(src) && (src[j] == '!' || src[j] == '?') {
		// A comment, the doctype: not text, and no end of a run of it.
		if bytes.HasPrefix(src[j:], []byte("!--")) {
			if k := bytes.Index(src[j+3:], []byte("-->")); k >= 0 {
				return j + 3 + k + 3
			}
			return len(src)
		}
		if k := bytes.IndexByte(src[j:], '>'); k >= 0 {
			return j + k + 1
		}
		return len(src)
	}
	closing := j < len(src) && src[j] == '/'
	if closing {
		j++
	}
	if j >= len(src) || !isASCIILetter(src[j]) {
		if closing {
			// "</" and no name: a comment to the next '>'.
			if k := bytes.IndexByte(src[j:], '>'); k >= 0 {
				return j + k + 1
			}
			return len(src)
		}
		// A '<' that starts no tag is text.
		if w.hidden == 0 {
			w.mark(false)
		}
		return i + 1
	}
	// The name, in lower case, as far as the names that matter go.
	var name [8]byte
	n := 0
	for ; j < len(src) && src[j] != '>' && src[j] != '/' && !isSpace(src[j]); j++ {
		if n < len(name) {
			name[n] = src[j] | 0x20
		}
		n++
	}
	if n > len(name) {
		n = 0 // longer than any name that matters
	}
	// The attributes: a quote after '=' (and spaces) starts a quoted
	// value, which may hold '>'; elsewhere, as in <a "x">, it is part of
	// an attribute's name, as HTML reads it.
	attrs := j
	value := false // the last byte but spaces was '='
	for ; j < len(src) && src[j] != '>'; j++ {
		switch q := src[j]; {
		case (q == '"' || q == '\'') && value:
			k := bytes.IndexByte(src[j+1:], q)
			if k < 0 {
				return len(src)
			}
			j += 1 + k
			value = false
		case q == '=':
			value = true
		case !isSpace(q):
			value = false
		}
	}
	if j >= len(src) {
		return len(src)
	}
	selfClosing := j > attrs && src[j-1] == '/' && (j-1 == attrs || isSpace(src[j-2]) || src[j-2] == '"' || src[j-2] == '\'')
	j++ // past '>'
	switch string(name[:n]) {
	case "a", "abbr", "b", "bdi", "bdo", "cite", "data", "del", "dfn", "em", "i", "ins",
		"mark", "q", "s", "small", "span", "strong", "sub", "sup", "time", "u", "var":
		// Inline elements of text: the run of text goes on.
		return j
	case "code", "kbd", "samp":
		// Inline, with text of its own that is left alone: a word to
		// the text around it.
		if w.hidden == 0 && !closing {
			w.mark(true)
		}
	case "pre":
		w.breakRun()
	case "svg", "math":
		w.breakRun()
		if selfClosing {
			return j
		}
	case "script", "style", "title", "textarea":
		w.breakRun()
		if closing {
			return j
		}
		return w.skipRaw(j, name[:n])
	default:
		if w.hidden == 0 {
			w.breakRun()
		}
		return j
	}
	switch {
	case !closing:
		w.hidden++
	case w.hidden > 0:
		w.hidden--
	}
	return j
}

// skipRaw returns where the text of the element name, which starts at i,
// ends: at its end tag.
func (w *shortWords) skipRaw(i int, name []byte) int {
	src := w.src
	for {
		k := bytes.Index(src[i:], []byte("</"))
		if k < 0 {
			return len(src)
		}
		i += k
		rest := src[i+2:]
		if len(rest) > len(name) && bytes.EqualFold(rest[:len(name)], name) {
			if c := rest[len(name)]; c == '>' || c == '/' || isSpace(c) {
				return i
			}
		}
		i += 2
	}
}

// isShortWord reports whether the letter c is a word when it stands
// alone: a, i, o, u, w, z, in either case.
func isShortWord(c byte) bool {
	// A bit for each of the letters, counted from 'A'.
	const short = 1<<('A'-'A') | 1<<('I'-'A') | 1<<('O'-'A') | 1<<('U'-'A') | 1<<('W'-'A') | 1<<('Z'-'A') |
		1<<('a'-'A') | 1<<('i'-'A') | 1<<('o'-'A') | 1<<('u'-'A') | 1<<('w'-'A') | 1<<('z'-'A')
	return c-'A' < 64 && short>>(c-'A')&1 != 0
}

// joinsWord reports whether a letter right after r is part of the word
// r is in (or of an address, a number, a file name) rather than a word
// of its own.
func joinsWord(r rune) bool {
	if r < utf8.RuneSelf {
		c := byte(r)
		return isASCIILetter(c) || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.' || c == '\'' || c == '/' || c == '@' || c == '\\'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '’' || r == '‐'
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// isSpace reports whether c is white space in HTML.
func isSpace(c byte) bool {
	const space = 1<<' ' | 1<<'\n' | 1<<'\t' | 1<<'\r' | 1<<'\f'
	return c <= ' ' && space>>c&1 != 0
}
